import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import {
  type PostgresCluster,
  postgresServerBin,
  startPostgres,
} from '../../bench/common/postgres-cluster.js';
import { systemProgram } from './system-program.js';

export { type PostgresCluster, startPostgres };

/**
 * Debian's PostgreSQL server, for the tests that run against a real one. Skip with
 * `describe.skipIf(POSTGRES.path === null)(`... ${POSTGRES.requirement}`)`; under
 * LAUNCHDAY_REQUIRE_SYSTEM_TESTS=1 a missing server fails instead.
 */
export const POSTGRES = systemProgram(
  'postgres',
  'postgresql',
  join(postgresServerBin(), 'postgres'),
);

/**
 * Starts a cluster (fsync off) before the tests of the enclosing `describe` and stops it after
 * them; the returned function gives it to the tests (and to what they call while they run).
 */
export function usePostgresCluster(): () => PostgresCluster {
  let cluster: PostgresCluster | undefined;
  beforeAll(async () => {
    cluster = await startPostgres();
  }, 60_000);
  afterAll(() => cluster?.stop());
  return () => {
    if (cluster === undefined)
      throw new Error('usePostgresCluster: read before the cluster started');
    return cluster;
  };
}
