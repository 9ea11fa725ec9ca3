import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../core/result.js';
import { buildRunResult } from './fixtures.js';
import { renderJUnitReport } from './junit-report.js';

type Attributes = Record<string, string>;
type TestCaseNode = Attributes & {
  failure?: { '#text'?: string } & Attributes;
  skipped?: Attributes;
};
type SuiteNode = Attributes & {
  properties: { property: Attributes[] };
  testcase?: TestCaseNode[];
};

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: false,
  htmlEntities: true,
  isArray: (name) => ['testsuite', 'testcase', 'property'].includes(name),
});

/** junit.xml parsed by a real XML parser, after checking it is well-formed. */
function parse(xml: string): { testsuites: Attributes & { testsuite: SuiteNode[] } } {
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml);
}

function suite(xml: string, name: string): SuiteNode {
  return parse(xml).testsuites.testsuite.find((s) => s.name === name)!;
}

const result = buildRunResult();
const xml = renderJUnitReport(result);

describe('renderJUnitReport', () => {
  it('holds a thresholds suite and a checks suite with their counts and times', () => {
    const { testsuites } = parse(xml);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites')).toBe(true);
    expect(testsuites).toMatchObject({
      name: 'launchday signup-spike',
      tests: '7',
      failures: '3',
      errors: '0',
      skipped: '0',
      time: '10.180',
      timestamp: '2024-07-05T16:00:00',
    });
    expect(testsuites.testsuite.map((s) => s.name)).toEqual(['thresholds', 'checks']);
    expect(suite(xml, 'thresholds')).toMatchObject({ tests: '5', failures: '1', time: '10.180' });
    expect(suite(xml, 'checks')).toMatchObject({ tests: '2', failures: '2', skipped: '0' });
    expect(suite(xml, 'checks').properties.property).toContainEqual({
      name: 'status',
      value: 'thresholds-failed',
    });
  });

  it('has a test case per threshold expression, failing with the observed value', () => {
    const cases = suite(xml, 'thresholds').testcase!;
    expect(cases.map((c) => [c.classname, c.name])).toEqual(
      result.thresholds.map((t) => [t.metric, t.expression]),
    );
    const failing = cases.filter((c) => c.failure !== undefined);
    expect(failing).toHaveLength(1);
    expect(failing[0]).toMatchObject({
      classname: 'http_req_duration{name:feed}',
      name: 'p(95)<20',
      time: '0',
      failure: {
        type: 'threshold',
        message: expect.stringMatching(/^observed p\(95\)=30\.\d+ms$/),
      },
    });
    const failure = failing[0]!.failure as { '#text': string };
    expect(failure['#text']).toMatch(
      /^threshold 'p\(95\)<20' on http_req_duration\{name:feed\} failed/,
    );
  });

  it('skips a threshold whose metric had no data, as it neither failed nor was checked', () => {
    const noData: RunResult = {
      ...result,
      thresholds: [
        {
          metric: 'http_req_duration{name:none}',
          expression: 'p(99)<9',
          ok: true,
          observed: null,
          abortOnFail: false,
        },
      ],
    };
    const thresholds = suite(renderJUnitReport(noData), 'thresholds');
    expect(thresholds).toMatchObject({ tests: '1', failures: '0', skipped: '1' });
    expect(thresholds.testcase![0]!.skipped).toEqual({
      message: 'no data: http_req_duration{name:none} had no samples in the run',
    });
  });

  it('has a test case per check, failing when any evaluation failed', () => {
    const passing: RunResult = {
      ...result,
      checks: [...result.checks, { workload: 'readers', name: 'fine', passes: 10, fails: 0 }],
    };
    const cases = suite(renderJUnitReport(passing), 'checks').testcase!;
    expect(cases.map((c) => [c.classname, c.name])).toEqual([
      ['signups', 'status is 201'],
      ['readers', 'feed has items'],
      ['readers', 'fine'],
    ]);
    expect(cases[0]!.failure).toMatchObject({ type: 'check', message: '14 of 400 failed' });
    expect(cases[2]!.failure).toBeUndefined();
  });

  it('escapes names full of markup, quotes, line breaks and characters XML cannot carry', () => {
    const hostile = `<&"'> ]]> \n\ttab \u0001 \uD800`;
    const renamed: RunResult = {
      ...result,
      scenario: { ...result.scenario, name: hostile },
      thresholds: result.thresholds.map((t) => ({ ...t, metric: `${t.metric}${hostile}` })),
      checks: result.checks.map((c) => ({ ...c, name: hostile, workload: hostile })),
    };
    const written = renderJUnitReport(renamed);
    const kept = `<&"'> ]]> \n\ttab \uFFFD \uFFFD`;
    expect(parse(written).testsuites.name).toBe(`launchday ${kept}`);
    const checks = suite(written, 'checks').testcase!;
    expect(checks.map((c) => [c.classname, c.name])).toEqual([
      [kept, kept],
      [kept, kept],
    ]);
    const failing = suite(written, 'thresholds').testcase!.find((c) => c.failure !== undefined)!;
    expect(failing.classname).toBe(`http_req_duration{name:feed}${kept}`);
    expect((failing.failure as { '#text': string })['#text']).toContain(kept);
  });

  it('is deterministic', () => {
    expect(renderJUnitReport(buildRunResult())).toBe(xml);
  });
});
