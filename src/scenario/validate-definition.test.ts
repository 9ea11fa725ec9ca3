import { describe, expect, it } from 'vitest';
import { LaunchdayError } from '../core/errors.js';
import { param } from './params.js';
import {
  scenarioIssues,
  thresholdsIssues,
  validateScenarioDefinition,
  workloadsIssues,
} from './validate-definition.js';

const journey = async () => {};
const executor = { type: 'constant-vus', vus: 1, duration: '1s' };

describe('validateScenarioDefinition', () => {
  it('accepts a full scenario and returns it', () => {
    const scenario = {
      name: 'full',
      description: 'all keys',
      baseUrl: 'http://127.0.0.1:8080',
      params: { rate: param.number({ default: 5, min: 1 }) },
      setup: async () => ({}),
      teardown: () => {},
      workloads: { readers: { executor, journey, tags: { team: 'feed' } } },
      thresholds: { http_req_failed: ['rate<0.01', { threshold: 'rate<0.1', abortOnFail: true }] },
      http: { connections: 10 },
      tags: { env: 'ci' },
      compare: {
        metrics: ['http_req_duration{name:feed}:p(99)'],
        budgets: { 'http_req_duration{name:feed}:p(99)': '+5%' },
        alpha: 0.01,
      },
    };
    expect(validateScenarioDefinition(scenario, 'full.ts')).toBe(scenario);
    expect(scenarioIssues({ name: 'fn', workloads: () => ({}), thresholds: () => ({}) })).toEqual(
      [],
    );
  });

  it('reports every problem with its path, and unknown keys with the known ones', () => {
    const error = (() => {
      try {
        validateScenarioDefinition(
          {
            nmae: 'typo',
            baseUrl: 'ftp://example',
            workloads: {
              readers: { executor: { rate: 1 }, journey: 'not a function', weight: 2 },
              'bad name': { executor, journey },
            },
            thresholds: {
              http_req_failed: 'rate<0.01',
              checks: [{ threshold: 1, delayAbortEval: 'soon' }],
            },
            tags: { team: 7 },
          },
          '/tmp/s.ts',
        );
      } catch (thrown) {
        return thrown as LaunchdayError;
      }
    })();
    expect(error).toBeInstanceOf(LaunchdayError);
    expect(error?.code).toBe('LAUNCHDAY_ERR_INVALID_SCENARIO');
    expect(error?.message).toMatch(/^\/tmp\/s\.ts: invalid scenario: /);
    expect(error?.hint).toContain('defineScenario');
    expect(error?.issues.map((issue) => issue.path)).toEqual([
      'nmae',
      'name',
      'baseUrl',
      'tags.team',
      'workloads.readers.weight',
      'workloads.readers.executor',
      'workloads.readers.journey',
      'workloads.bad name',
      'thresholds.http_req_failed',
      'thresholds.checks[0].threshold',
      'thresholds.checks[0].delayAbortEval',
    ]);
    expect(error?.issues[0]?.message).toBe(
      'unknown key; known keys: name, description, baseUrl, params, setup, teardown, workloads, thresholds, http, tags, compare',
    );
  });

  it('checks the shape of a compare block, each problem with its path', () => {
    const scenario = { name: 'c', workloads: { w: { executor, journey } } };
    expect(scenarioIssues({ ...scenario, compare: {} })).toEqual([]);
    expect(scenarioIssues({ ...scenario, compare: 'p99' })).toEqual([
      { path: 'compare', message: expect.stringContaining("got 'p99'") },
    ]);
    const issues = scenarioIssues({
      ...scenario,
      compare: { metric: [], metrics: ['http_reqs:rate', 7, ''], budgets: { x: 5 }, alpha: 0.5 },
    });
    expect(issues.map((issue) => issue.path)).toEqual([
      'compare.metric',
      'compare.metrics[1]',
      'compare.metrics[2]',
      'compare.budgets.x',
      'compare.alpha',
    ]);
    expect(issues[0]?.message).toBe('unknown key; known keys: metrics, budgets, alpha');
    expect(issues[4]?.message).toContain('above 0 and below 0.5');
    const wrongTypes = { metrics: 'http_reqs:rate', budgets: ['+5%'], alpha: '0.05' };
    expect(scenarioIssues({ ...scenario, compare: wrongTypes }).map((i) => i.path)).toEqual([
      'compare.metrics',
      'compare.budgets',
      'compare.alpha',
    ]);
  });

  it('says what the default export was when it is not a scenario', () => {
    expect(scenarioIssues(() => {})).toEqual([
      { path: 'default export', message: 'must be a defineScenario({...}) object, got a function' },
    ]);
  });

  it('checks param specs, including defaults outside their own bounds', () => {
    const issues = scenarioIssues({
      name: 'p',
      workloads: { w: { executor, journey } },
      params: {
        rate: { type: 'number', default: 0, min: 1 },
        mode: { type: 'enum', values: [], default: 'a' },
        region: { type: 'string', default: 'x', pattern: '(' },
        size: { type: 'float', default: 1 },
        flag: { type: 'boolean', default: 'yes', unit: 'none' },
        plain: 5,
      },
    });
    expect(issues).toEqual([
      { path: 'params.rate.default', message: 'got 0, expected a number >= 1' },
      { path: 'params.mode', message: 'values must be a non-empty list of distinct strings' },
      {
        path: 'params.region',
        message: expect.stringMatching(/^pattern is not a valid regular expression/),
      },
      {
        path: 'params.size.type',
        message: "unknown type 'float'; known: number, string, boolean, enum, duration",
      },
      { path: 'params.flag.unit', message: 'unknown key; known: type, default, description' },
      { path: 'params.flag.default', message: 'must be a boolean' },
      {
        path: 'params.plain',
        message: 'must be a parameter spec made with param.number(), param.enum(), …',
      },
    ]);
  });
});

describe('workloadsIssues and thresholdsIssues', () => {
  it('check what a function of the params returned, under the given path', () => {
    expect(workloadsIssues({}, 'workloads(params)')).toEqual([
      {
        path: 'workloads(params)',
        message: expect.stringContaining('at least one workload'),
      },
    ]);
    expect(thresholdsIssues({ checks: ['rate>0.9', 3] }, 'thresholds(params)')).toEqual([
      { path: 'thresholds(params).checks[1]', message: expect.stringContaining('got 3') },
    ]);
  });
});
