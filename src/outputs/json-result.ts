import { writeFileAtomic } from './atomic-file.js';

/** The file a run's result is written to, inside the run's folder. */
export const RESULT_FILE = 'result.json';

/** Writes `value` as indented JSON ({@link formatJson}) to `file` atomically (see {@link writeFileAtomic}). */
export async function writeJsonFile(file: string, value: unknown): Promise<void> {
  await writeFileAtomic(file, `${formatJson(value)}\n`);
}

/**
 * `value` as JSON indented by two spaces, as `JSON.stringify(value, null, 2)` writes it, except
 * that an array of scalars (numbers, strings, booleans, nulls) stays on one line: a per-second
 * series (result.json `slices`) takes a line, not one line per second. Parses back to the same
 * value as `JSON.stringify`'s output.
 */
export function formatJson(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? 'null' : format(JSON.parse(text), '');
}

function format(value: unknown, indent: string): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every((item) => item === null || typeof item !== 'object'))
      return `[${value.map((item) => JSON.stringify(item)).join(', ')}]`;
    return `[\n${value.map((item) => inner + format(item, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return '{}';
  const lines = entries.map(
    ([key, item]) => `${inner}${JSON.stringify(key)}: ${format(item, inner)}`,
  );
  return `{\n${lines.join(',\n')}\n${indent}}`;
}
