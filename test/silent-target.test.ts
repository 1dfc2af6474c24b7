// A target that stops answering is reported by the call that got no answer, with its exchange:
// fast-check's shrinking afterwards only meets calls that were never sent, which show nothing.
import { describe, expect, it } from 'vitest';
import { referenceTarget } from '../harness/targets/reference.ts';
import { runProperty } from '../properties/shared/run-property.ts';
import { sesProperties } from '../properties/ses/properties.ts';

describe('a target that stops answering', () => {
  it('is reported by the call that hung, not by a shrunk run that sent nothing', async () => {
    // Answers everything but VerifyEmailIdentity, which it never answers (as aws-ses-v2-local does).
    // The timeout only tells the hung call from the answered ones: ample, so that no answered call
    // of a busy machine counts as hung (the one that hangs waits it out once; later ones are not sent).
    const target = referenceTarget(
      { region: 'us-east-1', timeoutMs: 2_000 },
      {
        wrapFetch: (fetch) => async (request, init) =>
          (await request.clone().text()).includes('Action=VerifyEmailIdentity') ? new Promise<Response>(() => {}) : fetch(request, init),
      },
    );
    const lifecycle = sesProperties.find((p) => p.name === 'SES identities follow the documented verification lifecycle')!;
    const outcome = await runProperty(lifecycle, target, { seed: 3, runs: 10 });
    const errors = outcome.verdicts.filter((v) => v.status === 'error');
    expect(errors.length).toBeGreaterThan(0);
    for (const verdict of errors) {
      expect(verdict.reason).toMatch(/^VerifyEmailIdentity: no answer/);
      const hung = verdict.failure!.exchanges.at(-1)!;
      expect(hung.response).toBeUndefined();
      expect(hung.request.body).toContain('Action=VerifyEmailIdentity');
      expect(verdict.failure!.counterexample.at(-1)).toMatch(/^aws ses verify-email-identity /);
    }
  });
});
