import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ProcessGroup } from './process-group.js';
import { runCommand } from './run-command.js';

/** A shell that starts a grandchild, prints its PID, and waits. */
const SHELL_WITH_GRANDCHILD = 'sleep 60 & echo $!; wait';

describe('ProcessGroup', () => {
  const group = new ProcessGroup();
  afterEach(() => group.stopAll());

  it('stops a process and what it started, by its group', async () => {
    const child = group.spawn(['bash', '-c', SHELL_WITH_GRANDCHILD], ['ignore', 'pipe', 'ignore']);
    const grandchildPid = await firstLine(child.stdout!);
    expect(existsSync(`/proc/${grandchildPid}`)).toBe(true);
    await group.stopAll();
    expect(child.exitCode !== null || child.signalCode !== null).toBe(true);
    await waitUntil(() => !existsSync(`/proc/${grandchildPid}`));
  });

  it('starts nothing once closed', async () => {
    const closing = new ProcessGroup();
    await closing.close();
    expect(() => closing.spawn(['sleep', '60'], 'ignore')).toThrow(/the benchmark is stopping/);
  });

  it('stops a command that outlives its time limit and fails the run', async () => {
    await expect(runCommand(group, ['sleep', '60'], { timeoutMs: 200 })).rejects.toThrow(
      /was stopped by SIGTERM after the 200 ms limit/,
    );
  });
});

function firstLine(stream: NodeJS.ReadableStream): Promise<number> {
  return new Promise((resolve) => {
    stream.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
  });
}

/** Polls `condition` every 20 ms, at most 100 times (the grandchild may take a moment to be reaped). */
async function waitUntil(condition: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 100 && !condition(); attempt++)
    await new Promise((resolve) => setTimeout(resolve, 20));
  expect(condition()).toBe(true);
}
