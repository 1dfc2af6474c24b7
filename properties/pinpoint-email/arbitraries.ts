// Pinpoint Email arbitraries, biased to the documented boundaries: tag counts 0, 1, 49, 50, 51;
// key lengths 0, 1, 127, 128, 129; value lengths 0, 1, 255, 256, 257; characters from every
// allowed class and just outside it. Identity names come from small pools so that a command
// sequence revisits them (tag again, delete, create again).
import fc from 'fast-check';
import { HOUR, MINUTE } from '../../models/shared/clock.ts';
import type { TagInput } from '../../models/shared/tags.ts';
import { PINPOINT_TAG_POLICY } from '../../models/pinpoint-email/shapes.ts';

const { maxTags, maxKeyLength, maxValueLength } = PINPOINT_TAG_POLICY;

export const EMAIL_POOL = ['ann', 'bob'] as const;
export const DOMAIN_POOL = ['alpha', 'beta'] as const;
export type PoolName = { kind: 'email'; key: string } | { kind: 'domain'; key: string };
export const ALL_POOL_NAMES: PoolName[] = [
  ...EMAIL_POOL.map((key) => ({ kind: 'email' as const, key })),
  ...DOMAIN_POOL.map((key) => ({ kind: 'domain' as const, key })),
];
export const poolName = fc.constantFrom(...ALL_POOL_NAMES);
export const emailName = fc.constantFrom(...ALL_POOL_NAMES.filter((n) => n.kind === 'email'));
export const domainName = fc.constantFrom(...ALL_POOL_NAMES.filter((n) => n.kind === 'domain'));

// Characters on which every reading of "Unicode letters, digits, white space" agrees (all in the
// Basic Multilingual Plane, so a character is one UTF-16 unit and one code point alike). No `w`
// or `s`: a generated key never starts with the reserved `aws:` by accident.
export const LETTERS = ['a', 'b', 'k', 'Z', 'Q', 'é', 'ß', 'Ж', 'λ', '中', 'ا'] as const;
export const DIGITS = ['0', '7', '9', '٣', '५'] as const;
export const WHITE_SPACE = [' ', '\u3000'] as const;
export const SYMBOLS = ['_', '.', ':', '/', '=', '+', '-'] as const;
/** Just outside the documented set: printable ASCII symbols it does not list. */
export const OUTSIDE = ['@', '#', '!', '*', '%', '&', '?', ',', ';', '<', '>', '|', '$', '~', '^', '(', ')', '[', ']', '{', '}', '"', "'", '\\', '`'] as const;

export const allowedChar = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...LETTERS) },
  { weight: 2, arbitrary: fc.constantFrom(...DIGITS) },
  { weight: 1, arbitrary: fc.constantFrom(...WHITE_SPACE) },
  { weight: 2, arbitrary: fc.constantFrom(...SYMBOLS) },
);
export const outsideChar = fc.constantFrom(...OUTSIDE);

/** A string of exactly `length` allowed characters, starting with a letter (never `aws:`). */
export const allowedString = (length: number) =>
  length === 0 ? fc.constant('') : fc.tuple(fc.constantFrom(...LETTERS), fc.array(allowedChar, { minLength: length - 1, maxLength: length - 1 })).map(([first, rest]) => first + rest.join(''));

export const validKeyLength = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(1, 2, maxKeyLength - 1, maxKeyLength) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: maxKeyLength }) });
export const validValueLength = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(0, 1, maxValueLength - 1, maxValueLength) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: maxValueLength }) });
export const validTagCount = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(0, 1, maxTags - 1, maxTags) }, { weight: 1, arbitrary: fc.integer({ min: 2, max: maxTags - 2 }) });

/** A valid tag; Value left out now and then (stored as ""). */
export const validTag: fc.Arbitrary<TagInput> = fc
  .record({ key: validKeyLength.chain(allowedString), value: fc.option(validValueLength.chain(allowedString), { freq: 6, nil: undefined }) })
  .map(({ key, value }) => (value === undefined ? { Key: key } : { Key: key, Value: value }));

