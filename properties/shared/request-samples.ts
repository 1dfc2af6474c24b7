// Our generators against the documents: samples of an arbitrary meant to make valid requests, each
// checked to parse with the request schema transcribed from the AWS documents (models/<service>/shapes.ts).
import fc from 'fast-check';
import { expect } from 'vitest';
import type { z } from 'zod';

/** 200 samples of `arbitrary`, the same on every run (seed 1). */
export const samples = <T>(arbitrary: fc.Arbitrary<T>): T[] => fc.sample(arbitrary, { numRuns: 200, seed: 1 });

const issues = (error: z.ZodError | undefined) => error?.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ') ?? 'none';

/** Every request parses with the documented schema; a failure names the request and what the schema found. */
export function expectDocumented(schema: z.ZodType, requests: readonly unknown[]): void {
  expect(requests.length).toBeGreaterThan(0);
  for (const request of requests) {
    const parsed = schema.safeParse(request);
    expect(parsed.success, `${JSON.stringify(request)}: ${issues(parsed.error)}`).toBe(true);
  }
}

/** No request parses with the documented schema: the generator of invalid requests breaks what the documents state. */
export function expectUndocumented(schema: z.ZodType, requests: readonly unknown[]): void {
  expect(requests.length).toBeGreaterThan(0);
  for (const request of requests) expect(schema.safeParse(request).success, JSON.stringify(request)).toBe(false);
}
