import { describe, expect, it } from 'vitest';
import { createTokenService } from './tokens.js';

const SECRET = 'a-secret-of-at-least-thirty-two-characters';

function service(now = () => 1_700_000_000_000, secret = SECRET, databaseId = 'database-a') {
  return createTokenService({
    secret,
    databaseId,
    adminToken: 'admin-token-0123456789',
    ttlSeconds: 3600,
    now,
  });
}

describe('createTokenService', () => {
  it('verifies the tokens it issued, giving back the user id', () => {
    const tokens = service();
    expect(tokens.verify(tokens.issue(42))).toBe(42);
    expect(tokens.verify(tokens.issue(2 ** 53 - 1))).toBe(2 ** 53 - 1);
  });

  it('rejects a token once its lifetime is over', () => {
    let now = 1_700_000_000_000;
    const tokens = service(() => now);
    const token = tokens.issue(7);
    now += 3599_000;
    expect(tokens.verify(token)).toBe(7);
    now += 1000;
    expect(tokens.verify(token)).toBeNull();
  });

  it('rejects tampered tokens: another user, a later expiry, a changed signature', () => {
    const tokens = service();
    const token = tokens.issue(7);
    const [version, , issuedAt, expires, mac] = token.split('.') as [
      string,
      string,
      string,
      string,
      string,
    ];
    expect(tokens.verify([version, '8', issuedAt, expires, mac].join('.'))).toBeNull();
    expect(
      tokens.verify([version, '7', issuedAt, `${Number(expires) + 1}`, mac].join('.')),
    ).toBeNull();
    for (let index = 0; index < mac.length; index++) {
      const flipped = mac[index] === 'A' ? 'B' : 'A';
      const forged = `${mac.slice(0, index)}${flipped}${mac.slice(index + 1)}`;
      expect(tokens.verify([version, '7', issuedAt, expires, forged].join('.'))).toBeNull();
    }
  });

  it('rejects a token signed with another secret', () => {
    const other = service(undefined, 'another-secret-of-thirty-two-characters!');
    expect(service().verify(other.issue(7))).toBeNull();
  });

  it('rejects a token issued on another database, even with the same secret', () => {
    const otherDatabase = service(undefined, SECRET, 'database-b');
    expect(service().verify(otherDatabase.issue(7))).toBeNull();
    expect(otherDatabase.verify(otherDatabase.issue(7))).toBe(7);
  });

  it('rejects malformed tokens without throwing', () => {
    const tokens = service();
    const malformed = [
      '',
      'v1',
      'v1.7.1.2',
      'v2.7.1.2.abc',
      `v1.99999999999999999.1.2.${'A'.repeat(43)}`,
      `v1.0.1.2.${'A'.repeat(43)}`,
      `v1.-7.1.2.${'A'.repeat(43)}`,
      '\u0000',
      `v1.7.1.2.${'🙂'.repeat(43)}`,
    ];
    for (const token of malformed) expect(tokens.verify(token)).toBeNull();
  });

  it('recognises the admin token only', () => {
    const tokens = service();
    expect(tokens.isAdmin('admin-token-0123456789')).toBe(true);
    expect(tokens.isAdmin('admin-token-012345678')).toBe(false);
    expect(tokens.isAdmin('')).toBe(false);
    expect(tokens.isAdmin(tokens.issue(1))).toBe(false);
  });
});
