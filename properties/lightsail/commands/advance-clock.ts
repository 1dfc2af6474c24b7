import type { LightsailModel } from '../../../models/lightsail/model.ts';
import { advanceClockCommand as advanceClock } from '../../shared/model-run.ts';
import { clockStep } from '../arbitraries.ts';

/** Moves the target's clock: a verification request may expire. */
export const advanceClockCommand = advanceClock<LightsailModel>(clockStep);
