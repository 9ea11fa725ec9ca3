import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scryptAsync = promisify(scrypt) as (
  password: string,
  salt: Buffer,
  keyLength: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;

const KEY_BYTES = 32;
const SALT_BYTES = 16;
const BLOCK_SIZE = 8;

/**
 * Hashes a password with scrypt at cost N = 2^`cost`, on libuv's thread pool so the event loop
 * stays free. The result encodes its parameters: `scrypt$<cost>$<salt>$<key>` (base64url), so a
 * hash stays verifiable after the configured cost changes.
 */
export async function hashPassword(password: string, cost: number, salt?: Buffer): Promise<string> {
  const saltBytes = salt ?? randomBytes(SALT_BYTES);
  const key = await derive(password, saltBytes, cost);
  return `scrypt$${cost}$${saltBytes.toString('base64url')}$${key.toString('base64url')}`;
}

/** True when `password` matches `encoded` (from {@link hashPassword}); false for a malformed one. */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const [scheme, costText, saltText, keyText] = encoded.split('$');
  const cost = Number(costText);
  if (scheme !== 'scrypt' || !Number.isInteger(cost) || saltText === undefined || !keyText) {
    return false;
  }
  const expected = Buffer.from(keyText, 'base64url');
  const actual = await derive(password, Buffer.from(saltText, 'base64url'), cost);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

function derive(password: string, salt: Buffer, cost: number): Promise<Buffer> {
  const N = 2 ** cost;
  // scrypt needs 128 * N * r bytes; leave headroom over Node's 32 MiB default.
  const maxmem = 256 * N * BLOCK_SIZE + 1024 * 1024;
  return scryptAsync(password, salt, KEY_BYTES, { N, r: BLOCK_SIZE, p: 1, maxmem });
}
