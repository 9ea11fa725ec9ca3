import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { buildRunResult } from '../../test/support/run-result-fixture.js';
import type { ConsistencyKind, RunResult } from '../core/result.js';
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

describe('renderJUnitReport: the consistency check', () => {
  const lost = buildRunResult({ consistency: 'lost' });

  /** `lost` with these kinds and problems in its consistency outcome. */
  function withKinds(kinds: ConsistencyKind[], problems = lost.consistency!.problems): RunResult {
    return { ...lost, consistency: { ...lost.consistency!, kinds, problems } };
  }

  it('has no consistency suite when no check ran', () => {
    expect(parse(xml).testsuites.testsuite.map((s) => s.name)).toEqual(['thresholds', 'checks']);
  });

  it('has a passing test case per kind when the check held', () => {
    const kept = renderJUnitReport(buildRunResult({ consistency: 'kept' }));
    const consistency = suite(kept, 'consistency');
    expect(consistency).toMatchObject({ tests: '1', failures: '0', skipped: '0' });
    expect(consistency.testcase).toEqual([{ classname: 'consistency', name: 'users', time: '0' }]);
  });

  it('fails a kind that lost writes, naming the count gap and the missing ids', () => {
    const written = renderJUnitReport(lost);
    expect(parse(written).testsuites).toMatchObject({ tests: '8', failures: '4' });
    const consistency = suite(written, 'consistency');
    expect(consistency.properties.property).toContainEqual({
      name: 'status',
      value: 'consistency-failed',
    });
    expect(consistency.testcase).toHaveLength(1);
    expect(consistency.testcase![0]).toMatchObject({
      classname: 'consistency',
      name: 'users',
      time: '0',
      failure: {
        type: 'consistency',
        message:
          'lost acknowledged writes: count grew by 384 of 386 acknowledged (2 short); ' +
          '2 of 386 sampled ids missing: 17, 42',
        '#text':
          'the target lost acknowledged writes of users: count grew by 384 of 386 ' +
          'acknowledged (2 short); 2 of 386 sampled ids missing: 17, 42',
      },
    });
  });

  it('passes a kept kind beside a lost one, and names every missing id in the text only', () => {
    const missing = Array.from({ length: 12 }, (_, i) => String(i + 1));
    const written = renderJUnitReport(
      withKinds([
        { kind: 'likes', acknowledged: 5, stored: null, sampled: 5, missing: [] },
        { kind: 'posts', acknowledged: 30, stored: null, sampled: 30, missing },
      ]),
    );
    const [likes, posts] = suite(written, 'consistency').testcase!;
    expect(likes!.failure).toBeUndefined();
    expect(posts!.failure!.message).toBe(
      'lost acknowledged writes: 12 of 30 sampled ids missing: 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 and 2 more',
    );
    expect(posts!.failure!['#text']).toBe(
      `the target lost acknowledged writes of posts: 12 of 30 sampled ids missing: ${missing.join(', ')}`,
    );
  });

  it('fails a test case `check` with the problems when no kind lost writes but the check failed', () => {
    const problems = [
      'the consistency check could not run: connect ECONNREFUSED',
      'and another problem',
    ];
    const consistency = suite(renderJUnitReport(withKinds([], problems)), 'consistency');
    expect(consistency).toMatchObject({ tests: '1', failures: '1' });
    expect(consistency.testcase![0]).toMatchObject({
      classname: 'consistency',
      name: 'check',
      failure: { type: 'consistency', message: problems[0], '#text': problems.join('\n') },
    });
  });

  it('escapes kinds and ids full of markup, quotes and characters XML cannot carry', () => {
    const hostile = `<&"'> ]]> \n\ttab \u0001 \uD800`;
    const kept = `<&"'> ]]> \n\ttab \uFFFD \uFFFD`;
    const written = renderJUnitReport(
      withKinds([{ kind: hostile, acknowledged: 2, stored: 2, sampled: 2, missing: [hostile] }]),
    );
    const [testCase] = suite(written, 'consistency').testcase!;
    expect(testCase!.name).toBe(kept);
    expect(testCase!.failure!.message).toBe(
      `lost acknowledged writes: 1 of 2 sampled ids missing: ${kept}`,
    );
    expect(testCase!.failure!['#text']).toContain(
      `of ${kept}: 1 of 2 sampled ids missing: ${kept}`,
    );
  });
});
