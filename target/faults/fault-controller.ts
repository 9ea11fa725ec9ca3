import type { FaultSpec } from '../config.js';
import type { FaultController } from '../types.js';
import { busyWait } from './busy-wait.js';
import { faultSpecProblems } from './fault-spec.js';

/**
 * Creates the fault controller of one process, holding `initial`. It runs the stall timer:
 * every `stallEveryMs` it busy-waits the event loop for `stallMs`, so everything this process
 * serves freezes at once, as in a long GC pause or a synchronous hot spot. The timer is unref'd
 * (it never keeps the process alive), restarted by every `set`, and stopped by `close`, after
 * which `set` still records the spec but no longer stalls. `set` throws an Error naming the
 * problem for a spec out of bounds or with a stall not shorter than its period.
 */
export function createFaultController(initial: FaultSpec): FaultController {
  const changeListeners: ((spec: FaultSpec) => void)[] = [];
  const stallListeners: ((stallMs: number) => void)[] = [];
  let spec = checked(initial);
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const restartStalls = (): void => {
    clearInterval(timer);
    timer = undefined;
    const { stallMs, stallEveryMs } = spec;
    if (closed || stallMs <= 0 || stallEveryMs <= 0) return;
    timer = setInterval(() => {
      busyWait(stallMs);
      for (const listener of stallListeners) listener(stallMs);
    }, stallEveryMs).unref();
  };
  restartStalls();

  return {
    current: () => spec,
    set(next) {
      spec = checked(next);
      restartStalls();
      for (const listener of changeListeners) listener(spec);
    },
    onChange(listener) {
      changeListeners.push(listener);
    },
    onStall(listener) {
      stallListeners.push(listener);
    },
    close() {
      closed = true;
      restartStalls();
    },
  };
}

function checked(spec: FaultSpec): FaultSpec {
  const problems = faultSpecProblems(spec);
  if (problems.length > 0) throw new Error(`invalid fault spec: ${problems.join('; ')}`);
  return Object.freeze({ ...spec });
}
