import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Two projects: `harness` tests the harness itself (emulator, reporter, CLI, fault catalog);
// `conformance` holds the conformance properties, run against the configured target.
// The SDK's notice that its releases after January 2027 need Node 22: we pin the SDK, so it only adds noise.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

export default defineConfig({
  test: {
    // At least two files at once, even on two cores: the third-party emulator tests spend minutes
    // waiting out documented rates (one call a second), time the other tests can use.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // But one service at a time against a shared target: a server's clock and reset are global, and
    // AWS's rates hold per account, not per worker. Only the in-process emulator is one per worker.
    // (The CLI says the same through its own option; this covers CONFORMANCE_TARGET runs.)
    fileParallelism: (process.env.CONFORMANCE_TARGET ?? 'reference') === 'reference',
    projects: [
      {
        test: {
          name: 'harness',
          include: ['test/**/*.test.ts', '{spec,models,services,harness,emulator,properties}/**/*.test.ts'],
          exclude: ['**/node_modules/**', 'properties/**/*.property.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'conformance',
          include: ['properties/**/*.property.test.ts'],
          testTimeout: 120_000,
        },
      },
    ],
  },
});
