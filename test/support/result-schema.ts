import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { expect } from 'vitest';

const schema = JSON.parse(
  readFileSync(new URL('../../schemas/result.schema.json', import.meta.url), 'utf8'),
);

/**
 * schemas/result.schema.json compiled: true when a parsed result.json is valid, its problems in
 * `validateResult.errors` otherwise. Formats are annotations (ajv-formats is not a dependency).
 */
export const validateResult = new Ajv2020({ allErrors: true, validateFormats: false }).compile(
  schema,
);

/** Asserts that `result` is valid against schemas/result.schema.json, naming what is not. */
export function expectValidResult(result: unknown): void {
  expect(validateResult(result), JSON.stringify(validateResult.errors, null, 2)).toBe(true);
}
