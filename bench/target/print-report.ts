import { renderTable } from '../common/text-table.js';
import type { PhaseResult, SeedTiming, TargetBenchReport } from './types.js';

const fixed = (value: number, digits = 0) => value.toFixed(digits);

/** The report as printed on stdout: seeding, then one row per phase, then the ratios. */
export function renderTargetReport(report: TargetBenchReport): string {
  const { machine, seeding, ratios } = report;
  return [
    `TARGET — feed service, 1 worker on core 0; launchday on core 1; ${machine.cpuModel}, load ${machine.loadAverage.join(' ')}`,
    '',
    renderTable(
      ['seeding', 'users', 'seconds', 'file MiB'],
      [
        ...(seeding.timed === null ? [] : [seedRow('timed', seeding.timed)]),
        seedRow("phases' database", seeding.bench),
      ],
    ),
    seeding.timed === null
      ? 'timed seeding skipped (--seed-time-users 0)'
      : `seeding ${seeding.timed.users.toLocaleString('en-US')} users: ${fixed(seeding.timed.seconds, 1)} s (target < ${seeding.targetSeconds} s: ${seeding.timed.seconds < seeding.targetSeconds ? 'met' : 'MISSED'})`,
    '',
    renderTable(
      ['phase', 'requests', 'failed', 'req/s', 'p50 ms', 'p99 ms', 'server CPU µs/req'],
      report.phases.map(phaseRow),
    ),
    `feed reads / ceiling: ${fixed(ratios.feedToCeiling, 3)}; sign-ups / ceiling: ${fixed(ratios.signupToCeiling, 4)}`,
    '',
  ].join('\n');
}

function seedRow(label: string, timing: SeedTiming): string[] {
  return [
    label,
    timing.users.toLocaleString('en-US'),
    fixed(timing.seconds, 1),
    fixed(timing.bytes / 2 ** 20, 0),
  ];
}

function phaseRow(phase: PhaseResult): string[] {
  return [
    phase.phase,
    String(phase.requests),
    String(phase.failed),
    fixed(phase.requestsPerSecond, 0),
    fixed(phase.p50, 2),
    fixed(phase.p99, 2),
    fixed(phase.serverCpuUsPerRequest, 0),
  ];
}
