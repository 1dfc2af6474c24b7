// A rule is one documented fact, as data. Every rule quotes the sentence (or, for supporting
// operations that have no prose, the API-model fragment) it comes from, so a finding can show
// the user exactly which documented behaviour the target broke.

/**
 * What a target must offer for a rule to be checkable. `sms`: the harness may give users and
 * contact methods its own fictional phone numbers (an emulator; never a real account, whose texts
 * would cost money and reach real phones).
 */
const CAPABILITIES = ['clock', 'inbox', 'dns', 'throttle-probe', 'token-minting', 'sms'] as const;
export type Capability = (typeof CAPABILITIES)[number];

export type RuleKind = 'shape' | 'enum' | 'limit' | 'state' | 'error' | 'throttle' | 'auth';

/** A rule of service `S` with id `Id` (the service manifests keep both literal, so rule ids are a type). */
export interface Rule<S extends string = string, Id extends string = string> {
  readonly id: Id;
  readonly service: S;
  readonly operation: string;
  readonly kind: RuleKind;
  /** What the check asserts, in one sentence of our own. */
  readonly statement: string;
  /** The document's words. For an `aws-models/...#pointer` source: the JSON the pointer must contain. */
  readonly quote: string;
  /** `aws-docs/<file>` or `aws-models/<file>#/json/pointer`, relative to ../shared. */
  readonly source: string;
  readonly needs?: readonly Capability[];
  /**
   * Rules this one's checks presuppose (e.g. a restart after Failed needs Failed to be reached): when
   * one of them fails, this rule's observations prove nothing and it is `inconclusive`, blocked by it.
   */
  readonly dependsOn?: readonly string[];
  /** Where the documents contradict themselves: what they say, and which reading the check uses. */
  readonly contradiction?: { readonly note: string; readonly reading: string };
}

export function defineRules<const T extends readonly Rule[]>(rules: T): T {
  return rules;
}
