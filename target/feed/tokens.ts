import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** Signs and verifies the bearer tokens of user accounts. */
export interface TokenService {
  /** A token for `userId`, valid for the configured lifetime from now. */
  issue(userId: number): string;
  /** The user id a token was issued to; null when it is malformed, tampered with or expired. */
  verify(token: string): number | null;
  /** True when `token` is the admin token (compared in constant time). */
  isAdmin(token: string): boolean;
}

/** What {@link createTokenService} needs: secrets and lifetime from the config, a clock. */
export interface TokenServiceOptions {
  /** HMAC-SHA256 key (`config.secret`). */
  readonly secret: string;
  /** The store's database id: tokens are valid only for the database they were issued on. */
  readonly databaseId: string;
  /** The admin endpoints' token (`config.adminToken`). */
  readonly adminToken: string;
  /** Lifetime of a user token (s). */
  readonly ttlSeconds: number;
  /** Epoch ms. */
  readonly now: () => number;
}

const VERSION = 'v1';
// `v1.<userId>.<issuedAt s>.<expires s>.<signature base64url>`, decimal digits without sign.
const TOKEN_SHAPE = /^v1\.([1-9][0-9]{0,15})\.([0-9]{1,15})\.([0-9]{1,15})\.([A-Za-z0-9_-]{43})$/;

/**
 * Creates the token service of one app. A token is `v1.<userId>.<issuedAt>.<expiresAt>.<mac>`
 * (times in epoch seconds), the MAC an HMAC-SHA256 over everything before it: stateless, so
 * every worker of a cluster verifies the tokens of the others when they share the secret.
 */
export function createTokenService(options: TokenServiceOptions): TokenService {
  // A key per database: after the database is replaced, old tokens fail verification (401)
  // instead of naming accounts that do not exist.
  const key = createHmac('sha256', options.secret)
    .update(`database:${options.databaseId}`)
    .digest();
  const sign = (payload: string) => createHmac('sha256', key).update(payload).digest();
  const adminDigest = digest(options.adminToken);
  return {
    issue(userId) {
      const issuedAt = Math.floor(options.now() / 1000);
      const payload = `${VERSION}.${userId}.${issuedAt}.${issuedAt + options.ttlSeconds}`;
      return `${payload}.${sign(payload).toString('base64url')}`;
    },
    verify(token) {
      const match = TOKEN_SHAPE.exec(token);
      if (match === null) return null;
      const [, userText, , expiresText, macText] = match as unknown as string[];
      const userId = Number(userText);
      if (!Number.isSafeInteger(userId)) return null;
      const payload = token.slice(0, token.length - macText!.length - 1);
      // Compares the text, not decoded bytes: base64url's last character has spare bits.
      const expected = Buffer.from(sign(payload).toString('base64url'));
      if (!timingSafeEqual(Buffer.from(macText!), expected)) return null;
      return Number(expiresText) * 1000 > options.now() ? userId : null;
    },
    isAdmin(token) {
      // Comparing digests keeps the comparison constant-time whatever the lengths.
      return timingSafeEqual(digest(token), adminDigest);
    },
  };
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}
