// Every service's conformance properties, for the harness's own tests (coverage, fault catalog).
// A service's slice adds its line here and its properties/<service>.property.test.ts.
import type { ServiceName } from '../spec/rule.ts';
import type { ConformanceProperty } from './shared/property.ts';
import { sesProperties } from './ses/properties.ts';

export const CONFORMANCE_PROPERTIES: { [S in ServiceName]?: readonly ConformanceProperty<any>[] } = {
  ses: sesProperties,
};
