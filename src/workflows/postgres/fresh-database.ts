/**
 * New PostgreSQL databases beside a given one, for workflows that need an empty database per
 * step (`capacity --target-db` searches each target worker count on its own).
 */
import postgres from 'postgres';
import { LaunchdayError } from '../../core/errors.js';

/** The longest name PostgreSQL keeps whole (NAMEDATALEN − 1). */
const MAX_NAME = 63;

/**
 * Creates the empty database `<name of url's database>_<suffix>` on `url`'s server, with
 * `url`'s credentials (they need CREATEDB), and returns its URL. Rejects with a
 * `LAUNCHDAY_ERR_USAGE` naming the database and why when the server refuses.
 */
export async function createDatabaseBeside(url: string, suffix: string): Promise<string> {
  const target = new URL(url);
  const base = decodeURIComponent(target.pathname.slice(1)) || 'launchday';
  const name = `${base}_${suffix}`.slice(0, MAX_NAME).replace(/[^A-Za-z0-9_]/g, '_');
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  const sql = postgres(maintenance.href, { max: 1, onnotice: () => {}, connect_timeout: 10 });
  try {
    await sql.unsafe(`CREATE DATABASE "${name}"`);
  } catch (error) {
    throw new LaunchdayError(
      'LAUNCHDAY_ERR_USAGE',
      `cannot create the database ${name} beside ${base}: ${(error as Error).message}`,
      {
        hint: 'give --target-db a user that may create databases (CREATEDB), on a server launchday can reach',
        cause: error,
      },
    );
  } finally {
    await sql.end({ timeout: 1 });
  }
  target.pathname = `/${encodeURIComponent(name)}`;
  return target.href;
}
