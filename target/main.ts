import { runTargetCli } from './cli.js';

/** Entry of the feed service's program (`launchday target …` runs it as a child process). */
// Started by the launchday CLI: when it goes away, whatever killed it, stop as on SIGTERM.
// The channel must not keep the process alive by itself (`seed` ends when its work does).
process.channel?.unref();
process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
try {
  process.exitCode = await runTargetCli(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`launchday target: ${describe(error)}\n`);
  process.exit(1);
}

function describe(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'EADDRINUSE')
    return `${(error as Error).message}: the port is taken; choose another with --port (0 picks a free one)`;
  if (code === 'SQLITE_CANTOPEN')
    return `${(error as Error).message}: check that --db names a file in a folder that exists and is writable`;
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
