import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { buildRunResult } from '../../test/support/run-result-fixture.js';

const schema = JSON.parse(
  readFileSync(new URL('../../schemas/result.schema.json', import.meta.url), 'utf8'),
);
// Formats are annotations here (ajv-formats is not a dependency); date-times are checked below.
const validate = new Ajv2020({ allErrors: true, validateFormats: false }).compile(schema);

/** The result as it is on disk: JSON drops undefined fields. */
function asWritten(result: unknown): Record<string, unknown> {
  return JSON.parse(JSON.stringify(result));
}

describe('schemas/result.schema.json', () => {
  it('accepts a result.json as a run writes it', () => {
    const result = asWritten(buildRunResult());
    expect(validate(result), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(Number.isNaN(Date.parse(String(result.startedAt)))).toBe(false);
  });

  it('accepts an interrupted run of an overloaded generator', () => {
    const result = asWritten(
      buildRunResult({ overloaded: true, stopped: { status: 'interrupted', reason: 'SIGINT' } }),
    );
    expect(validate(result), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('accepts a rehearsal whose consistency check held, and one that lost writes', () => {
    for (const consistency of ['kept', 'lost'] as const) {
      const result = asWritten(buildRunResult({ consistency }));
      expect(validate(result), JSON.stringify(validate.errors, null, 2)).toBe(true);
    }
  });

  it('accepts per-second slices of every series, and null slices of an upgraded result', () => {
    const result = asWritten(buildRunResult());
    const slices = result.slices as { count: number; series: { kind: string }[] };
    expect(slices.count).toBeGreaterThan(0);
    expect(new Set(slices.series.map((s) => s.kind))).toEqual(
      new Set(['trend', 'counter', 'rate']),
    );
    expect(validate({ ...result, slices: null }), JSON.stringify(validate.errors)).toBe(true);
    const trend = { metric: 'http_req_duration', tags: {}, kind: 'trend' };
    const bad = (series: unknown) => ({ ...result, slices: { count: 1, series: [series] } });
    expect(validate(bad({ ...trend, histograms: [null] }))).toBe(true);
    expect(validate(bad({ ...trend, histograms: [3] }))).toBe(false);
    expect(validate(bad({ ...trend, kind: 'gauge', histograms: [null] }))).toBe(false);
    expect(validate(bad({ ...trend, kind: 'counter', counts: [-1] }))).toBe(false);
    const { slices: _, ...withoutSlices } = result;
    expect(validate(withoutSlices)).toBe(false);
  });

  it("documents the scenario's compare block in config", () => {
    const result = asWritten(buildRunResult());
    const config = result.config as Record<string, unknown>;
    expect(config.compare).toEqual({});
    const compare = {
      metrics: ['http_reqs:rate'],
      budgets: { 'http_reqs:rate': '+5%' },
      alpha: 0.01,
    };
    expect(validate({ ...result, config: { ...config, compare } })).toBe(true);
    const wrong = { ...compare, alpha: 0.5 };
    expect(validate({ ...result, config: { ...config, compare: wrong } })).toBe(false);
  });

  it('rejects another schema version, unknown fields and a malformed metric summary', () => {
    const result = asWritten(buildRunResult());
    expect(validate({ ...result, schemaVersion: 2 })).toBe(false);
    expect(validate({ ...result, extra: true })).toBe(false);
    const summary = result.summary as { metrics: Record<string, unknown> };
    const broken = {
      ...summary,
      metrics: { ...summary.metrics, http_reqs: { kind: 'counter', count: 3 } },
    };
    expect(validate({ ...result, summary: broken })).toBe(false);
    expect(validate.errors?.some((e) => e.instancePath === '/summary/metrics/http_reqs')).toBe(
      true,
    );
  });
});
