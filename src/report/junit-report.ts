import type {
  CheckOutcome,
  ConsistencyKind,
  ConsistencyOutcome,
  RunResult,
  ThresholdOutcome,
} from '../core/result.js';
import { countGap, formatIdList, lostWrites } from './consistency.js';
import { formatPercent } from './format.js';
import { formatObserved } from './verdicts.js';
import { escapeXml, xmlAttributes } from './xml.js';

/** Missing ids a failure's message names; its text names them all. */
const MESSAGE_IDS_SHOWN = 10;

/** One `<testcase>`: where it belongs, its name, and how it ended. */
interface TestCase {
  readonly classname: string;
  readonly name: string;
  readonly outcome:
    | { kind: 'passed' }
    | { kind: 'failure'; type: string; message: string; detail: string }
    | { kind: 'skipped'; message: string };
}

/**
 * The run's thresholds and checks as JUnit XML, so CI systems show them as tests:
 * `<testsuites>` holding `<testsuite name="thresholds">` (one `<testcase>` per threshold
 * expression: classname the metric key, name the expression, a `<failure>` with the observed
 * value when it failed, `<skipped>` when its metric had no data — k6 lets such a threshold
 * pass, so it neither fails the build nor claims to have been checked) and
 * `<testsuite name="checks">` (one per check, classname its workload, a `<failure>` when any
 * evaluation failed), and, only when a consistency check ran, `<testsuite name="consistency">`
 * (one per kind of write, classname `consistency`, name the kind, a `<failure>` naming the count
 * gap and every missing id when the target lost writes of it; plus a failing case `check` with
 * the problems when the check failed without a kind losing writes). Suites carry
 * tests/failures/errors/skipped counts, the run's duration in seconds as `time` and its start
 * (UTC) as `timestamp`; test cases have `time="0"`, as they are verdicts over the whole run.
 * Pure and deterministic; `writeReportFiles` writes it as junit.xml.
 */
export function renderJUnitReport(result: RunResult): string {
  const suites = [
    { name: 'thresholds', cases: result.thresholds.map(thresholdCase) },
    { name: 'checks', cases: result.checks.map(checkCase) },
  ];
  if (result.consistency !== null)
    suites.push({ name: 'consistency', cases: consistencyCases(result.consistency) });
  const time = (result.durationMs / 1000).toFixed(3);
  const timestamp = result.startedAt.slice(0, 19);
  const all = suites.flatMap((suite) => suite.cases);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${xmlAttributes({ name: `launchday ${result.scenario.name}`, ...counts(all), time, timestamp })}>`,
    ...suites.flatMap((suite) => [
      `  <testsuite${xmlAttributes({ name: suite.name, ...counts(suite.cases), time, timestamp })}>`,
      ...properties(result),
      ...suite.cases.flatMap(testCaseLines),
      '  </testsuite>',
    ]),
    '</testsuites>',
  ];
  return `${lines.join('\n')}\n`;
}

function thresholdCase(t: ThresholdOutcome): TestCase {
  const base = { classname: t.metric, name: t.expression };
  if (!t.ok) {
    const observed = formatObserved(t);
    const abort = t.abortOnFail ? ' (abortOnFail)' : '';
    return {
      ...base,
      outcome: {
        kind: 'failure',
        type: 'threshold',
        message: `observed ${observed}`,
        detail: `threshold '${t.expression}' on ${t.metric} failed${abort}: observed ${observed}`,
      },
    };
  }
  if (t.observed === null)
    return {
      ...base,
      outcome: { kind: 'skipped', message: `no data: ${t.metric} had no samples in the run` },
    };
  return { ...base, outcome: { kind: 'passed' } };
}

function checkCase(c: CheckOutcome): TestCase {
  const base = { classname: c.workload, name: c.name };
  if (c.fails === 0) return { ...base, outcome: { kind: 'passed' } };
  const total = c.passes + c.fails;
  const message = `${c.fails} of ${total} failed`;
  return {
    ...base,
    outcome: {
      kind: 'failure',
      type: 'check',
      message,
      detail: `check '${c.name}' of workload ${c.workload}: ${message} (${formatPercent(c.passes / total)} passed)`,
    },
  };
}

function consistencyCases(consistency: ConsistencyOutcome): TestCase[] {
  const cases = consistency.kinds.map(kindCase);
  if (consistency.ok || cases.some((c) => c.outcome.kind === 'failure')) return cases;
  const detail = consistency.problems.join('\n');
  const message = consistency.problems[0] ?? 'the consistency check failed';
  const outcome = { kind: 'failure', type: 'consistency', message, detail } as const;
  return [...cases, { classname: 'consistency', name: 'check', outcome }];
}

function kindCase(kind: ConsistencyKind): TestCase {
  const base = { classname: 'consistency', name: kind.kind };
  if (!lostWrites(kind)) return { ...base, outcome: { kind: 'passed' } };
  return {
    ...base,
    outcome: {
      kind: 'failure',
      type: 'consistency',
      message: `lost acknowledged writes: ${losses(kind, MESSAGE_IDS_SHOWN)}`,
      detail: `the target lost acknowledged writes of ${kind.kind}: ${losses(kind, kind.missing.length)}`,
    },
  };
}

/** What the target lost of `kind`: the count gap and the missing ids, the first `shown` named. */
function losses(kind: ConsistencyKind, shown: number): string {
  const gap = countGap(kind);
  const found: string[] = [];
  if (gap > 0)
    found.push(`count grew by ${kind.stored} of ${kind.acknowledged} acknowledged (${gap} short)`);
  if (kind.missing.length > 0)
    found.push(
      `${kind.missing.length} of ${kind.sampled} sampled ids missing: ${formatIdList(kind.missing, shown)}`,
    );
  return found.join('; ');
}

function counts(cases: readonly TestCase[]): Record<string, number> {
  const of = (kind: TestCase['outcome']['kind']) =>
    cases.filter((c) => c.outcome.kind === kind).length;
  return { tests: cases.length, failures: of('failure'), errors: 0, skipped: of('skipped') };
}

function properties(result: RunResult): string[] {
  const values = {
    runId: result.runId,
    scenario: result.scenario.name,
    status: result.status,
    generatorValid: String(result.generator.valid),
  };
  return [
    '    <properties>',
    ...Object.entries(values).map(
      ([name, value]) => `      <property${xmlAttributes({ name, value })}/>`,
    ),
    '    </properties>',
  ];
}

function testCaseLines(c: TestCase): string[] {
  const open = `    <testcase${xmlAttributes({ classname: c.classname, name: c.name, time: '0' })}`;
  const { outcome } = c;
  if (outcome.kind === 'passed') return [`${open}/>`];
  const inner =
    outcome.kind === 'skipped'
      ? `<skipped${xmlAttributes({ message: outcome.message })}/>`
      : `<failure${xmlAttributes({ message: outcome.message, type: outcome.type })}>${escapeXml(outcome.detail)}</failure>`;
  return [`${open}>`, `      ${inner}`, '    </testcase>'];
}
