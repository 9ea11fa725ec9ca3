import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { processTreeCpuSeconds } from './process-cpu.js';

/**
 * A parent that starts a child burning 400 ms of CPU and says so, then kills it when a line
 * comes on its stdin and says once it has reaped it.
 */
const PARENT = `
const { spawn } = require('node:child_process');
const burn =
  'while (process.cpuUsage().user + process.cpuUsage().system < 400_000); setInterval(() => {}, 1000)';
const child = spawn(process.execPath, ['-e', burn], { stdio: 'ignore' });
child.on('spawn', () => setTimeout(check, 100));
function check() {
  // The child has burnt its 400 ms once /proc counts 40 ticks (10 ms each) of its CPU.
  const stat = require('node:fs').readFileSync('/proc/' + child.pid + '/stat', 'utf8').split(') ')[1].split(' ');
  const ticks = Number(stat[11]) + Number(stat[12]);
  if (ticks < 40) return setTimeout(check, 100);
  console.log('burnt');
}
// Kills the child when told to on stdin, and says once it has reaped it.
process.stdin.once('data', () => { child.on('exit', () => console.log('reaped')); child.kill(); });
`;

describe('processTreeCpuSeconds', () => {
  const live: ReturnType<typeof spawn>[] = [];
  afterEach(() => {
    for (const process of live) process.kill('SIGKILL');
  });

  it("counts a live child's CPU, and keeps it once the child exits and is reaped", async () => {
    const parent = spawn(process.execPath, ['-e', PARENT], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    live.push(parent);
    const lines = createInterface({ input: parent.stdout! })[Symbol.asyncIterator]();
    expect((await lines.next()).value).toBe('burnt');
    const whileAlive = await processTreeCpuSeconds(parent.pid!);
    parent.stdin!.write('kill\n');
    expect((await lines.next()).value).toBe('reaped');
    const afterExit = await processTreeCpuSeconds(parent.pid!);
    expect(whileAlive).toBeGreaterThanOrEqual(0.35);
    expect(afterExit).toBeGreaterThanOrEqual(whileAlive);
  });

  it('names the process it cannot read', async () => {
    const gone = spawn(process.execPath, ['-e', '']);
    await once(gone, 'exit');
    await expect(processTreeCpuSeconds(gone.pid!)).rejects.toThrow(
      new RegExp(`CPU time of process ${gone.pid} \\(ENOENT\\)`),
    );
  });
});
