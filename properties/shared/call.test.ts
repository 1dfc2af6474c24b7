// How an SDK error is sorted: an AWS answer, an operation the target does not know, or no
// usable answer. Checked against real SDK errors from answers a target might give.
import { ListIdentitiesCommand, SESClient } from '@aws-sdk/client-ses';
import { describe, expect, it } from 'vitest';
import { fetchHandler } from '../../harness/transport/fetch-handler.ts';
import { isNotImplemented, observeError } from './call.ts';

async function sdkErrorFor(status: number, contentType: string, body: string): Promise<unknown> {
  const client = new SESClient({
    region: 'us-east-1', maxAttempts: 1, credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
    requestHandler: fetchHandler(async () => new Response(body, { status, headers: { 'content-type': contentType } })),
  });
  return client.send(new ListIdentitiesCommand({})).then(() => undefined, (e: unknown) => e);
}

describe('sorting SDK errors', () => {
  it('reads an AWS query error', async () => {
    const error = observeError(await sdkErrorFor(400, 'text/xml', '<ErrorResponse><Error><Type>Sender</Type><Code>ValidationError</Code><Message>bad</Message></Error></ErrorResponse>'));
    expect(error).toMatchObject({ code: 'ValidationError', httpStatus: 400, message: 'bad' });
    expect(isNotImplemented(error!)).toBe(false);
  });

  it('takes a 500 with an unreadable body as a server error, not as not-implemented', async () => {
    const error = observeError(await sdkErrorFor(500, 'text/html', '<html>oops</html>'));
    expect(error?.httpStatus).toBe(500);
    expect(isNotImplemented(error!)).toBe(false);
  });

  it('takes a bare 404, 501 or an unknown-operation code as not-implemented', async () => {
    expect(isNotImplemented(observeError(await sdkErrorFor(404, 'text/xml', '<UnknownOperationException/>'))!)).toBe(true);
    expect(isNotImplemented(observeError(await sdkErrorFor(501, 'text/plain', 'Not Implemented'))!)).toBe(true);
    expect(isNotImplemented({ code: 'UnknownOperationException', httpStatus: 400, message: '' })).toBe(true);
    expect(isNotImplemented({ code: 'NotFoundException', httpStatus: 404, message: '' })).toBe(false);
  });

  it('finds no AWS answer in an error body the SDK cannot parse', async () => {
    expect(observeError(await sdkErrorFor(400, 'application/json', '{"message":"Missing x-amz-target header"}'))).toBeUndefined();
  });
});
