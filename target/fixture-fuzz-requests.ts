import type { InjectOptions } from 'fastify';

/** The body limit of the fuzzed app (bytes): the oversized bodies are just beyond it. */
export const FUZZ_BODY_LIMIT = 64 * 1024;

/** mulberry32: a small seeded PRNG, so a failing request can be generated again. */
export function createPrng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  const int = (max: number) => Math.floor(next() * max);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  return { next, int, pick };
}
/** The PRNG of {@link createPrng}. */
export type Random = ReturnType<typeof createPrng>;

const NASTY_STRINGS = [
  "' OR 1=1 --",
  "'; DROP TABLE users; --",
  '" OR ""="',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '%00',
  '\u0000',
  '\ud800',
  '\udfff\ud800',
  '🙂'.repeat(40),
  'ﷺ',
  '\u202e',
  'a'.repeat(600),
  '',
  ' ',
  '__proto__',
  'constructor',
  '{"$gt":""}',
  `\${jndi:ldap://x}`,
  '\r\nX-Injected: 1',
  'NaN',
  '-0',
  'null',
];
const NASTY_NUMBERS = [
  0,
  -1,
  1.5,
  2 ** 53,
  2 ** 53 + 2,
  -(2 ** 63),
  1e308,
  Number.MAX_VALUE,
  1e-320,
];
const RAW_NUMBERS = [
  '1e400',
  '-1e400',
  '123456789012345678901234567890',
  '0x10',
  '01',
  '1_000',
  '.5',
];
const FIELDS = [
  'username',
  'displayName',
  'bio',
  'password',
  'follows',
  'text',
  'replyTo',
  'latencyMs',
  'errorRate',
  'constructor',
  '__proto__',
];
const ROUTES = [
  'POST /v1/signup',
  'POST /v1/login',
  'GET /v1/me',
  'POST /v1/posts',
  'DELETE /v1/posts/:id',
  'POST /v1/posts/:id/like',
  'DELETE /v1/posts/:id/like',
  'POST /v1/follows/:id',
  'DELETE /v1/follows/:id',
  'GET /v1/feed',
  'GET /v1/users/:id',
  'GET /v1/users/:id/posts',
  'GET /healthz',
  'GET /readyz',
  'GET /admin/stats',
  'GET /admin/faults',
  'PUT /admin/faults',
];
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'] as const;
type Method = (typeof METHODS)[number];
const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=utf-16',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  '*/*',
  '',
  'application/json; charset',
  'APPLICATION/JSON',
  'application/vnd.api+json',
  '💥/💥',
];

function jsonValue(random: Random, depth: number): unknown {
  const kind = depth > 3 ? random.int(4) : random.int(7);
  if (kind === 0) return random.pick(NASTY_STRINGS);
  if (kind === 1) return random.pick(NASTY_NUMBERS);
  if (kind === 2) return random.pick([true, false, null]);
  if (kind === 3)
    return String.fromCodePoint(
      ...Array.from({ length: random.int(20) }, () => random.int(0x10ffff)),
    );
  if (kind === 4) return Array.from({ length: random.int(5) }, () => jsonValue(random, depth + 1));
  return jsonObject(random, depth + 1);
}

function jsonObject(random: Random, depth: number): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (let count = random.int(6); count > 0; count--) {
    object[random.next() < 0.7 ? random.pick(FIELDS) : random.pick(NASTY_STRINGS)] = jsonValue(
      random,
      depth,
    );
  }
  return object;
}

/** A body the route accepts, before a mutation (or none) spoils it. */
function validBody(random: Random, template: string): Record<string, unknown> {
  if (template === '/v1/signup') {
    const username = `u${random.int(1e6)}`;
    return { username, displayName: 'Fuzz', password: 'password123', follows: ['a_b'] };
  }
  if (template === '/v1/login') return { username: 'fuzz_owner', password: 'password123' };
  if (template === '/v1/posts') return { text: 'hello', replyTo: random.pick([1, null]) };
  if (template === '/admin/faults') {
    return { latencyMs: 0, errorRate: 0, stallMs: 0, stallEveryMs: 0, cpuMs: 0 };
  }
  return {};
}

