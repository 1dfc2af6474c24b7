// Tags as AWS documents them for its taggable resources: a per-resource limit, key and value
// lengths, a character set, a reserved prefix, case-sensitive keys with one value each. Each
// service gives its own numbers (TagPolicy); the rest is the same everywhere. Pure.

export interface TagPolicy {
  readonly maxTags: number;
  readonly maxKeyLength: number;
  readonly minKeyLength: number;
  readonly maxValueLength: number;
  /** The characters a key or value may hold. */
  readonly allowedCharacter: RegExp;
  /** Reserved for AWS: not allowed in keys or values the user defines; such tags do not count toward maxTags. */
  readonly reservedPrefix: string;
}

/** A tag as sent: Value may be left out (where the service allows it). */
export interface TagInput {
  readonly Key: string;
  readonly Value?: string;
}

/** How a stored tag came to have its value, so that a discrepancy can be named by the rule it breaks. */
export type TagOrigin = 'set' | 'replaced' | 'omitted-value';

export interface StoredTag {
  readonly value: string;
  readonly origin: TagOrigin;
}

export interface TagState {
  readonly tags: ReadonlyMap<string, StoredTag>;
  /** Keys removed by an untag and not set again since. */
  readonly removed: ReadonlySet<string>;
}

export const emptyTags = (): TagState => ({ tags: new Map(), removed: new Set() });

/** The documented restrictions a tag request can break, in the order they are judged. */
export type TagViolation = 'reserved-prefix' | 'key-length' | 'value-length' | 'characters' | 'count';

/** Lengths in characters (code points), as the documents count them. */
export const charLength = (s: string) => [...s].length;

const isReserved = (policy: TagPolicy, s: string | undefined) => s !== undefined && s.startsWith(policy.reservedPrefix);
const allAllowed = (policy: TagPolicy, s: string) => [...s].every((c) => policy.allowedCharacter.test(c));

/** The restrictions a single tag breaks (none for a valid tag). */
export function tagViolations(policy: TagPolicy, tag: TagInput): TagViolation[] {
  const found: TagViolation[] = [];
  if (isReserved(policy, tag.Key) || isReserved(policy, tag.Value)) found.push('reserved-prefix');
  const keyLength = charLength(tag.Key);
  if (keyLength < policy.minKeyLength || keyLength > policy.maxKeyLength) found.push('key-length');
  if (tag.Value !== undefined && charLength(tag.Value) > policy.maxValueLength) found.push('value-length');
  if (!allAllowed(policy, tag.Key) || (tag.Value !== undefined && !allAllowed(policy, tag.Value))) found.push('characters');
  return found;
}

/** Tags counted toward the limit: every key without the reserved prefix. */
export const countedTags = (policy: TagPolicy, keys: Iterable<string>) => [...keys].filter((k) => !k.startsWith(policy.reservedPrefix)).length;

/** The keys a resource would have after `incoming` is applied (incoming keys are distinct). */
export function keysAfter(state: TagState, incoming: readonly TagInput[]): Set<string> {
  return new Set([...state.tags.keys(), ...incoming.map((t) => t.Key)]);
}

/** Every restriction a request breaks, against the tags the resource already has. */
export function requestViolations(policy: TagPolicy, state: TagState, incoming: readonly TagInput[]): TagViolation[] {
  const found = new Set(incoming.flatMap((tag) => tagViolations(policy, tag)));
  if (countedTags(policy, keysAfter(state, incoming)) > policy.maxTags) found.add('count');
  return [...found];
}

/** Applies a request that is valid: an existing key gets its new value, an omitted Value is stored as "". */
export function applyTags(state: TagState, incoming: readonly TagInput[]): TagState {
  const tags = new Map(state.tags);
  const removed = new Set(state.removed);
  for (const tag of incoming) {
    const origin: TagOrigin = tag.Value === undefined ? 'omitted-value' : tags.has(tag.Key) ? 'replaced' : 'set';
    tags.set(tag.Key, { value: tag.Value ?? '', origin });
    removed.delete(tag.Key);
  }
  return { tags, removed };
}

/** Removes keys; a key the resource does not have is not an error and changes nothing. */
export function untagKeys(state: TagState, keys: readonly string[]): TagState {
  const tags = new Map(state.tags);
  const removed = new Set(state.removed);
  for (const key of keys) if (tags.delete(key)) removed.add(key);
  return { tags, removed };
}

/** What a listing shows that the model does not allow, named by the documented fact it breaks. */
export type TagDiscrepancy =
  | { kind: 'duplicate-key'; key: string }
  | { kind: 'over-limit'; count: number }
  | { kind: 'case-folded'; key: string; listedAs?: string }
  | { kind: 'not-removed'; key: string }
  | { kind: 'value-not-replaced'; key: string; expected: string; actual: string }
  | { kind: 'omitted-value-not-empty'; key: string; actual: string }
  | { kind: 'missing'; key: string }
  | { kind: 'unexpected'; key: string }
  | { kind: 'wrong-value'; key: string; expected: string; actual: string };

/**
 * Compares a listing with the model, most specific finding first: duplicate keys, the limit,
 * case folding, an untag not applied, a replacement not applied, then plain differences.
 * Listed keys with the reserved prefix are AWS's own: allowed, and not counted.
 */
export function compareTags(policy: TagPolicy, state: TagState, listed: readonly { Key?: string; Value?: string }[]): TagDiscrepancy | undefined {
  const seen = new Set<string>();
  for (const { Key } of listed) {
    if (Key !== undefined && seen.has(Key)) return { kind: 'duplicate-key', key: Key };
    if (Key !== undefined) seen.add(Key);
  }
  const count = countedTags(policy, seen);
  if (count > policy.maxTags) return { kind: 'over-limit', count };
  const listedMap = new Map(listed.map((t) => [t.Key ?? '', t.Value ?? '']));
  const lower = (s: string) => s.toLowerCase();
  for (const key of state.tags.keys()) {
    if (listedMap.has(key)) continue;
    const variant = [...listedMap.keys()].find((k) => lower(k) === lower(key));
    const sibling = [...state.tags.keys()].some((k) => k !== key && lower(k) === lower(key));
    if (variant !== undefined || sibling) return { kind: 'case-folded', key, listedAs: variant };
  }
  for (const key of listedMap.keys()) {
    if (state.tags.has(key) || key.startsWith(policy.reservedPrefix)) continue;
    if (state.removed.has(key)) return { kind: 'not-removed', key };
    if ([...state.tags.keys()].some((k) => lower(k) === lower(key))) return { kind: 'case-folded', key, listedAs: key };
  }
  for (const [key, stored] of state.tags) {
    if (!listedMap.has(key)) return { kind: 'missing', key };
    const actual = listedMap.get(key)!;
    if (actual === stored.value) continue;
    if (stored.origin === 'omitted-value') return { kind: 'omitted-value-not-empty', key, actual };
    if (stored.origin === 'replaced') return { kind: 'value-not-replaced', key, expected: stored.value, actual };
    return { kind: 'wrong-value', key, expected: stored.value, actual };
  }
  for (const key of listedMap.keys()) {
    if (!state.tags.has(key) && !key.startsWith(policy.reservedPrefix)) return { kind: 'unexpected', key };
  }
  return undefined;
}
