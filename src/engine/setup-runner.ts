import type { ResolvedRun } from '../config/types.js';
import { LaunchdayError } from '../core/errors.js';
import { HttpClient, HttpSession } from '../http/index.js';
import type { RequestRecorder, RequestRecorderFactory } from '../metrics/types.js';
import {
  createSetupContext,
  createTeardownContext,
  type ScenarioDefinition,
  type SetupContext,
} from '../scenario/index.js';

/** Setup and teardown requests are not part of the load, so nothing records them. */
const unmeasured: RequestRecorderFactory = {
  requestRecorder: (): RequestRecorder => ({ record: () => {} }),
};

/** A scenario's setup, done: what it returned and how to tear it down. */
export interface SetupOutcome {
  readonly data: unknown;
  /** Runs the scenario's teardown (if any) with the data; closes setup's connections. */
  teardown(): Promise<void>;
}

/**
 * Runs a scenario's `setup()` once in the main thread, before any load; its requests are not
 * measured. A setup that throws stops the run before it starts, with the scenario's error.
 */
export async function runSetup(
  definition: ScenarioDefinition,
  run: ResolvedRun,
): Promise<SetupOutcome> {
  const client = new HttpClient({ ...run.http, allowedHosts: run.allowedHosts }, unmeasured);
  const http = new HttpSession(client, '::setup', run.baseUrl, { intendedAt: undefined });
  const context: SetupContext = createSetupContext({ params: run.params, http, seed: run.seed });
  let data: unknown;
  try {
    data = definition.setup ? await definition.setup(context) : undefined;
  } catch (error) {
    await client.close();
    throw new LaunchdayError(
      'LAUNCHDAY_ERR_SETUP_FAILED',
      `the scenario's setup() failed: ${describe(error)}`,
      {
        hint: 'fix setup() or the target it talks to; no load was sent',
        cause: error,
      },
    );
  }
  return {
    data,
    async teardown() {
      try {
        if (definition.teardown) await definition.teardown(createTeardownContext(context, data));
      } finally {
        await client.close();
      }
    },
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
