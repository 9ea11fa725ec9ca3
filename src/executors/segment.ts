/**
 * Execution segments: one instance's part of a run that N instances drive together, as k6's
 * execution segments are. Segment I of N takes every workload's items (arrivals, VUs,
 * in-flight slots) whose 0-based index is ≡ I − 1 (mod N), and its worker threads split those
 * further, so segment I's worker w of W is the share (I − 1 + N·w) of N·W: the segments
 * together make exactly the whole plan, none overlapping, with no coordination at run time;
 * iteration numbers and VU ids stay global, and so does the data seeded from them.
 */
import { LaunchdayError } from '../core/errors.js';
import type { WorkerShare } from './types.js';

/** Segment `index` (1-based) of `count`; 1/1 is the whole run. */
export interface ExecutionSegment {
  readonly index: number;
  readonly count: number;
}

/** The whole run: one instance drives it all. */
export const WHOLE_RUN: ExecutionSegment = Object.freeze({ index: 1, count: 1 });

const HINT =
  "write the segment as I/N (1-based, e.g. 2/3), or as k6's --execution-segment fractions of one N-th (e.g. 1/3:2/3)";

/**
 * Parses `--segment`: `I/N` with 1 ≤ I ≤ N, or k6's `FROM:TO` with fractions (or decimals)
 * that span exactly one N-th, starting at a multiple of it (`0:1/3`, `1/3:2/3`, `2/3:1`).
 * Throws a `LAUNCHDAY_ERR_USAGE` naming the text and the accepted forms.
 */
export function parseSegment(text: string, path = '--segment'): ExecutionSegment {
  const trimmed = text.trim();
  const wrong = (why: string) =>
    new LaunchdayError('LAUNCHDAY_ERR_USAGE', `${path} ${text}: ${why}`, {
      hint: HINT,
      issues: [{ path, message: `'${text}' ${why}` }],
    });
  if (trimmed.includes(':')) return fromFractions(trimmed, wrong);
  const match = /^(\d+)\s*\/\s*(\d+)$/.exec(trimmed);
  if (match === null) throw wrong('is not I/N');
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1 || index < 1 || index > count) throw wrong(`I must be from 1 to N (${count})`);
  return Object.freeze({ index, count });
}

/** The segment as `--segment` writes it: `2/3`. */
export function formatSegment(segment: ExecutionSegment): string {
  return `${segment.index}/${segment.count}`;
}

/**
 * The share of a workload that worker `share.workerIndex` of `share.workerCount` of segment
 * `segment` runs (see the module's comment). The whole run's share is `share` itself.
 */
export function segmentShare(segment: ExecutionSegment, share: WorkerShare): WorkerShare {
  return {
    workerIndex: segment.index - 1 + segment.count * share.workerIndex,
    workerCount: segment.count * share.workerCount,
    seed: share.seed,
  };
}

function fromFractions(text: string, wrong: (why: string) => LaunchdayError): ExecutionSegment {
  const [from, to, ...rest] = text.split(':').map((part) => fraction(part.trim()));
  if (
    from === undefined ||
    to === undefined ||
    rest.length > 0 ||
    Number.isNaN(from) ||
    Number.isNaN(to)
  )
    throw wrong('is not FROM:TO with fractions such as 1/3 or decimals such as 0.5');
  if (!(from >= 0 && to <= 1 && to > from)) throw wrong('needs 0 ≤ FROM < TO ≤ 1');
  const count = Math.round(1 / (to - from));
  const index = Math.round(from * count) + 1;
  const close = (a: number, b: number) => Math.abs(a - b) < 1e-9;
  if (!close(to - from, 1 / count) || !close(from, (index - 1) / count))
    throw wrong(
      'launchday splits a run into equal segments: FROM:TO must span one N-th, from a multiple of it',
    );
  return Object.freeze({ index, count });
}

function fraction(text: string): number {
  const match = /^(\d+(?:\.\d+)?)(?:\s*\/\s*(\d+))?$/.exec(text);
  if (match === null) return Number.NaN;
  const denominator = match[2] === undefined ? 1 : Number(match[2]);
  return denominator === 0 ? Number.NaN : Number(match[1]) / denominator;
}
