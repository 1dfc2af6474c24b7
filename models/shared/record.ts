// Reading values whose shape is not known yet (a parsed answer, a thrown value, a configuration
// walked by path): an object's members are each `unknown` until checked.

/** Any object (arrays included), its members still to be checked. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** A member of `value`, or undefined where `value` is no object. */
export function memberOf(value: unknown, key: string): unknown {
  return isObject(value) ? value[key] : undefined;
}
