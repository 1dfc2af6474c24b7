import { describeConformance } from './shared/vitest-suite.ts';
import { pinpointEmailProperties } from './pinpoint-email/properties.ts';

describeConformance('pinpoint-email', pinpointEmailProperties);
