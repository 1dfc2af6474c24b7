// How an SDK error is sorted: an AWS answer, an operation the target does not know, or no
// usable answer. Checked against real SDK errors from answers a target might give.
import { GetUserAttributeVerificationCodeCommand } from '@aws-sdk/client-cognito-identity-provider';
import { ListIdentitiesCommand, SESClient } from '@aws-sdk/client-ses';
import { describe, expect, it } from 'vitest';
import { referenceTarget } from '../../harness/targets/reference.ts';
import { fetchHandler } from '../../harness/transport/fetch-handler.ts';
import { call, isNotImplemented, notImplementedAnswer, observeError } from './call.ts';
import { newEvidence, RunContext } from './context.ts';
import { NotImplementedError, TargetError } from './failure.ts';

async function sdkErrorFor(status: number, contentType: string, body: string): Promise<unknown> {
  const client = new SESClient({
    region: 'us-east-1',
    maxAttempts: 1,
    credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
    requestHandler: fetchHandler(async () => new Response(body, { status, headers: { 'content-type': contentType } })),
  });
  return client.send(new ListIdentitiesCommand({})).then(
    () => undefined,
    (e: unknown) => e,
  );
}

describe('sorting SDK errors', () => {
  it('reads an AWS query error', async () => {
    const error = observeError(
      await sdkErrorFor(400, 'text/xml', '<ErrorResponse><Error><Type>Sender</Type><Code>ValidationError</Code><Message>bad</Message></Error></ErrorResponse>'),
    );
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

// An emulator that lacks an operation often says so only in words, in a 5xx the SDK may not read.
// The texts are those of moto (moto/core/responses.py: `raise NotImplementedError(f"The {action}
// action has not been implemented")`, served as a Werkzeug page) and LocalStack
// (localstack/utils/coverage_docs.py: "API action '...' for service '...' not yet implemented or pro feature").

/** moto's answer to an action it lacks, as the Werkzeug debugger serves the NotImplementedError (HTTP 500). */
const MOTO_DEBUGGER_PAGE = `<!doctype html>
<html lang=en>
  <head>
    <title>NotImplementedError: The get_user_attribute_verification_code action has not been implemented
 // Werkzeug Debugger</title>
    <link rel="stylesheet" href="?__debugger__=yes&amp;cmd=resource&amp;f=style.css">
    <script>
      var CONSOLE_MODE = false, EVALEX = true, EVALEX_TRUSTED = false, SECRET = "Xs8hVlwfRGb6qlsdHNHx";
    </script>
  </head>
  <body style="background-color: #fff">
    <div class="debugger">
<h1>NotImplementedError</h1>
<div class="detail">
  <p class="errormsg">NotImplementedError: The get_user_attribute_verification_code action has not been implemented
</p>
</div>
<h2 class="traceback">Traceback <em>(most recent call last)</em></h2>
</div></body></html>`;

/** Werkzeug's page for any unhandled exception, without the debugger: it names none. */
const WERKZEUG_500_PAGE = `<!doctype html>
<html lang=en>
<title>500 Internal Server Error</title>
<h1>Internal Server Error</h1>
<p>The server encountered an internal error and was unable to complete your request. Either the server is overloaded or there is an error in the application.</p>
`;

const LOCALSTACK_MESSAGE =
  "API action 'GetUserAttributeVerificationCode' for service 'cognito-idp' not yet implemented or pro feature - please check https://docs.localstack.cloud/references/coverage/coverage_cognito-idp/ for further information";

/** A run context on the reference emulator, where one operation gets the given answer instead. */
function contextAnswering(operation: string, status: number, contentType: string, body: string): RunContext {
  const target = referenceTarget(
    { region: 'us-east-1', timeoutMs: 5_000 },
    {
      wrapFetch: (fetch) => async (request, init) => {
        const named = request.headers.get('x-amz-target')?.endsWith(`.${operation}`) || (await request.clone().text()).includes(`Action=${operation}&`);
        return named ? new Response(body, { status, headers: { 'content-type': contentType } }) : fetch(request, init);
      },
    },
  );
  return new RunContext(target, newEvidence(), target.newNaming());
}

const guavc = () => new GetUserAttributeVerificationCodeCommand({ AccessToken: 'token', AttributeName: 'email' });

async function outcome(
  ctx: RunContext,
  service: 'cognito-idp' | 'ses',
  command: GetUserAttributeVerificationCodeCommand | ListIdentitiesCommand,
): Promise<unknown> {
  return call(ctx, service, command, ['COGNITO.AUTH.NO_IAM']).then(
    (r) => r,
    (e: unknown) => e,
  );
}

/** The value, checked to be an instance of `type`, as one. */
function expectInstance<T>(value: unknown, type: abstract new (...args: never[]) => T, what?: string): T {
  expect(value, what).toBeInstanceOf(type);
  if (!(value instanceof type)) throw new Error('unreachable: toBeInstanceOf failed');
  return value;
}

describe('an operation the target says, in words, it does not implement', () => {
  it("takes moto's HTML 500 naming NotImplementedError as not-implemented, quoting what it said", async () => {
    const ctx = contextAnswering('GetUserAttributeVerificationCode', 500, 'text/html; charset=utf-8', MOTO_DEBUGGER_PAGE);
    const error = expectInstance(await outcome(ctx, 'cognito-idp', guavc()), NotImplementedError);
    expect(error.operation).toBe('GetUserAttributeVerificationCode');
    expect(error.message).toMatch(/^GetUserAttributeVerificationCode is not implemented by the target: HTTP 500 text\/html/);
    expect(error.message).toContain('NotImplementedError: The get_user_attribute_verification_code action has not been implemented');
    expect(error.evidence.exchanges.at(-1)?.response?.status).toBe(500);
  });

  it('takes a 500 whose JSON, XML or text body says "has not been implemented" as not-implemented', async () => {
    const json = expectInstance(
      await outcome(
        contextAnswering(
          'GetUserAttributeVerificationCode',
          500,
          'application/x-amz-json-1.1',
          JSON.stringify({ __type: 'InternalFailure', message: 'The get_user_attribute_verification_code action has not been implemented' }),
        ),
        'cognito-idp',
        guavc(),
      ),
      NotImplementedError,
    );
    expect(json.message).toBe(
      'GetUserAttributeVerificationCode is not implemented by the target: InternalFailure (HTTP 500) The get_user_attribute_verification_code action has not been implemented',
    );

    const xml = expectInstance(
      await outcome(
        contextAnswering(
          'ListIdentities',
          500,
          'text/xml',
          '<ErrorResponse><Error><Type>Receiver</Type><Code>InternalFailure</Code>' +
            '<Message>The list_identities action has not been implemented</Message></Error></ErrorResponse>',
        ),
        'ses',
        new ListIdentitiesCommand({}),
      ),
      NotImplementedError,
    );
    expect(xml.message).toContain('(HTTP 500) The list_identities action has not been implemented');

    const text = expectInstance(
      await outcome(
        contextAnswering(
          'GetUserAttributeVerificationCode',
          502,
          'text/plain',
          'NotImplementedError: The get_user_attribute_verification_code action has not been implemented',
        ),
        'cognito-idp',
        guavc(),
      ),
      NotImplementedError,
    );
    expect(text.message).toContain('HTTP 502 text/plain "NotImplementedError: The get_user_attribute_verification_code action');
  });

  it('takes LocalStack\'s 501 and 500 "not yet implemented" as not-implemented', async () => {
    for (const status of [501, 500]) {
      const body = JSON.stringify({ __type: 'InternalFailure', message: LOCALSTACK_MESSAGE });
      const answered = await outcome(contextAnswering('GetUserAttributeVerificationCode', status, 'application/x-amz-json-1.1', body), 'cognito-idp', guavc());
      const error = expectInstance(answered, NotImplementedError, `HTTP ${status}`);
      const said = `InternalFailure (HTTP ${status}) API action 'GetUserAttributeVerificationCode' for service 'cognito-idp' not yet implemented`;
      expect(error.message).toContain(said);
    }
    // The same JSON where the SDK expects XML (SES): unreadable to it, read off the exchange.
    const ses = expectInstance(
      await outcome(
        contextAnswering(
          'ListIdentities',
          500,
          'application/x-amz-json-1.1',
          JSON.stringify({ __type: 'InternalFailure', message: "API action 'ListIdentities' for service 'ses' not yet implemented or pro feature" }),
        ),
        'ses',
        new ListIdentitiesCommand({}),
      ),
      NotImplementedError,
    );
    expect(ses.message).toMatch(/ListIdentities is not implemented by the target: HTTP 500 application\/x-amz-json-1\.1 ".*not yet implemented or pro feature/);
  });

  it("takes moto's bare 500 page as not-implemented only where the emulator's own log names the operation", async () => {
    const ctx = contextAnswering('GetUserAttributeVerificationCode', 500, 'text/html; charset=utf-8', WERKZEUG_500_PAGE);
    const asked: string[] = [];
    ctx.target.oob.explainServerError = async (operation) => {
      asked.push(operation);
      return operation === 'GetUserAttributeVerificationCode'
        ? `NotImplementedError: The get_user_attribute_verification_code action has not been implemented`
        : undefined;
    };
    const error = expectInstance(await outcome(ctx, 'cognito-idp', guavc()), NotImplementedError);
    expect(asked).toEqual(['GetUserAttributeVerificationCode']);
    expect(error.message).toBe(
      'GetUserAttributeVerificationCode is not implemented by the target: HTTP 500; its log: NotImplementedError: The get_user_attribute_verification_code action has not been implemented',
    );

    // A log that names nothing leaves the page what it is: an unreadable answer.
    ctx.target.oob.explainServerError = async () => undefined;
    expect(expectInstance(await outcome(ctx, 'cognito-idp', guavc()), TargetError).message).toMatch(/unreadable answer: HTTP 500/);
  });

  it('keeps an ordinary 500 InternalFailure an AWS error, and a page naming no missing operation an unreadable answer', async () => {
    const plain = await outcome(
      contextAnswering(
        'GetUserAttributeVerificationCode',
        500,
        'application/x-amz-json-1.1',
        JSON.stringify({ __type: 'InternalFailure', message: 'An internal error occurred' }),
      ),
      'cognito-idp',
      guavc(),
    );
    expect(plain).toMatchObject({ ok: false, error: { code: 'InternalFailure', httpStatus: 500 } });

    const page = expectInstance(
      await outcome(contextAnswering('GetUserAttributeVerificationCode', 500, 'text/html; charset=utf-8', WERKZEUG_500_PAGE), 'cognito-idp', guavc()),
      TargetError,
    );
    expect(page.message).toMatch(/unreadable answer: HTTP 500/);

    // Words about something else, or in a client error, are no sign of a missing operation.
    const client = await outcome(
      contextAnswering(
        'GetUserAttributeVerificationCode',
        400,
        'application/x-amz-json-1.1',
        JSON.stringify({ __type: 'InvalidParameterException', message: 'This attribute is not implemented for verification' }),
      ),
      'cognito-idp',
      guavc(),
    );
    expect(client).toMatchObject({ ok: false, error: { code: 'InvalidParameterException', httpStatus: 400 } });
    expect(isNotImplemented({ code: 'InternalFailure', httpStatus: 500, message: 'Implementation error: state not initialised' })).toBe(false);
    expect(notImplementedAnswer({ status: 500, headers: {}, body: '{"__type":"InternalFailure","message":"An internal error occurred"}' })).toBeUndefined();
  });
});