function payload(random: Random, template: string): string | undefined {
  const kind = random.int(12);
  if (kind === 0) return undefined;
  if (kind === 1) return deepJson(random);
  if (kind === 2) return JSON.stringify({ text: 'x'.repeat(FUZZ_BODY_LIMIT) });
  if (kind === 3) return JSON.stringify(jsonValue(random, 0)).slice(0, random.int(40));
  if (kind === 4) return `{"replyTo": ${random.pick(RAW_NUMBERS)}, "text": "x"}`;
  if (kind === 5) return random.pick(NASTY_STRINGS);
  if (kind === 6) return '{"__proto__": {"admin": true}, "constructor": {"prototype": {}}}';
  if (kind === 7) return JSON.stringify(jsonObject(random, 0));
  const body = validBody(random, template);
  // Some valid bodies: sign-ups and posts succeed among the noise, and are counted.
  if (kind < 10) body[random.pick(FIELDS)] = jsonValue(random, 1);
  return JSON.stringify(body);
}

/** Arrays or objects nested 10,000 to 20,000 deep, closed or not. */
function deepJson(random: Random): string {
  const depth = 10_000 + random.int(10_000);
  const closed = random.next() < 0.5 ? depth : depth - 1;
  if (random.next() < 0.5) return '['.repeat(depth) + ']'.repeat(closed);
  return `{"text":${'{"a":'.repeat(depth)}1${'}'.repeat(closed)}}`;
}

/** Every UTF-8 byte as `%XX` (encodeURIComponent throws on lone surrogates). */
function percentEncode(text: string): string {
  return [...Buffer.from(text)].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');
}

function pathOf(random: Random, template: string, ids: readonly number[]): string {
  const segment = () =>
    random.next() < 0.5
      ? String(random.pick([...ids, ...NASTY_NUMBERS]))
      : percentEncode(random.pick([...NASTY_STRINGS, ...RAW_NUMBERS]));
  let path = template.replace(':id', segment);
  if (random.next() < 0.1)
    path += random.pick([
      '/',
      '//x',
      '/..',
      '%zz',
      '%',
      '?',
      '#x',
      '/%2e%2e',
      '/%ED%A0%80',
      '/%C0%AF',
    ]);
  if (random.next() < 0.2)
    path += `?${random.pick(['cursor', 'limit', 'x', '__proto__'])}=${segment()}`;
  if (random.next() < 0.05) path = `/${'a/'.repeat(random.int(2000))}`;
  return path;
}

/**
 * One malformed-or-not request for the fuzz test: a route of the API (sometimes with the
 * wrong method), a mangled path and query, random headers and content type, a body that is
 * missing, oversized, deeply nested, truncated, hostile or a valid one mutated (or intact, so
 * that some sign-ups and posts succeed). `tokens` and `ids` are picked for auth and path ids.
 */
export function fuzzRequest(
  random: Random,
  tokens: readonly string[],
  ids: readonly number[],
): InjectOptions {
  const [routeMethod, template] = random.pick(ROUTES).split(' ') as [Method, string];
  const method = random.next() < 0.85 ? routeMethod : random.pick(METHODS);
  const headers: Record<string, string> = {};
  if (random.next() < 0.7) headers.authorization = `Bearer ${random.pick(tokens)}`;
  else if (random.next() < 0.3)
    headers.authorization = random.pick(NASTY_STRINGS).replace(/[\r\n]/g, '');
  const contentType = random.next() < 0.6 ? 'application/json' : random.pick(CONTENT_TYPES);
  if (random.next() < 0.9) headers['content-type'] = contentType;
  if (random.next() < 0.2)
    headers['idempotency-key'] = random.pick(['k', 'x'.repeat(300), '🙂', 'a b']);
  if (random.next() < 0.05) headers['content-encoding'] = random.pick(['gzip', 'br', 'bogus']);
  const body = method === 'GET' || method === 'HEAD' ? undefined : payload(random, template);
  return {
    method,
    url: pathOf(random, template, ids),
    headers,
    ...(body === undefined ? {} : { payload: body }),
  };
}
