import { InvalidArgumentError } from 'commander';
import { parseDuration } from '../core/duration.js';

/** Collects a repeatable flag's values, in order. */
export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** A parser of whole numbers of at least `min`. */
export function wholeNumberAtLeast(min: number): (value: string) => number {
  return (value) => {
    const number = Number(value);
    if (!Number.isInteger(number) || number < min)
      throw new InvalidArgumentError(`expected a whole number of at least ${min}`);
    return number;
  };
}

/** A number above 0, e.g. a rate. */
export function positiveNumber(value: string): number {
  const number = Number(value);
  if (!(number > 0)) throw new InvalidArgumentError('expected a number above 0, e.g. 10');
  return number;
}

/** A duration of whole seconds (`10s`, `1m`), as a number of seconds. */
export function wholeSeconds(value: string): number {
  let ms = Number.NaN;
  try {
    ms = parseDuration(value);
  } catch {}
  if (!(ms >= 1000) || ms % 1000 !== 0)
    throw new InvalidArgumentError('expected whole seconds, e.g. 10s');
  return ms / 1000;
}

/** A comma-separated list of worker counts from 1 to 64, e.g. `1,2,4`. */
export function workerCounts(value: string): number[] {
  const counts = value.split(',').map((part) => Number(part.trim()));
  if (!counts.every((n) => Number.isInteger(n) && n >= 1 && n <= 64))
    throw new InvalidArgumentError('expected worker counts from 1 to 64, e.g. 1,2');
  return counts;
}
