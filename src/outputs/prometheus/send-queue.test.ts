import { describe, expect, it } from 'vitest';
import { SendFailure, SendQueue } from './send-queue.js';

/** A receiver that fails as `answers` says, in order, then accepts; it logs every attempt. */
function receiver(answers: ('ok' | 'down' | 'reject')[] = []) {
  const attempts: number[] = [];
  const delivered: number[] = [];
  const send = async (item: number) => {
    attempts.push(item);
    const answer = answers.shift() ?? 'ok';
    if (answer === 'down') throw new Error('connect ECONNREFUSED');
    if (answer === 'reject') throw new SendFailure('HTTP 400 out of order sample', false);
    delivered.push(item);
  };
  return { send, attempts, delivered };
}

function queue(send: (item: number) => Promise<void>, maxItems = 10, failures: Error[] = []) {
  return new SendQueue<number>({
    send,
    maxItems,
    initialBackoffMs: 1,
    maxBackoffMs: 4,
    onFailure: (error) => failures.push(error),
  });
}

describe('SendQueue', () => {
  it('sends every item once, in order, one at a time', async () => {
    const target = receiver();
    const q = queue(target.send);
    for (let i = 0; i < 5; i++) q.push(i);
    expect(await q.drain(5000)).toBe(0);
    expect(target.delivered).toEqual([0, 1, 2, 3, 4]);
    expect(q.stats).toEqual({ pushed: 5, sent: 5, failures: 0, dropped: 0, rejected: 0 });
  });

  it('retries a failed item in place, so later items never overtake it', async () => {
    const target = receiver(['ok', 'down', 'down', 'down']);
    const failures: Error[] = [];
    const q = queue(target.send, 10, failures);
    for (let i = 0; i < 4; i++) q.push(i);
    expect(await q.drain(5000)).toBe(0);
    expect(target.attempts).toEqual([0, 1, 1, 1, 1, 2, 3]);
    expect(target.delivered).toEqual([0, 1, 2, 3]);
    expect(failures.map((f) => f.message)).toEqual(Array(3).fill('connect ECONNREFUSED'));
    expect(q.stats).toMatchObject({ sent: 4, failures: 3, dropped: 0 });
  });

  it('drops an item the receiver rejects and goes on with the next', async () => {
    const target = receiver(['reject']);
    const q = queue(target.send);
    q.push(1);
    q.push(2);
    expect(await q.drain(5000)).toBe(0);
    expect(target.delivered).toEqual([2]);
    expect(q.stats).toMatchObject({ sent: 1, rejected: 1, failures: 1 });
  });

  it('drops the oldest waiting item when full, never the one on the wire', async () => {
    let release: () => void = () => {};
    const delivered: number[] = [];
    const q = queue(async (item) => {
      if (item === 0) await new Promise<void>((resolve) => (release = resolve));
      delivered.push(item);
    }, 3);
    for (let i = 0; i < 6; i++) q.push(i);
    expect(q.size).toBe(3);
    release();
    expect(await q.drain(5000)).toBe(0);
    expect(delivered).toEqual([0, 4, 5]);
    expect(q.stats).toMatchObject({ pushed: 6, sent: 3, dropped: 3 });
  });

  it('gives up at the drain timeout, says how many are left and accepts nothing more', async () => {
    const target = receiver(Array(1000).fill('down'));
    const q = queue(target.send);
    q.push(1);
    q.push(2);
    expect(await q.drain(50)).toBe(2);
    const tries = target.attempts.length;
    q.push(3);
    expect(q.size).toBe(2);
    expect(target.attempts.length).toBe(tries);
    expect(target.delivered).toEqual([]);
  });
});
