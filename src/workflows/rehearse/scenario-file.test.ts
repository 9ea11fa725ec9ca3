import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_SCENARIOS_DIR, builtInScenarios, resolveScenarioFile } from './scenario-file.js';

describe('resolveScenarioFile', () => {
  it('knows the built-in scenarios by name', () => {
    expect(builtInScenarios()).toEqual(['launch-day', 'read-heavy-feed', 'signup-spike', 'smoke']);
    expect(resolveScenarioFile('smoke')).toBe(join(BUILT_IN_SCENARIOS_DIR, 'smoke.ts'));
  });

  it('takes a path to a scenario file', () => {
    expect(resolveScenarioFile('scenarios/smoke.ts')).toBe(
      join(process.cwd(), 'scenarios/smoke.ts'),
    );
  });

  it('refuses anything else, listing the built-in names', () => {
    expect(() => resolveScenarioFile('launchday')).toThrow(
      expect.objectContaining({
        message: 'no scenario called "launchday": it is neither a built-in scenario nor a file',
        hint: expect.stringContaining('launch-day, read-heavy-feed, signup-spike, smoke'),
      }),
    );
  });
});
