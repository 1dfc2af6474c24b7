// A rule is one documented fact, as data. Every rule quotes the sentence (or, for supporting
// operations that have no prose, the API-model fragment) it comes from, so a finding can show
// the user exactly which documented behaviour the target broke. Where neither states what the rule
// checks, the rule says so: it is an assumption, with its reason (see `basisOf`).

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
  /**
   * The words that state what the rule checks. For an `aws-docs/...` source: a sentence of that document
   * (never a bare request-syntax line or error list). For an `aws-models/...#pointer` source: the JSON the
   * pointer must contain (a `required` list, an enum, a `min`/`max`, an `errors` list, an error's HTTP status).
   */
  readonly quote: string;
  /** `aws-docs/<file>` or `aws-models/<file>#/json/pointer`, relative to ../shared. */
  readonly source: string;
  /**
   * Set where no sentence of the documents and no API-model element states what the rule checks: why the
   * check is reasonable all the same, and the public AWS source, if any, that supports it. `quote` and
   * `source` then give the nearest words our sources do have (still checked to stand there).
   */
  readonly assumption?: { readonly reason: string; readonly publicSource?: string };
  readonly needs?: readonly Capability[];
  /**
   * Rules this one's checks presuppose (e.g. a restart after Failed needs Failed to be reached): when
   * one of them fails, this rule's observations prove nothing and it is `inconclusive`, blocked by it.
   */
  readonly dependsOn?: readonly string[];
  /** Where the documents contradict themselves: what they say, and which reading the check uses. */
  readonly contradiction?: {
    readonly note: string;
    readonly reading: string;
    /**
     * Where the check accepts either reading: each reading's name (`document`, `model`, ...) and what
     * it says. The check records which one the target followed as an observation `reading <name>: ...`
     * (harness/report/readings.ts); an AWS run records AWS's in baselines/aws.json (aws-departures.ts).
     */
    readonly readings?: Readonly<Record<string, string>>;
  };
}

/**
 * What a rule rests on: `document` (a sentence of an `aws-docs/` document), `api-model` (an element of an
 * `aws-models/` API model), or `assumption` (neither states it; the rule gives its reason).
 */
export const RULE_BASES = ['document', 'api-model', 'assumption'] as const;
export type RuleBasis = (typeof RULE_BASES)[number];

/** A rule's basis: an assumption where it says so, else the kind of its source. */
export function basisOf(rule: Pick<Rule, 'source' | 'assumption'>): RuleBasis {
  if (rule.assumption) return 'assumption';
  return rule.source.startsWith('aws-models/') ? 'api-model' : 'document';
}

export function defineRules<const T extends readonly Rule[]>(rules: T): T {
  return rules;
}
