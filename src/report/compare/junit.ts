/**
 * compare-junit.xml: a comparison as JUnit XML, so a CI system lists each compared metric as a
 * test, with the same escaping as the run report's junit.xml.
 */
import type { CompareReport, MetricComparison } from '../../compare/types.js';
import { escapeXml, xmlAttributes } from '../xml.js';
import { formatBudget, formatFigures, formatMethod, formatSide, sideLabel } from './format.js';

/**
 * A comparison as JUnit XML: `<testsuites>` holding one `<testsuite name="compare">` with a
 * `<testcase>` per compared metric, in the report's order (name its key, classname the
 * scenario, `time="0"` as each is a verdict over whole runs). A `regressed` metric has a
 * `<failure type="regression">` whose message is the reason and whose text gives the figures
 * and budget; an `inconclusive` one is `<skipped>` with the reason: CI tools show skipped tests
 * apart, and an undecided metric neither fails the build nor claims to have passed. `improved`
 * and `unchanged` pass. Every case's `<system-out>` holds its verdict and figures. The suite's
 * properties record the overall verdict, the method and its settings, the allowed differences
 * and both sides. Pure and deterministic; `writeCompareFiles` writes it as compare-junit.xml.
 */
export function renderCompareJunit(report: CompareReport): string {
  const cases = report.comparisons;
  const counts = {
    tests: cases.length,
    failures: cases.filter((c) => c.verdict === 'regressed').length,
    errors: 0,
    skipped: cases.filter((c) => c.verdict === 'inconclusive').length,
    time: '0',
    timestamp: report.createdAt.slice(0, 19),
  };
  const classname = report.candidate.scenario;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${xmlAttributes({ name: `launchday compare ${classname}`, ...counts })}>`,
    `  <testsuite${xmlAttributes({ name: 'compare', ...counts })}>`,
    ...properties(report),
    ...cases.flatMap((c) => testCaseLines(c, classname)),
    '  </testsuite>',
    '</testsuites>',
  ];
  return `${lines.join('\n')}\n`;
}

function properties(report: CompareReport): string[] {
  const { settings } = report;
  const values = {
    verdict: report.verdict,
    headline: report.headline,
    method: report.method,
    methodDescription: formatMethod(report),
    alpha: String(settings.alpha),
    confidence: String(settings.confidence),
    resamples: String(settings.resamples),
    seed: String(settings.seed),
    blockSeconds: String(settings.blockSeconds),
    allowed: settings.allowed.join(','),
    baseline: `${sideLabel('baseline', report.baseline)}: ${formatSide(report.baseline)}`,
    candidate: `${sideLabel('candidate', report.candidate)}: ${formatSide(report.candidate)}`,
  };
  return [
    '    <properties>',
    ...Object.entries(values).map(
      ([name, value]) => `      <property${xmlAttributes({ name, value })}/>`,
    ),
    '    </properties>',
  ];
}

function testCaseLines(c: MetricComparison, classname: string): string[] {
  const figures = `${formatFigures(c)}; budget ${formatBudget(c.budget, c.unit, c.direction)}`;
  const inner = [];
  if (c.verdict === 'regressed')
    inner.push(
      `<failure${xmlAttributes({ message: c.reason, type: 'regression' })}>${escapeXml(`${c.key} regressed: ${figures}. ${c.reason}`)}</failure>`,
    );
  if (c.verdict === 'inconclusive') inner.push(`<skipped${xmlAttributes({ message: c.reason })}/>`);
  inner.push(`<system-out>${escapeXml(`${c.verdict}: ${figures}. ${c.reason}`)}</system-out>`);
  return [
    `    <testcase${xmlAttributes({ classname, name: c.key, time: '0' })}>`,
    ...inner.map((line) => `      ${line}`),
    '    </testcase>',
  ];
}
