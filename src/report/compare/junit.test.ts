import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import {
  buildCompareReport,
  HOSTILE_NAME,
  withHostileNames,
} from '../../../test/support/compare-report-fixture.js';
import { renderCompareJunit } from './junit.js';

type Attributes = Record<string, string>;
type TestCaseNode = Attributes & {
  failure?: { '#text': string } & Attributes;
  skipped?: Attributes;
  'system-out': string;
};
type SuiteNode = Attributes & { properties: { property: Attributes[] }; testcase: TestCaseNode[] };

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: false,
  htmlEntities: true,
  isArray: (name) => ['testsuite', 'testcase', 'property'].includes(name),
});

/** compare-junit.xml parsed by a real XML parser, after checking it is well-formed. */
function parse(xml: string): Attributes & { testsuite: SuiteNode[] } {
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml).testsuites;
}

const regressed = buildCompareReport('regressed');
const clean = buildCompareReport('no-regression');

describe('renderCompareJunit', () => {
  it('is one well-formed suite with a test case per compared metric, named by its key', () => {
    const xml = renderCompareJunit(regressed);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites')).toBe(true);
    const suites = parse(xml);
    const counts = { tests: '6', failures: '2', errors: '0', skipped: '2', time: '0' };
    expect(suites).toMatchObject({ name: 'launchday compare feed-mix', ...counts });
    expect(suites.testsuite).toHaveLength(1);
    const suite = suites.testsuite[0]!;
    expect(suite).toMatchObject({ name: 'compare', ...counts, timestamp: '2024-07-05T16:07:00' });
    expect(suite.testcase.map((c) => [c.classname, c.name, c.time])).toEqual(
      regressed.comparisons.map((c) => ['feed-mix', c.key, '0']),
    );
  });

  it('fails each regression with its reason and figures, and skips each inconclusive metric', () => {
    const cases = parse(renderCompareJunit(regressed)).testsuite[0]!.testcase;
    regressed.comparisons.forEach((c, i) => {
      const node = cases[i]!;
      expect(node.failure === undefined, c.key).toBe(c.verdict !== 'regressed');
      expect(node.skipped === undefined, c.key).toBe(c.verdict !== 'inconclusive');
      expect(node['system-out'].startsWith(`${c.verdict}: `), c.key).toBe(true);
      if (c.verdict === 'regressed') {
        expect(node.failure).toMatchObject({ type: 'regression', message: c.reason });
        expect(node.failure!['#text']).toContain(`${c.key} regressed: `);
      }
      if (c.verdict === 'inconclusive') expect(node.skipped).toEqual({ message: c.reason });
    });
    expect(cases[3]!.failure!['#text']).toContain(
      '12.2 ms → 16.8 ms, +37.7% (95% CI +24.0% to +52.0%), p=0.002, 2+2 runs, 8,990+9,030 samples; budget +10% and +1.00 ms',
    );
    const none = parse(renderCompareJunit(clean)).testsuite[0]!;
    expect(none).toMatchObject({ tests: '5', failures: '0', skipped: '1' });
  });

  it('records the verdict, the method and its settings as properties', () => {
    const properties = parse(renderCompareJunit(clean)).testsuite[0]!.properties.property;
    const byName = Object.fromEntries(properties.map((p) => [p.name, p.value]));
    expect(byName).toMatchObject({
      verdict: 'no-regression',
      method: 'mann-whitney',
      alpha: '0.05',
      confidence: '0.95',
      resamples: '2000',
      seed: '1',
      blockSeconds: '5',
      allowed: 'machine',
    });
    expect(byName.methodDescription).toContain('Mann-Whitney U');
    expect(byName.baseline).toContain('baseline main: reports/baseline, 5 runs of feed-mix');
  });

  it('escapes hostile names and gives them back exactly through an XML parser', () => {
    const report = withHostileNames(regressed);
    const xml = renderCompareJunit(report);
    expect(xml).not.toContain('<img');
    const suites = parse(xml);
    expect(suites.name).toBe(`launchday compare ${HOSTILE_NAME}`);
    expect(suites.testsuite[0]!.testcase.map((c) => c.name)).toEqual(
      report.comparisons.map((c) => c.key),
    );
    expect(suites.testsuite[0]!.testcase[3]!.failure!.message).toBe(report.comparisons[3]!.reason);
  });

  it('is deterministic', () => {
    expect(renderCompareJunit(buildCompareReport('regressed'))).toBe(renderCompareJunit(regressed));
  });
});
