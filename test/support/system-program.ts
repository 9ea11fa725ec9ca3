import { accessSync, constants } from 'node:fs';

/** Set by .ci/run: a test whose system program is missing fails instead of being skipped. */
export const REQUIRE_SYSTEM_TESTS = process.env.LAUNCHDAY_REQUIRE_SYSTEM_TESTS === '1';

/** A system program a test drives for real, and the Debian package that installs it. */
export interface SystemProgram {
  /** The executable's path when installed, else null (the test is then skipped). */
  readonly path: string | null;
  /** Names the package, for the skipped test's title: `(needs apt package chromium)`. */
  readonly requirement: string;
}

/**
 * Finds `executable` for a test, at `path` (default `/usr/bin/<executable>`). When it is
 * missing, the test is skipped with a message naming `aptPackage` — unless
 * LAUNCHDAY_REQUIRE_SYSTEM_TESTS=1 (CI), where a missing program throws, so CI never passes by
 * skipping.
 */
export function systemProgram(
  executable: string,
  aptPackage: string,
  path = `/usr/bin/${executable}`,
): SystemProgram {
  const requirement = `(needs apt package ${aptPackage})`;
  try {
    accessSync(path, constants.X_OK);
    return { path, requirement };
  } catch {
    const message = `${path} is missing: install it with \`apt-get install ${aptPackage}\``;
    if (REQUIRE_SYSTEM_TESTS) throw new Error(`${message} (LAUNCHDAY_REQUIRE_SYSTEM_TESTS=1)`);
    process.stderr.write(`skipping tests ${requirement}: ${message}\n`);
    return { path: null, requirement };
  }
}
