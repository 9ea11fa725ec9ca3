import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { expect } from 'vitest';

/** The schemas under schemas/, by the name before `.schema.json`. */
export type SchemaName = 'result' | 'compare';

/**
 * schemas/<name>.schema.json compiled: true when a parsed document is valid, its problems in
 * `.errors` otherwise. Formats are annotations (ajv-formats is not a dependency).
 */
export function compileSchema(name: SchemaName): ValidateFunction {
  const schema = JSON.parse(
    readFileSync(new URL(`../../schemas/${name}.schema.json`, import.meta.url), 'utf8'),
  );
  return new Ajv2020({ allErrors: true, validateFormats: false }).compile(schema);
}

/**
 * schemas/result.schema.json compiled: true when a parsed result.json is valid, its problems in
 * `validateResult.errors` otherwise. Formats are annotations (ajv-formats is not a dependency).
 */
export const validateResult = compileSchema('result');

/** Asserts that `result` is valid against schemas/result.schema.json, naming what is not. */
export function expectValidResult(result: unknown): void {
  expect(validateResult(result), JSON.stringify(validateResult.errors, null, 2)).toBe(true);
}
