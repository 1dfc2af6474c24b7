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
  /**
   * Characters the service's document leaves out of `allowedCharacter` but AWS's general tagging
   * rules allow: a tag holding one is judged by either reading (accepted, or rejected), never as a
   * plain break. `tagViolations` still names it a `characters` violation (the document's reading).
   */
  readonly disputedCharacter?: RegExp;
  /** The document reserves the prefix in values too, where AWS's general rules reserve it in keys: either reading. */
  readonly disputedValuePrefix?: boolean;
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
  /** Every key an untag named, there or not, and not set again since (a case-folding target may remove another). */
  readonly untagged: ReadonlySet<string>;
}

export const emptyTags = (): TagState => ({ tags: new Map(), removed: new Set(), untagged: new Set() });

/** The documented restrictions a tag request can break, in the order they are judged. */
export type TagViolation = 'reserved-prefix' | 'key-length' | 'value-length' | 'characters' | 'count';

/** Lengths in characters (code points), as the documents count them. */
export const charLength = (s: string) => [...s].length;

/** AWS reserves its prefix in every letter case ("aws:, AWS:, or any upper or lowercase combination"). */
export const isReserved = (policy: TagPolicy, s: string | undefined): boolean => s?.toLowerCase().startsWith(policy.reservedPrefix.toLowerCase()) ?? false;
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

/**
 * Where the service's document and another AWS source disagree about a tag, so that either reading
 * is accepted: a Value left out (the document: stored as ""; the API model: Value is required), a
 * character only AWS's general rules allow, the reserved prefix at the start of a value.
 */
export type TagDispute = 'value-omitted' | 'character' | 'value-prefix';

/** The disputed points a tag sits on (none for a tag every reading judges alike). */
export function tagDisputes(policy: TagPolicy, tag: TagInput): TagDispute[] {
  const found: TagDispute[] = [];
  if (tag.Value === undefined) found.push('value-omitted');
  const disputed = (s: string | undefined) => [...(s ?? '')].some((c) => !policy.allowedCharacter.test(c) && (policy.disputedCharacter?.test(c) ?? false));
  if (disputed(tag.Key) || disputed(tag.Value)) found.push('character');
  if (policy.disputedValuePrefix && !isReserved(policy, tag.Key) && isReserved(policy, tag.Value)) found.push('value-prefix');
  return found;
}

/** The violations a disputed point accounts for under the document's reading (`tagViolations` names them so). */
export const DISPUTE_VIOLATION: Record<TagDispute, TagViolation | undefined> = {
  'value-omitted': undefined,
  character: 'characters',
  'value-prefix': 'reserved-prefix',
};

/** Tags counted toward the limit: every key without the reserved prefix. */
const countedTags = (policy: TagPolicy, keys: Iterable<string>) => [...keys].filter((k) => !isReserved(policy, k)).length;

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
  const untagged = new Set(state.untagged);
  for (const tag of incoming) {
    const origin: TagOrigin = tag.Value === undefined ? 'omitted-value' : tags.has(tag.Key) ? 'replaced' : 'set';
    tags.set(tag.Key, { value: tag.Value ?? '', origin });
    removed.delete(tag.Key);
    untagged.delete(tag.Key);
  }
  return { tags, removed, untagged };
}

/** Removes keys; a key the resource does not have is not an error and changes nothing. */
export function untagKeys(state: TagState, keys: readonly string[]): TagState {
  const tags = new Map(state.tags);
  const removed = new Set(state.removed);
  for (const key of keys) if (tags.delete(key)) removed.add(key);
  return { tags, removed, untagged: new Set([...state.untagged, ...keys]) };
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
 * Compares a listing with the model: every discrepancy, at most one per key (one per group of keys
 * that differ only in case), named by the most specific fact it breaks, so that one cause is
 * charged to one rule and a second cause is not hidden behind the first. Listed keys with the
 * reserved prefix are AWS's own: allowed, and not counted.
 */
export function compareTags(policy: TagPolicy, state: TagState, listed: readonly { Key?: string; Value?: string }[]): TagDiscrepancy[] {
  const found: TagDiscrepancy[] = [];
  const counts = new Map<string, number>();
  for (const { Key } of listed) if (Key !== undefined) counts.set(Key, (counts.get(Key) ?? 0) + 1);
  const duplicated = new Set([...counts].filter(([, n]) => n > 1).map(([key]) => key));
  for (const key of duplicated) found.push({ kind: 'duplicate-key', key });
  // Distinct keys: a key listed twice is the duplicate's finding, not a 51st tag.
  const count = countedTags(policy, counts.keys());
  if (count > policy.maxTags) found.push({ kind: 'over-limit', count });
  const listedMap = new Map(listed.map((t) => [t.Key ?? '', t.Value ?? '']));
  const lower = (s: string) => s.toLowerCase();
  const folded = new Set<string>();
  const caseFolded = (key: string, listedAs?: string) => {
    if (!folded.has(lower(key))) found.push({ kind: 'case-folded', key, listedAs });
    folded.add(lower(key));
  };
  for (const key of state.tags.keys()) {
    if (listedMap.has(key)) continue;
    const variant = [...listedMap.keys()].find((k) => lower(k) === lower(key));
    // A different-case key listed instead, or untagged and taking this one with it (both merely missing is no folding).
    const sibling = [...state.untagged].some((k) => lower(k) === lower(key));
    if (variant !== undefined || sibling) caseFolded(key, variant);
    else found.push({ kind: 'missing', key });
  }
  for (const key of listedMap.keys()) {
    if (state.tags.has(key) || isReserved(policy, key)) continue;
    if (state.removed.has(key)) found.push({ kind: 'not-removed', key });
    else if ([...state.tags.keys()].some((k) => lower(k) === lower(key))) caseFolded(key, key);
    else found.push({ kind: 'unexpected', key });
  }
  for (const [key, stored] of state.tags) {
    if (!listedMap.has(key) || duplicated.has(key) || folded.has(lower(key))) continue;
    const actual = listedMap.get(key)!;
    if (actual === stored.value) continue;
    if (stored.origin === 'omitted-value') found.push({ kind: 'omitted-value-not-empty', key, actual });
    else if (stored.origin === 'replaced') found.push({ kind: 'value-not-replaced', key, expected: stored.value, actual });
    else found.push({ kind: 'wrong-value', key, expected: stored.value, actual });
  }
  return found;
}

/** The tags as listed, taken as the model's from now on (after a discrepancy already found failing). */
export function tagStateFrom(listed: readonly { Key?: string; Value?: string }[], previous: TagState): TagState {
  const tags = new Map<string, StoredTag>(listed.map((t) => [t.Key ?? '', { value: t.Value ?? '', origin: 'set' }]));
  const kept = (keys: ReadonlySet<string>) => new Set([...keys].filter((key) => !tags.has(key)));
  return { tags, removed: kept(previous.removed), untagged: kept(previous.untagged) };
}