/**
 * `count` valid tags with distinct keys. (Keys that differ only in case are exercised by the
 * retagging and model-based properties, where a counterexample stays short.)
 */
export const validTags = (count: number): fc.Arbitrary<TagInput[]> =>
  fc.uniqueArray(validTag, { minLength: count, maxLength: count, selector: (t) => t.Key.toLowerCase() });

/** One documented restriction broken at its boundary (or just past it). */
export type TagBreak = 'count' | 'key-empty' | 'key-long' | 'value-long' | 'key-character' | 'value-character' | 'key-prefix' | 'value-prefix';
export const TAG_BREAKS: TagBreak[] = ['count', 'key-empty', 'key-long', 'value-long', 'key-character', 'value-character', 'key-prefix', 'value-prefix'];

/** A tag that breaks `kind` (not 'count') and nothing else. */
export function brokenTag(kind: Exclude<TagBreak, 'count'>): fc.Arbitrary<TagInput> {
  const over = (max: number) => fc.constantFrom(max + 1, max + 1, max + 2, 2 * max);
  const insert = (s: string, c: string, at: number) => s.slice(0, at) + c + s.slice(at);
  switch (kind) {
    case 'key-empty':
      return allowedString(3).map((value) => ({ Key: '', Value: value }));
    case 'key-long':
      return over(maxKeyLength).chain((n) => allowedString(n)).map((key) => ({ Key: key, Value: 'v' }));
    case 'value-long':
      return over(maxValueLength).chain((n) => allowedString(n)).map((value) => ({ Key: 'k', Value: value }));
    case 'key-character':
      return fc.tuple(allowedString(4), outsideChar, fc.nat({ max: 4 })).map(([s, c, at]) => ({ Key: insert(s, c, at), Value: 'v' }));
    case 'value-character':
      return fc.tuple(allowedString(4), outsideChar, fc.nat({ max: 4 })).map(([s, c, at]) => ({ Key: 'k', Value: insert(s, c, at) }));
    case 'key-prefix':
      return allowedString(4).map((rest) => ({ Key: `aws:${rest}`, Value: 'v' }));
    case 'value-prefix':
      return allowedString(4).map((rest) => ({ Key: 'k', Value: `aws:${rest}` }));
  }
}

/** Fillers: `count` distinct keys f0, f1, ... (the same names every time, so calls add up). */
export const fillers = (count: number, value = 'x'): TagInput[] => Array.from({ length: count }, (_, i) => ({ Key: `f${i}`, Value: value }));

/** Keys the model-based property tags with: case variants of one another, so replacing and case both matter. */
export const POOL_KEYS = ['env', 'Env', 'ENV', 'team', 'k'] as const;
export const POOL_VALUES = ['', 'a', 'A', 'prod', 'x y'] as const;
export const poolTag: fc.Arbitrary<TagInput> = fc
  .record({ key: fc.constantFrom(...POOL_KEYS), value: fc.option(fc.constantFrom(...POOL_VALUES), { freq: 6, nil: undefined }) })
  .map(({ key, value }) => (value === undefined ? { Key: key } : { Key: key, Value: value }));
export const poolTags = fc.uniqueArray(poolTag, { minLength: 0, maxLength: 3, selector: (t) => t.Key });
/** How many fillers a TagResource adds: 0 most often, otherwise around the limit. */
export const fillerCount = fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.constantFrom(1, 44, 45, 46, 47, 48, 49, 50, 51) });

/** Clock steps that land on both sides of the 72 h window, never near its edge. */
export const clockStep = fc.constantFrom(1 * MINUTE, 1 * HOUR, 6 * HOUR, 23 * HOUR, 49 * HOUR, 73 * HOUR);

export const pageSize = fc.constantFrom(undefined, 1, 2, 1000);
