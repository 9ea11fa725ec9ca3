import { afterAll, beforeAll, describe } from 'vitest';
import {
  POSTGRES,
  type PostgresCluster,
  startPostgres,
} from '../../test/support/postgres-cluster.js';
import { describeStoreConformance } from './conformance/index.js';
import { postgresSubject } from './postgres-subjects.js';

describe.skipIf(POSTGRES.path === null)(
  `the store conformance suite ${POSTGRES.requirement}`,
  () => {
    let cluster: PostgresCluster;
    beforeAll(async () => {
      cluster = await startPostgres();
    }, 60_000);
    afterAll(() => cluster?.stop());
    describeStoreConformance(postgresSubject(() => cluster));
  },
);
