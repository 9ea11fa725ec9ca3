import { z } from 'zod';
import { parseByteSize } from '../core/byte-size.js';
import { type Issue, isLaunchdayError } from '../core/errors.js';

/** The schema of the options a user may set for a run, whatever their source. */
export const runOptionsSchema = z
  .object({
    baseUrl: z
      .url({
        protocol: /^https?$/,
        error: 'must be an http:// or https:// URL, e.g. http://127.0.0.1:8080',
      })
      .optional(),
    params: z.record(z.string(), z.string()).optional(),
    tags: z.record(z.string().min(1), z.string()).optional(),
    seed: z
      .int({ error: 'must be a whole number' })
      .min(0)
      .max(2 ** 32 - 1)
      .optional(),
    workers: z.int({ error: 'must be a whole number' }).min(1).max(256).optional(),
    outDir: z.string().min(1).optional(),
    summaryExport: z.string().min(1).optional(),
    allowHosts: z.array(z.string().min(1)).optional(),
    maxMemory: z
      .union([z.int().positive(), z.string().min(1)], {
        error: "must be a size in bytes or with a unit, e.g. '2GB'",
      })
      .optional(),
    segment: z.string().min(1).optional(),
    startAt: z.string().min(1).optional(),
    targetMetrics: z
      .union([
        z.url({
          protocol: /^https?$/,
          error: 'must be an http:// or https:// URL, e.g. http://127.0.0.1:8080/metrics',
        }),
        z.literal(false),
      ])
      .optional(),
    targetMetricNames: z
      .array(
        z.string().regex(/^[a-zA-Z_:][a-zA-Z0-9_:]*$/, {
          error: 'must be a Prometheus metric name, e.g. orders_total',
        }),
      )
      .optional(),
    // Each executor is checked against its load model's schema when the workloads are planned.
    workloads: z.record(z.string(), z.looseObject({ type: z.string() }).nullable()).optional(),
  })
  .strict();

const status = z.int().min(100).max(999);

/** Bytes or a size string (`'10MB'`, `'64KiB'`), resolved to bytes. */
const byteSize = z.union([z.number(), z.string()]).transform((size, ctx) => {
  try {
    return parseByteSize(size);
  } catch (error) {
    if (!isLaunchdayError(error)) throw error;
    ctx.addIssue({ code: 'custom', message: error.issues[0]?.message ?? error.message });
    return z.NEVER;
  }
});

/** The HTTP options a scenario's `http` may set. */
export const httpOptionsSchema = z
  .object({
    connections: z.int().min(1).max(100_000),
    pipelining: z.int().min(1).max(1000),
    keepAliveTimeoutMs: z.number().positive(),
    connectTimeoutMs: z.number().positive(),
    timeoutMs: z.number().positive(),
    discardResponseBodies: z.boolean(),
    maxResponseBodySize: byteSize,
    maxHeaderSize: byteSize,
    userAgent: z.string(),
    expectedStatuses: z.array(
      z.union([status, z.object({ min: status, max: status }).strict()], {
        error: 'must be a status code or { min, max }, e.g. [200, { min: 300, max: 399 }]',
      }),
    ),
  })
  .partial()
  .strict();

/** Turns zod's problems into launchday issues, each path prefixed with `prefix`. */
export function zodIssues(error: z.ZodError, prefix: string): Issue[] {
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'),
    message: issue.message,
  }));
}
