// The documented enums against the installed SDK clients. A difference that is not explained in
// KNOWN_DRIFT fails here, so it is read by a person before it is accepted.
import { describe, expect, it } from 'vitest';
import { enumDrift, hasDrift, type Drift } from '../models/shared/enum-drift.ts';
import { SERVICE_MANIFESTS } from './index.ts';

/** Differences a person has read, with why they are acceptable. */
const KNOWN_DRIFT: Record<string, { added?: string[]; removed?: string[]; why: string }> = {
  'lightsail.OperationType': {
    added: ['CreateSubdomain', 'DeleteSubdomain', 'GetProfile', 'SetupInstanceHttps', 'UpdateSubdomainAssociation'],
    why: 'Lightsail operations AWS added after the document was written; none concerns contact methods. The checks accept them as members.',
  },
  'lightsail.RegionName': {
    added: ['ap-east-1', 'ap-southeast-3', 'ap-southeast-5', 'eu-south-2', 'sa-east-1'],
    why: 'Regions Lightsail opened after the document was written. The checks accept them as members.',
  },
  'lightsail.ResourceType': {
    added: ['Subdomain'],
    why: 'A resource type AWS added after the document was written; contact methods are ContactMethod either way. The checks accept it as a member.',
  },
};

const pairs = SERVICE_MANIFESTS.flatMap((manifest) => manifest.enumPairs);

describe('enum drift between the documents and the installed SDK', () => {
  for (const pair of pairs) {
    it(`${pair.name} matches, or its drift is explained`, () => {
      const drift: Drift = enumDrift(pair);
      if (hasDrift(drift)) console.warn(`enum drift ${drift.name}: added ${drift.added.join(', ') || '-'}; removed ${drift.removed.join(', ') || '-'}`);
      const known = KNOWN_DRIFT[pair.name];
      expect({ added: drift.added, removed: drift.removed }).toEqual({ added: known?.added ?? [], removed: known?.removed ?? [] });
    });
  }

  it('finds drift when there is some', () => {
    expect(enumDrift({ name: 't', documented: ['A', 'B'], sdk: { B: 'B', C: 'C' } })).toEqual({ name: 't', added: ['C'], removed: ['A'] });
  });
});
