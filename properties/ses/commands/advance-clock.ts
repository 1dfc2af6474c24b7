import type { SesModel } from '../../../models/ses/model.ts';
import { advanceClockCommand as advanceClock } from '../../shared/model-run.ts';
import { clockStep } from '../arbitraries.ts';

/** Moves the target's clock forward, across the 24 h and 72 h windows. */
export const advanceClockCommand = advanceClock<SesModel>(clockStep);
