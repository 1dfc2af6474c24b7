// `conformance sweep [--region R] [--services a,b] [--timeout-ms N] [--delete]`: lists what interrupted runs left in
// the sandbox account, and with --delete removes it. The aws target's guards apply unchanged: the
// account must be on the allow-list, and only run-named resources under the mail domain qualify.
import { SERVICES } from '../../services/index.ts';
import { ConformanceConfig, configInputFromEnv, dropUndefined } from '../config.ts';
import { firstLineOf } from '../errors.ts';
import { awsTarget } from '../targets/aws.ts';
import { GuardError } from '../targets/aws-guard.ts';
import { findLeftovers, notSwept } from '../targets/sweep.ts';
import type { Target } from '../targets/target.ts';
import { configUsageError, parseFlags, parseServiceList, parseWholeNumber } from './args.ts';
import { PreflightError } from './preflight.ts';

export const SWEEP_USAGE = `       conformance sweep [--region R] [--services a,b] [--timeout-ms N] [--delete]
                                    what interrupted runs left in the aws sandbox account (avc-... names under
                                    CONFORMANCE_EMAIL_DOMAIN); --delete removes it`;

const SWEEP_FLAGS = { region: { type: 'string' }, services: { type: 'string' }, delete: { type: 'boolean' }, 'timeout-ms': { type: 'string' } } as const;

export async function sweepCommand(args: string[], env: NodeJS.ProcessEnv, out: (line: string) => void): Promise<0 | 2> {
  const values = parseFlags(args, SWEEP_FLAGS);
  const services = values.services === undefined ? [...SERVICES] : parseServiceList('services', values.services);
  const parsed = ConformanceConfig.safeParse(
    dropUndefined({
      ...configInputFromEnv(env),
      target: 'aws',
      services,
      region: values.region,
      timeoutMs: values['timeout-ms'] === undefined ? undefined : parseWholeNumber('timeout-ms', values['timeout-ms']),
    }),
  );
  if (!parsed.success) throw configUsageError(parsed.error);
  const config = parsed.data;

  let target: Target;
  try {
    target = await awsTarget(config, { forSweep: true });
  } catch (error) {
    if (error instanceof GuardError) throw new PreflightError(error.message);
    throw error;
  }
  try {
    const { leftovers, problems } = await findLeftovers(target, config.services, config.aws.emailDomain!);
    for (const service of config.services) {
      const why = notSwept(service);
      if (why) out(`${service}: not swept: ${why}`);
    }
    for (const problem of problems) out(problem);
    for (const leftover of leftovers) out(`${leftover.service} ${leftover.region} ${leftover.what}`);
    if (!values.delete) {
      out(leftovers.length ? `${leftovers.length} left by earlier runs; npx conformance sweep --delete removes them` : 'nothing left by earlier runs');
      return problems.length ? 2 : 0;
    }
    let failed = 0;
    for (const leftover of leftovers) {
      try {
        await leftover.remove();
      } catch (error) {
        failed += 1;
        out(`could not delete ${leftover.service} ${leftover.region} ${leftover.what}: ${firstLineOf(error)}`);
      }
    }
    out(`deleted ${leftovers.length - failed} of ${leftovers.length}`);
    return failed || problems.length ? 2 : 0;
  } finally {
    await target.close();
  }
}
