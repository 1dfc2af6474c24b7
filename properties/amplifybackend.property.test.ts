import { describeConformance } from './shared/vitest-suite.ts';
import { amplifyBackendProperties } from './amplifybackend/properties.ts';

describeConformance('amplifybackend', amplifyBackendProperties);
