import { delay } from '../../core/clock.js';
import { LaunchdayError } from '../../core/errors.js';

/** What `GET /admin/stats` answers: row counts by kind, and the state of background jobs. */
export type TargetStats = Readonly<Record<string, unknown>>;

/** The ids of each kind the target does not have, as `POST /admin/verify` answers. */
export type MissingWrites = Readonly<Record<string, readonly string[]>>;

/** What {@link TargetAdmin.waitSettled} saw last. */
export interface SettledStats {
  readonly stats: TargetStats;
  /** False when background work was still going on at the deadline. */
  readonly settled: boolean;
}

const VERIFY_CHUNK = 5000;
const POLL_MS = 200;
/** Consecutive idle answers needed: with several service processes each answers for itself. */
const IDLE_POLLS = 3;

/**
 * The admin side of a target that takes part in consistency checks, as the reference feed
 * service does: `GET /admin/stats` (a number per kind of write, e.g. `users: 10120`, and
 * `jobs: { queued, running }`) and `POST /admin/verify` (`{ <kind>: [ids] }` in, `{ missing:
 * { <kind>: [ids] } }` out), both with `Authorization: Bearer <admin token>`.
 */
export class TargetAdmin {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
  ) {}

  /** The target's counts now. */
  stats(): Promise<TargetStats> {
    return this.request('GET', '/admin/stats');
  }

  /** The ids in `writes` the target does not have, by kind; asks in chunks of 5,000 ids. */
  async missing(writes: Readonly<Record<string, readonly string[]>>): Promise<MissingWrites> {
    const missing: Record<string, string[]> = {};
    for (const [kind, ids] of Object.entries(writes)) {
      missing[kind] = [];
      for (let start = 0; start < ids.length; start += VERIFY_CHUNK) {
        const body = { [kind]: ids.slice(start, start + VERIFY_CHUNK) };
        const answer = await this.request('POST', '/admin/verify', body);
        const found = (answer.missing as Record<string, unknown> | undefined)?.[kind];
        if (!Array.isArray(found)) throw this.badAnswer('/admin/verify', answer);
        missing[kind].push(...found.map(String));
      }
    }
    return missing;
  }

  /**
   * Polls the stats until the target's background work is done — no job queued or running, and
   * no pending follow it could resolve, three answers in a row — or `timeoutMs` has passed.
   */
  async waitSettled(timeoutMs: number): Promise<SettledStats> {
    const deadline = Date.now() + timeoutMs;
    let idle = 0;
    for (;;) {
      const stats = await this.stats();
      idle = isIdle(stats) ? idle + 1 : 0;
      if (idle >= IDLE_POLLS) return { stats, settled: true };
      if (Date.now() >= deadline) return { stats, settled: false };
      await delay(POLL_MS);
    }
  }

  private async request(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<Record<string, unknown>> {
    const response = await fetch(new URL(path, this.baseUrl), {
      method,
      headers: {
        authorization: `Bearer ${this.token}`,
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status !== 200)
      throw new LaunchdayError(
        'LAUNCHDAY_ERR_CONSISTENCY_CHECK',
        `${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`,
        {
          hint: 'give the target’s admin token in LAUNCHDAY_TARGET_ADMIN_TOKEN; the target must serve /admin/stats and /admin/verify (see the README)',
        },
      );
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null) throw this.badAnswer(path, parsed);
    return parsed as Record<string, unknown>;
  }

  private badAnswer(path: string, answer: unknown): LaunchdayError {
    return new LaunchdayError(
      'LAUNCHDAY_ERR_CONSISTENCY_CHECK',
      `${path} answered an unexpected body: ${JSON.stringify(answer).slice(0, 300)}`,
      { hint: 'the target must answer as the reference feed service does (see the README)' },
    );
  }
}

function isIdle(stats: TargetStats): boolean {
  const jobs = stats.jobs as { queued?: unknown; running?: unknown } | undefined;
  return (
    (jobs?.queued ?? 0) === 0 &&
    (jobs?.running ?? 0) === 0 &&
    (stats.resolvablePendingFollows ?? 0) === 0
  );
}
