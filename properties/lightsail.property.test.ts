import { describeConformance } from './shared/vitest-suite.ts';
import { lightsailProperties } from './lightsail/properties.ts';

describeConformance('lightsail', lightsailProperties);
