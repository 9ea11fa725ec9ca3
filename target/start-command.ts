import { startCluster } from './cluster.js';
import { TARGET_ENV, type TargetConfig } from './config.js';
import { startServer } from './server.js';
import { resolveTargetConfig, SettingsError, type StartFlags } from './settings.js';
import { stopOnSignal } from './shutdown.js';

const log = (line: string) => process.stderr.write(`launchday target: ${line}\n`);

/**
 * `launchday target start`: resolves the settings, starts one process or a cluster, prints the
 * URL on stdout (the line a parent process waits for), and stops gracefully on a signal.
 * Returns 2 for bad settings; otherwise the process lives until a signal ends it.
 */
export async function runStartCommand(flags: StartFlags): Promise<number> {
  let config: TargetConfig;
  try {
    config = resolveTargetConfig(flags, process.env);
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    log(
      `invalid settings:\n${indent(error.message)}\nRun 'launchday target start --help' for the accepted values.`,
    );
    return 2;
  }
  const running = config.workers > 1 ? await startCluster(config, log) : await startServer(config);
  stopOnSignal(() => running.close(), log);
  const workers = `${config.workers} worker${config.workers === 1 ? '' : 's'}`;
  process.stdout.write(
    `feed service listening on ${running.url} (pid ${process.pid}, ${workers}, db ${config.db})\n`,
  );
  if (!process.env[TARGET_ENV.adminToken]) {
    log(`admin token: ${config.adminToken} (set ${TARGET_ENV.adminToken} to choose it)`);
  }
  return 0;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}
