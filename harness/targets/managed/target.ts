// A third-party emulator as the target: started by the harness from the pinned dependency on a
// free loopback port with a fresh working directory (unless the CLI already started it), reached
// as an endpoint with that emulator's adapter, and stopped when the target closes.
import type { ConformanceConfig } from '../../config.ts';
import { endpointTarget } from '../endpoint.ts';
import { emulatorVersion, startEmulator, type ManagedEmulatorName } from './emulators.ts';
import type { Target } from '../target.ts';

export async function managedTarget(config: ConformanceConfig, name: ManagedEmulatorName): Promise<Target> {
  const version = emulatorVersion(name);
  if (config.endpoint) return endpointTarget({ ...config, emulator: name }, { version, managed: true });
  const emulator = await startEmulator(name);
  try {
    return await endpointTarget(
      { ...config, endpoint: emulator.url, emulator: name, emulatorData: emulator.workDir },
      { version, managed: true, onClose: emulator.stop },
    );
  } catch (error) {
    await emulator.stop();
    throw error;
  }
}
