import { describe, expect, it } from 'vitest';
import { resolveRun } from '../../config/resolve-run.js';
import { type ScenarioDefinition, validateScenarioDefinition } from '../../scenario/index.js';
import { k6Mapping } from './k6-options.js';

const journey = async () => {};

/** The k6 mapping of `definition` resolved with `options`, as `export k6` resolves it. */
function mapping(definition: Record<string, unknown>, options = {}) {
  const file = '/scenarios/mapped.ts';
  const valid: ScenarioDefinition = validateScenarioDefinition(
    { name: 'mapped', workloads: {}, ...definition },
    file,
  );
  const run = resolveRun(
    { file, bundleFile: file, definition: valid },
    { seed: 7, ...options },
    {},
  );
  return k6Mapping(run, valid.http);
}

const readers = {
  executor: { type: 'constant-arrival-rate', rate: 10, duration: '10s' },
  journey,
};

describe('k6Mapping', () => {
  it('copies the thresholds as written, and the tags, user agent and params', () => {
    const thresholds = {
      'http_req_duration{name:feed}': ['p(99)<250', { threshold: 'p(95)<100', abortOnFail: true }],
      http_req_failed: ['rate<0.01'],
      checks: ['rate>0.99'],
    };
    const result = mapping(
      {
        workloads: { readers, 'sign-ups': { ...readers, tags: { kind: 'new' } } },
        thresholds,
        tags: { team: 'feed' },
        params: { rate: { type: 'number', default: 3 } },
        baseUrl: 'http://127.0.0.1:8080',
      },
      { tags: { testid: 'pr-42' }, params: { rate: '5' } },
    );
    if (!('mapping' in result)) throw new Error(JSON.stringify(result.issues));
    const { options, runtime } = result.mapping;
    expect(options.thresholds).toEqual(thresholds);
    expect(options.tags).toEqual({ team: 'feed', testid: 'pr-42' });
    expect(Object.keys(options.scenarios)).toEqual(['readers', 'sign-ups']);
    expect(options.scenarios['sign-ups']).toMatchObject({
      exec: 'workload_sign_ups',
      tags: { kind: 'new' },
    });
    expect(options.summaryTrendStats).toContain('p(99)');
    expect(runtime).toMatchObject({
      scenario: 'mapped',
      baseUrl: 'http://127.0.0.1:8080',
      seed: 7,
      params: { rate: 5 },
      timeoutMs: 60_000,
      workloads: [
        { name: 'readers', exec: 'workload_readers', iterationsPerVu: false },
        { name: 'sign-ups', exec: 'workload_sign_ups', iterationsPerVu: false },
      ],
    });
  });

  it('gives workloads whose names clash as identifiers distinct functions, numbering VU workloads per VU', () => {
    const vus = { executor: { type: 'constant-vus', vus: 1, duration: '1s' }, journey };
    const result = mapping({ workloads: { 'a-b': readers, a_b: vus } });
    if (!('mapping' in result)) throw new Error(JSON.stringify(result.issues));
    expect(result.mapping.runtime.workloads).toEqual([
      { name: 'a-b', exec: 'workload_a_b', iterationsPerVu: false },
      { name: 'a_b', exec: 'workload_a_b_2', iterationsPerVu: true },
    ]);
  });

  it('refuses what k6 has no equivalent for, naming each and where it is', () => {
    const result = mapping({
      workloads: {
        readers: { ...readers, executor: { ...readers.executor, arrivals: 'poisson' } },
      },
      thresholds: { http_req_duration_uncorrected: ['p(99)<100'], scheduler_lag: ['p(99)<5'] },
      http: { connections: 10, pipelining: 2, timeoutMs: 5000 },
    });
    expect('issues' in result && result.issues.map((issue) => issue.path)).toEqual([
      'workloads.readers.executor.arrivals',
      'thresholds.http_req_duration_uncorrected',
      'thresholds.scheduler_lag',
      'http.connections',
      'http.pipelining',
    ]);
  });

  it('refuses a segment: k6 splits a run itself', () => {
    const result = mapping({ workloads: { readers } }, { segment: '1/2' });
    expect('issues' in result && result.issues.map((issue) => issue.path)).toEqual(['segment']);
  });
});
