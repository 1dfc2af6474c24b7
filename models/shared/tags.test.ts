import { describe, expect, it } from 'vitest';
import {
  applyTags,
  compareTags,
  DISPUTE_VIOLATION,
  emptyTags,
  requestViolations,
  tagDisputes,
  tagStateFrom,
  tagViolations,
  untagKeys,
  type TagPolicy,
  type TagState,
} from './tags.ts';

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

  it('names the points where the document and other AWS sources disagree, each also a violation under the document', () => {
    const disputing: TagPolicy = { ...policy, disputedCharacter: /^@$/u, disputedValuePrefix: true };
    expect(tagDisputes(disputing, { Key: 'ok', Value: 'x' })).toEqual([]);
    expect(tagDisputes(disputing, { Key: 'ok' })).toEqual(['value-omitted']);
    expect(tagDisputes(disputing, { Key: 'k@', Value: 'x' })).toEqual(['character']);
    expect(tagDisputes(disputing, { Key: 'k', Value: 'x@' })).toEqual(['character']);
    expect(tagDisputes(disputing, { Key: 'k', Value: 'AWS:x' })).toEqual(['value-prefix']);
    // Outside both sets, or the prefix on a key: no dispute, a plain violation.
    expect(tagDisputes(disputing, { Key: 'k#', Value: 'x' })).toEqual([]);
    expect(tagDisputes(disputing, { Key: 'aws:k', Value: 'aws:x' })).toEqual([]);
    // A policy that disputes nothing.
    expect(tagDisputes(policy, { Key: 'k@', Value: 'aws:x' })).toEqual([]);
    // Under the document's reading each disputed point is the violation it names.
    expect(tagViolations(disputing, { Key: 'k@', Value: 'x' })).toEqual(['characters']);
    expect(tagViolations(disputing, { Key: 'k', Value: 'aws:x' })).toEqual(['reserved-prefix']);
    expect(tagViolations(disputing, { Key: 'k' })).toEqual([]);
    // And the violation each dispute stands for is that one.
    expect(DISPUTE_VIOLATION).toMatchObject({ character: 'characters', 'value-prefix': 'reserved-prefix' });
  });

  it('counts existing tags toward the limit, and the reserved prefix not at all', () => {
    const state = applyTags(emptyTags(), [
      { Key: 'a', Value: '1' },
      { Key: 'b', Value: '2' },
    ]);
    expect(requestViolations(policy, state, [{ Key: 'c', Value: '3' }])).toEqual([]);
    expect(
      requestViolations(policy, state, [
        { Key: 'a', Value: '9' },
        { Key: 'c', Value: '3' },
      ]),
    ).toEqual([]);
    expect(
      requestViolations(policy, state, [
        { Key: 'c', Value: '3' },
        { Key: 'd', Value: '4' },
      ]),
    ).toEqual(['count']);
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

  it('names each listing discrepancy by the fact it breaks, one per key', () => {
    const kinds = (state: TagState, listed: { Key?: string; Value?: string }[]) =>
      compareTags(policy, state, listed).map((d) => `${d.kind} ${'key' in d ? d.key : d.count}`);
    let state = applyTags(emptyTags(), [
      { Key: 'env', Value: 'a' },
      { Key: 'Env', Value: 'b' },
    ]);
    expect(
      kinds(state, [
        { Key: 'env', Value: 'a' },
        { Key: 'Env', Value: 'b' },
      ]),
    ).toEqual([]);
    expect(kinds(state, [{ Key: 'env', Value: 'b' }])).toEqual(['case-folded Env']);
    expect(
      kinds(state, [
        { Key: 'env', Value: 'a' },
        { Key: 'env', Value: 'c' },
      ]),
    ).toEqual(['duplicate-key env', 'case-folded Env']);
    state = applyTags(state, [{ Key: 'env', Value: 'c' }]);
    expect(
      kinds(state, [
        { Key: 'env', Value: 'a' },
        { Key: 'Env', Value: 'b' },
      ]),
    ).toEqual(['value-not-replaced env']);
    state = untagKeys(state, ['Env']);
    expect(
      kinds(state, [
        { Key: 'env', Value: 'c' },
        { Key: 'Env', Value: 'b' },
      ]),
    ).toEqual(['not-removed Env']);
    // Untagging Env took env with it.
    expect(kinds(state, [])).toEqual(['case-folded env']);
    expect(
      kinds(state, [
        { Key: 'env', Value: 'c' },
        { Key: 'aws:x', Value: 'y' },
        { Key: 'AWS:y', Value: 'z' },
      ]),
    ).toEqual([]);
    expect(kinds(emptyTags(), [{ Key: 'a' }, { Key: 'b' }, { Key: 'c' }, { Key: 'd' }])).toEqual([
      'over-limit 4',
      'unexpected a',
      'unexpected b',
      'unexpected c',
      'unexpected d',
    ]);
    // Untagging a key it did not have took a different-case key with it.
    expect(kinds(untagKeys(applyTags(emptyTags(), [{ Key: 'Env' }]), ['ENV']), [])).toEqual(['case-folded Env']);
    // Different-case keys both missing: missing, not folded.
    expect(kinds(applyTags(emptyTags(), [{ Key: 'env' }, { Key: 'ENV' }]), [])).toEqual(['missing env', 'missing ENV']);
    // Two causes at once: neither hides the other.
    state = untagKeys(applyTags(emptyTags(), [{ Key: 'a', Value: '1' }, { Key: 'b' }, { Key: 'c', Value: '3' }]), ['c']);
    expect(
      kinds(state, [
        { Key: 'a', Value: '1' },
        { Key: 'b', Value: 'undefined' },
        { Key: 'c', Value: '3' },
      ]),
    ).toEqual(['not-removed c', 'omitted-value-not-empty b']);
  });

  it('reserves the prefix in every letter case', () => {
    for (const key of ['aws:', 'AWS:', 'Aws:', 'aWS:']) expect(tagViolations(policy, { Key: key, Value: 'v' }), key).toEqual(['reserved-prefix']);
    expect(tagViolations(policy, { Key: 'k', Value: 'aWs:v' })).toEqual(['reserved-prefix']);
  });

  it('takes a listing as the model after a discrepancy', () => {
    const state = untagKeys(
      applyTags(emptyTags(), [
        { Key: 'a', Value: '1' },
        { Key: 'b', Value: '2' },
      ]),
      ['b'],
    );
    const rebased = tagStateFrom(
      [
        { Key: 'a', Value: '1' },
        { Key: 'b', Value: '2' },
      ],
      state,
    );
    expect(
      compareTags(policy, rebased, [
        { Key: 'a', Value: '1' },
        { Key: 'b', Value: '2' },
      ]),
    ).toEqual([]);
    expect([...rebased.removed]).toEqual([]);
  });
});
