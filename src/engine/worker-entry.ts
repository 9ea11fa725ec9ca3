import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import type { ScenarioDefinition } from '../scenario/index.js';
import { MemoryWatchdog } from './memory-watchdog.js';
import type { FromWorker, ToWorker, WorkerInit } from './types.js';
import { WorkerRunner } from './worker-runner.js';

/** The entry point of a load-generating worker thread; see {@link WorkerRunner}. */
const port = parentPort;
if (port === null) throw new Error('worker-entry runs only as a worker thread');
const send = (message: FromWorker) => port.postMessage(message);

try {
  const init = workerData as WorkerInit;
  process.setSourceMapsEnabled(true);
  const module = (await import(pathToFileURL(init.bundleFile).href)) as {
    default: ScenarioDefinition;
  };
  const runner = new WorkerRunner(init, module.default, {
    interval: (snapshot) => send({ type: 'interval', snapshot }),
  });
  // A journey's stray timer or unawaited promise must not take the thread, and the run, down.
  process.on('uncaughtException', (error) => runner.uncaughtError(error));
  process.on('unhandledRejection', (reason) => runner.uncaughtError(reason));
  const watchdog = new MemoryWatchdog(init.maxMemoryBytes, (reason) => {
    send({ type: 'memory', reason });
    runner.abort();
  });
  port.on('message', (message: ToWorker) => {
    if (message.type === 'stop') runner.stop();
    else if (message.type === 'abort') runner.abort();
    else {
      watchdog.start();
      runner.run(message.startAt).then((outcome) => {
        watchdog.stop();
        send({ type: 'done', ...outcome });
        port.close();
      }, fatal);
    }
  });
  send({ type: 'ready' });
} catch (error) {
  fatal(error);
}

function fatal(error: unknown): void {
  const failure = error instanceof Error ? error : new Error(String(error));
  send({ type: 'fatal', message: failure.message, stack: failure.stack });
}
