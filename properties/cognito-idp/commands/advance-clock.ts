import type { CognitoModel } from '../../../models/cognito-idp/model.ts';
import { advanceClockCommand as advanceClock } from '../../shared/model-run.ts';
import { clockStep } from '../arbitraries.ts';

/** Moves the target's clock forward, across the 1-hour token and 24-hour code validity. */
export const advanceClockCommand = advanceClock<CognitoModel>(clockStep);
