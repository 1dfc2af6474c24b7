// Pinpoint Email arbitraries. A valid tag request sits on one documented limit at a time (50 tags,
// 1 or 128-character keys, empty or 256-character values, one class of allowed characters beyond
// ASCII letters and digits); an invalid one breaks exactly one restriction. The rest is ASCII
// letters and digits well inside every limit, so an answer has one possible cause. Where the
// document and another AWS source disagree (a tag without Value, `@`, `aws:` at the start of a
// value) a request is valid under one reading only: such tags come only in their own requests
// (`disputedRequest`), never in the others, whose verdicts must not depend on a reading.
// Identity names come from small pools so that a command sequence revisits them.
import fc from 'fast-check';
import { HOUR, MINUTE } from '../../models/shared/clock.ts';
import type { TagDispute, TagInput } from '../../models/shared/tags.ts';
import { PINPOINT_TAG_POLICY } from '../../models/pinpoint-email/shapes.ts';
import type { Kind } from './steps.ts';

const { maxKeyLength, maxValueLength, maxTags } = PINPOINT_TAG_POLICY;

const EMAIL_POOL = ['ann', 'bob'] as const;
const DOMAIN_POOL = ['alpha', 'beta'] as const;
export type PoolName = { kind: 'email'; key: string } | { kind: 'domain'; key: string };
export const ALL_POOL_NAMES: PoolName[] = [
  ...EMAIL_POOL.map((key) => ({ kind: 'email' as const, key })),
  ...DOMAIN_POOL.map((key) => ({ kind: 'domain' as const, key })),
];
export const poolName = fc.constantFrom(...ALL_POOL_NAMES);
export const emailName = fc.constantFrom(...ALL_POOL_NAMES.filter((n) => n.kind === 'email'));
export const domainName = fc.constantFrom(...ALL_POOL_NAMES.filter((n) => n.kind === 'domain'));
export const pool = (key: string): PoolName => ALL_POOL_NAMES.find((n) => n.key === key)!;

// Characters on which every reading of "Unicode letters, digits, white space" agrees (all in the
// Basic Multilingual Plane, so a character is one UTF-16 unit and one code point alike). No `w`
// or `s`: a generated key never starts with the reserved `aws:` by accident.
const LETTERS = ['a', 'b', 'k', 'Z', 'Q', 'é', 'ß', 'Ж', 'λ', '中', 'ا'] as const;
const DIGITS = ['0', '7', '9', '٣', '५'] as const;
const WHITE_SPACE = [' ', '\u3000'] as const;
const SYMBOLS = ['_', '.', ':', '/', '=', '+', '-'] as const;
/** Outside the documented set and AWS's general one alike (`@` is only outside the document's: disputed). */
const OUTSIDE = ['#', '!', '*', '%', '&', '?', ',', ';', '<', '>', '|', '$', '~', '^', '(', ')', '[', ']', '{', '}', '"', "'", '\\', '`'] as const;

const allowedChar = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...LETTERS) },
  { weight: 2, arbitrary: fc.constantFrom(...DIGITS) },
  { weight: 1, arbitrary: fc.constantFrom(...WHITE_SPACE) },
  { weight: 2, arbitrary: fc.constantFrom(...SYMBOLS) },
);
const outsideChar = fc.constantFrom(...OUTSIDE);

/** A string of exactly `length` allowed characters, starting with a letter (never `aws:`). */
const allowedString = (length: number) =>
  length === 0
    ? fc.constant('')
    : fc
        .tuple(fc.constantFrom(...LETTERS), fc.array(allowedChar, { minLength: length - 1, maxLength: length - 1 }))
        .map(([first, rest]) => first + rest.join(''));

/** The documented limits a valid request can sit on; `none`: ASCII letters and digits well inside every limit. */
export type ValidBoundary = 'count' | 'key-min' | 'key-max' | 'value-empty' | 'value-max' | 'letters' | 'digits' | 'white-space' | 'symbols' | 'none';
export const VALID_BOUNDARIES: ValidBoundary[] = [
  'count',
  'key-min',
  'key-max',
  'value-empty',
  'value-max',
  'letters',
  'digits',
  'white-space',
  'symbols',
  'none',
];

