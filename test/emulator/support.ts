// Shared helpers for the emulator's tests: the real SES client wired to an in-process emulator,
// and raw awsQuery requests for what an SDK would never send.
import { SESClient } from '@aws-sdk/client-ses';
import { expect } from 'vitest';
import { fetchHandler } from '../../harness/transport/fetch-handler.ts';
import type { Emulator } from '../../emulator/index.ts';

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

export function authorization(region = 'us-east-1'): string {
  return `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240101/${region}/ses/aws4_request, SignedHeaders=host, Signature=0`;
}

export function queryRequest(body: BodyInit | undefined, options: { auth?: boolean; region?: string; method?: string; path?: string; headers?: Record<string, string> } = {}): Request {
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', ...options.headers };
  if (options.auth !== false) headers.authorization = authorization(options.region);
  return new Request(`http://localhost:4566${options.path ?? '/'}`, { method: options.method ?? 'POST', headers, body });
}

export async function expectSdkError(promise: Promise<unknown>, code: string, status: number): Promise<Error & { $metadata: { httpStatusCode?: number } }> {
  const error = await promise.then(
    () => {
      throw new Error(`expected ${code}, but the call succeeded`);
    },
    (e: unknown) => e as Error & { $metadata: { httpStatusCode?: number } },
  );
  expect(error.name, error.message).toBe(code);
  expect(error.$metadata.httpStatusCode).toBe(status);
  return error;
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
