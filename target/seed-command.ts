import { TargetConfigSchema } from './config.js';
import { hashPassword } from './feed/passwords.js';
import { seedDatabase } from './seed/index.js';
import { DatabaseNotEmptyError } from './store/index.js';

/**
 * The password of every seeded account (`user1` … `userN`), so a scenario can log in as any of
 * them. Seeded data is rehearsal data: never seed a database real people use.
 */
export const SEED_PASSWORD = 'launchday-seed';

const log = (line: string) => process.stderr.write(`launchday target seed: ${line}\n`);

/**
 * `launchday target seed --db FILE|URL --users N [--seed S] [--if-empty]`: fills a new database
 * with a deterministic population and prints its counts and the time taken. A database that
 * has users is refused (exit 2), or with `--if-empty` left as it is (exit 0), so a stack can
 * seed on every start. Returns the exit code.
 */
export async function runSeedCommand(
  flags: Readonly<Record<string, string | undefined>>,
): Promise<number> {
  const users = wholeNumber(flags.users);
  const seed = wholeNumber(flags.seed);
  if (users === null || users < 1 || seed === null) {
    log(
      users === null || users < 1
        ? `--users must be a whole number of at least 1, not "${flags.users}"`
        : `--seed must be a whole number, not "${flags.seed}"`,
    );
    return 2;
  }
  const { passwordCost } = TargetConfigSchema.parse({});
  const passwordHash = await hashPassword(SEED_PASSWORD, passwordCost);
  let report: Awaited<ReturnType<typeof seedDatabase>>;
  try {
    report = await seedDatabase({ path: String(flags.db), users, seed, passwordHash });
  } catch (error) {
    if (!(error instanceof DatabaseNotEmptyError)) throw error;
    if (flags.ifEmpty !== undefined) {
      log(`${flags.db} holds users already: left as it is (--if-empty)`);
      return 0;
    }
    log(error.message);
    return 2;
  }
  process.stdout.write(
    `seeded ${flags.db}: ${report.users} users, ${report.follows} follows, ${report.posts} posts, ` +
      `${report.likes} likes in ${report.seconds.toFixed(1)} s (password of every account: ${SEED_PASSWORD})\n`,
  );
  return 0;
}

function wholeNumber(text: string | undefined): number | null {
  if (text === undefined || !/^\d+$/.test(text.trim())) return null;
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : null;
}
