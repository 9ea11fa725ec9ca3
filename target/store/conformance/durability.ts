import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoreLocation } from '../types.js';
import { supports, useDatabase } from './subject-database.js';
import type { StoreSubject } from './types.js';

const REGISTRY_MODULE = fileURLToPath(new URL('../registry.ts', import.meta.url));
const NODE_MODULES = fileURLToPath(new URL('../../../node_modules', import.meta.url));

/**
 * A process that opens the store named in its argument through the registry, creates accounts
 * and posts, and kills itself with SIGKILL the moment the last write resolved: nothing gets to
 * run after the acknowledgement.
 */
const WRITER = `
import { openStore } from ${JSON.stringify(REGISTRY_MODULE)};
(async () => {
  const store = await openStore(JSON.parse(process.argv[2]));
  for (let i = 0; i < 50; i++) {
    const created = await store.createUser({ username: 'user' + i, displayName: 'U', bio: '',
      passwordHash: 'x', follows: [], createdAt: i });
    await store.createPost({ authorId: created.user.id, text: 'acknowledged', replyTo: null, createdAt: i });
  }
  process.kill(process.pid, 'SIGKILL');
})();
`;

/**
 * Registers the durability test of `subject` (with `other-process` and `second-instance`):
 * every write a process had acknowledged is there after that process is killed with SIGKILL.
 */
export function describeDurability(subject: StoreSubject): void {
  if (!supports(subject, 'other-process') || !supports(subject, 'second-instance')) return;
  describe(`${subject.name}: durability`, () => {
    const database = useDatabase(subject);
    let dir: string;
    let writer: string;
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'launchday-durability-'));
      writer = await buildWriter(dir);
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it.each(['normal', 'full'] as const)(
      'keeps every acknowledged write of a process killed with SIGKILL (sync %s)',
      async (sync) => {
        const { store, location, openAnother } = database();
        await store.close();
        expect(await runKilledWriter(writer, location(sync))).toEqual({
          code: null,
          signal: 'SIGKILL',
        });
        const reopened = await openAnother();
        const stats = await reopened.stats();
        expect(stats).toMatchObject({ users: 50, posts: 50 });
        expect(await reopened.findUserByUsername('user49')).toMatchObject({ posts: 1 });
      },
    );
  });
}

/** Bundles {@link WRITER} into `dir`: the path of the CommonJS script. */
async function buildWriter(dir: string): Promise<string> {
  writeFileSync(join(dir, 'writer.ts'), WRITER);
  const outfile = join(dir, 'writer.cjs');
  // CommonJS so that the packages, left external, resolve through NODE_PATH.
  await build({
    entryPoints: [join(dir, 'writer.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    packages: 'external',
    logLevel: 'silent',
  });
  return outfile;
}

/** Runs the writer on `location` until it dies: how it exited. */
async function runKilledWriter(writer: string, location: StoreLocation & { store: string }) {
  const child = spawn(process.execPath, [writer, JSON.stringify(location)], {
    env: { ...process.env, NODE_PATH: NODE_MODULES },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const [code, signal] = await once(child, 'exit');
  return { code, signal };
}
