import type { z } from 'zod';
import { describeKeys, executorErrorMap, toIssues } from './issues.js';
import type { ExecutorDefinition, ExecutorPlan, ExecutorType } from './types.js';

/**
 * Makes the registry's definition of a load model from its strict zod schema and its pure
 * `plan`, which receives the parsed config (durations in ms, defaults filled in).
 */
export function defineExecutor<S extends z.ZodObject>(
  type: ExecutorType,
  schema: S,
  plan: (config: z.output<S>) => ExecutorPlan,
): ExecutorDefinition {
  return {
    type,
    schema,
    keys: describeKeys(schema),
    plan(config, path) {
      const parsed = schema.safeParse(config, { error: executorErrorMap });
      if (!parsed.success) return { ok: false, issues: toIssues(parsed.error.issues, path) };
      return { ok: true, plan: plan(parsed.data) };
    },
  };
}
