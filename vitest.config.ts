import { defineConfig } from 'vitest/config';

// Two projects: `harness` tests the harness itself (emulator, reporter, CLI, fault catalog);
// `conformance` holds the conformance properties, run against the configured target.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'harness',
          include: ['test/**/*.test.ts', '{spec,models,harness,emulator}/**/*.test.ts'],
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
