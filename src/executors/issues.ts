import { z } from 'zod';
import { type Issue, joinPath } from '../core/errors.js';

/**
 * Words a scenario author understands for zod's issues ("must be greater than 0" rather than
 * "Too small: expected number to be >0"). Passed to `safeParse`; messages a schema sets itself
 * take precedence.
 */
export const executorErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'is required';
      return `must be ${article(issue.expected === 'int' ? 'integer' : issue.expected)}`;
    case 'too_small':
      if (issue.origin === 'array')
        return `needs at least ${issue.minimum} ${issue.minimum === 1 ? 'item' : 'items'}`;
      return issue.inclusive
        ? `must be at least ${issue.minimum}`
        : `must be greater than ${issue.minimum}`;
    case 'invalid_value':
      return `must be ${issue.values.map((value) => `'${String(value)}'`).join(' or ')}`;
    default:
      return undefined;
  }
};

function article(noun: string): string {
  return `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`;
}

/**
 * Turns zod's issues into launchday's, with paths under `prefix` (e.g.
 * `workloads.readers.executor.stages[1].target`); an unknown key becomes one issue per key,
 * at the key's own path.
 */
export function toIssues(issues: readonly z.core.$ZodIssue[], prefix: string): Issue[] {
  return issues.flatMap((issue) => {
    const path = joinPath(prefix, issue.path);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: joinPath(path, [key]),
        message: 'is not a known key',
      }));
    }
    return [{ path, message: issue.message }];
  });
}

/**
 * The keys an object schema accepts, as an author writes them, for hints:
 * `type, startRate, stages: [{ target, duration }], …`.
 */
export function describeKeys(schema: z.ZodObject): string {
  return Object.entries(schema.shape)
    .map(([key, field]) => {
      const inner = field instanceof z.ZodReadonly ? field.unwrap() : field;
      if (inner instanceof z.ZodArray && inner.element instanceof z.ZodObject) {
        return `${key}: [{ ${Object.keys(inner.element.shape).join(', ')} }]`;
      }
      return key;
    })
    .join(', ');
}
