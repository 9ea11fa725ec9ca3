import { describe, expect, it } from 'vitest';
import { isLaunchdayError } from '../core/errors.js';
import { type LoadedScenario, validateScenarioDefinition } from '../scenario/index.js';
import { resolveRun } from './resolve-run.js';

const definition = {
  name: 'compared',
  workloads: {
    readers: {
      executor: { type: 'constant-vus', vus: 1, duration: '1s' },
      journey: async () => {},
    },
  },
};

/** `value` validated as a scenario module's default export and loaded, as `loadScenario` does. */
function loaded(value: unknown): LoadedScenario {
  return {
    file: '/scenarios/compared.ts',
    bundleFile: '/scenarios/.launchday-cache/compared.mjs',
    definition: validateScenarioDefinition(value, '/scenarios/compared.ts'),
  };
}

describe("a scenario's compare block", () => {
  it('is carried into the resolved configuration that result.json stores', () => {
    const compare = {
      metrics: ['http_req_duration{name:feed}:p(99)', 'http_req_failed:rate'],
      budgets: { 'http_req_duration{name:feed}:p(99)': '+5%,+2ms' },
      alpha: 0.01,
    };
    const run = resolveRun(loaded({ ...definition, compare }), { seed: 1 }, {});
    expect(run.compare).toEqual(compare);
    expect(run.compare).not.toBe(compare);
    expect(Object.isFrozen(run.compare.metrics)).toBe(true);
    expect(Object.isFrozen(compare.metrics)).toBe(false);
    // result.json keeps the resolved run as `config`.
    expect(JSON.parse(JSON.stringify(run)).compare).toEqual(compare);
  });

  it('is empty when the scenario has none', () => {
    expect(resolveRun(loaded(definition), { seed: 1 }, {}).compare).toEqual({});
  });

  it('refuses an unknown key in it, naming its path', () => {
    const compare = { metrics: ['http_reqs:rate'], budget: '+5%' };
    let error: unknown;
    try {
      loaded({ ...definition, compare });
    } catch (thrown) {
      error = thrown;
    }
    if (!isLaunchdayError(error)) throw new Error(`expected a LaunchdayError, got ${error}`);
    expect(error.code).toBe('LAUNCHDAY_ERR_INVALID_SCENARIO');
    expect(error.issues).toEqual([
      { path: 'compare.budget', message: 'unknown key; known keys: metrics, budgets, alpha' },
    ]);
    expect(error.message).toContain('compare.budget: unknown key');
  });
});
