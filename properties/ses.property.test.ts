import { describeConformance } from './shared/vitest-suite.ts';
import { sesProperties } from './ses/properties.ts';

describeConformance('ses', sesProperties);
