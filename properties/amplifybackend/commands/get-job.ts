import type { RunContext } from '../../shared/context.ts';
import { jobIndex } from '../arbitraries.ts';
import { checkJob } from '../steps.ts';
import { AmplifyCommand, envOf, type AmplifyBox } from './amplify-command.ts';

/** Reads job `index` (modulo the jobs started), or the latest when `index` is negative. */
export class GetJob extends AmplifyCommand {
  constructor(readonly index: number) {
    super();
  }
  check(box: Readonly<AmplifyBox>): boolean {
    return box.state.jobs.size > 0;
  }

  protected async execute(box: AmplifyBox, ctx: RunContext): Promise<void> {
    const jobs = [...box.state.jobs];
    const [jobId, operation] = this.index < 0 ? jobs.at(-1)! : jobs[this.index % jobs.length]!;
    await checkJob(ctx, envOf(ctx), jobId, operation);
  }

  toString(): string {
    return this.index < 0 ? 'GetBackendJob(latest)' : `GetBackendJob(#${this.index})`;
  }
}

export const getJobCommand = { arbitrary: jobIndex.map((i) => new GetJob(i)) };
