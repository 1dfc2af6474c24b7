import { describeAgainstBaseline } from '../support/third-party.ts';

describeAgainstBaseline('cognito-local');
