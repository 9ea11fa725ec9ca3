import { randomBytes } from 'node:crypto';
import type { JourneyContext } from 'launchday';

/** What `POST /v1/signup` takes besides `follows`, within the feed service's limits. */
export interface SignupProfile {
  /** 3–30 of `A-Z a-z 0-9 _ .`, unique per (run tag, iteration). */
  readonly username: string;
  /** 1–50 characters. */
  readonly displayName: string;
  /** 0–160 characters. */
  readonly bio: string;
  /** 8–128 characters. */
  readonly password: string;
}

const USERNAME_MAX = 30;
const NOT_USERNAME = /[^A-Za-z0-9_]/g;

/**
 * A random tag for one run, 6 characters of `0-9 a-z`. Made once in a scenario's `setup` and
 * put into every username and Idempotency-Key of the run, so a run against a target that already
 * holds an earlier run's sign-ups (same `--seed`, same faker names) never collides with them.
 */
export function runTag(): string {
  return (randomBytes(4).readUInt32BE() % 36 ** 6).toString(36).padStart(6, '0');
}

/**
 * A new user's profile from the journey's seeded faker. The username is the faker username,
 * shortened, then `.` and `<tag><iteration in base 36>`: the part after the last `.` is unique
 * per iteration of the run, so no two sign-ups of a run ask for the same name.
 */
export function signupProfile(
  faker: JourneyContext['faker'],
  tag: string,
  iteration: number,
): SignupProfile {
  const unique = `${tag}${iteration.toString(36)}`;
  const base = faker.internet.username().replace(NOT_USERNAME, '');
  return {
    username: `${base.slice(0, USERNAME_MAX - unique.length - 1)}.${unique}`,
    displayName: firstCharacters(faker.person.fullName(), 50),
    bio: firstCharacters(faker.person.bio(), 160),
    password: faker.internet.password({ length: 16 }),
  };
}

/** The Idempotency-Key of the sign-up of `iteration` in the run tagged `tag`. */
export function signupKey(tag: string, iteration: number): string {
  return `signup-${tag}-${iteration}`;
}

/** The first `count` characters of `text`, counted in code points: a bio's emoji stays whole. */
function firstCharacters(text: string, count: number): string {
  return [...text].slice(0, count).join('');
}
