import { performance } from 'node:perf_hooks';
import type { FeedMetrics } from '../metrics/feed-metrics.js';

/** A unit of background work. */
export interface Job {
  /** Identifies the work: a job whose key is already waiting is not queued again. */
  readonly key: string;
  /** The `kind` label of the job metrics. */
  readonly kind: string;
  /**
   * Does the work. `stopping()` turns true when the queue closes: a long job returns at its
   * next safe point, leaving what it did not do for a later run.
   */
  run(stopping: () => boolean): Promise<void>;
}

/** Queue slots held for jobs not known yet, so a caller can refuse work before doing any. */
export interface Reservation {
  /** Queues `job` in one held slot (or drops it when its key is waiting already). */
  enqueue(job: Job): void;
  /** Gives back the slots not used; call it in a `finally`. */
  release(): void;
}

/** What {@link JobQueue} needs. */
export interface JobQueueOptions {
  /** Most jobs waiting (reserved slots included). */
  readonly capacity: number;
  /** Jobs running at once. */
  readonly concurrency: number;
  readonly metrics: Pick<FeedMetrics, 'jobQueueDepth' | 'jobWait' | 'jobDuration'>;
  /** Told about a job that threw; the queue goes on with the next one. */
  readonly onError: (error: unknown, job: Job) => void;
}

interface Waiting {
  readonly job: Job;
  readonly queuedAt: number;
}

/**
 * A bounded in-process FIFO of jobs with a pool of `concurrency` runners. Bounded so that a
 * surge is refused at the door (the caller answers 503) instead of growing memory and latency
 * without limit; deduplicated by key so retries and recovery do not pile up the same work.
 */
export class JobQueue {
  private readonly waiting: (Waiting | undefined)[] = [];
  private head = 0;
  private readonly keys = new Set<string>();
  private readonly depthByKind = new Map<string, number>();
  private readonly runningJobs = new Set<Promise<void>>();
  private reserved = 0;
  private closed = false;
  private pumpScheduled = false;
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly options: JobQueueOptions) {}

  /** Jobs waiting to run. */
  depth(): number {
    return this.waiting.length - this.head;
  }

  /** Jobs running now. */
  running(): number {
    return this.runningJobs.size;
  }

  /** Holds `slots` slots; null when the queue is full or closed. */
  reserve(slots: number): Reservation | null {
    if (this.closed || this.depth() + this.reserved + slots > this.options.capacity) return null;
    this.reserved += slots;
    let held = slots;
    return {
      enqueue: (job) => {
        if (held === 0) throw new Error('no reserved slot left');
        held--;
        this.reserved--;
        this.push(job);
      },
      release: () => {
        this.reserved -= held;
        held = 0;
      },
    };
  }

  /** Queues `job` when there is room; false when full or closed (a waiting duplicate is true). */
  enqueue(job: Job): boolean {
    const reservation = this.reserve(1);
    if (reservation === null) return this.keys.has(job.key);
    reservation.enqueue(job);
    return true;
  }

  /** True once {@link close} was called: the queue takes no more jobs. */
  isClosed(): boolean {
    return this.closed;
  }

  /** Resolves once nothing waits and nothing runs. */
  idle(): Promise<void> {
    if (this.depth() === 0 && this.running() === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /**
   * Takes no more jobs, drops the waiting ones (their work must be recoverable: it stays in
   * the store) and waits up to `timeoutMs` for the running ones to reach a safe point.
   */
  async close(timeoutMs: number): Promise<void> {
    this.closed = true;
    for (const kind of this.depthByKind.keys()) this.options.metrics.jobQueueDepth.set({ kind }, 0);
    this.waiting.length = 0;
    this.head = 0;
    this.keys.clear();
    this.depthByKind.clear();
    this.notifyIdle();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
    });
    await Promise.race([Promise.allSettled([...this.runningJobs]), timeout]);
    clearTimeout(timer);
  }

  private push(job: Job): void {
    if (this.closed || this.keys.has(job.key)) return;
    this.keys.add(job.key);
    this.waiting.push({ job, queuedAt: performance.now() });
    this.countDepth(job.kind, 1);
    // Starts on a later turn so the caller (a sign-up) answers before a batch takes the loop.
    if (!this.pumpScheduled) {
      this.pumpScheduled = true;
      setImmediate(() => {
        this.pumpScheduled = false;
        this.pump();
      });
    }
  }

  private pump(): void {
    while (!this.closed && this.running() < this.options.concurrency && this.depth() > 0) {
      const next = this.shift();
      const running = this.execute(next).finally(() => {
        this.runningJobs.delete(running);
        this.pump();
        this.notifyIdle();
      });
      this.runningJobs.add(running);
    }
  }

  private shift(): Waiting {
    const next = this.waiting[this.head]!;
    this.waiting[this.head++] = undefined;
    // Compacts now and then so taking from the front stays O(1) amortised.
    if (this.head > 1024 && this.head * 2 > this.waiting.length) {
      this.waiting.splice(0, this.head);
      this.head = 0;
    }
    this.keys.delete(next.job.key);
    this.countDepth(next.job.kind, -1);
    return next;
  }

  private async execute({ job, queuedAt }: Waiting): Promise<void> {
    const { jobWait, jobDuration } = this.options.metrics;
    const startedAt = performance.now();
    jobWait.observe({ kind: job.kind }, (startedAt - queuedAt) / 1000);
    let outcome = 'ok';
    try {
      await job.run(() => this.closed);
    } catch (error) {
      outcome = 'error';
      this.options.onError(error, job);
    }
    jobDuration.observe({ kind: job.kind, outcome }, (performance.now() - startedAt) / 1000);
  }

  private countDepth(kind: string, change: number): void {
    const depth = (this.depthByKind.get(kind) ?? 0) + change;
    this.depthByKind.set(kind, depth);
    this.options.metrics.jobQueueDepth.set({ kind }, depth);
  }

  private notifyIdle(): void {
    if (this.depth() > 0 || this.running() > 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
