// Which services have conformance properties: those with a properties/<service>.property.test.ts.
// Read from the file system so the CLI knows without loading every property module.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SERVICES, type ServiceName } from '../spec/rule.ts';

const propertiesDir = fileURLToPath(new URL('../properties/', import.meta.url));

export const propertyFile = (service: ServiceName) => `properties/${service}.property.test.ts`;

export const servicesWithProperties: ServiceName[] = SERVICES.filter((service) => existsSync(`${propertiesDir}${service}.property.test.ts`));
