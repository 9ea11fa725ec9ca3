import { type ChildProcess, spawn } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../src/core/result.js';
import { runScenario, type ScenarioRun, scenarioFile, tempDir } from './support/cli.js';
import { expectValidResult } from './support/result-schema.js';
import { serverPerTest } from './support/test-server.js';

const startServer = serverPerTest();

/** The built API (as users import it): its worker threads load the compiled engine. */
const builtApi = (await import(
  new URL('../dist/src/api.js', import.meta.url).href
)) as typeof import('../src/api.js');

/** Slack over plan + gracefulStop for starting the CLI, its workers and writing the files. */
const SLACK_MS = 6_000;

/** A service without admission control: each request costs 5 ms of CPU, one at a time. */
function queueingHandler() {
  let queue = Promise.resolve();
  return (_req: IncomingMessage, res: ServerResponse) => {
    queue = queue.then(() => {
      const until = Date.now() + 5;
      while (Date.now() < until);
      res.end('ok');
    });
  };
}

/** Runs the reliability scenario against `url`, its result checked against the schema. */
async function runReliability(
  url: string,
  args: readonly string[],
  onStart?: (child: ChildProcess) => void,
): Promise<ScenarioRun> {
  const run = await runScenario('reliability.ts', url, args, onStart);
  expectValidResult(run.result);
  return run;
}

function counter(result: RunResult, metric: string): number {
  const summary = result.summary.metrics[metric];
  return summary?.kind === 'counter' ? summary.count : 0;
}

describe('the generator against services that do not keep up', () => {
  it('cuts off what still runs when gracefulStop ends, far above a queueing service', async () => {
    const server = await startServer(queueingHandler());
    // 1000 arrivals a second for 2 s against a service that serves 200: most are still queued.
    const { outcome, result, wallMs } = await runReliability(server.url, ['-p', 'rate=1000']);
    expect(outcome.code, outcome.stderr).toBe(0);
    expect(wallMs).toBeLessThan(2_000 + 1_000 + SLACK_MS);
    expect(result.status).toBe('passed');
    const interrupted = counter(result, 'interrupted_iterations');
    expect(interrupted).toBeGreaterThan(500);
    expect(counter(result, 'iterations') + interrupted).toBe(2000);
    expect(result.config).toMatchObject({ interruptedIterations: interrupted });
    expect(outcome.stdout).toContain(`${interrupted} interrupted at gracefulStop`);
  });

  it('aborts requests that never get an answer at the end of gracefulStop, not at their timeout', async () => {
    const server = await startServer(() => {});
    const { outcome, result, wallMs } = await runReliability(server.url, ['-p', 'rate=20']);
    expect(outcome.code, outcome.stderr).toBe(0);
    // The requests' 60 s timeout is far away: the run ends at plan + gracefulStop.
    expect(wallMs).toBeLessThan(2_000 + 1_000 + SLACK_MS);
    expect(counter(result, 'interrupted_iterations')).toBe(40);
    expect(counter(result, 'http_reqs')).toBe(0);
  });
});

describe('the generator protects itself', () => {
  const okHandler = (_req: IncomingMessage, res: ServerResponse) => res.end('ok');

  it('stops a journey that allocates without end at --max-memory, with status aborted', async () => {
    const server = await startServer(okHandler);
    const { outcome, result, wallMs } = await runReliability(server.url, [
      '-p',
      'journey=allocate',
      '-p',
      'duration=30s',
      '--max-memory',
      '600MB',
    ]);
    expect(outcome.code, outcome.stderr).toBe(5);
    expect(result.status).toBe('aborted');
    expect(result.stopReason).toMatch(
      /^the memory watchdog stopped the run at once: the generator's memory reached \d+ MB, its limit being 600 MB/,
    );
    expect(wallMs).toBeLessThan(30_000);
    expect(counter(result, 'iterations')).toBeGreaterThan(0);
  });

  it('keeps the run going when a journey throws where nothing awaits it', async () => {
    const server = await startServer(okHandler);
    const { outcome, result } = await runReliability(server.url, ['-p', 'journey=stray-error']);
    expect(outcome.code, outcome.stderr).toBe(0);
    expect(counter(result, 'iterations')).toBe(100);
    const logged = result.journeyErrors.join('\n');
    expect(logged).toContain(
      'uncaught in a journey: Error: thrown from a timer the journey did not await',
    );
    expect(logged).toContain('uncaught in a journey: Error: a rejection nobody handled');
  });

  it('terminates a worker whose journey never yields, and still writes the result', async () => {
    const server = await startServer(okHandler);
    const { outcome, result, wallMs } = await runReliability(server.url, [
      '-p',
      'journey=block',
      '-p',
      'duration=1s',
      '--workers',
      '1',
    ]);
    // The run's own exit code: no threshold failed; the note says what is missing.
    expect(outcome.code, outcome.stderr).toBe(0);
    expect(outcome.stderr).not.toContain('internal error');
    expect(wallMs).toBeLessThan(1_000 + 1_000 + 10_000 + SLACK_MS);
    expect(result.generator.valid).toBe(false);
    expect(result.generator.reasons[0]).toMatch(/worker threads were terminated/);
  });
});

