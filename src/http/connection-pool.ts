import { Client, type Dispatcher } from 'undici';

/** A request the pool can send: the dispatch options and the handler are one object's parts. */
export interface PooledRequest extends Dispatcher.DispatchHandler {
  /** What to send; read when the request leaves the queue. */
  readonly request: Dispatcher.DispatchOptions;
  /** The connection it was sent on, set by the pool; it hands it back with `release`. */
  connection: Connection | null;
  onError(error: Error): void;
}

/** One connection slot of a pool: an undici Client (one socket at a time) and its load. */
export class Connection {
  /** Requests sent on this connection and not yet done. */
  inFlight = 0;
  /** Whether it is in the pool's stack of connections that can take another request. */
  listed = false;

  constructor(
    readonly pool: ConnectionPool,
    readonly client: Client,
  ) {}
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
 * FIFO queue of requests waiting for room — the time they wait is `http_req_blocked`.
 */
export class ConnectionPool {
  private readonly connections: Connection[] = [];
  private readonly withRoom: Connection[] = [];
  private queue: PooledRequest[] = [];
  private queueHead = 0;
  private destroyed = false;
  private drained: (() => void) | undefined;

  constructor(
    private readonly origin: string,
    private readonly limits: PoolLimits,
  ) {}

  /** Sends `request` on a connection with room, or queues it until one has room. */
  dispatch(request: PooledRequest): void {
    const connection = this.take();
    if (connection === undefined) this.queue.push(request);
    else send(connection, request);
  }

  /**
   * Hands back the connection of a request that is done, to the next queued request if any.
   * Called from undici's completion callback: undici only writes the handed-over request once
   * the response is done (its own limit is `pipelining` too), and on a new connection if the
   * server closes this one.
   */
  release(connection: Connection): void {
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
  }

  /** Fails every queued and in-flight request with `error` and drops the connections. */
  async destroy(error: Error): Promise<void> {
    this.destroyed = true;
    for (let next = this.dequeue(); next !== undefined; next = this.dequeue()) next.onError(error);
    this.drained?.();
    await Promise.all(this.connections.map((connection) => connection.client.destroy(error)));
  }

  private take(): Connection | undefined {
    let connection = this.withRoom[this.withRoom.length - 1];
    if (connection === undefined) {
      if (this.connections.length >= this.limits.connections) return undefined;
      connection = new Connection(this, new Client(this.origin, this.limits.client));
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

  private dequeue(): PooledRequest | undefined {
    if (this.queueHead === this.queue.length) return undefined;
    const next = this.queue[this.queueHead++];
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
