import { Client, type Dispatcher } from 'undici';
import { type Expiring, TimeoutSweep } from './timeout-sweep.js';

/**
 * A request the pool can send: the dispatch options, the handler and the deadline are one
 * object's parts. `timeoutMs` 0 means no timeout. The pool's sweep calls `expire` once the
 * deadline has passed, queued or not; the request then finishes and calls `settle`.
 */
export interface PooledRequest extends Dispatcher.DispatchHandler, Expiring {
  /** What to send; read when the request leaves the queue. */
  readonly request: Dispatcher.DispatchOptions;
  /** The connection it was sent on, set by the pool; `settle` hands it back. */
  connection: Connection | null;
  /** Whether it is done: a queued request timed out is skipped when its turn comes. */
  readonly finished: boolean;
  onError(error: Error): void;
}

/** One connection slot of a pool: an undici Client (one socket at a time) and its load. */
export class Connection {
  /** Requests sent on this connection and not yet done. */
  inFlight = 0;
  /** Whether it is in the pool's stack of connections that can take another request. */
  listed = false;

  constructor(readonly client: Client) {}
}

/** How a pool connects: most connections, requests per connection, and undici Client options. */
export interface PoolLimits {
  readonly connections: number;
  /** Requests sent per connection before the pool queues; undici's Client gets the same limit. */
  readonly pipelining: number;
  readonly client: Client.Options;
}

/**
 * The connections of one origin. It does what undici's `Pool` does for a load generator, with
 * O(1) work per request: a stack of connections with room (the most recently freed first, so a
 * light load reuses few warm connections), a new connection only when all are full, and one
 * FIFO queue of requests waiting for room — the time they wait is `http_req_blocked`. The
 * deadlines of its requests, queued or sent, are checked by one {@link TimeoutSweep}.
 */
export class ConnectionPool {
  private readonly connections: Connection[] = [];
  private readonly withRoom: Connection[] = [];
  private queue: PooledRequest[] = [];
  private queueHead = 0;
  private destroyed = false;
  private drained: (() => void) | undefined;
  private readonly sweep = new TimeoutSweep();

  constructor(
    private readonly origin: string,
    private readonly limits: PoolLimits,
  ) {}

  /** Sends `request` on a connection with room, or queues it until one has room. */
  dispatch(request: PooledRequest): void {
    if (request.timeoutMs > 0) this.sweep.add(request);
    const connection = this.take();
    if (connection === undefined) this.queue.push(request);
    else send(connection, request);
  }

  /**
   * Forgets a request that is done and hands back its connection, if it had one, to the next
   * queued request if any. Called from undici's completion callbacks: undici only writes the
   * handed-over request once the response is done (its own limit is `pipelining` too), and on
   * a new connection if the server closes this one.
   */
  settle(request: PooledRequest): void {
    this.sweep.delete(request);
    const connection = request.connection;
    if (connection !== null) this.release(connection);
  }

  private release(connection: Connection): void {
    const next = this.destroyed ? undefined : this.dequeue();
    if (next !== undefined) {
      send(connection, next);
      return;
    }
    if (this.drained !== undefined) {
      this.drained();
      this.drained = undefined;
    }
    connection.inFlight--;
    if (!connection.listed) {
      connection.listed = true;
      this.withRoom.push(connection);
    }
  }

  /** Sends what is queued, waits for every request, then closes the connections. */
  async close(): Promise<void> {
    if (this.queueHead < this.queue.length) {
      await new Promise<void>((resolve) => {
        this.drained = resolve;
      });
    }
    await Promise.all(this.connections.map((connection) => connection.client.close()));
    this.sweep.stop();
  }

  /** Fails every queued and in-flight request with `error` and drops the connections. */
  async destroy(error: Error): Promise<void> {
    this.destroyed = true;
    for (let next = this.dequeue(); next !== undefined; next = this.dequeue()) next.onError(error);
    this.drained?.();
    await Promise.all(this.connections.map((connection) => connection.client.destroy(error)));
    this.sweep.stop();
  }

  private take(): Connection | undefined {
    let connection = this.withRoom[this.withRoom.length - 1];
    if (connection === undefined) {
      if (this.connections.length >= this.limits.connections) return undefined;
      connection = new Connection(new Client(this.origin, this.limits.client));
      this.connections.push(connection);
      connection.listed = true;
      this.withRoom.push(connection);
    }
    if (++connection.inFlight >= this.limits.pipelining) {
      this.withRoom.pop();
      connection.listed = false;
    }
    return connection;
  }

  /** The next queued request not done yet; those timed out while queued are dropped. */
  private dequeue(): PooledRequest | undefined {
    let next: PooledRequest | undefined;
    do {
      if (this.queueHead === this.queue.length) return undefined;
      next = this.queue[this.queueHead++];
    } while (next?.finished);
    // Compact now and then instead of shifting per request.
    if (this.queueHead >= 1024 && this.queueHead * 2 >= this.queue.length) {
      this.queue = this.queue.slice(this.queueHead);
      this.queueHead = 0;
    }
    return next;
  }
}

function send(connection: Connection, request: PooledRequest): void {
  request.connection = connection;
  connection.client.dispatch(request.request, request);
}
