import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { processTreeCpuSeconds } from './process-cpu.js';

/** A parent that starts a child burning ~400 ms of CPU, prints a line per stage and waits. */
const PARENT = `
const { spawn } = require('node:child_process');
const burn = 'const end = Date.now() + 400; while (Date.now() < end); setInterval(() => {}, 1000)';
const child = spawn(process.execPath, ['-e', burn], { stdio: 'ignore' });
setTimeout(() => { console.log('burnt'); child.kill(); child.on('exit', () => console.log('reaped')); }, 1500);
setInterval(() => {}, 1000);
`;

describe('processTreeCpuSeconds', () => {
  const live: ReturnType<typeof spawn>[] = [];
  afterEach(() => {
    for (const process of live) process.kill('SIGKILL');
  });

  it("counts a live child's CPU, and keeps it once the child exits and is reaped", async () => {
    const parent = spawn(process.execPath, ['-e', PARENT], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    live.push(parent);
    const lines = createInterface({ input: parent.stdout! })[Symbol.asyncIterator]();
    expect((await lines.next()).value).toBe('burnt');
    const whileAlive = await processTreeCpuSeconds(parent.pid!);
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
