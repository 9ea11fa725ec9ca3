import { check } from 'k6';
import exec from 'k6/execution';
import http from 'k6/http';
import { Counter } from 'k6/metrics';
import type { HttpSession } from '../../../http/index.js';
import { JourneyContextImpl } from '../../../scenario/journey-context.js';
import { createSetupContext, createTeardownContext } from '../../../scenario/setup-context.js';
import type { ScenarioDefinition, SetupContext, Workloads } from '../../../scenario/types.js';
import type { K6RuntimeConfig, K6WorkloadRuntime } from '../types.js';
import { K6Session } from './k6-session.js';

/** What the exported script's `setup`, `teardown` and per-workload functions call. */
export interface K6Runner {
  /** k6's `setup()`: the scenario's `setup` (if any) with launchday's setup context. */
  setup(): Promise<unknown>;
  /** k6's `teardown(data)`: the scenario's `teardown` (if any). */
  teardown(data: unknown): Promise<void>;
  /** One iteration of workload `name`'s journey on the current k6 VU. */
  iterate(name: string, data: unknown): Promise<void>;
}

/**
 * The k6 side of an exported scenario. Each k6 VU gets, per workload, one launchday
 * `JourneyContextImpl` — the same class launchday runs journeys with, so `faker` and `random()`
 * are seeded the same way from (seed, workload, iteration) — over a {@link K6Session}; checks go
 * to k6's `check`, `recordWrite` to the k6 Counter `launchday_writes` (tag `kind`), `sleep` to
 * k6's. `vu` is k6's `exec.vu.idInTest`; `iteration` is `exec.scenario.iterationInTest` for
 * arrival-rate workloads (unique across k6-operator runners, like launchday's segments) and
 * `exec.vu.iterationInScenario` for VU workloads (numbered per VU, as in launchday).
 */
export function createK6Runner(definition: ScenarioDefinition, config: K6RuntimeConfig): K6Runner {
  http.setResponseCallback(http.expectedStatuses(...config.expectedStatuses));
  const session = new K6Session(config) as unknown as HttpSession;
  const writes = new Counter('launchday_writes');
  const workloads = evaluate(definition.workloads, config.params) as Workloads;
  const byName = new Map(config.workloads.map((w) => [w.name, w]));
  const contexts = new Map<string, JourneyContextImpl>();
  const setupContext = (): SetupContext =>
    createSetupContext({ params: config.params, http: session, seed: config.seed });

  function contextOf(workload: K6WorkloadRuntime, data: unknown): JourneyContextImpl {
    let ctx = contexts.get(workload.name);
    if (ctx === undefined) {
      ctx = new JourneyContextImpl({
        workload: workload.name,
        vu: exec.vu.idInTest,
        params: config.params,
        // k6 hands setup's data to each VU as a host object, which cannot be frozen; it is JSON.
        data: data === undefined ? undefined : JSON.parse(JSON.stringify(data)),
        http: session,
        timing: { intendedAt: undefined },
        checks: { recordCheck: (name, passed) => check(passed, { [name]: (ok) => ok }) },
        writes: { recordWrite: (kind) => writes.add(1, { kind }) },
        seed: config.seed,
        iterationsPerVu: workload.iterationsPerVu,
      });
      contexts.set(workload.name, ctx);
    }
    return ctx;
  }

  return {
    async setup() {
      return definition.setup === undefined ? undefined : definition.setup(setupContext());
    },
    async teardown(data) {
      if (definition.teardown === undefined) return;
      await definition.teardown(createTeardownContext(setupContext(), data));
    },
    async iterate(name, data) {
      const workload = byName.get(name)!;
      const ctx = contextOf(workload, data);
      const iteration = workload.iterationsPerVu
        ? exec.vu.iterationInScenario
        : exec.scenario.iterationInTest;
      ctx.beginIteration(iteration, Date.now());
      await workloads[name]!.journey(ctx);
    },
  };
}

/** A scenario field that is a value or a function of the params (as launchday resolves it). */
function evaluate<T>(field: T | ((params: never) => T), params: unknown): T {
  return typeof field === 'function' ? (field as (p: unknown) => T)(params) : field;
}
