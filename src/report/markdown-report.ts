import { formatDuration } from '../core/duration.js';
import type { RunResult, RunStatus } from '../core/result.js';
import { formatBytes } from './format.js';
import { escapeMarkdown, markdownTable } from './markdown.js';
import {
  checksSection,
  consistencySection,
  errorClassesSection,
  requestsSection,
  thresholdsSection,
  workloadsSection,
} from './markdown-tables.js';
import { mergedInstancesText } from './merged-instances.js';
import { formatObserved, STATUS_LABELS } from './verdicts.js';

const VERDICT: Readonly<Record<RunStatus, string>> = {
  passed: '✅ Passed',
  'thresholds-failed': '❌ Thresholds failed',
  'aborted-by-threshold': '🛑 Aborted by a threshold',
  aborted: '🛑 Aborted by the generator',
  'consistency-failed': '❌ Acknowledged writes lost',
  interrupted: '⚠️ Interrupted',
};

/**
 * The run's report in GitHub-flavoured Markdown, for a pull-request comment or
 * `$GITHUB_STEP_SUMMARY`: the verdict first (with every failing threshold named, whether the
 * target kept its acknowledged writes when that was checked, and a warning when the generator
 * could not keep its schedule), then the run, and tables of requests, thresholds, checks, the
 * consistency check (only when one ran), workloads, error classes, generator health and
 * environment. No HTML; every name from the scenario is escaped. Pure and deterministic: the
 * same result gives the same text, ending with a newline. `writeReportFiles` writes it as
 * report.md.
 */
export function renderMarkdownReport(result: RunResult): string {
  const sections = [
    verdictSection(result),
    generatorWarning(result),
    runSection(result),
    requestsSection(result),
    thresholdsSection(result),
    checksSection(result),
    consistencySection(result),
    workloadsSection(result),
    errorClassesSection(result),
    generatorSection(result),
    environmentSection(result),
  ];
  return `${sections
    .filter((lines) => lines.length > 0)
    .map((lines) => lines.join('\n'))
    .join('\n\n')}\n`;
}

function verdictSection(result: RunResult): string[] {
  const lines = [`## ${VERDICT[result.status]}: ${escapeMarkdown(result.scenario.name)}`, ''];
  if (result.stopReason !== undefined)
    lines.push(`Stopped early: ${escapeMarkdown(result.stopReason)}.`, '');
  const failed = result.thresholds.filter((t) => !t.ok);
  const total = result.thresholds.length;
  if (total === 0) lines.push('No thresholds were set.');
  else if (failed.length === 0)
    lines.push(total === 1 ? 'The threshold held.' : `All ${total} thresholds held.`);
  else {
    lines.push(`${failed.length} of ${total} thresholds failed:`, '');
    for (const t of failed)
      lines.push(
        `- ${escapeMarkdown(t.metric)}: ${escapeMarkdown(t.expression)} — observed ` +
          escapeMarkdown(formatObserved(t)),
      );
  }
  const consistency = consistencyVerdict(result);
  if (consistency !== undefined) lines.push('', consistency);
  return lines;
}

function consistencyVerdict(result: RunResult): string | undefined {
  if (result.consistency === null) return undefined;
  if (result.consistency.ok) return 'The target kept every write it acknowledged.';
  return `**${STATUS_LABELS['consistency-failed']}**: see Consistency below.`;
}

function generatorWarning(result: RunResult): string[] {
  if (result.generator.valid) return [];
  return [
    '> **Warning:** the load generator could not keep its schedule; do not trust these figures.',
    '>',
    ...result.generator.reasons.map((reason) => `> - ${escapeMarkdown(reason)}`),
  ];
}

function runSection(result: RunResult): string[] {
  const { scenario } = result;
  const described =
    escapeMarkdown(scenario.name) +
    (scenario.description ? ` — ${escapeMarkdown(scenario.description)}` : '');
  const rows = [
    ['scenario', `${described} (${escapeMarkdown(scenario.file)})`],
    ['started', result.startedAt],
    ['ended', result.endedAt],
    ['duration', formatDuration(result.durationMs)],
    ['status', result.status],
  ];
  if (result.stopReason !== undefined)
    rows.push(['stopped early', escapeMarkdown(result.stopReason)]);
  const instances = mergedInstancesText(result);
  if (instances !== undefined) rows.push(['merged from', escapeMarkdown(instances)]);
  return ['### Run', '', ...markdownTable(['run id', escapeMarkdown(result.runId)], rows)];
}

function generatorSection(result: RunResult): string[] {
  const { generator } = result;
  const verdict = generator.valid ? '✅ kept its schedule' : '⚠️ could not keep its schedule';
  const rows = [
    ['scheduler lag p99', `${generator.schedulerLagP99Ms.toFixed(1)} ms`],
    ['busiest event loop', `${(generator.maxEventLoopUtilization * 100).toFixed(0)}%`],
    ['worker threads', String(generator.workers)],
  ];
  return ['### Generator health', '', ...markdownTable(['generator', verdict], rows)];
}

function environmentSection(result: RunResult): string[] {
  const env = result.environment;
  const rows = [
    ['Node.js', escapeMarkdown(env.node)],
    ['platform', escapeMarkdown(`${env.platform} ${env.arch}`)],
    ['CPU', `${escapeMarkdown(env.cpuModel)} × ${env.cpus}`],
    ['memory', formatBytes(env.totalMemoryBytes)],
    ['host', escapeMarkdown(env.hostname)],
  ];
  return [
    '### Environment',
    '',
    ...markdownTable(['launchday', escapeMarkdown(env.launchdayVersion)], rows),
  ];
}
