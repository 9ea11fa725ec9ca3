import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import type { ScenarioDefinition } from '../scenario/index.js';
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
  port.on('message', (message: ToWorker) => {
    if (message.type === 'stop') runner.stop();
    else
      runner.run(message.startAt).then((outcome) => {
        send({ type: 'done', ...outcome });
        port.close();
      }, fatal);
  });
  send({ type: 'ready' });
} catch (error) {
  fatal(error);
}

function fatal(error: unknown): void {
  const failure = error instanceof Error ? error : new Error(String(error));
  send({ type: 'fatal', message: failure.message, stack: failure.stack });
}
