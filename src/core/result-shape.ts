import { z } from 'zod';
import { type Issue, joinPath } from './errors.js';

const count = z.number().nonnegative();
const counts = z.record(z.string(), count);
const latency = {
  p50: z.number(),
  p90: z.number(),
  p95: z.number(),
  p99: z.number(),
  max: z.number(),
};

const requestRow = z.looseObject({
  name: z.string(),
  count,
  rate: z.number(),
  ...latency,
  'p99.9': z.number(),
  failed: count,
  errors: counts,
});

const intervalPoint = z.looseObject({
  t: z.number(),
  requests: count,
  failed: count,
  latency: z.looseObject(latency),
  byName: z.record(z.string(), z.looseObject({ requests: count, failed: count, ...latency })),
  errors: counts,
  workloads: z.record(
    z.string(),
    z.looseObject({ target: z.number(), started: count, dropped: count, inFlight: count }),
  ),
});

const writeLogEntry = z.looseObject({ count, sample: z.array(z.string()) });

const consistencyOutcome = z.looseObject({
  ok: z.boolean(),
  checkedAt: z.string(),
  kinds: z.array(
    z.looseObject({
      kind: z.string(),
      acknowledged: count,
      stored: z.number().nullable(),
      sampled: count,
      missing: z.array(z.string()),
    }),
  ),
  problems: z.array(z.string()),
});

const sliceIdentity = { metric: z.string(), tags: z.record(z.string(), z.string()) };

const runSlices = z.looseObject({
  count,
  series: z.array(
    z.discriminatedUnion('kind', [
      z.looseObject({
        ...sliceIdentity,
        kind: z.literal('trend'),
        histograms: z.array(z.string().nullable()),
      }),
      z.looseObject({ ...sliceIdentity, kind: z.literal('counter'), counts: z.array(count) }),
      z.looseObject({
        ...sliceIdentity,
        kind: z.literal('rate'),
        passes: z.array(count),
        totals: z.array(count),
      }),
    ]),
  ),
});

/**
 * What a reader needs of a result.json at the current schema version to render it: every
 * top-level field, and the fields of the rows that reports go through, with their types.
 * Loose (unknown keys pass, `config` is not looked into: readers of it are defensive):
 * schemas/result.schema.json is the strict, documented form; this keeps a truncated or foreign
 * file from reaching a renderer. Used by `readResult`.
 */
export const resultShape = z.looseObject({
  runId: z.string().min(1),
  scenario: z.looseObject({
    name: z.string(),
    file: z.string(),
    description: z.string().optional(),
  }),
  status: z.enum([
    'passed',
    'thresholds-failed',
    'aborted-by-threshold',
    'aborted',
    'consistency-failed',
    'interrupted',
  ]),
  stopReason: z.string().optional(),
  startedAt: z.string(),
  endedAt: z.string(),
  durationMs: count,
  environment: z.looseObject({
    launchdayVersion: z.string(),
    node: z.string(),
    platform: z.string(),
    arch: z.string(),
    cpuModel: z.string(),
    cpus: count,
    totalMemoryBytes: count,
    hostname: z.string(),
  }),
  generator: z.looseObject({
    valid: z.boolean(),
    reasons: z.array(z.string()),
    schedulerLagP99Ms: z.number(),
    maxEventLoopUtilization: z.number(),
    workers: count,
  }),
  summary: z.looseObject({
    metrics: z.record(
      z.string(),
      z.looseObject({ kind: z.enum(['trend', 'counter', 'rate', 'gauge']) }),
    ),
    requests: z.array(requestRow),
  }),
  thresholds: z.array(
    z.looseObject({
      metric: z.string(),
      expression: z.string(),
      ok: z.boolean(),
      observed: z.number().nullable(),
      abortOnFail: z.boolean(),
    }),
  ),
  checks: z.array(
    z.looseObject({ workload: z.string(), name: z.string(), passes: count, fails: count }),
  ),
  journeyErrors: z.array(z.string()),
  intervals: z.array(intervalPoint),
  series: z.array(
    z.looseObject({
      metric: z.string(),
      tags: z.record(z.string(), z.string()),
      kind: z.enum(['trend', 'counter', 'rate', 'gauge']),
    }),
  ),
  slices: runSlices.nullable(),
  writes: z.record(z.string(), writeLogEntry),
  consistency: consistencyOutcome.nullable(),
});

/** The problems of `document` against {@link resultShape}, each with its path; none when it fits. */
export function resultShapeIssues(document: unknown): Issue[] {
  const parsed = resultShape.safeParse(document);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => ({
    path: joinPath('', issue.path) || '(root)',
    message: issue.message,
  }));
}
