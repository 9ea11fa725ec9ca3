import { Command, CommanderError, Option } from 'commander';
import { TargetConfigSchema } from './config.js';
import { runSeedCommand } from './seed-command.js';
import { runStartCommand } from './start-command.js';
import { describeStores } from './store/index.js';

/**
 * The feed service's command line, run as `launchday target …` (the launchday CLI starts this
 * program as a child process) or `node dist/target/main.js …`. Returns the exit code: 0 ok,
 * 1 internal error, 2 bad usage or settings.
 */
export async function runTargetCli(argv: readonly string[]): Promise<number> {
  let exitCode = 0;
  const defaults = TargetConfigSchema.parse({});
  const program = new Command('launchday target')
    .description('The reference feed service (Threads-like) to rehearse a launch against')
    .exitOverride()
    .showHelpAfterError('(add --help for usage)');
  program
    .command('start')
    .description('serve the feed service; stops gracefully on SIGTERM or SIGINT')
    .option('--host <host>', `interface to listen on (default ${defaults.host})`)
    .option('--port <n>', `port to listen on, 0 for any free one (default ${defaults.port})`)
    .option(
      '--store <name>',
      `where the data lives: ${describeStores()} (default ${defaults.store})`,
    )
    .option(
      '--db <file|url>',
      `SQLite file, created when missing, or :memory:, or a postgres://user@host:port/name URL (default ${defaults.db})`,
    )
    .option(
      '--pool-size <n>',
      'PostgreSQL connections per worker process (default 10, fewer with many workers: 40 in all)',
    )
    .option(
      '--workers <n>',
      `processes serving the port on one database (default ${defaults.workers})`,
    )
    .option(
      '--faults <spec>',
      'inject faults, e.g. latency=50ms,errors=1%,stall=500ms/5s,cpu=2ms; add route=/v1/feed and/or method=GET to hit only those requests',
    )
    .addOption(
      new Option('--sync <mode>', `SQLite synchronous mode (default ${defaults.sync})`).choices([
        'normal',
        'full',
      ]),
    )
    .option(
      '--max-in-flight <n>',
      `requests in flight per worker before 503 (default ${defaults.maxInFlight})`,
    )
    .option(
      '--queue-budget-ms <ms>',
      `longest wait before a 503 (default ${defaults.queueBudgetMs})`,
    )
    .option('--password-cost <log2N>', `scrypt cost, log2 of N (default ${defaults.passwordCost})`)
    .action(async (flags: Record<string, string | undefined>) => {
      exitCode = await runStartCommand(flags);
    });
  program
    .command('seed')
    .description('fill a new database with users, a power-law follow graph and recent posts')
    .requiredOption(
      '--db <file|url>',
      'SQLite file to create, or a postgres:// URL of an empty database (must not hold users yet)',
    )
    .requiredOption('--users <n>', 'how many users')
    .option('--seed <n>', 'random seed: the same seed gives the same population', '1')
    .option(
      '--if-empty',
      'leave a database that holds users as it is (exit 0) instead of refusing it',
    )
    .action(async (flags: Record<string, string | undefined>) => {
      exitCode = await runSeedCommand(flags);
    });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    throw error;
  }
}
