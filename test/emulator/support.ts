// Shared helpers for the emulator's tests: the real SES client wired to an in-process emulator,
// and raw awsQuery requests for what an SDK would never send.
import { SESClient } from '@aws-sdk/client-ses';
import type { MetadataBearer } from '@smithy/types';
import { expect } from 'vitest';
import { fetchHandler } from '../../harness/transport/fetch-handler.ts';
import { createEmulator, type Emulator } from '../../emulator/index.ts';
import { ruleById, type ServiceName } from '../../services/index.ts';
import { EXPECTED_FAILURE } from '../../spec/fault-expectations.ts';

export const HOUR = 60 * 60 * 1000;

export function sesClient(emulator: Emulator, region = 'us-east-1', accessKeyId = 'AKIDEXAMPLE'): SESClient {
  return new SESClient({
    region,
    maxAttempts: 1,
    credentials: { accessKeyId, secretAccessKey: 'not-a-secret' },
    requestHandler: fetchHandler((request) => emulator.fetch(request)),
  });
}

/** GetIdentityVerificationAttributes is throttled at 1/s: tests that read often step past it. */
export function nextSecond(emulator: Emulator): void {
  emulator.control.clock.advance(1000);
}

function authorization(region = 'us-east-1'): string {
  return `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240101/${region}/ses/aws4_request, SignedHeaders=host, Signature=0`;
}

export function queryRequest(
  body: BodyInit | undefined,
  options: { auth?: boolean; region?: string; method?: string; path?: string; headers?: Record<string, string> } = {},
): Request {
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', ...options.headers };
  if (options.auth !== false) headers.authorization = authorization(options.region);
  return new Request(`http://localhost:4566${options.path ?? '/'}`, { method: options.method ?? 'POST', headers, body });
}

/** What an SDK client throws for an error answer: the name is the error code, `$metadata` has the HTTP status. */
export type SdkError = Error & MetadataBearer;

export function isSdkError(value: unknown): value is SdkError {
  return value instanceof Error && '$metadata' in value && typeof value.$metadata === 'object' && value.$metadata !== null;
}

/** The SDK error a call failed with, or undefined when it succeeded; other failures are thrown on. */
export async function sdkFailure(promise: Promise<unknown>): Promise<SdkError | undefined> {
  return promise.then(
    () => undefined,
    (error: unknown) => {
      if (isSdkError(error)) return error;
      throw error;
    },
  );
}

/** For a rejection handler: the error code an SDK error carries as its name; other failures are thrown on. */
export function sdkErrorName(error: unknown): string {
  if (isSdkError(error)) return error.name;
  throw error;
}

export async function expectSdkError(promise: Promise<unknown>, code: string, status: number): Promise<SdkError> {
  const error = await sdkFailure(promise);
  if (error === undefined) throw new Error(`expected ${code}, but the call succeeded`);
  expect(error.name, error.message).toBe(code);
  expect(error.$metadata.httpStatusCode).toBe(status);
  return error;
}

/** A JSON object (not an array, not null), the only JSON the emulator answers. */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The JSON object a response carries; throws when the body is anything else. */
export async function jsonObject(response: Response): Promise<Record<string, unknown>> {
  const text = await response.text();
  const parsed: unknown = JSON.parse(text);
  if (!isJsonObject(parsed)) throw new Error(`expected a JSON object, got ${text.slice(0, 200)}`);
  return parsed;
}

/** The value at `path` inside parsed JSON (object keys, array indexes), or undefined where there is none. */
export function jsonAt(value: unknown, ...path: Array<string | number>): unknown {
  let node = value;
  for (const key of path) {
    if (typeof key === 'number' && Array.isArray(node)) {
      const items: readonly unknown[] = node;
      node = items[key];
    } else if (typeof key === 'string' && isJsonObject(node) && Object.hasOwn(node, key)) {
      node = node[key];
    } else {
      return undefined;
    }
  }
  return node;
}

/**
 * A copy of `value` with the member at `path` replaced, or deleted when no replacement is given:
 * input the SDK's types forbid (a required member left out, a value outside an enum) but the SDK
 * still sends as given, for tests of the emulator's own validation. The copy keeps the type `T`
 * on purpose: that is what lets it through the SDK.
 */
export function altered<T extends object>(value: T, path: readonly [string, ...string[]], ...replacement: [] | [unknown]): T {
  const copy = structuredClone(value);
  let parent: unknown = copy;
  for (const key of path.slice(0, -1)) parent = isJsonObject(parent) ? parent[key] : undefined;
  const last = path[path.length - 1];
  if (!isJsonObject(parent)) throw new Error(`altered: no object at ${path.slice(0, -1).join('.')}`);
  if (replacement.length === 1) {
    parent[last] = replacement[0];
  } else {
    if (!Object.hasOwn(parent, last)) throw new Error(`altered: no member ${path.join('.')} to delete`);
    delete parent[last];
  }
  return copy;
}

/** Reads `<Code>` and `<Type>` out of an awsQuery error body. */
export function errorCode(xml: string): { code?: string; type?: string } {
  return { code: /<Code>([^<]*)<\/Code>/.exec(xml)?.[1], type: /<Type>([^<]*)<\/Type>/.exec(xml)?.[1] };
}

export async function follow(emulator: Emulator, link: string): Promise<number> {
  const response = await emulator.fetch(new Request(link));
  await response.text();
  return response.status;
}

/**
 * A service's faults in the emulator's catalog are exactly those spec/fault-expectations maps to
 * its rules (one list of fault ids, not one per test), each with a one-sentence description.
 */
export function expectFaultCatalog(service: ServiceName): void {
  const catalog = createEmulator()
    .control.faults.catalog()
    .filter((fault) => fault.service === service);
  const expected = Object.entries(EXPECTED_FAILURE)
    .filter(([, rule]) => ruleById(rule).service === service)
    .map(([id]) => id);
  expect(catalog.map((fault) => fault.id).sort()).toEqual(expected.sort());
  for (const fault of catalog) expect(fault.description, fault.id).toMatch(/^[A-Z].{20,}\.$/);
}