const ALNUM = [...'abcdefghijklmnopqrtuvxyzABCDEFGHIJKLMNOPQRTUVXYZ0123456789'];
/** `first`, then ASCII letters and digits up to `length` (no `w` or `s`: never `aws:`). */
const plain = (first: string, length: number) =>
  fc.array(fc.constantFrom(...ALNUM), { minLength: length - 1, maxLength: length - 1 }).map((rest) => first + rest.join(''));
const NON_ASCII_LETTERS = LETTERS.filter((c) => !/[A-Za-z]/.test(c));
const NON_ASCII_DIGITS = DIGITS.filter((c) => !/[0-9]/.test(c));

/** A plain string of `length` (3 or more) with one of `chars` inside it: neither first nor last, where a trim would not reach. */
const withChar = (first: string, length: number, chars: fc.Arbitrary<string>) =>
  fc.tuple(plain(first, length - 1), chars, fc.nat({ max: length - 3 })).map(([s, c, at]) => s.slice(0, at + 1) + c + s.slice(at + 1));

/** One tag that sits on `boundary` (not 'count') and on no other limit. */
function boundaryTag(boundary: Exclude<ValidBoundary, 'count'>): fc.Arbitrary<TagInput> {
  const key = fc.integer({ min: 2, max: 20 }).chain((n) => plain('k', n));
  const value = fc.integer({ min: 1, max: 20 }).chain((n) => plain('v', n));
  const inKeyOrValue = (chars: fc.Arbitrary<string>) =>
    fc
      .tuple(fc.boolean(), fc.integer({ min: 3, max: 20 }))
      .chain(([inKey, n]) =>
        inKey
          ? fc.tuple(withChar('k', n, chars), value).map(([Key, Value]) => ({ Key, Value }))
          : fc.tuple(key, withChar('v', n, chars)).map(([Key, Value]) => ({ Key, Value })),
      );
  switch (boundary) {
    case 'key-min':
      return fc.tuple(fc.constantFrom(...'kKqZ'), value).map(([Key, Value]) => ({ Key, Value }));
    case 'key-max':
      return fc.tuple(plain('k', maxKeyLength), value).map(([Key, Value]) => ({ Key, Value }));
    case 'value-empty':
      return key.map((Key) => ({ Key, Value: '' }));
    case 'value-max':
      return fc.tuple(key, plain('v', maxValueLength)).map(([Key, Value]) => ({ Key, Value }));
    case 'letters':
      return inKeyOrValue(fc.constantFrom(...NON_ASCII_LETTERS));
    case 'digits':
      return inKeyOrValue(fc.constantFrom(...NON_ASCII_DIGITS));
    case 'white-space':
      return inKeyOrValue(fc.constantFrom(...WHITE_SPACE));
    case 'symbols':
      return inKeyOrValue(fc.constantFrom(...SYMBOLS));
    case 'none':
      return fc.tuple(key, value).map(([Key, Value]) => ({ Key, Value }));
  }
}

/** The same, fixed for the examples: each character class, each symbol. */
export const BOUNDARY_EXAMPLES: Record<Exclude<ValidBoundary, 'count'>, TagInput> = {
  'key-min': { Key: 'k', Value: 'v1' },
  'key-max': { Key: 'k'.repeat(maxKeyLength), Value: 'v1' },
  'value-empty': { Key: 'k1', Value: '' },
  'value-max': { Key: 'k1', Value: 'v'.repeat(maxValueLength) },
  letters: { Key: 'kéßЖλ中ا', Value: 'vÉЖ' },
  digits: { Key: 'k٣५', Value: 'v٣' },
  'white-space': { Key: 'k k', Value: 'v\u3000v' },
  symbols: { Key: 'k_.:/=+-', Value: 'v_.:/=+-' },
  none: { Key: 'k1', Value: 'v1' },
};

/** One documented restriction broken at its boundary (or just past it). */
export type TagBreak = 'count' | 'key-empty' | 'key-long' | 'value-long' | 'key-character' | 'value-character' | 'key-prefix';
const TAG_BREAKS: TagBreak[] = ['count', 'key-empty', 'key-long', 'value-long', 'key-character', 'value-character', 'key-prefix'];

/** `aws:` in every letter case: AWS reserves "aws:, AWS:, or any upper or lowercase combination". */
export const RESERVED_CASES = ['aws:', 'AWS:', 'Aws:', 'aWs:', 'awS:', 'AWs:', 'AwS:', 'aWS:'] as const;

