/**
 * What an exported script's `import ... from 'node:crypto'` is bound to: `randomBytes` over
 * k6/crypto, as a Uint8Array with the few Buffer readers scenarios use (`readUInt32BE`,
 * `toString('hex')`). Importing anything else from node:crypto fails the export (exit 2) with
 * esbuild's message naming the import.
 */
import { randomBytes as k6RandomBytes } from 'k6/crypto';

/** Random bytes from k6's generator, with `readUInt32BE(offset)` and `toString('hex')`. */
export class RandomBytes extends Uint8Array {
  /** The big-endian unsigned 32-bit integer at `offset`. */
  readUInt32BE(offset = 0): number {
    return new DataView(this.buffer, this.byteOffset).getUint32(offset, false);
  }

  /** The bytes in hex (the only encoding offered); other encodings throw. */
  override toString(encoding?: string): string {
    if (encoding !== 'hex')
      throw new TypeError(
        `randomBytes().toString('${encoding}') is not supported in k6; use 'hex'`,
      );
    return Array.from(this, (byte) => byte.toString(16).padStart(2, '0')).join('');
  }
}

/** `size` random bytes (node:crypto's `randomBytes`, synchronous form only). */
export function randomBytes(size: number): RandomBytes {
  return new RandomBytes(k6RandomBytes(size));
}
