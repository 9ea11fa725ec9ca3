import { describe } from 'vitest';
import { POSTGRES, usePostgresCluster } from '../../test/support/postgres-cluster.js';
import { describeStoreConformance } from './conformance/index.js';
import { postgresSubject } from './postgres-subjects.js';

describe.skipIf(POSTGRES.path === null)(
  `the store conformance suite ${POSTGRES.requirement}`,
  () => {
    const cluster = usePostgresCluster();
    describeStoreConformance(postgresSubject(cluster));
  },
);
