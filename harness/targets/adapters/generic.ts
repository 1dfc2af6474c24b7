// Any emulator we know nothing about: no clock, no inbox, no DNS; only what the API shows.
import { manualReplay } from '../replay-lines.ts';
import type { AdapterFactory } from './adapter.ts';

export const genericAdapter: AdapterFactory = async () => ({
  name: 'generic',
  capabilities: ['throttle-probe'],
  oob: { replay: manualReplay },
  now: () => Date.now(),
});
