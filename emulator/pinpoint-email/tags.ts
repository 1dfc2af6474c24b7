// The tag rules of the Pinpoint Email document: at most 50 tags per resource (counting those
// already there), keys 1..128 and values 0..256 characters of Unicode letters, digits, white
// space and `_ . : / = + -`, case-sensitive keys with one value each (tagging a key again
// replaces its value), and the reserved `aws:` prefix refused in keys and values.
// The faults of the catalog bend these rules here.
import { AwsError } from '../errors.ts';
import type { FaultRegistry } from '../control/faults.ts';
import { PinpointFault } from './faults.ts';
import type { Tag } from './store.ts';

const MAX_TAGS_PER_RESOURCE = 50;
const MAX_KEY_LENGTH = 128;
const MAX_VALUE_LENGTH = 256;
const RESERVED_PREFIX = 'aws:';

/** AWS reserves the prefix in every letter case: "aws:, AWS:, or any upper or lowercase combination". */
const isReserved = (text: string) => text.toLowerCase().startsWith(RESERVED_PREFIX);

const TAG_CHARACTERS = /^[\p{L}\p{N}\p{Z}\s_.:/=+-]*$/u;

/** A tag as it arrives: the document calls Value required yet says a missing one becomes "". */
interface IncomingTag {
  Key: string;
  Value?: string;
}

function badRequest(message: string): AwsError {
  return new AwsError('BadRequestException', message, 400);
}

/** Characters as a person counts them (code points), so one emoji is one character. */
function length(text: string): number {
  return [...text].length;
}

function checkText(what: 'key' | 'value', text: string, min: number, max: number, faults: FaultRegistry): void {
  const n = length(text);
  const longAllowed = faults.on(what === 'key' ? PinpointFault.TagsAcceptLongKey : PinpointFault.TagsAcceptLongValue);
  if (n < min && faults.on(PinpointFault.EmptyKeyValidationException)) {
    throw new AwsError(
      'ValidationException',
      `1 validation error detected: Value at 'tags.member.key' failed to satisfy constraint: Member must have length greater than or equal to ${min}`,
      400,
    );
  }
  if (n < min || (n > max && !longAllowed)) {
    throw badRequest(`Tag ${what} must be between ${min} and ${max} characters long (got ${n}).`);
  }
  if (!TAG_CHARACTERS.test(text) && !faults.on(PinpointFault.TagsAcceptAnyCharacter)) {
    throw badRequest(`Tag ${what} may contain only Unicode letters, digits, white space and _ . : / = + -.`);
  }
  const prefixAllowed = what === 'key' && faults.on(PinpointFault.TagsAcceptAwsPrefix);
  if (isReserved(text) && !prefixAllowed) {
    throw badRequest(`The ${RESERVED_PREFIX} prefix is reserved for use by AWS and can't be used in a tag ${what}.`);
  }
}

/** Checks each tag of a request and fills in missing values; throws BadRequestException. */
export function checkTags(tags: readonly IncomingTag[], faults: FaultRegistry): Tag[] {
  const seen = new Set<string>();
  return tags.map((tag) => {
    const value = tag.Value ?? '';
    checkText('key', tag.Key, 1, MAX_KEY_LENGTH, faults);
    checkText('value', value, 0, MAX_VALUE_LENGTH, faults);
    // "each tag key must be unique": one request may not name a key twice.
    if (seen.has(tag.Key)) throw badRequest(`Duplicate tag key in the request: ${tag.Key}`);
    seen.add(tag.Key);
    if (tag.Value === undefined && faults.on(PinpointFault.TagsOmittedValueDropped)) return { Key: tag.Key, Value: String(tag.Value) };
    return { Key: tag.Key, Value: value };
  });
}

function sameKey(a: string, b: string, faults: FaultRegistry): boolean {
  return faults.on(PinpointFault.TagsCaseInsensitiveKeys) ? a.toLowerCase() === b.toLowerCase() : a === b;
}

/** The resource's tags after adding `incoming` (already checked); throws when over the limit. */
export function mergeTags(existing: readonly Tag[], incoming: readonly Tag[], faults: FaultRegistry): Tag[] {
  const merged = existing.map((tag) => ({ ...tag }));
  for (const tag of incoming) {
    const at = faults.on(PinpointFault.TagsDuplicateKey) ? -1 : merged.findIndex((t) => sameKey(t.Key, tag.Key, faults));
    if (at === -1) merged.push({ ...tag });
    else merged[at] = { ...tag };
  }
  if (merged.length > MAX_TAGS_PER_RESOURCE && !faults.on(PinpointFault.TagsAcceptOver50)) throw tagLimitError(merged.length, faults);
  return merged;
}

/** The resource's tags without `keys`; keys that are not there are ignored. */
export function removeTags(existing: readonly Tag[], keys: readonly string[], faults: FaultRegistry): Tag[] {
  for (const key of keys) {
    if (isReserved(key)) throw badRequest(`Tag keys with the ${RESERVED_PREFIX} prefix can't be removed.`);
  }
  return existing.filter((tag) => !keys.some((key) => sameKey(tag.Key, key, faults)));
}

/** TagResource lists no LimitExceededException, so a 51st tag is a BadRequestException everywhere. */
function tagLimitError(count: number, faults: FaultRegistry): AwsError {
  const message = `A resource can have as many as ${MAX_TAGS_PER_RESOURCE} tags; this request would leave ${count}.`;
  if (faults.on(PinpointFault.LimitAs500)) return new AwsError('InternalFailure', message, 500);
  return badRequest(message);
}
