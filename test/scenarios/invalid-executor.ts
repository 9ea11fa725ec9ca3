import { defineScenario } from 'launchday';

/** A scenario with mistakes in its executor and thresholds, for the error messages. */
export default defineScenario({
  name: 'invalid-executor',
  baseUrl: 'http://127.0.0.1:9',
  workloads: {
    readers: {
      // @ts-expect-error: the mistakes are the point of this fixture
      executor: { type: 'constant-arrival-rate', rate: -5, duration: 'soon', maxInFlite: 10 },
      journey: async () => {},
    },
  },
  thresholds: { http_req_duraton: ['p(99)<250'], http_req_failed: ['avg<0.1'] },
});
