import { createRequire } from 'node:module';
import type { Socket } from 'node:net';

/** The part of undici's HTTP/1.1 parser (lib/dispatcher/client-h1.js) the guard wraps. */
interface H1Parser {
  readonly socket: Socket;
  trackHeader(length: number): void;
}

// Where undici keeps a connection's parser; internal, hence looked up and checked at run time.
const { kParser } = createRequire(import.meta.url)('undici/lib/core/symbols.js') as {
  kParser?: symbol;
};

/**
 * Makes the HTTP/1.1 parser undici has just attached to `socket` stop raising header overflows
 * once it has destroyed the socket for one. undici counts header bytes in JavaScript and, past
 * `maxHeaderSize`, destroys the socket with a new `HeadersOverflowError` for each further header
 * of the data already read: a response with 10,000 headers cost ~55 ms of CPU, nearly all of it
 * spent capturing those errors' stack traces. Guarded, the first error still fails the request
 * and the rest of what was read is parsed and dropped (~2 ms). Called once per connection.
 * Returns whether the parser was found; when undici's internals change it is not, nothing is
 * wrapped, and the limit still holds at the old cost.
 */
export function guardHeaderOverflow(socket: Socket): boolean {
  if (kParser === undefined) return false;
  const parser = (socket as unknown as Record<symbol, H1Parser | null | undefined>)[kParser];
  if (typeof parser?.trackHeader !== 'function') return false;
  const track = parser.trackHeader;
  parser.trackHeader = function trackUntilDestroyed(this: H1Parser, length: number) {
    if (!this.socket.destroyed) track.call(this, length);
  };
  return true;
}
