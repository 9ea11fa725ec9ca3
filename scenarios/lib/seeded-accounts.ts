import { type HttpResponse, param, type SetupContext } from 'launchday';

/** The password `launchday target seed` gives every seeded account. */
export const SEED_PASSWORD = 'launchday-seed';

/** The `users` parameter of every scenario: how many accounts the target was seeded with. */
export const SEEDED_USERS_PARAM = param.number({
  default: 10_000,
  integer: true,
  min: 1,
  description: 'seeded users in the target (--users of target seed)',
});

/** Logins sent at once by {@link loginSeededAccounts}: each costs the target a scrypt hash. */
const LOGIN_CONCURRENCY = 8;
/** Tries of a setup request that got a 5xx or no answer, and the wait before the next (ms). */
const SETUP_TRIES = 3;
const SETUP_RETRY_MS = 250;

/**
 * The username of the seeded account of popularity rank `rank` (1-based; `user1` is the most
 * followed). Its id is `rank` too: the seeder numbers accounts in rank order from 1.
 */
export function seededUsername(rank: number): string {
  return `user${rank}`;
}

/** Bearer-token headers for a request made as the account of `token`. */
export function authHeaders(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

/** Logged-in seeded accounts, index-aligned: `tokens[i]` is the bearer token of `ids[i]`. */
export interface SeededAccounts {
  readonly ids: readonly number[];
  readonly tokens: readonly string[];
}

/**
 * Logs in `count` seeded accounts spread evenly over ranks 1…`users` (so popular and obscure
 * accounts both appear), a few logins at a time. Called from a scenario's `setup`; throws an
 * Error saying how to seed the target when a login fails.
 */
export async function loginSeededAccounts(
  http: SetupContext['http'],
  users: number,
  count: number,
): Promise<SeededAccounts> {
  const total = Math.min(count, users);
  const ranks = Array.from({ length: total }, (_, i) => 1 + Math.floor((i * users) / total));
  const logins: { id: number; token: string }[] = [];
  for (let start = 0; start < total; start += LOGIN_CONCURRENCY) {
    const batch = ranks.slice(start, start + LOGIN_CONCURRENCY);
    logins.push(...(await Promise.all(batch.map((rank) => loginAs(http, rank, users)))));
  }
  return { ids: logins.map((login) => login.id), tokens: logins.map((login) => login.token) };
}

async function loginAs(
  http: SetupContext['http'],
  rank: number,
  users: number,
): Promise<{ id: number; token: string }> {
  const username = seededUsername(rank);
  const res = await retryTransient(() =>
    http.post('/v1/login', { username, password: SEED_PASSWORD }, { name: 'login' }),
  );
  if (res.status !== 200) {
    throw new Error(
      res.status === 0 || res.status >= 500
        ? `cannot log in as ${username}: the target answered ${res.status} ${SETUP_TRIES} times`
        : `cannot log in as ${username} (${res.status}): seed the target first with 'launchday target seed --users ${users}'`,
    );
  }
  const { user, token } = res.json<{ user: { id: number }; token: string }>();
  return { id: user.id, token };
}

/**
 * `request`'s answer, asked again (up to {@link SETUP_TRIES} times in all) while it is a 5xx or
 * no answer: setup must not fail on a service that sheds or fails a few requests, as a launch
 * rehearsal's target may.
 */
async function retryTransient(request: () => Promise<HttpResponse>): Promise<HttpResponse> {
  for (let attempt = 1; ; attempt++) {
    const res = await request();
    const transient = res.status === 0 || res.status >= 500;
    if (!transient || attempt === SETUP_TRIES) return res;
    await new Promise((resolve) => setTimeout(resolve, SETUP_RETRY_MS * attempt));
  }
}

/**
 * Checks in a scenario's `setup` that the target holds at least `users` seeded accounts (the
 * account of id `users` is `user<users>`); throws an Error naming the seed command when not.
 */
export async function assertSeeded(http: SetupContext['http'], users: number): Promise<void> {
  const res = await retryTransient(() =>
    http.get('/v1/users/:id', { name: 'seed check', pathParams: { id: users } }),
  );
  const found = res.status === 200 ? res.json<{ username: string }>().username : undefined;
  if (found !== seededUsername(users)) {
    throw new Error(
      `the target has no seeded account user${users} (${res.status}): seed it with 'launchday target seed --users ${users}', or lower --param users`,
    );
  }
}