/** A tag that breaks `kind` (not 'count') and nothing else. */
function brokenTag(kind: Exclude<TagBreak, 'count'>): fc.Arbitrary<TagInput> {
  const over = (max: number) => fc.constantFrom(max + 1, max + 1, max + 2, 2 * max);
  const insert = (s: string, c: string, at: number) => s.slice(0, at) + c + s.slice(at);
  const reserved = (rest: string) => fc.constantFrom(...RESERVED_CASES).map((prefix) => prefix + rest);
  switch (kind) {
    case 'key-empty':
      return allowedString(3).map((value) => ({ Key: '', Value: value }));
    case 'key-long':
      return over(maxKeyLength)
        .chain((n) => allowedString(n))
        .map((key) => ({ Key: key, Value: 'v' }));
    case 'value-long':
      return over(maxValueLength)
        .chain((n) => allowedString(n))
        .map((value) => ({ Key: 'k', Value: value }));
    case 'key-character':
      return fc.tuple(allowedString(4), outsideChar, fc.nat({ max: 4 })).map(([s, c, at]) => ({ Key: insert(s, c, at), Value: 'v' }));
    case 'value-character':
      return fc.tuple(allowedString(4), outsideChar, fc.nat({ max: 4 })).map(([s, c, at]) => ({ Key: 'k', Value: insert(s, c, at) }));
    case 'key-prefix':
      return allowedString(4)
        .chain(reserved)
        .map((key) => ({ Key: key, Value: 'v' }));
  }
}

/** Fillers: `count` distinct keys f0, f1, ... (the same names every time, so calls add up). */
export const fillers = (count: number, value = 'x', prefix = 'f'): TagInput[] =>
  Array.from({ length: count }, (_, i) => ({ Key: `${prefix}${i}`, Value: value }));

/** Keys the model-based property tags with: case variants of one another, so replacing and case both matter. */
export const POOL_KEYS = ['env', 'Env', 'ENV', 'team'] as const;
const POOL_VALUES = ['a', 'A', 'prod', 'v2'] as const;
// Always with a Value: a tag without one is valid under the document's reading only (disputedRequest).
const poolTag: fc.Arbitrary<TagInput> = fc
  .record({ key: fc.constantFrom(...POOL_KEYS), value: fc.constantFrom(...POOL_VALUES) })
  .map(({ key, value }) => ({ Key: key, Value: value }));
export const poolTags = fc.uniqueArray(poolTag, { minLength: 0, maxLength: 3, selector: (t) => t.Key });
/** How many fillers a TagResource adds: 0 most often, otherwise around the limit. */
export const fillerCount = fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.constantFrom(1, 44, 45, 46, 47, 48, 49, 50, 51) });

/** Clock steps that land on both sides of the 72 h window, never near its edge. */
export const clockStep = fc.constantFrom(1 * MINUTE, 1 * HOUR, 6 * HOUR, 23 * HOUR, 49 * HOUR, 73 * HOUR);

export const pageSize = fc.constantFrom(undefined, 1, 2, 1000);

export const kindArb = fc.constantFrom('email' as const, 'domain' as const);

// The stateless tag properties' requests: each sits on one limit, or breaks one restriction.
export type TagOperation = 'CreateEmailIdentity' | 'TagResource';
export const OPERATIONS: TagOperation[] = ['CreateEmailIdentity', 'TagResource'];

/** New keys g0, g1, ...: apart from the existing fillers f0, f1, ... */
export const newKeys = (count: number) => fillers(count, 'x', 'g');

/** A valid request on one limit: on CreateEmailIdentity, or on TagResource of an identity that has `existing` tags. */
export interface ValidRequest {
  operation: TagOperation;
  kind: Kind;
  boundary: ValidBoundary;
  existing: number;
  tags: TagInput[];
}

export const validRequest: fc.Arbitrary<ValidRequest> = fc
  .record({ operation: fc.constantFrom(...OPERATIONS), kind: kindArb, boundary: fc.constantFrom(...VALID_BOUNDARIES) })
  .chain(({ operation, kind, boundary }): fc.Arbitrary<ValidRequest> => {
    const existingArb = (top: number) => (operation === 'TagResource' ? fc.constantFrom(0, 1, 25, top) : fc.constant(0));
    if (boundary === 'count') return existingArb(maxTags - 1).map((existing) => ({ operation, kind, boundary, existing, tags: newKeys(maxTags - existing) }));
    // Companions stay clear of 50: this request sits on its one limit only.
    return fc
      .tuple(boundaryTag(boundary), existingArb(maxTags - 3), fc.nat({ max: 1 }))
      .map(([tag, existing, companions]) => ({ operation, kind, boundary, existing, tags: [...newKeys(companions), tag] }));
  });

