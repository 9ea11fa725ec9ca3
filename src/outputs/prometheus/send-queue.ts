/** A failed send that says whether trying the same item again can help. */
export class SendFailure extends Error {
  constructor(
    message: string,
    /** False when the receiver rejected the item itself (e.g. HTTP 400): it is dropped. */
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'SendFailure';
  }
}

/** How a {@link SendQueue} sends and retries. */
export interface SendQueueOptions<T> {
  /** Sends one item; rejects (a {@link SendFailure} or any error, retryable) when it failed. */
  readonly send: (item: T) => Promise<void>;
  /** The most items kept; beyond it the oldest waiting one is dropped. At least 2. */
  readonly maxItems: number;
  /** The first wait before a retry, ms; it doubles after each failure up to `maxBackoffMs`. */
  readonly initialBackoffMs: number;
  readonly maxBackoffMs: number;
  /** Told of every failed attempt (the caller decides how often to report). */
  readonly onFailure?: (error: Error) => void;
}

/** What a {@link SendQueue} did so far. */
export interface SendStats {
  /** Items pushed. */
  pushed: number;
  /** Items sent. */
  sent: number;
  /** Attempts that failed (retried or not). */
  failures: number;
  /** Items dropped because the queue was full. */
  dropped: number;
  /** Items dropped because the receiver rejected them. */
  rejected: number;
}

/**
 * A bounded queue that sends its items one at a time, in order, without ever blocking the
 * caller: {@link push} returns at once. A failed send is retried with exponential backoff and
 * keeps its place, so nothing is sent out of order; a rejected one is dropped. When the
 * receiver is down long enough for the queue to fill, the oldest waiting item is dropped and
 * counted. Retry timers do not keep the process alive; {@link drain} does, up to its timeout.
 */
export class SendQueue<T> {
  /** What {@link SendQueue} did so far; read it after {@link drain}. */
  readonly stats: SendStats = { pushed: 0, sent: 0, failures: 0, dropped: 0, rejected: 0 };
  private readonly items: T[] = [];
  private sending = false;
  private closed = false;
  private retryTimer: NodeJS.Timeout | undefined;
  private backoffMs: number;
  private idle: (() => void)[] = [];

  constructor(private readonly options: SendQueueOptions<T>) {
    if (options.maxItems < 2) throw new RangeError('a send queue holds at least 2 items');
    this.backoffMs = options.initialBackoffMs;
  }

  /** Items waiting or being sent. */
  get size(): number {
    return this.items.length;
  }

  /** Queues `item` behind the others; drops the oldest waiting item when full. */
  push(item: T): void {
    if (this.closed) return;
    this.stats.pushed++;
    if (this.items.length >= this.options.maxItems) {
      // The head may be on the wire: drop the oldest one that is not.
      this.items.splice(this.sending ? 1 : 0, 1);
      this.stats.dropped++;
    }
    this.items.push(item);
    this.pump();
  }

  /**
   * Resolves once every item is sent (or rejected), or after `timeoutMs`, with how many are
   * left unsent; then the queue is closed: it sends and accepts nothing more.
   */
  async drain(timeoutMs: number): Promise<number> {
    if (this.items.length > 0) {
      let timer: NodeJS.Timeout | undefined;
      await new Promise<void>((resolve) => {
        this.idle.push(resolve);
        timer = setTimeout(resolve, timeoutMs);
      });
      clearTimeout(timer);
    }
    this.closed = true;
    clearTimeout(this.retryTimer);
    return this.items.length;
  }

  private pump(): void {
    if (this.closed || this.sending || this.retryTimer !== undefined) return;
    const item = this.items[0];
    if (item === undefined) {
      for (const resolve of this.idle.splice(0)) resolve();
      return;
    }
    this.sending = true;
    this.options.send(item).then(
      () => this.settle(item, 'sent'),
      (error: unknown) => this.failed(item, error),
    );
  }

  private failed(item: T, error: unknown): void {
    const failure = error instanceof Error ? error : new Error(String(error));
    this.stats.failures++;
    this.options.onFailure?.(failure);
    if (failure instanceof SendFailure && !failure.retryable) {
      this.settle(item, 'rejected');
      return;
    }
    this.sending = false;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.pump();
    }, this.backoffMs);
    this.retryTimer.unref();
    this.backoffMs = Math.min(this.backoffMs * 2, this.options.maxBackoffMs);
  }

  private settle(item: T, outcome: 'sent' | 'rejected'): void {
    this.stats[outcome]++;
    if (this.items[0] === item) this.items.shift();
    if (outcome === 'sent') this.backoffMs = this.options.initialBackoffMs;
    this.sending = false;
    this.pump();
  }
}
