import { describeAgainstBaseline } from '../support/third-party.ts';

describeAgainstBaseline('aws-ses-v2-local');
