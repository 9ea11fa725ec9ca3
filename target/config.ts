import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { DEFAULT_STORE } from './store/registry.js';

/** The request methods a fault can be scoped to, as `request.method` spells them. */
export const FAULT_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

/**
 * Faults injected into `/v1` requests for rehearsals; every field 0 means no fault. `route` and
 * `method`, when given, scope the per-request faults (latency, cpu, errors) to the requests of
 * that route pattern (as registered, e.g. `/v1/posts/:id/like`) and method; the stall freezes
 * the whole process, so it cannot be scoped.
 */
export const FaultSpecSchema = z
  .strictObject({
    /** Added to every request, waited on a timer (ms). */
    latencyMs: z.number().min(0).max(60_000),
    /** Fraction of requests answered 500 `fault_injected`, 0 to 1. */
    errorRate: z.number().min(0).max(1),
    /** The event loop freezes for `stallMs` every `stallEveryMs` (0: never). */
    stallMs: z.number().min(0).max(60_000),
    stallEveryMs: z.number().min(0).max(3_600_000),
    /** CPU burnt per request, busy-waiting (ms). */
    cpuMs: z.number().min(0).max(10_000),
    /** Only requests of this route pattern, compared with `request.routeOptions.url`. */
    route: z
      .string()
      .regex(/^\/v1\/[^\s,?#]*$/, 'not a /v1/ route pattern such as /v1/feed or /v1/posts/:id/like')
      .optional(),
    /** Only requests of this method (upper case). */
    method: z.enum(FAULT_METHODS).optional(),
  })
  .refine((spec) => spec.stallMs === 0 || (spec.route === undefined && spec.method === undefined), {
    path: ['stallMs'],
    message: 'it freezes the whole process, so it cannot be scoped by route= or method=',
  })
  .refine((spec) => spec.stallMs === 0 || spec.stallMs < spec.stallEveryMs, {
    // Else the service would never serve.
    path: ['stallMs'],
    message: 'the stall must be shorter than its period',
  });

/** See {@link FaultSpecSchema}. */
export type FaultSpec = z.infer<typeof FaultSpecSchema>;

/** No fault at all: the default. */
export const NO_FAULTS: FaultSpec = Object.freeze({
  latencyMs: 0,
  errorRate: 0,
  stallMs: 0,
  stallEveryMs: 0,
  cpuMs: 0,
});

const int = (min: number, max: number) => z.int().min(min).max(max);

/** Every setting of the feed service, with its default. */
export const TargetConfigSchema = z.strictObject({
  host: z.string().min(1).default('127.0.0.1'),
  /** 0 picks a free port. */
  port: int(0, 65_535).default(8080),
  /** Where the data lives, by the name of a registered store (see store/registry.ts). */
  store: z.string().min(1).default(DEFAULT_STORE),
  /** The SQLite file, or `:memory:` (one worker only), or a `postgres://` URL. */
  db: z.string().min(1).default('launchday-target.db'),
  /** Connections each process keeps to PostgreSQL; default the store's for the worker count. */
  poolSize: int(1, 1000).optional(),
  /** `synchronous` of SQLite: `normal` survives a killed process, `full` also a power cut. */
  sync: z.enum(['normal', 'full']).default('normal'),
  /** Processes serving the port (node:cluster), all on the one database file. */
  workers: int(1, 64).default(1),
  faults: FaultSpecSchema.default(NO_FAULTS),
  /** Admission control: requests in flight per worker beyond which new ones get 503. */
  maxInFlight: int(1, 1_000_000).default(256),
  /** Admission control: a request that waited longer than this before being served gets 503 (ms). */
  queueBudgetMs: z.number().positive().max(60_000).default(250),
  /** The Retry-After of a shed request (s). */
  retryAfterSeconds: int(0, 3600).default(1),
  /** Largest request body accepted (bytes); larger ones get 413. */
  bodyLimitBytes: int(1024, 64 * 1024 * 1024).default(256 * 1024),
  /** Most accounts one sign-up may import as follows. */
  importCap: int(0, 100_000).default(5000),
  /** Jobs (follow imports, pending-follow fan-in) running at once per worker. */
  jobConcurrency: int(1, 256).default(4),
  /** Jobs waiting per worker beyond which sign-ups are shed with 503 (back-pressure). */
  jobQueueCapacity: int(1, 10_000_000).default(10_000),
  /** Pending follows made real per transaction by a job. */
  jobBatchSize: int(1, 100_000).default(1000),
  /** scrypt cost of password hashes, as log2 of N (10: N = 1024, ~3 ms of CPU). */
  passwordCost: int(1, 20).default(10),
  /** HMAC key of bearer tokens; generated at start when not given. */
  secret: z
    .string()
    .min(32)
    .default(() => randomBytes(32).toString('base64url')),
  /** Bearer token of the admin endpoints; generated at start when not given. */
  adminToken: z
    .string()
    .min(16)
    .default(() => randomBytes(24).toString('base64url')),
  /** Lifetime of a user token (s). */
  tokenTtlSeconds: int(60, 365 * 24 * 3600).default(24 * 3600),
});

/** The resolved settings of the feed service. */
export type TargetConfig = z.infer<typeof TargetConfigSchema>;

/** What the settings can be given as: any subset, the rest defaulted. */
export type TargetConfigInput = z.input<typeof TargetConfigSchema>;

/** The environment variables the service reads its secrets from. */
export const TARGET_ENV = {
  secret: 'LAUNCHDAY_TARGET_SECRET',
  adminToken: 'LAUNCHDAY_TARGET_ADMIN_TOKEN',
} as const;
