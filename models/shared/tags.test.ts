import { describe, expect, it } from 'vitest';
import { applyTags, compareTags, emptyTags, requestViolations, tagViolations, untagKeys, type TagPolicy } from './tags.ts';

const policy: TagPolicy = {
  maxTags: 3,
  minKeyLength: 1,
  maxKeyLength: 4,
  maxValueLength: 5,
  allowedCharacter: /^[\p{L}\p{Nd}\s_.:/=+-]$/u,
  reservedPrefix: 'aws:',
};

describe('the shared tag model', () => {
  it('names each broken restriction of a tag', () => {
    expect(tagViolations(policy, { Key: 'ok', Value: '' })).toEqual([]);
    expect(tagViolations(policy, { Key: 'ok' })).toEqual([]);
    expect(tagViolations(policy, { Key: '' })).toEqual(['key-length']);
    expect(tagViolations(policy, { Key: 'abcde', Value: 'x' })).toEqual(['key-length']);
    expect(tagViolations(policy, { Key: 'k', Value: 'abcdef' })).toEqual(['value-length']);
    expect(tagViolations(policy, { Key: 'k@', Value: 'x' })).toEqual(['characters']);
    expect(tagViolations(policy, { Key: 'k', Value: 'aws:x' })).toEqual(['reserved-prefix']);
    expect(tagViolations(policy, { Key: 'Жé9 ' })).toEqual([]);
  });

  it('counts existing tags toward the limit, and the reserved prefix not at all', () => {
    const state = applyTags(emptyTags(), [{ Key: 'a', Value: '1' }, { Key: 'b', Value: '2' }]);
    expect(requestViolations(policy, state, [{ Key: 'c', Value: '3' }])).toEqual([]);
    expect(requestViolations(policy, state, [{ Key: 'a', Value: '9' }, { Key: 'c', Value: '3' }])).toEqual([]);
    expect(requestViolations(policy, state, [{ Key: 'c', Value: '3' }, { Key: 'd', Value: '4' }])).toEqual(['count']);
  });

  it('replaces values, stores an omitted value as empty, and untags', () => {
    let state = applyTags(emptyTags(), [{ Key: 'a', Value: '1' }, { Key: 'b' }]);
    state = applyTags(state, [{ Key: 'a', Value: '2' }]);
    expect(state.tags.get('a')).toEqual({ value: '2', origin: 'replaced' });
    expect(state.tags.get('b')).toEqual({ value: '', origin: 'omitted-value' });
    state = untagKeys(state, ['a', 'zz']);
    expect([...state.tags.keys()]).toEqual(['b']);
    expect([...state.removed]).toEqual(['a']);
  });

  it('names a listing discrepancy by the fact it breaks', () => {
    let state = applyTags(emptyTags(), [{ Key: 'env', Value: 'a' }, { Key: 'Env', Value: 'b' }]);
    expect(compareTags(policy, state, [{ Key: 'env', Value: 'a' }, { Key: 'Env', Value: 'b' }])).toBeUndefined();
    expect(compareTags(policy, state, [{ Key: 'env', Value: 'b' }])?.kind).toBe('case-folded');
    expect(compareTags(policy, state, [{ Key: 'env', Value: 'a' }, { Key: 'env', Value: 'c' }])?.kind).toBe('duplicate-key');
    state = applyTags(state, [{ Key: 'env', Value: 'c' }]);
    expect(compareTags(policy, state, [{ Key: 'env', Value: 'a' }, { Key: 'Env', Value: 'b' }])?.kind).toBe('value-not-replaced');
    state = untagKeys(state, ['Env']);
    expect(compareTags(policy, state, [{ Key: 'env', Value: 'c' }, { Key: 'Env', Value: 'b' }])?.kind).toBe('not-removed');
    expect(compareTags(policy, state, [{ Key: 'env', Value: 'c' }, { Key: 'aws:x', Value: 'y' }])).toBeUndefined();
    expect(compareTags(policy, emptyTags(), [{ Key: 'a' }, { Key: 'b' }, { Key: 'c' }, { Key: 'd' }])?.kind).toBe('over-limit');
  });
});
