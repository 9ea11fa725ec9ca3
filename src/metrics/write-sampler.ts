import type { WriteLogEntry } from '../core/result.js';
import type { WriteRecorder } from './types.js';

/** How many ids of each kind one worker thread keeps for the consistency check. */
export const WRITE_SAMPLE_SIZE = 500;

/**
 * The most kinds of write one worker thread records. Kinds name what the target counts (users,
 * posts, ...); the cap keeps memory bounded when a journey builds kind names from its data.
 */
export const MAX_WRITE_KINDS = 100;

/** Acknowledged writes by kind, as result.json's `writes` holds them. */
export type WriteLog = Record<string, WriteLogEntry>;

/**
 * The acknowledged writes of one worker thread: a count per kind and a uniform sample of up to
 * `sampleSize` ids per kind (reservoir sampling, Vitter's Algorithm R), so memory stays flat
 * however long the run. The journey contexts of the thread record into it; the worker sends
 * {@link WriteSampler.log} with its last message.
 */
export class WriteSampler implements WriteRecorder {
  readonly #kinds = new Map<string, WriteLogEntry>();

  /** `sampleSize`: the ids kept per kind, {@link WRITE_SAMPLE_SIZE} unless a test says. */
  constructor(private readonly sampleSize: number = WRITE_SAMPLE_SIZE) {}

  recordWrite(kind: string, id: string | number): void {
    const entry = this.#kinds.get(kind) ?? this.#addKind(kind);
    const seen = ++entry.count;
    if (seen <= this.sampleSize) {
      entry.sample.push(String(id));
      return;
    }
    // Each of the `seen` ids so far stays in the sample with probability sampleSize / seen.
    const slot = Math.floor(Math.random() * seen);
    if (slot < this.sampleSize) entry.sample[slot] = String(id);
  }

  /** What was recorded so far, a copy by kind in name order; `{}` when nothing was. */
  log(): WriteLog {
    return copyInKindOrder(this.#kinds);
  }

  #addKind(kind: string): WriteLogEntry {
    if (this.#kinds.size >= MAX_WRITE_KINDS)
      throw new RangeError(
        `ctx.recordWrite: the kind '${kind}' would be kind number ${MAX_WRITE_KINDS + 1}; ` +
          `a worker thread records at most ${MAX_WRITE_KINDS} kinds, named as the target counts them ` +
          '(users, posts, ...), with what tells writes apart in the id',
      );
    const entry: WriteLogEntry = { count: 0, sample: [] };
    this.#kinds.set(kind, entry);
    return entry;
  }
}

/**
 * The write logs of all worker threads as one, for result.json: counts summed, samples
 * concatenated in the order of `logs` (worker index), kinds in name order. Called by the engine
 * once every worker has finished.
 */
export function mergeWriteLogs(logs: readonly WriteLog[]): WriteLog {
  const merged = new Map<string, WriteLogEntry>();
  for (const log of logs) {
    for (const [kind, { count, sample }] of Object.entries(log)) {
      const entry = merged.get(kind);
      if (entry === undefined) merged.set(kind, { count, sample: [...sample] });
      else {
        entry.count += count;
        entry.sample.push(...sample);
      }
    }
  }
  return copyInKindOrder(merged);
}

/** A copy of `kinds` as a log, kinds in name order so result.json reads the same each run. */
function copyInKindOrder(kinds: ReadonlyMap<string, WriteLogEntry>): WriteLog {
  const names = [...kinds.keys()].sort();
  return Object.fromEntries(
    names.map((kind) => {
      const { count, sample } = kinds.get(kind)!;
      return [kind, { count, sample: [...sample] }];
    }),
  );
}
