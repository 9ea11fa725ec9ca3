import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Scenario files import 'launchday'; under vitest it is this source tree.
  resolve: { alias: { launchday: fileURLToPath(new URL('./src/index.ts', import.meta.url)) } },
  test: {
    include: [
      'src/**/*.test.ts',
      'target/**/*.test.ts',
      'test/**/*.test.ts',
      'bench/**/*.test.ts',
      'grafana/**/*.test.ts',
    ],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
