import { fixed, renderTable, signedPct, verdict } from '../common/text-table.js';
import type {
  AccuracyResult,
  AccuracyRun,
  BenchReport,
  CostResult,
  CostRun,
  HostileResult,
  HostileRun,
  MemoryResult,
  RssSample,
  RssWindow,
  ToolCost,
} from './types.js';

/** The targets the report judges figures against. */
const TARGETS = { costRatio: 1.0, rateErrorPct: 1, memoryGrowthPct: 10 } as const;

/** Renders a benchmark report for the terminal: the machine, then each part that ran. */
export function renderReport(report: BenchReport): string {
  const { machine } = report;
  const sections = [
    `launchday engine benchmark — ${machine.cpuModel}, ${machine.cores} cores, Node ${machine.node} (${machine.platform}/${machine.arch})\n` +
      `load average at start ${machine.loadAverage.join(' ')} (anything but the benchmark running skews the figures)`,
  ];
  if (report.cost) sections.push(renderCost(report.cost));
  if (report.accuracy) sections.push(renderAccuracy(report.accuracy));
  if (report.memory) sections.push(renderMemory(report.memory));
  if (report.hostile) sections.push(renderHostile(report.hostile));
  return `${sections.join('\n\n')}\n`;
}

const COST_RUN_HEADER = [
  'round',
  'tool',
  'load',
  'requests',
  'failed',
  'user s',
  'sys s',
  'cpu s',
  'wall s',
  'req/s',
];

function renderCost(cost: CostResult): string {
  const tools = [cost.launchday, cost.autocannon];
  const runs = tools
    .flatMap((tool) => tool.runs.map((run) => ({ tool: tool.tool, run })))
    .sort((a, b) => a.run.round - b.run.round || a.run.seconds - b.run.seconds)
    .map(({ tool, run }) => costRunRow(tool, run));
  const marginal = tools.map((tool: ToolCost) => [
    tool.tool,
    tool.roundMarginalsUsPerRequest.map((value) => fixed(value, 1)).join(' / '),
    fixed(tool.marginalUsPerRequest, 1),
    fixed(tool.requestsPerSecond, 0),
  ]);
  return [
    `COST — closed loop, ${cost.connections} connections, server on core 0, generator on core 1; CPU = user+sys from the OS`,
    renderTable(COST_RUN_HEADER, runs, 2),
    '',
    renderTable(
      [
        'tool',
        'µs/request per round (ΔCPU/Δrequests)',
        'median µs/request',
        'req/s (long runs, median)',
      ],
      marginal,
    ),
    `launchday / autocannon CPU per request, per round: ${cost.roundRatios.map((ratio) => fixed(ratio, 2)).join(' / ')}`,
    `launchday / autocannon CPU per request, median of the rounds: ${fixed(cost.ratio, 2)} (target ≤ ${fixed(TARGETS.costRatio)}: ${verdict(cost.ratio <= TARGETS.costRatio)})`,
  ].join('\n');
}

function costRunRow(tool: string, run: CostRun): string[] {
  const { cpu } = run;
  return [
    String(run.round),
    tool,
    `${run.seconds} s`,
    String(run.requests),
    String(run.failed),
    fixed(cpu.userS, 2),
    fixed(cpu.sysS, 2),
    fixed(cpu.totalS, 2),
    fixed(run.wallS, 2),
    fixed(run.requestsPerSecond, 0),
  ];
}

function renderAccuracy(accuracy: AccuracyResult): string {
  const { schedule, analytic } = accuracy;
  const rows = [accuracy.launchday, accuracy.autocannon].map(accuracyRow);
  return [
    `ACCURACY — ${accuracy.launchday.targetRate} req/s for ${accuracy.seconds} s, ${accuracy.connections} connections; the server freezes ${schedule.freezeMs} ms every ${schedule.periodMs} ms and answers in ${schedule.serviceMs} ms otherwise`,
    `truth from the schedule: p99 ${fixed(analytic.p99)} ms, p99.9 ${fixed(analytic['p99.9'])} ms`,
    renderTable(
      [
        'tool',
        'target/s',
        'achieved/s',
        'rate err',
        'dropped',
        'failed',
        'freezes',
        'p99 ms',
        'p99 err',
        'p99.9 ms',
        'p99.9 err',
      ],
      rows,
    ),
    `launchday's achieved rate within ${TARGETS.rateErrorPct}% of the target: ${verdict(Math.abs(accuracy.launchday.rateErrorPct) <= TARGETS.rateErrorPct)}`,
  ].join('\n');
}

