import { describe, expect, it } from 'vitest';
import { isMetricName, METRIC_NAMES, METRICS, SYSTEM_TAGS } from './catalogue.js';

describe('metric catalogue', () => {
  it('holds the k6 built-ins and launchday additions with their types and units', () => {
    expect(METRIC_NAMES).toHaveLength(20);
    expect(METRICS.http_req_duration).toMatchObject({ type: 'trend', unit: 'time' });
    expect(METRICS.http_req_duration_uncorrected).toMatchObject({ type: 'trend', unit: 'time' });
    expect(METRICS.scheduler_lag).toMatchObject({ type: 'trend', unit: 'time' });
    expect(METRICS.http_req_failed.type).toBe('rate');
    expect(METRICS.checks.type).toBe('rate');
    expect(METRICS.dropped_iterations.type).toBe('counter');
    expect(METRICS.interrupted_iterations.type).toBe('counter');
    expect(METRICS.vus_max.type).toBe('gauge');
    expect(METRICS.data_received).toMatchObject({ type: 'counter', unit: 'data' });
    for (const name of METRIC_NAMES) expect(METRICS[name].description).not.toBe('');
  });

  it('is frozen and tells its names from others', () => {
    expect(Object.isFrozen(METRICS)).toBe(true);
    expect(Object.isFrozen(METRIC_NAMES)).toBe(true);
    expect(isMetricName('http_reqs')).toBe(true);
    expect(isMetricName('errors')).toBe(false);
    expect(isMetricName('toString')).toBe(false);
  });

  it('lists the system tags', () => {
    expect(SYSTEM_TAGS).toEqual([
      'scenario',
      'name',
      'method',
      'status',
      'expected_response',
      'error_class',
      'check',
    ]);
  });
});
