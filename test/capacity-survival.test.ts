import type { ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CapacityReport } from '../src/capacity/types.js';
import { finished, scenarioFile, startCli, tempDir } from './support/cli.js';
import { serverPerTest } from './support/test-server.js';

const startServer = serverPerTest();

/** The gracefulStop of every phase's run (phase-run.ts). */
const GRACEFUL_STOP_S = 5;
/** Starting a phase's run and ending it (worker threads, /metrics readings) takes a moment. */
const SLACK_PER_PHASE_S = 3;

/**
 * A service without admission control: each request costs `cpuMs` of CPU, served one at a
 * time, and every request waits its turn however long the queue grows.
 */
function queueing(cpuMs: number) {
  return (_req: IncomingMessage, res: ServerResponse) => {
    const until = performance.now() + cpuMs;
    while (performance.now() < until) {
      // Busy: the CPU a real handler would spend.
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"ok":true}');
  };
}

/** `launchday capacity` with a small search: a ramp from 40/s, levels of 2 s. */
function startSearch(baseUrl: string, outDir: string) {
  return startCli([
    'capacity',
    scenarioFile('capacity-probe.ts'),
    ...[
      '--base-url',
      baseUrl,
      '--slo',
      'p(99)<100ms',
      '--slo',
      'http_req_failed<1%',
      '--workers',
      '1',
    ],
    ...[
      '--start-rate',
      '40',
      '--max-rate',
      '640',
      '--levels',
      '8',
      '--step',
      '2s',
      '--warmup',
      '1s',
    ],
    ...['--out-dir', outDir],
  ]);
}

/** Keeps what `child` prints on stderr; the function returned reads it so far. */
function stderrOf(child: ChildProcess): () => string {
  let text = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  return () => text;
}

/** The report folder the CLI printed, and the three files in it. */
async function readReport(stdout: string) {
  const dir = /capacity: (\S+)\/capacity\.html/.exec(stdout)?.[1];
  expect(dir, stdout).toBeDefined();
  const json = JSON.parse(await readFile(join(dir!, 'capacity.json'), 'utf8')) as CapacityReport;
  const markdown = await readFile(join(dir!, 'capacity.md'), 'utf8');
  const html = await readFile(join(dir!, 'capacity.html'), 'utf8');
  return { json, markdown, html };
}

/** How long the phases of `report` were planned to take, for the levels they ran. */
function plannedSeconds(report: CapacityReport): number {
  return report.phases.reduce(
    (sum, phase) =>
      sum + phase.measured.length * phase.levelS + (phase.clean ? 0 : GRACEFUL_STOP_S),
    0,
  );
}

describe('launchday capacity against a service that queues instead of shedding', () => {
  it('finishes on time and reports that the overload phase did not finish cleanly', async () => {
    const server = await startServer(queueing(3));
    const started = Date.now();
    const { code, stdout, stderr } = await finished(startSearch(server.url, await tempDir()));
    const seconds = (Date.now() - started) / 1000;
    // The answer stands; the overload phase that could not finish is a finding of the report.
    expect(code, stderr).toBe(0);
    const { json, markdown, html } = await readReport(stdout);

    expect(json.phases.map((phase) => phase.name)).toEqual(
      expect.arrayContaining(['ramp', 'staircase', 'overload']),
    );
    const bound = plannedSeconds(json) + SLACK_PER_PHASE_S * json.phases.length + 5;
    expect(seconds, `took ${seconds} s, plan and slack ${bound} s`).toBeLessThan(bound);

    expect(json.status).toBe('incomplete');
    expect(json.maxSustainableEstablished).toBe(true);
    expect(json.maxSustainableRate).toBeGreaterThan(0);
    expect(json.steps.length).toBeGreaterThanOrEqual(4);
    const overload = json.phases.at(-1)!;
    expect(overload).toMatchObject({ name: 'overload', clean: false });
    expect(['cut-off', 'failed']).toContain(overload.end);
    expect(json.overload.map((run) => run.multiple)).toEqual([2, 10]);
    // At 10x the service completes a fraction of what arrives, and fails none of it: a queue.
    expect(json.overload[1]!.achieved).toBeLessThan(0.5 * json.overload[1]!.offered);
    expect(json.verdict).toContain('In overload the service does not shed load, it queues');
    expect(json.verdict).toContain(overload.note);

    expect(markdown).toContain('> **⚠️ Search incomplete: a phase did not finish cleanly.**');
    expect(markdown).toMatch(/\| overload \|.*\| not clean: /);
    expect(markdown).toContain('### Steps');
    expect(html).toContain('data-status="incomplete"');
    expect(html).toContain('id="status-notice"');
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(stderr).toContain(`launchday capacity: ${overload.note}`);
  }, 180_000);

  it('writes what it measured and exits 3 when the target goes away mid-search', async () => {
    const server = await startServer(queueing(3));
    const child = startSearch(server.url, await tempDir());
    const outcome = finished(child);
    const log = stderrOf(child);
    await expect.poll(log, { timeout: 60_000, interval: 100 }).toMatch(/ staircase ✓/);
    await server.close();
    const { code, stdout, stderr } = await outcome;
    expect(code, stderr).toBe(3);
    const { json, markdown } = await readReport(stdout);

    expect(json.status).toBe('incomplete');
    const failed = json.phases.at(-1)!;
    expect(failed).toMatchObject({ end: 'failed', clean: false, measured: [] });
    expect(failed.note).toMatch(/failed before any of its \d levels was measured: .*unreachable/);
    expect(json.steps.length).toBeGreaterThanOrEqual(1);
    expect(json).toMatchObject({ maxSustainableEstablished: false, plan: null, overload: [] });
    expect(json.verdict.startsWith(`Search incomplete. ${failed.note} Provisional:`)).toBe(true);
    expect(markdown).toContain(`> - ${failed.note.slice(0, 30)}`);
  }, 120_000);

  it('writes the partial report and exits 130 when interrupted mid-search', async () => {
    const server = await startServer(queueing(3));
    const child = startSearch(server.url, await tempDir());
    const outcome = finished(child);
    const log = stderrOf(child);
    // Interrupt once the staircase has measured a level.
    await expect.poll(log, { timeout: 60_000, interval: 100 }).toMatch(/ staircase [✓✗]/);
    const interruptedAt = Date.now();
    child.kill('SIGINT');
    const { code, stdout, stderr } = await outcome;
    expect(code, stderr).toBe(130);
    expect((Date.now() - interruptedAt) / 1000).toBeLessThan(
      GRACEFUL_STOP_S + SLACK_PER_PHASE_S + 2,
    );
    const { json, markdown, html } = await readReport(stdout);

    expect(json.status).toBe('interrupted');
    const [ramp, staircase, ...after] = json.phases;
    expect(ramp).toMatchObject({ name: 'ramp', clean: true });
    expect(staircase).toMatchObject({ name: 'staircase', end: 'interrupted', clean: false });
    expect(after).toEqual([]);
    expect(staircase!.measured.length).toBeGreaterThanOrEqual(1);
    expect(staircase!.measured.length).toBeLessThan(staircase!.planned.length);
    expect(json.steps.map((step) => step.offered)).toEqual(staircase!.measured);
    expect(json).toMatchObject({ maxSustainableEstablished: false, knee: null, overload: [] });
    expect(json.verdict).toMatch(/^Search interrupted\. The staircase was interrupted/);
    expect(markdown).toContain('> **⚠️ Search interrupted (SIGINT or SIGTERM)');
    expect(html).toContain('data-status="interrupted"');
  }, 120_000);
});
