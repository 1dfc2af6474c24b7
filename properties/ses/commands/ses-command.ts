// What every SES command shares: the model is keyed by pool names (check() has no target, so no
// real names); run() resolves a pool name to this run's real identity name.
import type { SesModel } from '../../../models/ses/model.ts';
import type { RunContext } from '../../shared/context.ts';
import { BaseCommand, type ModelBox } from '../../shared/model-run.ts';
import type { PoolName } from '../arbitraries.ts';

export type SesBox = ModelBox<SesModel>;

export const poolKey = (name: PoolName) => (name.kind === 'email' ? name.local : name.label);

export const realName = (ctx: RunContext, name: PoolName) => (name.kind === 'email' ? ctx.naming.email(name.local) : ctx.naming.domain(name.label));

export abstract class SesCommand extends BaseCommand<SesModel> {}
