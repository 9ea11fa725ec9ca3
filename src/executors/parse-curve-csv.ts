import { type Issue, LaunchdayError } from '../core/errors.js';
import type { CurvePoint } from './curve-replay.js';

/** Which columns of a CSV hold a cumulative curve, and in what unit. */
export interface CurveCsvOptions {
  /** The header name of the time column (in the curve's `timeUnit`), e.g. 'hours_since_launch'. */
  readonly time: string;
  /** The header name of the cumulative column, e.g. 'cumulative_signups_millions'. */
  readonly cumulative: string;
  /** What one unit of the cumulative column counts: 1e6 when it is in millions. Default 1. */
  readonly multiplier?: number;
}

/** One parsed field: its text and the 1-based character column it starts at. */
interface Field {
  readonly text: string;
  readonly column: number;
}

const MAX_ISSUES = 20;

/**
 * Parses the CSV text `csv` of the file `path` (named in the issues) into `[time, cumulative]`
 * points for a `curve-replay` executor: the pure half of {@link readCurveCsv}, which k6
 * exports reuse on embedded files. Lines starting with `#` and blank lines are skipped;
 * the first other line is the header; fields may be quoted (`"a, b"`, `""` for a quote); other
 * columns are ignored. Cumulatives are multiplied by `options.multiplier`. Throws a LaunchdayError
 * LAUNCHDAY_ERR_SCENARIO_LOAD naming every problem at `file:line:column`: a missing column, a value that is not a number, times that do not increase or a cumulative that
 * falls.
 */
export function parseCurveCsv(csv: string, path: string, options: CurveCsvOptions): CurvePoint[] {
  const multiplier = options.multiplier ?? 1;
  if (!(Number.isFinite(multiplier) && multiplier > 0)) {
    throw loadError(path, [{ path: 'multiplier', message: 'must be a number greater than 0' }]);
  }
  const issues: Issue[] = [];
  const rows = dataLines(csv).map(({ line, text }) => ({
    line,
    fields: splitFields(text, (column, message) =>
      issues.push({ path: `${path}:${line}:${column}`, message }),
    ),
  }));
  const [header, ...data] = rows;
  if (header === undefined) throw loadError(path, [{ path, message: 'has no header line' }]);
  const names = header.fields.map((field) => field.text.trim());
  const missing = [options.time, options.cumulative].filter((name) => !names.includes(name));
  if (missing.length > 0) {
    const message = (name: string) => `has no column '${name}'; its columns: ${names.join(', ')}`;
    const at = `${path}:${header.line}`;
    throw loadError(path, [
      ...missing.map((name) => ({ path: at, message: message(name) })),
      ...issues,
    ]);
  }
  const columns = [options.time, options.cumulative].map((name) => names.indexOf(name));

  const points: CurvePoint[] = [];
  const lines: number[] = [];
  for (const { line, fields } of data) {
    const [time, cumulative] = columns.map((index) =>
      numberAt(fields, index!, names[index!]!, (column, message) =>
        issues.push({ path: `${path}:${line}:${column}`, message }),
      ),
    );
    if (time === undefined || cumulative === undefined) continue;
    points.push([time, cumulative * multiplier]);
    lines.push(line);
  }
  issues.push(...orderIssues(points, lines, path, options));
  if (issues.length === 0 && points.length < 2) {
    issues.push({ path, message: `has ${points.length} data lines; a curve needs at least 2` });
  }
  if (issues.length > 0) throw loadError(path, issues);
  return points;
}

/** The lines that are neither blank nor `#` comments, with their 1-based numbers. */
function dataLines(text: string): { line: number; text: string }[] {
  return text
    .split(/\r?\n/)
    .map((line, index) => ({ line: index + 1, text: line }))
    .filter(({ text: line }) => line.trim() !== '' && !line.trimStart().startsWith('#'));
}

/** Splits one CSV line into fields; quoted fields may hold commas and `""` quotes. */
function splitFields(text: string, problem: (column: number, message: string) => void): Field[] {
  const fields: Field[] = [];
  let at = 0;
  for (;;) {
    const column = at + 1;
    if (text[at] !== '"') {
      const end = text.indexOf(',', at);
      fields.push({ text: text.slice(at, end < 0 ? undefined : end), column });
      if (end < 0) return fields;
      at = end + 1;
      continue;
    }
    let value = '';
    let i = at + 1;
    for (; i < text.length; i++) {
      if (text[i] !== '"') value += text[i];
      else if (text[i + 1] === '"') value += text[i++];
      else break;
    }
    if (i >= text.length) problem(column, 'has a quote that is never closed');
    fields.push({ text: value, column });
    const end = text.indexOf(',', i);
    if (end < 0) return fields;
    at = end + 1;
  }
}

/** The number in column `index`, or undefined after reporting why there is none. */
function numberAt(
  fields: readonly Field[],
  index: number,
  name: string,
  problem: (column: number, message: string) => void,
): number | undefined {
  const field = fields[index];
  if (field === undefined) {
    const last = fields.at(-1);
    problem((last?.column ?? 0) + (last?.text.length ?? 0), `has no value for column '${name}'`);
    return undefined;
  }
  const text = field.text.trim();
  const value = text === '' ? Number.NaN : Number(text);
  if (Number.isFinite(value)) return value;
  problem(field.column, `${name}: '${field.text}' is not a number`);
  return undefined;
}

/** Issues for times that do not increase and cumulatives that fall, at the offending line. */
function orderIssues(
  points: readonly CurvePoint[],
  lines: readonly number[],
  path: string,
  options: CurveCsvOptions,
): Issue[] {
  const issues: Issue[] = [];
  for (let i = 1; i < points.length; i++) {
    const at = `${path}:${lines[i]}`;
    const [time, cumulative] = points[i]!;
    const [timeBefore, cumulativeBefore] = points[i - 1]!;
    if (!(time > timeBefore)) {
      issues.push({ path: at, message: `${options.time} ${time} is not after ${timeBefore}` });
    }
    if (cumulative < cumulativeBefore) {
      const message = `${options.cumulative} falls below the line before it: a cumulative curve never falls`;
      issues.push({ path: at, message });
    }
  }
  return issues;
}

function loadError(path: string, issues: readonly Issue[]): LaunchdayError {
  const shown = issues.slice(0, MAX_ISSUES);
  const more = issues.length > shown.length ? `; and ${issues.length - shown.length} more` : '';
  const list = shown.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
  return new LaunchdayError(
    'LAUNCHDAY_ERR_SCENARIO_LOAD',
    `bad curve file ${path}: ${list}${more}`,
    {
      hint: 'a curve CSV has a header line naming its columns, then one line per point with times increasing and cumulatives never falling; lines starting with # are comments',
      issues,
    },
  );
}