/** A request breaking exactly one restriction: on CreateEmailIdentity, or on TagResource of an identity that has `existing` tags. */
export interface BrokenRequest {
  operation: TagOperation;
  kind: Kind;
  broken: TagBreak;
  existing: number;
  tags: TagInput[];
}

export const brokenRequest: fc.Arbitrary<BrokenRequest> = fc
  .record({ operation: fc.constantFrom(...OPERATIONS), kind: kindArb, broken: fc.constantFrom(...TAG_BREAKS) })
  .chain(({ operation, kind, broken }): fc.Arbitrary<BrokenRequest> => {
    if (broken === 'count') {
      const existing = operation === 'TagResource' ? fc.constantFrom(0, 1, maxTags - 1, maxTags) : fc.constant(0);
      // New keys on top of the existing ones: the total is 50 + over.
      return fc
        .tuple(existing, fc.constantFrom(1, 1, 1, 2, 10))
        .map(([n, over]) => ({ operation, kind, broken, existing: n, tags: newKeys(maxTags - n + over) }));
    }
    // Valid companions, never enough to reach 51 with the existing tags.
    return fc.tuple(brokenTag(broken), fc.nat({ max: 2 }), fc.constantFrom(0, 1, maxTags - 3)).map(([bad, companions, existing]) => ({
      operation,
      kind,
      broken,
      existing: operation === 'TagResource' ? existing : 0,
      tags: [...newKeys(companions), bad],
    }));
  });

/**
 * One disputed tag (see TagDispute): on CreateEmailIdentity, or on TagResource of an identity that
 * has `existing` fillers f0, f1, ... (`retag`: the disputed tag's key is f0, one it already has).
 */
export interface DisputedRequest {
  operation: TagOperation;
  kind: Kind;
  dispute: TagDispute;
  retag: boolean;
  existing: number;
  tags: TagInput[];
}

/** A disputed tag with key `key` (a key never disputed itself when given). */
function disputedTag(dispute: TagDispute, key?: string): fc.Arbitrary<TagInput> {
  const value = fc.integer({ min: 1, max: 20 }).chain((n) => plain('v', n));
  const keyArb = key === undefined ? fc.integer({ min: 2, max: 20 }).chain((n) => plain('k', n)) : fc.constant(key);
  switch (dispute) {
    case 'value-omitted':
      return keyArb.map((Key) => ({ Key }));
    case 'character':
      // `@` inside the key (unless the key is given) or inside the value, where a trim would not reach.
      return fc
        .tuple(fc.boolean(), fc.integer({ min: 3, max: 20 }), keyArb, value)
        .chain(([inKey, n, k, v]) =>
          inKey && key === undefined
            ? withChar('k', n, fc.constant('@')).map((Key) => ({ Key, Value: v }))
            : withChar('v', n, fc.constant('@')).map((Value) => ({ Key: k, Value })),
        );
    case 'value-prefix':
      return fc.tuple(keyArb, fc.constantFrom(...RESERVED_CASES), allowedString(4)).map(([Key, prefix, rest]) => ({ Key, Value: prefix + rest }));
  }
}

const DISPUTES: TagDispute[] = ['value-omitted', 'character', 'value-prefix'];

export const disputedRequest: fc.Arbitrary<DisputedRequest> = fc
  .record({ operation: fc.constantFrom(...OPERATIONS), kind: kindArb, dispute: fc.constantFrom(...DISPUTES), retag: fc.boolean() })
  .chain(({ operation, kind, dispute, retag }): fc.Arbitrary<DisputedRequest> => {
    const again = operation === 'TagResource' && retag;
    const existing = operation === 'TagResource' ? fc.constantFrom(again ? 1 : 0, 1, 5, maxTags - 3) : fc.constant(0);
    return fc
      .tuple(disputedTag(dispute, again ? 'f0' : undefined), existing, fc.nat({ max: 1 }))
      .map(([tag, n, companions]) => ({ operation, kind, dispute, retag: again, existing: n, tags: [...newKeys(companions), tag] }));
  });
