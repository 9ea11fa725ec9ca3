import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from './sqlite-store.js';

const STORE_MODULE = fileURLToPath(new URL('./sqlite-store.ts', import.meta.url));
const NODE_MODULES = fileURLToPath(new URL('../../node_modules', import.meta.url));

/**
 * A process that opens the store, creates accounts and posts, and kills itself with SIGKILL the
 * moment the last write resolved: nothing gets to run after the acknowledgement.
 */
const WRITER = `
import { openSqliteStore } from ${JSON.stringify(STORE_MODULE)};
(async () => {
  const store = openSqliteStore({ path: process.argv[2], sync: process.argv[3] });
  for (let i = 0; i < 50; i++) {
    const created = await store.createUser({ username: 'user' + i, displayName: 'U', bio: '',
      passwordHash: 'x', follows: [], createdAt: i });
    await store.createPost({ authorId: created.user.id, text: 'acknowledged', replyTo: null, createdAt: i });
  }
  process.kill(process.pid, 'SIGKILL');
})();
`;

describe('SQLite store durability', () => {
  let dir: string;
  let writer: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'launchday-durability-'));
    writeFileSync(join(dir, 'writer.ts'), WRITER);
    writer = join(dir, 'writer.cjs');
    // CommonJS so that better-sqlite3, left external, resolves through NODE_PATH.
    await build({
      entryPoints: [join(dir, 'writer.ts')],
      outfile: writer,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      external: ['better-sqlite3'],
      logLevel: 'silent',
    });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(['normal', 'full'] as const)(
    'keeps every acknowledged write of a process killed with SIGKILL (sync %s)',
    async (sync) => {
      const path = join(dir, `${sync}.db`);
      const child = spawn(process.execPath, [writer, path, sync], {
        env: { ...process.env, NODE_PATH: NODE_MODULES },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      const [code, signal] = await once(child, 'exit');
      expect({ code, signal }).toEqual({ code: null, signal: 'SIGKILL' });
      const store = openSqliteStore({ path });
      const stats = await store.stats();
      const last = await store.findUserByUsername('user49');
      await store.close();
      expect(stats).toMatchObject({ users: 50, posts: 50 });
      expect(last).toMatchObject({ posts: 1 });
    },
  );
});
