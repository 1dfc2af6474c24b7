// A target that lacks one operation loses only the rules that need it: the property runs again
// without the inputs that call the missing operation, and the rest of its rules are still checked.
import { describe, expect, it } from 'vitest';
import { referenceTarget } from '../harness/targets/reference.ts';
import type { Target } from '../harness/targets/target.ts';
import fc from 'fast-check';
import { checkThat } from '../properties/shared/checks.ts';
import { NotImplementedError } from '../properties/shared/failure.ts';
import { defineProperty } from '../properties/shared/property.ts';
import { runProperty } from '../properties/shared/run-property.ts';
import { runSuite } from './support/run-suite.ts';
import { loadProperties } from '../services/index.ts';

const PROPERTIES = await loadProperties();

/** The reference emulator, but answering one awsJson operation as an emulator that does not know it. */
function targetWithout(operation: string, faults: string[] = []): Target {
  return referenceTarget(
    { region: 'us-east-1', timeoutMs: 5_000 },
    {
      faults,
      wrapFetch: (fetch) => async (request, init) => {
        if (!request.headers.get('x-amz-target')?.endsWith(`.${operation}`)) return fetch(request, init);
        const body = JSON.stringify({ __type: 'UnknownOperationException', message: `Unknown operation ${operation}` });
        return new Response(body, { status: 400, headers: { 'content-type': 'application/x-amz-json-1.1' } });
      },
    },
  );
}

/** moto's answer to an action it lacks, served by the Werkzeug debugger: HTTP 500, an HTML page naming the NotImplementedError. */
const motoLacking = (action: string) => `<!doctype html>
<html lang=en>
  <head>
    <title>NotImplementedError: The ${action} action has not been implemented
 // Werkzeug Debugger</title>
  </head>
  <body style="background-color: #fff">
    <div class="debugger">
<h1>NotImplementedError</h1>
<div class="detail">
  <p class="errormsg">NotImplementedError: The ${action} action has not been implemented
</p>
</div>
</div></body></html>`;

/** The reference emulator, but answering one awsJson operation as moto's server does when it lacks it. */
function motoWithout(operation: string, action: string): Target {
  return referenceTarget(
    { region: 'us-east-1', timeoutMs: 5_000 },
    {
      wrapFetch: (fetch) => async (request, init) => {
        if (!request.headers.get('x-amz-target')?.endsWith(`.${operation}`)) return fetch(request, init);
        return new Response(motoLacking(action), { status: 500, headers: { 'content-type': 'text/html; charset=utf-8' } });
      },
    },
  );
}

describe('an operation the target does not implement', () => {
  it('costs only the rules that need it: the others are still checked', async () => {
    const report = await runSuite('cognito-idp', PROPERTIES['cognito-idp'], { target: targetWithout('GlobalSignOut'), runs: 10 });
    const revoked = report.rules.find((r) => r.id === 'COGNITO.AUTH.REVOKED_TOKEN')!;
    expect(revoked.status).toBe('not-implemented');
    expect(revoked.failure!.exchanges.at(-1)!.request.headers['x-amz-target']).toMatch(/GlobalSignOut$/);
    const others = report.rules.filter((r) => r.id !== 'COGNITO.AUTH.REVOKED_TOKEN');
    expect(others.filter((r) => r.status !== 'pass').map((r) => `${r.id}: ${r.status} ${r.reason ?? ''}`)).toEqual([]);
  });

  it('makes every rule of a property not-implemented when the property cannot do without it', async () => {
    const report = await runSuite('cognito-idp', PROPERTIES['cognito-idp'], { target: targetWithout('CreateUserPool'), runs: 2 });
    expect(new Set(report.rules.map((r) => r.status))).toEqual(new Set(['not-implemented']));
  });

  it('gives a finding a path that replays it without the missing operation', async () => {
    // Odd inputs call an operation the target lacks (an example sends one first); inputs from 10 up break the rule.
    const property = defineProperty({
      name: 'needs Missing for odd inputs',
      service: 'ses',
      rules: ['SES.GIVA.MAX_IDENTITIES'],
      arbitrary: (env) => fc.integer({ min: 0, max: 40 }).map((n) => (env.unsupported.has('Missing') ? n - (n % 2) : n)),
      examples: (env) => (env.unsupported.has('Missing') ? [0] : [1]),
      async run(ctx, n) {
        if (n % 2) throw new NotImplementedError('Missing', 'Missing is not implemented by the target', ctx.evidence(), []);
        checkThat(ctx, 'SES.GIVA.MAX_IDENTITIES', 'Op', n < 10, () => ({ message: 'broke', expected: '< 10', actual: String(n) }), 'n');
      },
    });
    const target = referenceTarget({ region: 'us-east-1', timeoutMs: 5_000 });
    const outcome = await runProperty(property, target, { seed: 3, runs: 20 });
    const finding = outcome.verdicts.find((v) => v.ruleId === 'SES.GIVA.MAX_IDENTITIES')!.failure!;
    expect(finding.path).toMatch(/~Missing$/);
    const replay = await runProperty(property, target, { seed: finding.seed, runs: 20, path: finding.path });
    const replayed = replay.verdicts.find((v) => v.ruleId === 'SES.GIVA.MAX_IDENTITIES')!;
    expect(replayed.status).toBe('fail');
    expect(replayed.failure!.path).toBe(finding.path);
    expect(replayed.failure!.actual).toBe(finding.actual);
  });

  it("is recognised in moto's HTML 500 for it: the rules needing it are not-implemented, not error", async () => {
    const report = await runSuite('cognito-idp', PROPERTIES['cognito-idp'], {
      target: motoWithout('GetUserAttributeVerificationCode', 'get_user_attribute_verification_code'),
      runs: 5,
    });
    expect(report.rules.filter((r) => r.status === 'error').map((r) => `${r.id}: ${r.reason}`)).toEqual([]);
    for (const id of ['COGNITO.CODE.ATTRIBUTE_NAME_LENGTH', 'COGNITO.CODE.VERIFIABLE_ONLY', 'COGNITO.CODE.DELIVERY_DETAILS']) {
      const rule = report.rules.find((r) => r.id === id)!;
      expect(rule.status, id).toBe('not-implemented');
      // The verdict says what the target answered.
      expect(rule.reason).toMatch(
        /GetUserAttributeVerificationCode is not implemented by the target: HTTP 500 text\/html.*get_user_attribute_verification_code action has not been implemented/,
      );
      expect(rule.failure!.exchanges.at(-1)!.request.headers['x-amz-target']).toMatch(/GetUserAttributeVerificationCode$/);
    }
    // The rules that do without it are still checked.
    expect(
      report.rules
        .filter((r) => r.status !== 'not-implemented')
        .map((r) => `${r.id}: ${r.status}`)
        .filter((line) => !line.endsWith(': pass')),
    ).toEqual([]);
  });
});
