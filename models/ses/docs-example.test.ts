// The document's own example, as data and on the wire: replayed through msw to the real SDK
// client, it parses with the Zod model, so the model agrees with the example AWS published.
import { GetIdentityVerificationAttributesCommand, SESClient } from '@aws-sdk/client-ses';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import example from '../../fixtures/docs-examples/ses-get-identity-verification-attributes.json' with { type: 'json' };
import { fetchHandler } from '../../harness/transport/fetch-handler.ts';
import { GetIdentityVerificationAttributesRequest, GetIdentityVerificationAttributesResponse, VerificationStatus } from './shapes.ts';

const server = setupServer(http.post('https://email.us-east-1.amazonaws.com/', () => HttpResponse.xml(example.wire)));

describe('the SES document example', () => {
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());

  it('parses with the Zod model', () => {
    expect(GetIdentityVerificationAttributesRequest.parse(example.request)).toEqual(example.request);
    const parsed = GetIdentityVerificationAttributesResponse.parse(example.response);
    expect(VerificationStatus.parse(parsed.VerificationAttributes['example.com'].VerificationStatus)).toBe('Success');
  });

  it('reads the same through the SDK from its wire form', async () => {
    const client = new SESClient({
      region: 'us-east-1',
      maxAttempts: 1,
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'example' },
      requestHandler: fetchHandler((request) => fetch(request)),
    });
    const { $metadata: _m, ...output } = await client.send(new GetIdentityVerificationAttributesCommand(example.request));
    expect(GetIdentityVerificationAttributesResponse.parse(output)).toEqual(example.response);
  });

  it('rejects what the model forbids', () => {
    expect(GetIdentityVerificationAttributesRequest.safeParse({ Identities: Array.from({ length: 101 }, (_, i) => `${i}.example.com`) }).success).toBe(false);
    expect(VerificationStatus.safeParse('pending').success).toBe(false);
  });
});
