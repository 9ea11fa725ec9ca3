import { describe, expect, it } from 'vitest';
import { podRunArguments, workersForCpu } from './run-arguments.js';

describe('podRunArguments', () => {
  it('passes on the base URL, the given params, tags, seed, workers and allowed hosts', () => {
    const args = podRunArguments({
      run: {
        baseUrl: 'http://feed.load.svc:8080',
        seed: 7,
        allowedHosts: ['feed.load.svc'],
        tags: { testid: 'launch 1' },
      },
      params: { rate: '100', duration: '5m' },
      workers: 2,
    });
    expect(args).toEqual([
      '--base-url',
      'http://feed.load.svc:8080',
      '--param',
      'rate=100',
      '--param',
      'duration=5m',
      '--tag',
      'testid=launch 1',
      '--seed',
      '7',
      '--workers',
      '2',
      '--allow-host',
      'feed.load.svc',
    ]);
  });

  it('always gives the seed, so every segment draws the same data', () => {
    const args = podRunArguments({
      run: { baseUrl: undefined, seed: 0, allowedHosts: [], tags: {} },
      params: {},
      workers: 1,
    });
    expect(args).toEqual(['--seed', '0', '--workers', '1']);
  });
});

describe('workersForCpu', () => {
  it('is one worker per whole CPU, at least one', () => {
    expect(['1', '2', '2.5', '1500m', '500m', '4000m', 'odd'].map(workersForCpu)).toEqual([
      1, 2, 2, 1, 1, 4, 1,
    ]);
  });
});
