import { type Issue, LaunchdayError } from '../core/errors.js';
import { allowedText, parseParamValue, type RawParam } from './param-values.js';
import type {
  BooleanParamSpec,
  DurationParamSpec,
  EnumParamSpec,
  NumberParamSpec,
  ParamSpec,
  ParamSpecs,
  ParamValues,
  StringParamSpec,
} from './types.js';

type Options<S extends ParamSpec> = Omit<S, 'type'>;

/**
 * Builders of parameter specs for a scenario's `params`. Each returns frozen plain data; the
 * value type a journey sees is inferred from the spec (`param.enum(['a', 'b'], …)` gives
 * `'a' | 'b'`). Every parameter has a default, so a scenario runs without any `--param`.
 */
export const param = {
  /** A number, optionally whole (`integer`) and bounded (`min`/`max`, inclusive). */
  number(options: Options<NumberParamSpec>): NumberParamSpec {
    return Object.freeze({ type: 'number', ...options });
  },
  /** Text, optionally matching `pattern` (a regular expression source, anchored at both ends). */
  string(options: Options<StringParamSpec>): StringParamSpec {
    return Object.freeze({ type: 'string', ...options });
  },
  /** true/false; on the command line also yes/no and 1/0. */
  boolean(options: Options<BooleanParamSpec>): BooleanParamSpec {
    return Object.freeze({ type: 'boolean', ...options });
  },
  /** One of `values`. */
  enum<const V extends string>(
    values: readonly V[],
    options: { readonly default: NoInfer<V>; readonly description?: string },
  ): EnumParamSpec<V> {
    return Object.freeze({ type: 'enum', values: Object.freeze([...values]), ...options });
  },
  /** A k6 duration string (`30s`); the value stays the string, see {@link DurationParamSpec}. */
  duration(options: Options<DurationParamSpec>): DurationParamSpec {
    return Object.freeze({ type: 'duration', ...options });
  },
} as const;

/**
 * Resolves a scenario's parameter values: each spec's default, overridden by `overrides`
 * (the `--param key=value` texts, or typed values from the programmatic API). Every override is
 * parsed and checked; all problems are reported together in one LaunchdayError
 * `LAUNCHDAY_ERR_INVALID_CONFIG` whose issues have paths `<path> <key>` (e.g. `--param rate`)
 * or `<path>.<key>` when `path` is not a flag. Returns frozen values.
 */
export function resolveParams<P extends ParamSpecs>(
  specs: P | undefined,
  overrides: Readonly<Record<string, RawParam>> = {},
  path = '--param',
): ParamValues<P> {
  const known = specs ?? ({} as P);
  const values: Record<string, string | number | boolean> = {};
  for (const [key, spec] of Object.entries(known)) values[key] = spec.default;
  const issues: Issue[] = [];
  for (const [key, raw] of Object.entries(overrides)) {
    const spec = Object.hasOwn(known, key) ? known[key] : undefined;
    const parsed = spec === undefined ? undefined : parseParamValue(spec, raw);
    if (parsed?.ok) values[key] = parsed.value;
    else issues.push({ path: paramPath(path, key), message: parsed?.problem ?? unknown(known) });
  }
  if (issues.length > 0) throw invalidParams(issues);
  return Object.freeze(values) as ParamValues<P>;
}

/** One row of `launchday validate`'s parameter table. */
export interface ParamDescription {
  readonly name: string;
  readonly type: ParamSpec['type'];
  readonly default: string | number | boolean;
  /** What values are allowed, in words. */
  readonly allowed: string;
  /** The spec's description, or '' when it has none. */
  readonly description: string;
}

/** Describes each parameter of `specs`, in declaration order, for `launchday validate`. */
export function describeParams(specs: ParamSpecs | undefined): ParamDescription[] {
  return Object.entries(specs ?? {}).map(([name, spec]) => ({
    name,
    type: spec.type,
    default: spec.default,
    allowed: allowedText(spec),
    description: spec.description ?? '',
  }));
}

function paramPath(path: string, key: string): string {
  return path.startsWith('--') ? `${path} ${key}` : `${path}.${key}`;
}

function unknown(specs: ParamSpecs): string {
  const names = Object.keys(specs);
  if (names.length === 0) return 'unknown parameter; this scenario has no parameters';
  return `unknown parameter; known: ${names.join(', ')}`;
}

function invalidParams(issues: readonly Issue[]): LaunchdayError {
  const list = issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
  return new LaunchdayError('LAUNCHDAY_ERR_INVALID_CONFIG', `invalid parameters: ${list}`, {
    hint: 'run `launchday validate <scenario>` to list its parameters, their types and allowed values',
    issues,
  });
}
