// Contradictions between AWS's documents (spec/rule.ts `contradiction.readings`): a check that
// accepts either reading records which one the target followed as an observation written
// `reading <name>: <what was seen>`, so that a report shows per target "reading document" or
// "reading model", and an AWS run can record the reading AWS itself follows (aws-departures.ts).
import type { Observation } from './outcome.ts';

/** The observation a check records when the target followed `reading` (a key of the rule's `contradiction.readings`). */
export const readingObservation = (reading: string, observed: string) => `reading ${reading}: ${observed}`;

const READING = /^reading ([a-z][a-z0-9-]*): /;

/** The readings a target was seen to follow, from a rule's observations (sorted, each once). */
export function readingsShown(observations: readonly Pick<Observation, 'observed'>[]): string[] {
  return [...new Set(observations.flatMap((o) => READING.exec(o.observed)?.[1] ?? []))].sort();
}