function accuracyRow(run: AccuracyRun): string[] {
  const meanFreeze =
    run.freezes.reduce((sum, f) => sum + (f.endMs - f.startMs), 0) /
    Math.max(1, run.freezes.length);
  return [
    run.tool,
    fixed(run.targetRate, 0),
    fixed(run.achievedRate),
    signedPct(run.rateErrorPct),
    run.dropped === null ? 'n/a' : String(run.dropped),
    String(run.failed),
    `${run.freezes.length} × ${fixed(meanFreeze, 0)} ms`,
    fixed(run.reported.p99),
    signedPct(run.errorPct.p99),
    fixed(run.reported['p99.9']),
    signedPct(run.errorPct['p99.9']),
  ];
}

function mb(bytes: number): string {
  return `${fixed(bytes / 2 ** 20)} MiB`;
}

function renderMemory(memory: MemoryResult): string {
  const span = (window: RssWindow) => `${fixed(window.fromS, 0)}–${fixed(window.toS, 0)}`;
  const row = (label: string, window: RssWindow, reading: RssSample) => [
    label,
    span(window),
    String(window.readings),
    mb(window.medianRssBytes),
    `${mb(reading.rssBytes)} at ${fixed(reading.t, 0)} s`,
  ];
  const health = memory.generator.valid
    ? 'kept its schedule'
    : `did NOT keep its schedule: ${memory.generator.reasons.join('; ')}`;
  return [
    `MEMORY — launchday at ${memory.rate} req/s for ${memory.seconds} s; RSS (VmRSS) of the generator process every few seconds`,
    `achieved ${fixed(memory.achievedRate)} req/s, ${memory.requests} requests, ${memory.failed} failed, ${memory.dropped} dropped${droppedWhen(memory.droppedInSeconds)}; the generator ${health}`,
    renderTable(
      ['readings', 'from–to s', 'n', 'median RSS', 'single reading'],
      [
        row('after warm-up', memory.baseline, memory.atBaseline),
        row('end of load', memory.end, memory.atEnd),
      ],
    ),
    `growth of the median ${signedPct(memory.growthPct)} (target < ${TARGETS.memoryGrowthPct}%: ${verdict(memory.growthPct < TARGETS.memoryGrowthPct)}); of the single readings ${signedPct(memory.pointGrowthPct)}`,
  ].join('\n');
}

function renderHostile(hostile: HostileResult): string {
  const rows = hostile.bodies.flatMap(({ body, launchday, autocannon }) =>
    [launchday, autocannon].map((run) => hostileRow(body, run)),
  );
  const ratios = hostile.bodies.map(
    ({ body, ratio, autocannon }) =>
      `${body} ${fixed(ratio, 2)}${autocannon.crashed === null ? '' : ' (over the peak autocannon reached before it crashed)'}`,
  );
  return [
    `HOSTILE BODIES — closed loop, ${hostile.connections} connections, ${hostile.seconds} s per tool and server; peak RSS (VmHWM) of the generator process`,
    renderTable(
      [
        'server',
        'tool',
        'peak RSS',
        'requests',
        'failed',
        'error classes',
        'bytes read',
        'crashed',
      ],
      rows,
    ),
    `launchday / autocannon peak RSS: ${ratios.join(', ')} (launchday keeps at most maxResponseBodySize, 10 MB, per request in flight)`,
  ].join('\n');
}

function hostileRow(body: string, run: HostileRun): string[] {
  const classes = run.errorClasses === null ? 'n/a' : Object.entries(run.errorClasses);
  return [
    body,
    run.tool,
    mb(run.peakRssBytes),
    String(run.requests),
    String(run.failed),
    typeof classes === 'string' ? classes : classes.map(([k, n]) => `${k} ${n}`).join(', '),
    run.bytesRead === null ? 'n/a' : mb(run.bytesRead),
    run.crashed ?? 'no',
  ];
}

/** ` (in seconds 12, 13, …)` for the first seconds with drops; '' when there were none. */
function droppedWhen(seconds: readonly number[]): string {
  if (seconds.length === 0) return '';
  const shown = seconds.slice(0, 10).join(', ');
  return ` (in seconds ${shown}${seconds.length > 10 ? ', …' : ''})`;
}
