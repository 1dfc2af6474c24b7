import fc from 'fast-check';
import { sparing } from '../../shared/checks.ts';
import type { RunContext } from '../../shared/context.ts';
import { ALL_POOL_NAMES, THROTTLE_BURST } from '../arbitraries.ts';
import { judgeBurst, sendBurst } from '../steps.ts';
import { realName, SesCommand, type SesBox } from './ses-command.ts';

/** The one place the harness exceeds the documented rate on purpose. */
export class ThrottleProbe extends SesCommand {
  constructor(readonly index: number) {
    super();
  }

  check(): boolean {
    return true;
  }

  protected async execute(_box: SesBox, ctx: RunContext): Promise<void> {
    const burst = await sendBurst(ctx, [realName(ctx, ALL_POOL_NAMES[this.index])], THROTTLE_BURST);
    // The probe changes nothing the model holds: a throttling rule broken again leaves it as true as before.
    sparing(ctx, () => judgeBurst(ctx, burst));
  }

  toString(): string {
    return `ThrottleProbe(${THROTTLE_BURST} calls)`;
  }
}

export const throttleProbeCommand = {
  needs: ['throttle-probe'] as const,
  arbitrary: fc.nat({ max: ALL_POOL_NAMES.length - 1 }).map((i) => new ThrottleProbe(i)),
};
