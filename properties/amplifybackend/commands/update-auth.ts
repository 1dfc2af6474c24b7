import fc from 'fast-check';
import { settled } from '../../../models/amplifybackend/model.ts';
import type { UpdateResourceConfig } from '../../../models/amplifybackend/shapes.ts';
import type { RunContext } from '../../shared/context.ts';
import { changedMessage, messageConfig, updateConfig, type UpdateWithoutResources } from '../arbitraries.ts';
import { updateAccepted, verificationOf } from '../steps.ts';
import { AmplifyCommand, changed, envOf, type AmplifyBox } from './amplify-command.ts';

/** An update; its verification message always differs from the one set, so that an update not applied shows. */
export class UpdateAuth extends AmplifyCommand {
  constructor(readonly update: UpdateWithoutResources) {
    super();
  }
  // Each update is read back before the next: an update not applied is then judged on its own.
  check(box: Readonly<AmplifyBox>): boolean {
    return settled(box.state) && box.state.auth !== undefined && (!box.state.auth.beforeUpdate || box.state.auth.lastRead !== undefined);
  }

  protected async execute(box: AmplifyBox, ctx: RunContext): Promise<void> {
    const env = envOf(ctx);
    const current = box.state.auth!.current;
    const message = changedMessage(verificationOf(current), this.update.UserPoolConfigs.VerificationMessage ?? { DeliveryMethod: 'EMAIL' });
    const config: UpdateResourceConfig = {
      AuthResources: current.AuthResources,
      ...this.update,
      UserPoolConfigs: { ...this.update.UserPoolConfigs, VerificationMessage: message },
    };
    // A job answered without its JobId is simply not recorded: the model holds what the target answered.
    const job = await updateAccepted(ctx, env, config);
    await changed(ctx, box, 'UpdateBackendAuth', job.JobId, { kind: 'update', update: config });
  }

  toString(): string {
    const named = Object.keys(this.update.UserPoolConfigs).join(', ') || 'VerificationMessage';
    return `UpdateBackendAuth(${named}${this.update.IdentityPoolConfigs ? ', IdentityPoolConfigs' : ''})`;
  }
}

export const updateAuthCommand = {
  arbitrary: fc.tuple(updateConfig, messageConfig).map(([u, m]) => new UpdateAuth({ ...u, UserPoolConfigs: { ...u.UserPoolConfigs, VerificationMessage: m } })),
};
