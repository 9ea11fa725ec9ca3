import { parseDuration } from '../core/duration.js';
import type { Issue } from '../core/errors.js';
import type { ParamSpec } from './types.js';

/** A parameter value after parsing: the typed value, or what is wrong with the input. */
export type ParsedParam =
  | { readonly ok: true; readonly value: string | number | boolean }
  | { readonly ok: false; readonly problem: string };

/** A raw parameter value: the text of `--param key=value`, or a typed value from the API. */
export type RawParam = string | number | boolean;

const NUMBER_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;
const BOOLEAN_TEXT: Readonly<Record<string, boolean>> = {
  true: true,
  false: false,
  yes: true,
  no: false,
  '1': true,
  '0': false,
};

/**
 * Parses and checks `raw` against `spec`. Never throws: a bad value comes back as a problem
 * naming what was got and what is allowed. Called by `resolveParams` and for spec defaults.
 */
export function parseParamValue(spec: ParamSpec, raw: RawParam): ParsedParam {
  const value = toTyped(spec, raw);
  if (value === undefined || !isAllowed(spec, value)) {
    return { ok: false, problem: `got ${quote(raw)}, expected ${allowedText(spec)}` };
  }
  return { ok: true, value };
}

/** What `spec` allows, in words: `an integer from 1 to 100`, `one of 'a', 'b'`. */
export function allowedText(spec: ParamSpec): string {
  switch (spec.type) {
    case 'number':
      return `${spec.integer ? 'an integer' : 'a number'}${rangeText(spec.min, spec.max)}`;
    case 'string':
      return spec.pattern === undefined ? 'any text' : `text matching /^(?:${spec.pattern})$/`;
    case 'boolean':
      return 'true or false (or yes/no, 1/0)';
    case 'enum':
      return `one of ${spec.values.map((v) => `'${v}'`).join(', ')}`;
    case 'duration':
      return "a duration such as '500ms', '30s', '2m', '1h30m'";
  }
}

/**
 * Every problem of a parameter spec found in a scenario module (not built with `param.*`, or
 * with a default outside its own bounds), each with a path under `path` (e.g. `params.rate`).
 */
export function paramSpecIssues(spec: unknown, path: string): Issue[] {
  if (typeof spec !== 'object' || spec === null || !('type' in spec)) {
    return [
      { path, message: 'must be a parameter spec made with param.number(), param.enum(), …' },
    ];
  }
  const s = spec as ParamSpec;
  const known = Object.hasOwn(SPEC_KEYS, s.type) ? SPEC_KEYS[s.type] : undefined;
  if (known === undefined) {
    const types = Object.keys(SPEC_KEYS).join(', ');
    return [{ path: `${path}.type`, message: `unknown type '${String(s.type)}'; known: ${types}` }];
  }
  const issues: Issue[] = Object.keys(s)
    .filter((key) => !known.includes(key))
    .map((key) => ({ path: `${path}.${key}`, message: `unknown key; known: ${known.join(', ')}` }));
  const shape = shapeProblem(s);
  if (shape !== undefined) return [...issues, { path, message: shape }];
  const parsed = parseParamValue(s, s.default);
  const expected = DEFAULT_TYPE[s.type];
  if (typeof s.default !== expected) {
    issues.push({ path: `${path}.default`, message: `must be a ${expected}` });
  } else if (!parsed.ok) {
    issues.push({ path: `${path}.default`, message: parsed.problem });
  }
  return issues;
}

const COMMON_KEYS = ['type', 'default', 'description'];
const SPEC_KEYS: Readonly<Record<string, readonly string[]>> = {
  number: [...COMMON_KEYS, 'min', 'max', 'integer'],
  string: [...COMMON_KEYS, 'pattern'],
  boolean: COMMON_KEYS,
  enum: [...COMMON_KEYS, 'values'],
  duration: COMMON_KEYS,
};

const DEFAULT_TYPE: Readonly<Record<ParamSpec['type'], string>> = {
  number: 'number',
  string: 'string',
  boolean: 'boolean',
  enum: 'string',
  duration: 'string',
};

function shapeProblem(spec: ParamSpec): string | undefined {
  if (spec.description !== undefined && typeof spec.description !== 'string') {
    return 'description must be a string';
  }
  if (spec.type === 'number') {
    const bad = [spec.min, spec.max].some((b) => b !== undefined && !Number.isFinite(b));
    if (bad) return 'min and max must be finite numbers';
    if (spec.min !== undefined && spec.max !== undefined && spec.min > spec.max) {
      return `min (${spec.min}) is greater than max (${spec.max})`;
    }
  }
  if (spec.type === 'string' && spec.pattern !== undefined) return patternProblem(spec.pattern);
  if (spec.type === 'enum') return enumProblem(spec.values);
  return undefined;
}

function patternProblem(pattern: unknown): string | undefined {
  if (typeof pattern !== 'string') return 'pattern must be a regular expression source string';
  try {
    new RegExp(pattern);
    return undefined;
  } catch (error) {
    return `pattern is not a valid regular expression: ${(error as Error).message}`;
  }
}

function enumProblem(values: unknown): string | undefined {
  const ok =
    Array.isArray(values) &&
    values.length > 0 &&
    values.every((v) => typeof v === 'string') &&
    new Set(values).size === values.length;
  return ok ? undefined : 'values must be a non-empty list of distinct strings';
}

function toTyped(spec: ParamSpec, raw: RawParam): string | number | boolean | undefined {
  switch (spec.type) {
    case 'number':
      if (typeof raw === 'number') return raw;
      return typeof raw === 'string' && NUMBER_TEXT.test(raw.trim()) ? Number(raw) : undefined;
    case 'boolean':
      if (typeof raw === 'boolean') return raw;
      return typeof raw === 'string' ? BOOLEAN_TEXT[raw.trim().toLowerCase()] : undefined;
    case 'duration':
      return typeof raw === 'string' ? raw.trim() : undefined;
    default:
      return typeof raw === 'string' ? raw : undefined;
  }
}

function isAllowed(spec: ParamSpec, value: string | number | boolean): boolean {
  switch (spec.type) {
    case 'number':
      return isNumberAllowed(spec.min, spec.max, spec.integer, value as number);
    case 'string':
      return spec.pattern === undefined || new RegExp(`^(?:${spec.pattern})$`).test(String(value));
    case 'enum':
      return spec.values.includes(value as string);
    case 'duration':
      return isDurationText(value);
    case 'boolean':
      return true;
  }
}

function isNumberAllowed(
  min: number | undefined,
  max: number | undefined,
  integer: boolean | undefined,
  value: number,
): boolean {
  if (!Number.isFinite(value) || (integer && !Number.isInteger(value))) return false;
  return (min === undefined || value >= min) && (max === undefined || value <= max);
}

/** True when `value` is a k6 duration string that `parseDuration` accepts. */
export function isDurationText(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    parseDuration(value);
    return true;
  } catch {
    return false;
  }
}

function rangeText(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return ` from ${min} to ${max}`;
  if (min !== undefined) return ` >= ${min}`;
  if (max !== undefined) return ` <= ${max}`;
  return '';
}

function quote(raw: RawParam): string {
  return typeof raw === 'string' ? `'${raw}'` : String(raw);
}
