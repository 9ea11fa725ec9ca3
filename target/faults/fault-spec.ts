import { type FaultSpec, FaultSpecSchema, NO_FAULTS } from '../config.js';

/** The accepted forms of a fault spec, quoted by every parse error. */
export const FAULT_SPEC_FORMS =
  'write none, or comma-separated faults: latency=<duration>, errors=<percent or fraction>, ' +
  'stall=<duration>/<period>, cpu=<duration>, durations in ms or s, and optionally ' +
  'route=<route pattern> and method=<HTTP method> to slow or fail only those requests ' +
  '(e.g. latency=50ms,errors=1%,stall=500ms/5s,cpu=2ms or latency=3ms,route=/v1/feed,method=GET)';

const DURATION = /^(\d+(?:\.\d+)?)(ms|s)$/;
const PERCENT = /^(\d+(?:\.\d+)?)%$/;
const FRACTION = /^\d+(?:\.\d+)?$/;

// The fault syntax's name of each FaultSpec field, for problems found by the schema.
const NAME_OF_FIELD: Readonly<Record<string, string>> = {
  latencyMs: 'latency',
  errorRate: 'errors',
  stallMs: 'stall',
  stallEveryMs: 'stall period',
  cpuMs: 'cpu',
  route: 'route',
  method: 'method',
};

type Part = Partial<FaultSpec>;
type PartParser = (value: string) => Part | string;

// Each parser returns the fields it sets, or what is wrong with the value.
const PARTS: Readonly<Record<string, PartParser>> = {
  latency: (value) => durationPart(value, 'latencyMs'),
  cpu: (value) => durationPart(value, 'cpuMs'),
  errors: parseErrorRate,
  stall: parseStall,
  route: (value) => ({ route: value }),
  method: (value) => ({ method: value.toUpperCase() as FaultSpec['method'] }),
};

/**
 * Parses the `--faults` syntax: `none`, or comma-separated `latency=50ms`, `errors=1%` (or
 * `0.01`), `stall=500ms/5s` (freeze for 500 ms every 5 s), `cpu=2ms`; faults not named are 0.
 * `route=/v1/feed` and `method=GET` (any case) scope latency, cpu and errors to those requests.
 * Throws an Error naming every problem and the accepted forms ({@link FAULT_SPEC_FORMS}); the
 * CLI maps it to exit 2.
 */
export function parseFaultSpec(text: string): FaultSpec {
  const trimmed = text.trim();
  if (trimmed === 'none') return NO_FAULTS;
  const problems: string[] = [];
  const spec: FaultSpec = { ...NO_FAULTS };
  const seen = new Set<string>();
  for (const token of trimmed.split(',').map((part) => part.trim())) {
    const problem = applyToken(spec, token, seen);
    if (problem !== undefined) problems.push(problem);
  }
  if (problems.length === 0) problems.push(...faultSpecProblems(spec), ...scopeProblems(spec));
  if (problems.length > 0) {
    throw new Error(`invalid fault spec '${text}': ${problems.join('; ')}; ${FAULT_SPEC_FORMS}`);
  }
  return spec;
}

/**
 * What is wrong with a fault spec however it was made (parsed, or sent to the admin endpoint),
 * by {@link FaultSpecSchema}, each problem named by its fault. Empty when it is usable.
 */
export function faultSpecProblems(spec: FaultSpec): string[] {
  const parsed = FaultSpecSchema.safeParse(spec);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => {
    const field = String(issue.path[0] ?? 'spec');
    return `${NAME_OF_FIELD[field] ?? field}: ${issue.message}`;
  });
}

/** The inverse of {@link parseFaultSpec}, for logs: `none`, or only the faults in force. */
export function formatFaultSpec(spec: FaultSpec): string {
  const parts: string[] = [];
  if (spec.latencyMs > 0) parts.push(`latency=${formatMs(spec.latencyMs)}`);
  if (spec.errorRate > 0) parts.push(`errors=${Number((spec.errorRate * 100).toPrecision(12))}%`);
  if (spec.stallMs > 0)
    parts.push(`stall=${formatMs(spec.stallMs)}/${formatMs(spec.stallEveryMs)}`);
  if (spec.cpuMs > 0) parts.push(`cpu=${formatMs(spec.cpuMs)}`);
  if (parts.length === 0) return 'none';
  if (spec.route !== undefined) parts.push(`route=${spec.route}`);
  if (spec.method !== undefined) parts.push(`method=${spec.method}`);
  return parts.join(',');
}

function applyToken(spec: FaultSpec, token: string, seen: Set<string>): string | undefined {
  const equals = token.indexOf('=');
  if (equals < 0) return `'${token}' is not name=value`;
  const name = token.slice(0, equals).trim();
  const value = token.slice(equals + 1).trim();
  const parser = PARTS[name];
  if (parser === undefined) return `unknown fault '${name}'`;
  if (seen.has(name)) return `${name} is given twice`;
  seen.add(name);
  const part = parser(value);
  if (typeof part === 'string') return `${name}: ${part}`;
  Object.assign(spec, part);
  return undefined;
}

function scopeProblems(spec: FaultSpec): string[] {
  const scoped = spec.route !== undefined || spec.method !== undefined;
  const perRequest = spec.latencyMs > 0 || spec.cpuMs > 0 || spec.errorRate > 0;
  return scoped && !perRequest
    ? ['route= and method= scope no fault: add latency=, cpu= or errors=']
    : [];
}

function parseMs(value: string): number | undefined {
  const match = DURATION.exec(value);
  if (match === null) return undefined;
  return Number(match[1]) * (match[2] === 's' ? 1000 : 1);
}

function durationPart(value: string, field: 'latencyMs' | 'cpuMs'): Part | string {
  const ms = parseMs(value);
  return ms === undefined ? `'${value}' is not a duration such as 50ms or 1.5s` : { [field]: ms };
}

function parseErrorRate(value: string): Part | string {
  const percent = PERCENT.exec(value);
  let rate: number;
  if (percent !== null) rate = Number(percent[1]) / 100;
  else if (FRACTION.test(value)) rate = Number(value);
  else return `'${value}' is not a percentage such as 1% or a fraction such as 0.01`;
  return rate > 1 ? `'${value}' is more than 100%` : { errorRate: rate };
}

function parseStall(value: string): Part | string {
  const [stall, every, extra] = value.split('/');
  const stallMs = parseMs(stall ?? '');
  const stallEveryMs = parseMs(every ?? '');
  if (stallMs === undefined || stallEveryMs === undefined || extra !== undefined) {
    return `'${value}' is not <duration>/<period> such as 500ms/5s`;
  }
  return { stallMs, stallEveryMs };
}

function formatMs(ms: number): string {
  return ms >= 1000 && ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}
