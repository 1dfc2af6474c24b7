import type { PinpointModel } from '../../../models/pinpoint-email/model.ts';
import { advanceClockCommand as advanceClock } from '../../shared/model-run.ts';
import { clockStep } from '../arbitraries.ts';

/** Moves the target's clock forward, across the 72 h window. */
export const advanceClockCommand = advanceClock<PinpointModel>(clockStep);