describe('SIGTERM', () => {
  it('stops the run as SIGINT does: partial result written, exit code 130', async () => {
    const server = await startServer(() => {});
    const { outcome, result, wallMs } = await runReliability(
      server.url,
      ['-p', 'duration=60s', '-p', 'rate=10'],
      (child) => setTimeout(() => child.kill('SIGTERM'), 2_000),
    );
    expect(outcome.code).toBe(130);
    expect(outcome.stderr).toContain('stopping (SIGTERM)');
    expect(result.status).toBe('interrupted');
    expect(result.stopReason).toBe('interrupted (SIGTERM)');
    // Stopped after ~2 s, then gracefulStop (1 s) cut off the requests that hang.
    expect(wallMs).toBeLessThan(2_000 + 1_000 + SLACK_MS);
    expect(counter(result, 'interrupted_iterations')).toBeGreaterThan(0);
  });
});

describe('the result survives', () => {
  it('an output that throws: it is set aside, and result.json and the reports are written', async () => {
    const server = await startServer((_req, res) => res.end('ok'));
    const problems: string[] = [];
    class BrokenDashboard {
      interval(): void {
        throw new Error('the dashboard feed broke');
      }
      async end(): Promise<void> {
        throw new Error('never called once set aside');
      }
    }
    const outcome = await builtApi.runScenario(scenarioFile('reliability.ts'), {
      baseUrl: server.url,
      outDir: await tempDir(),
      params: { duration: '2s', rate: '20' },
      outputs: [new BrokenDashboard()],
      onOutputProblem: (message) => problems.push(message),
    });
    expect(problems).toEqual([
      'the BrokenDashboard output failed and was set aside for the rest of the run: the dashboard feed broke',
    ]);
    const written = JSON.parse(await readFile(outcome.resultFile, 'utf8')) as RunResult;
    expectValidResult(written);
    expect(written.status).toBe('passed');
    expect(counter(written, 'iterations')).toBe(40);
    expect((await stat(outcome.reportFiles.html)).size).toBeGreaterThan(0);
  });

  it('kill -9 while result.json is written: the old file or the new one, never half of one', async () => {
    const dir = await tempDir();
    const file = join(dir, 'result.json');
    const writer = new URL('../dist/src/outputs/json-result.js', import.meta.url).href;
    // Rewrites a 20 MB result as fast as it can, each time with a new `round`.
    const program = `
      const { writeJsonFile } = await import(${JSON.stringify(writer)});
      const intervals = Array.from({ length: 200_000 }, (_, t) => ({ t, requests: t * 7 }));
      for (let round = 0; ; round++) await writeJsonFile(${JSON.stringify(file)}, { round, intervals });
    `;
    for (let kill = 0; kill < 10; kill++) {
      const child = spawn(process.execPath, ['--input-type=module', '-e', program]);
      await new Promise((resolve) => setTimeout(resolve, 300 + kill * 97));
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
      const text = await readFile(file, 'utf8').catch(() => null);
      if (text === null) continue;
      const parsed = JSON.parse(text) as { round: number; intervals: unknown[] };
      expect(parsed.intervals).toHaveLength(200_000);
    }
    // The writer got far enough to replace the file at least once.
    expect(JSON.parse(await readFile(file, 'utf8'))).toHaveProperty('round');
  });
});
