import { renderTable } from '../common/text-table.js';
import type { PhaseResult, ScalingFit, SeedTiming, TargetBenchReport } from './types.js';

const fixed = (value: number, digits = 0) => value.toFixed(digits);

/** The report as printed on stdout: seeding, one row per phase, the scaling fits, the ratios. */
export function renderTargetReport(report: TargetBenchReport): string {
  const { machine, seeding, ratios } = report;
  return [
    `TARGET — feed service and its database on core 0; launchday on core 1; ${machine.cpuModel}, load ${machine.loadAverage.join(' ')}`,
    '',
    renderTable(
      ['seeding', 'store', 'users', 'seconds', 'MiB'],
      [
        ...seeding.timed.map((timing) => seedRow('timed', timing)),
        ...seeding.bench.map((timing) => seedRow("phases' database", timing)),
      ],
    ),
    ...(seeding.timed.length === 0
      ? ['timed seeding skipped (--seed-time-users 0)']
      : seeding.timed.map((timing) => seedVerdict(timing, seeding.targetSeconds))),
    '',
    renderTable(
      [
        'phase',
        'store',
        'procs',
        'requests',
        'failed',
        'req/s',
        'p50 ms',
        'p99 ms',
        'server µs/req',
        'db µs/req',
        'db share',
        'cores busy',
      ],
      report.phases.map(phaseRow),
    ),
    ...report.phases.filter((phase) => phase.failed > 0).map(failureLine),
    `feed reads / ceiling: ${fixed(ratios.feedToCeiling, 3)}; sign-ups / ceiling: ${fixed(ratios.signupToCeiling, 4)} (SQLite, fewest processes)`,
    ...scalingLines(report.scaling),
    '',
  ].join('\n');
}

function seedRow(label: string, timing: SeedTiming): string[] {
  return [
    label,
    timing.store,
    timing.users.toLocaleString('en-US'),
    fixed(timing.seconds, 1),
    fixed(timing.bytes / 2 ** 20, 0),
  ];
}

function seedVerdict(timing: SeedTiming, targetSeconds: number): string {
  const met = timing.seconds < targetSeconds ? 'met' : 'MISSED';
  return `seeding ${timing.users.toLocaleString('en-US')} users into ${timing.store}: ${fixed(timing.seconds, 1)} s (target < ${targetSeconds} s: ${met})`;
}

function phaseRow(phase: PhaseResult): string[] {
  return [
    phase.phase,
    phase.store ?? '-',
    String(phase.processes),
    String(phase.requests),
    String(phase.failed),
    fixed(phase.requestsPerSecond, 0),
    fixed(phase.p50, 2),
    fixed(phase.p99, 2),
    fixed(phase.serverCpuUsPerRequest, 0),
    fixed(phase.databaseCpuUsPerRequest, 0),
    `${fixed(phase.databaseCpuShare * 100, 0)}%`,
    fixed(phase.serverSideCores, 2),
  ];
}

function failureLine(phase: PhaseResult): string {
  const classes = Object.entries(phase.errors).map(([error, count]) => `${count} ${error}`);
  return `failed in ${phase.phase} (${phase.store ?? '-'}, ${phase.processes}): ${classes.join(', ')}`;
}

function scalingLines(fits: readonly ScalingFit[]): string[] {
  if (fits.length === 0) return [];
  return [
    '',
    renderTable(
      ['USL fit', 'store', 'λ req/s', 'σ', 'κ', 'R²'],
      fits.map((fit) => [
        fit.phase,
        fit.store,
        fixed(fit.lambda, 0),
        fixed(fit.sigma, 3),
        fixed(fit.kappa, 4),
        fixed(fit.rSquared, 3),
      ]),
    ),
    ...fits.flatMap((fit) => [
      `${fit.phase} on ${fit.store}: ${fit.contention}`,
      ...fit.warnings.map((warning) => `  fit: ${warning}`),
    ]),
  ];
}
