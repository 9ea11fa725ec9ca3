import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Tests that compare two measurements of the machine's own speed (the capacity search against
 * a saturated throughput measured apart): they run in a project of their own, after the others,
 * so the rest of the suite does not load the CPU between the two measurements.
 */
const MEASURING = ['test/capacity.test.ts'];

export default defineConfig({
  // Scenario files import 'launchday'; under vitest it is this source tree.
  resolve: { alias: { launchday: fileURLToPath(new URL('./src/index.ts', import.meta.url)) } },
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'suite',
          include: [
            'src/**/*.test.ts',
            'target/**/*.test.ts',
            'test/**/*.test.ts',
            'bench/**/*.test.ts',
            'grafana/**/*.test.ts',
          ],
          exclude: [...configDefaults.exclude, ...MEASURING],
        },
      },
      { extends: true, test: { name: 'measuring', include: MEASURING } },
    ],
  },
});
