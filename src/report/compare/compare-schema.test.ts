import { describe, expect, it } from 'vitest';
import {
  buildCompareReport,
  withHostileNames,
} from '../../../test/support/compare-report-fixture.js';
import { compileSchema } from '../../../test/support/result-schema.js';

const validate = compileSchema('compare');

/** The report as compare.json holds it: JSON drops undefined fields. */
function asWritten(report: unknown): Record<string, unknown> {
  return JSON.parse(JSON.stringify(report));
}

/** Asserts that `report` is valid against schemas/compare.schema.json, naming what is not. */
function expectValid(report: unknown): void {
  expect(validate(report), JSON.stringify(validate.errors, null, 2)).toBe(true);
}

describe('schemas/compare.schema.json', () => {
  it('accepts a regressed block-bootstrap comparison as compare.json holds it', () => {
    const report = asWritten(buildCompareReport('regressed'));
    expectValid(report);
    expect(Number.isNaN(Date.parse(String(report.createdAt)))).toBe(false);
  });

  it('accepts a Mann-Whitney comparison with no regression and an allowed difference', () => {
    expectValid(asWritten(buildCompareReport('no-regression')));
  });

  it('accepts request names and scenarios with characters renderers must escape', () => {
    expectValid(asWritten(withHostileNames(buildCompareReport())));
  });

  it('rejects another schema version, unknown keys and an unknown verdict, naming the path', () => {
    const report = asWritten(buildCompareReport());
    expect(validate({ ...report, schemaVersion: 2 })).toBe(false);
    const comparisons = report.comparisons as Record<string, unknown>[];
    const extra = comparisons.map((c, i) => (i === 1 ? { ...c, verdit: 'regressed' } : c));
    expect(validate({ ...report, comparisons: extra })).toBe(false);
    expect(validate.errors).toContainEqual(
      expect.objectContaining({
        instancePath: '/comparisons/1',
        keyword: 'additionalProperties',
        params: { additionalProperty: 'verdit' },
      }),
    );
    const wrong = comparisons.map((c, i) => (i === 3 ? { ...c, verdict: 'worse' } : c));
    expect(validate({ ...report, comparisons: wrong })).toBe(false);
    expect(validate.errors).toContainEqual(
      expect.objectContaining({ instancePath: '/comparisons/3/verdict', keyword: 'enum' }),
    );
  });
});
