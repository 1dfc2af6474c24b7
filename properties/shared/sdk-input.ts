// Requests the documents call invalid, built for the SDK to send as given: its types forbid them (a
// value outside an enum), its serializer does not check. The copy keeps the input's type on
// purpose: that is what lets it through the SDK, and what the target is then seen to refuse.

/** A copy of `input` with `member` set to `value`, whatever the SDK's type allows there. */
export function withMember<T extends object>(input: T, member: keyof T & string, value: unknown): T {
  const copy = { ...input };
  Reflect.set(copy, member, value);
  return copy;
}
