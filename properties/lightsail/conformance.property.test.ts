// This service's conformance properties, as vitest tests against the configured target.
import { describeConformance } from '../shared/vitest-suite.ts';

await describeConformance('lightsail');
