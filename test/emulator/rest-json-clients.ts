// Shared helpers for the restJson1 services' tests: the real Pinpoint Email and AmplifyBackend
// clients wired to an in-process emulator, and raw requests for what an SDK would never send.
import { AmplifyBackendClient } from '@aws-sdk/client-amplifybackend';
import { PinpointEmailClient } from '@aws-sdk/client-pinpoint-email';
import { fetchHandler } from '../../harness/transport/fetch-handler.ts';
import type { Emulator } from '../../emulator/index.ts';
import { isJsonObject } from './support.ts';

const ACCOUNT = '000000000000';

const clientConfig = (emulator: Emulator, region: string) => ({
  region,
  maxAttempts: 1,
  credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'not-a-secret' },
  requestHandler: fetchHandler((request) => emulator.fetch(request)),
});

export function pinpointClient(emulator: Emulator, region = 'us-east-1'): PinpointEmailClient {
  return new PinpointEmailClient(clientConfig(emulator, region));
}

export function amplifyClient(emulator: Emulator, region = 'us-east-1'): AmplifyBackendClient {
  return new AmplifyBackendClient(clientConfig(emulator, region));
}

/** The ARN AWS clients build for an email identity (AWS does not return it). */
export function identityArn(identity: string, region = 'us-east-1', account = ACCOUNT): string {
  return `arn:aws:ses:${region}:${account}:identity/${identity}`;
}

export function signedRequest(method: string, path: string, body?: string, options: { auth?: boolean; service?: string } = {}): Request {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.auth !== false) {
    headers.authorization = `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240101/us-east-1/${options.service ?? 'ses'}/aws4_request, SignedHeaders=host, Signature=0`;
  }
  return new Request(`http://localhost:4566${path}`, { method, headers, body });
}

export async function rawCall(emulator: Emulator, request: Request): Promise<{ status: number; code: string | null; body: Record<string, unknown> }> {
  const response = await emulator.fetch(request);
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const body = isJsonObject(parsed) ? parsed : { unparsed: text };
  return { status: response.status, code: response.headers.get('x-amzn-errortype'), body };
}
