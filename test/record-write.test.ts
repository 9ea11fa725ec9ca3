import { writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ConsistencyOutcome,
  RESULT_SCHEMA_VERSION,
  type RunResult,
} from '../src/core/result.js';
import { type CliOutcome, readOnlyResult, runCli, tempDir } from './support/cli.js';
import { validateResult as validate } from './support/result-schema.js';
import { startTestServer, type TestServer } from './support/test-server.js';

const RATE = 700;
const SECONDS = 2;
const POSTS = RATE * SECONDS;
/** Every FOLLOW_EVERY-th iteration also follows someone. */
const FOLLOW_EVERY = 100;
const WORKERS = 2;
/** The ids each worker thread keeps per kind (WRITE_SAMPLE_SIZE). */
const SAMPLE_PER_WORKER = 500;

/**
 * Posters create a post per iteration and record it, plus a follow now and then; each request
 * says which worker thread sent it. Mistakes records a bad kind or id per iteration.
 */
const SCENARIO = `
import { threadId } from 'node:worker_threads';
import { defineScenario } from 'launchday';

const MISTAKES = [['Bad Kind', 1], ['posts', 1.5], ['posts', ''], ['posts', 'x'.repeat(201)]];

export default defineScenario({
  name: 'record-write',
  http: { connections: 50, timeoutMs: 5000 },
  workloads: {
    posters: {
      executor: {
        type: 'constant-arrival-rate', rate: ${RATE}, timeUnit: '1s', duration: '${SECONDS}s',
        maxInFlight: 500,
      },
      journey: async (ctx) => {
        const headers = { 'x-thread': String(threadId) };
        const post = await ctx.http.post('/posts', undefined, { name: 'post', headers });
        if (post.status === 201) ctx.recordWrite('posts', post.json().id);
        if (ctx.iteration % ${FOLLOW_EVERY} !== 0) return;
        const follow = await ctx.http.post('/follows', undefined, { name: 'follow', headers });
        const { follower, followee } = follow.json();
        if (follow.status === 201) ctx.recordWrite('follows', follower + ':' + followee);
      },
    },
    mistakes: {
      executor: { type: 'constant-arrival-rate', rate: 4, timeUnit: '1s', duration: '1s' },
      journey: (ctx) => {
        const [kind, id] = MISTAKES[ctx.iteration % MISTAKES.length];
        ctx.recordWrite(kind, id);
      },
    },
  },
});
`;

/** What the test server created, and which worker thread asked for each. */
const created = { posts: new Map<string, string>(), follows: new Set<string>() };

/** Creates posts (ids 1, 2, ...) and follows (`n:n+1`), answering 201 with what it made. */
function writeHandler(req: IncomingMessage, res: ServerResponse): void {
  const reply = (body: unknown) => {
    res.writeHead(201, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  if (req.method === 'POST' && req.url === '/posts') {
    const id = created.posts.size + 1;
    created.posts.set(String(id), String(req.headers['x-thread']));
    reply({ id });
  } else if (req.method === 'POST' && req.url === '/follows') {
    const follower = created.follows.size + 1;
    created.follows.add(`${follower}:${follower + 1}`);
    reply({ follower, followee: follower + 1 });
  } else {
    res.writeHead(404);
    res.end();
  }
}

let server: TestServer;
let outcome: CliOutcome;
let result: RunResult;

beforeAll(async () => {
  server = await startTestServer(writeHandler);
  const dir = await tempDir();
  const scenario = join(dir, 'record-write.ts');
  await writeFile(scenario, SCENARIO);
  const outDir = join(dir, 'out');
  outcome = await runCli([
    'run',
    scenario,
    '--base-url',
    server.url,
    '--out-dir',
    outDir,
    '--workers',
    String(WORKERS),
    '--quiet',
  ]);
  result = await readOnlyResult(outDir);
});

afterAll(async () => {
  await server?.close();
});

describe('ctx.recordWrite in a run', () => {
  it('counts every acknowledged write in result.json, over both worker threads', () => {
    expect(outcome.code, outcome.stdout + outcome.stderr).toBe(0);
    expect(result.status).toBe('passed');
    expect(created.posts.size).toBe(POSTS);
    expect(new Set(created.posts.values()).size).toBe(WORKERS);
    expect(Object.keys(result.writes)).toEqual(['follows', 'posts']);
    expect(result.writes.posts?.count).toBe(POSTS);
    expect(result.writes.follows?.count).toBe(POSTS / FOLLOW_EVERY);
    expect(result.consistency).toBeNull();
  });

  it('keeps a sample of at most 500 ids per worker thread, each one the target created', () => {
    const { sample } = result.writes.posts!;
    expect(sample).toHaveLength(WORKERS * SAMPLE_PER_WORKER);
    expect(new Set(sample).size).toBe(sample.length);
    // Samples are concatenated in worker order: each worker's 500 come from its own posts.
    const threadOf = (id: string) => created.posts.get(id);
    const first = sample.slice(0, SAMPLE_PER_WORKER).map(threadOf);
    const second = sample.slice(SAMPLE_PER_WORKER).map(threadOf);
    expect(new Set(first).size).toBe(1);
    expect(new Set(second).size).toBe(1);
    expect(first[0]).not.toBe(second[0]);
    expect(first[0]).toBeDefined();
    expect(second[0]).toBeDefined();
    // Fewer writes than the sample size: every id is kept.
    expect([...result.writes.follows!.sample].sort()).toEqual([...created.follows].sort());
  });

  it('ends the iteration with a journey error naming a bad kind or id', () => {
    const errors = result.journeyErrors.join('\n');
    expect(errors).toContain('TypeError: ctx.recordWrite: the kind "Bad Kind" must match');
    expect(errors).toContain("ctx.recordWrite('posts', …): the id 1.5 must be a non-empty string");
    expect(errors).toContain(`the id "" must be`);
    expect(errors).toContain('… (201 characters) must be');
    const mistakes = result.intervals.reduce(
      (sum, point) => sum + (point.workloads.mistakes?.journeyErrors ?? 0),
      0,
    );
    expect(mistakes).toBe(4);
  });

  it('writes a result.json that schemas/result.schema.json accepts, with or without a check', () => {
    expect(result.schemaVersion).toBe(RESULT_SCHEMA_VERSION);
    expect(validate(result), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const consistency: ConsistencyOutcome = {
      ok: false,
      checkedAt: '2024-07-05T16:00:12.000Z',
      kinds: [
        { kind: 'posts', acknowledged: POSTS, stored: POSTS - 1, sampled: 1000, missing: ['7'] },
      ],
      problems: ['1 acknowledged post is missing: 7'],
    };
    const checked = { ...result, status: 'consistency-failed', consistency };
    expect(validate(checked), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const posts = result.writes.posts!;
    for (const writes of [
      { posts: { ...posts, count: -1 } },
      { posts: { ...posts, sample: [7] } },
      { posts: { ...posts, extra: true } },
      { 'Bad Kind': posts },
    ])
      expect(validate({ ...result, writes })).toBe(false);
    expect(validate({ ...result, consistency: { ...consistency, ok: 'no' } })).toBe(false);
    const { writes, ...withoutWrites } = result;
    expect(validate(withoutWrites)).toBe(false);
  });
});
