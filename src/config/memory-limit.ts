import { totalmem } from 'node:os';
import { parseByteSize } from '../core/byte-size.js';

/** The share of the machine's memory the generator may use by default. */
const DEFAULT_SHARE = 0.9;

/**
 * The generator's memory limit in bytes: `given` (`--max-memory`, a size such as '2GB'), or by
 * default 90% of the memory this process may have (its cgroup's limit when one is set, else
 * the machine's). The memory watchdog stops the run when the process's resident memory reaches
 * it. Throws a coded error naming `--max-memory` for a bad size.
 */
export function resolveMemoryLimit(given: string | number | undefined): number {
  if (given !== undefined) return parseByteSize(given, 'options.maxMemory');
  return Math.floor(DEFAULT_SHARE * availableMemory());
}

function availableMemory(): number {
  const total = totalmem();
  // Without a cgroup limit, Node reports a huge number (or 0 on older versions).
  const constrained = process.constrainedMemory?.() ?? 0;
  return constrained > 0 && constrained < total ? constrained : total;
}
