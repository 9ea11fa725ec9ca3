import { afterAll, describe, expect, it } from 'vitest';
import { HttpClient, HttpSession, type IterationTiming } from '../http/index.js';
import type { CheckRecorder, RequestRecorderFactory } from '../metrics/types.js';
import { WriteSampler } from '../metrics/write-sampler.js';
import { JourneyContextImpl } from './journey-context.js';

class Checks implements CheckRecorder {
  readonly recorded: Array<[string, boolean]> = [];
  recordCheck(name: string, passed: boolean): void {
    this.recorded.push([name, passed]);
  }
}

const recorders: RequestRecorderFactory = { requestRecorder: () => ({ record: () => {} }) };
const client = new HttpClient({}, recorders);
afterAll(() => client.close());

function context(options: { vu?: number; seed?: number; workload?: string; data?: unknown } = {}) {
  const workload = options.workload ?? 'signups';
  const timing: IterationTiming = { intendedAt: undefined };
  const checks = new Checks();
  const writes = new WriteSampler();
  const http = new HttpSession(client, workload, 'http://127.0.0.1:9', timing);
  const ctx = new JourneyContextImpl({
    workload,
    vu: options.vu ?? 1,
    params: { rate: 10 },
    data: options.data,
    http,
    timing,
    checks,
    writes,
    seed: options.seed ?? 42,
  });
  return { ctx, timing, checks, writes, http };
}

function personAt(ctx: JourneyContextImpl, iteration: number): string[] {
  ctx.beginIteration(iteration, 0);
  return [ctx.faker.person.fullName(), ctx.faker.internet.email(), String(ctx.random())];
}

describe('JourneyContextImpl', () => {
  it('exposes the VU, workload, params and the session it was given', () => {
    const { ctx, http } = context({ vu: 3 });
    ctx.beginIteration(17, 1000);
    expect([ctx.vu, ctx.workload, ctx.iteration, ctx.http]).toEqual([3, 'signups', 17, http]);
    expect(ctx.params).toEqual({ rate: 10 });
    expect(Object.isFrozen(ctx.params)).toBe(true);
  });

  it('records checks and returns their outcome', () => {
    const { ctx, checks } = context();
    expect(ctx.check('status is 200', true)).toBe(true);
    expect(ctx.check('has a body', false)).toBe(false);
    expect(ctx.check('truthy counts as passed', 200 as unknown as boolean)).toBe(true);
    expect(checks.recorded).toEqual([
      ['status is 200', true],
      ['has a body', false],
      ['truthy counts as passed', true],
    ]);
  });

  it('records acknowledged writes by kind, ids as strings', () => {
    const { ctx, writes } = context();
    ctx.recordWrite('posts', 17);
    ctx.recordWrite('posts', 'p-18');
    ctx.recordWrite('follows', '3:9');
    ctx.recordWrite('a', 'x'.repeat(200));
    ctx.recordWrite('users_v2', -4);
    expect(writes.log()).toEqual({
      a: { count: 1, sample: ['x'.repeat(200)] },
      follows: { count: 1, sample: ['3:9'] },
      posts: { count: 2, sample: ['17', 'p-18'] },
      users_v2: { count: 1, sample: ['-4'] },
    });
  });

  it('throws a TypeError naming a bad kind or id and the rule, and records nothing then', () => {
    const { ctx, writes } = context();
    const record = (kind: unknown, id: unknown) => () =>
      ctx.recordWrite(kind as string, id as string | number);
    const kindRule = 'must match /^[a-z][a-z0-9_]{0,39}$/';
    const idRule = 'must be a non-empty string of at most 200 characters or a whole number';
    for (const [kind, shown] of [
      ['Posts', '"Posts"'],
      ['1posts', '"1posts"'],
      ['', '""'],
      ['post-likes', '"post-likes"'],
      [`p${'x'.repeat(40)}`, `"p${'x'.repeat(39)}"… (41 characters)`],
      [undefined, 'undefined'],
      [7, '7'],
    ] as const) {
      expect(record(kind, 1)).toThrow(TypeError);
      expect(record(kind, 1)).toThrow(`the kind ${shown} ${kindRule}`);
    }
    for (const [id, shown] of [
      ['', '""'],
      ['y'.repeat(201), `"${'y'.repeat(40)}"… (201 characters)`],
      [1.5, '1.5'],
      [Number.NaN, 'NaN'],
      [Number.POSITIVE_INFINITY, 'Infinity'],
      [2 ** 53, String(2 ** 53)],
      [null, 'null'],
      [{ id: 1 }, 'an object'],
      [10n, '10n'],
    ] as const) {
      expect(record('posts', id)).toThrow(TypeError);
      expect(record('posts', id)).toThrow(`ctx.recordWrite('posts', …): the id ${shown} ${idRule}`);
    }
    expect(writes.log()).toEqual({});
  });

  it('measures from the plan until sleep(), then from each request', async () => {
    const { ctx, timing } = context();
    ctx.beginIteration(0, 12_345.5);
    expect(timing.intendedAt).toBe(12_345.5);
    await ctx.sleep(0.001);
    expect(timing.intendedAt).toBeUndefined();
    ctx.beginIteration(1, 99);
    expect(timing.intendedAt).toBe(99);
  });

  it('deep-freezes the setup data', () => {
    const data = { tokens: ['a', 'b'], nested: { count: 1 } };
    const { ctx } = context({ data });
    expect(ctx.data).toBe(data);
    expect(Object.isFrozen(data.tokens) && Object.isFrozen(data.nested)).toBe(true);
    expect(() => data.tokens.push('c')).toThrow(TypeError);
  });

  it('gives the same faker data and random numbers for the same seed, workload and iteration', () => {
    const first = context({ vu: 1 }).ctx;
    const other = context({ vu: 9 }).ctx;
    personAt(other, 3);
    expect(personAt(other, 5)).toEqual(personAt(first, 5));
    expect(personAt(first, 5)).toEqual(personAt(first, 5));
  });

  it('gives different data for another iteration, seed or workload', () => {
    const base = personAt(context().ctx, 5);
    expect(personAt(context().ctx, 6)).not.toEqual(base);
    expect(personAt(context({ seed: 43 }).ctx, 5)).not.toEqual(base);
    expect(personAt(context({ workload: 'readers' }).ctx, 5)).not.toEqual(base);
  });

  it('draws fresh values within an iteration and random() stays in [0, 1)', () => {
    const { ctx } = context();
    ctx.beginIteration(0, 0);
    const names = new Set(Array.from({ length: 20 }, () => ctx.faker.person.fullName()));
    expect(names.size).toBeGreaterThan(15);
    const draws = Array.from({ length: 1000 }, () => ctx.random());
    expect(draws.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(draws).size).toBe(1000);
  });
});
