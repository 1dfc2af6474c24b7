import { settled } from '../../../models/amplifybackend/model.ts';
import type { CreateResourceConfig } from '../../../models/amplifybackend/shapes.ts';
import type { RunContext } from '../../shared/context.ts';
import { createConfig } from '../arbitraries.ts';
import { createAccepted } from '../steps.ts';
import { AmplifyCommand, changed, envOf, type AmplifyBox } from './amplify-command.ts';

export class CreateAuth extends AmplifyCommand {
  constructor(readonly config: CreateResourceConfig) {
    super();
  }
  check(box: Readonly<AmplifyBox>): boolean {
    return !box.state.auth && settled(box.state);
  }

  protected async execute(box: AmplifyBox, ctx: RunContext): Promise<void> {
    const env = envOf(ctx);
    // A job answered without its JobId is simply not recorded: the model holds what the target answered.
    const job = await createAccepted(ctx, env, this.config);
    await changed(ctx, box, 'CreateBackendAuth', job.JobId, { kind: 'create', config: this.config });
  }

  toString(): string {
    return `CreateBackendAuth(${describe(this.config)})`;
  }
}

const describe = (config: CreateResourceConfig) =>
  [
    config.AuthResources,
    ...Object.entries(config.UserPoolConfigs)
      .filter(([, v]) => typeof v === 'object' && !Array.isArray(v))
      .map(([k]) => k),
  ].join(', ');

// Created with a verification message, so that every update changes one that was set.
export const createAuthCommand = { arbitrary: createConfig(false, true).map((c) => new CreateAuth(c)) };
