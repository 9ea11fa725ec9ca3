import { fixed, renderTable, verdict } from '../common/text-table.js';
import { CAUGHT_NEEDED } from './settings.js';
import type { CompareBenchReport } from './types.js';

const FIVE_MINUTES_MS = 5 * 60_000;

/** The benchmark's figures as terminal tables, against the targets. */
export function renderCompareReport(report: CompareBenchReport): string {
  const { falseAlarms: aa, settings: s } = report;
  const pct = (part: number, whole: number) => `${fixed((100 * part) / whole)}%`;
  const rows = [
    [
      'false alarms (A/A)',
      `${aa.regressed} of ${aa.comparisons}`,
      pct(aa.regressed, aa.comparisons),
      '≤ 5%',
      verdict(aa.regressed / aa.comparisons <= 0.05),
    ],
    ...report.power.map((p, i) => [
      `power at ${fixed(p.level * 100)}% (+${p.extraMs} ms, measured ${fixed(p.measured * 100)}%)`,
      `${p.tally.caught} of ${p.tally.comparisons}`,
      pct(p.tally.caught, p.tally.comparisons),
      i === 0 ? '≥ 95%' : '',
      i === 0 ? verdict(p.tally.caught / p.tally.comparisons >= 0.95) : '',
    ]),
    [
      'one ab as perf.yml runs it',
      `${fixed(report.ab.wallMs / 60_000, 2)} min`,
      `exit ${report.ab.exitCode}`,
      '< 5 min',
      verdict(report.ab.wallMs < FIVE_MINUTES_MS),
    ],
  ];
  const smallest =
    report.smallestCaught === null
      ? 'none of those tried'
      : `${fixed(report.smallestCaught * 100)}%`;
  const falseMetrics =
    Object.entries(aa.regressedMetrics)
      .map(([key, count]) => `${key} ×${count}`)
      .join(', ') || 'none';
  return [
    `compare benchmark: ${s.comparisons} comparisons a figure, ${s.repeats}+${s.repeats} runs each of read-heavy-feed at ${s.rate}/s for ${s.runSeconds} s,`,
    `feed slowed by a fixed cost on top of a ${s.feedBaseLatencyMs} ms base (median ${fixed(report.feedMedianMs, 2)} ms); ${report.machine.cpuModel} ×${report.machine.cores}`,
    '',
    renderTable(['figure', 'count', 'rate', 'target', 'met'], rows),
    '',
    `smallest slowdown caught ${CAUGHT_NEEDED} times in 20: ${smallest}`,
    `metrics behind the false alarms: ${falseMetrics}`,
    `runs whose generator fell behind its schedule (compared anyway): ${report.lateGenerator.runs} of ${report.lateGenerator.of}`,
    `whole benchmark: ${fixed(report.totalWallMs / 60_000, 1)} min`,
    '',
  ].join('\n');
}
