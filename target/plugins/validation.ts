import type {
  FastifyPluginAsync,
  FastifySchemaCompiler,
  FastifyTypeProvider,
  RawServerDefault,
} from 'fastify';
import type { z } from 'zod';
import { ApiError } from '../errors.js';

/**
 * Types a route's `request.body`, `params`, `querystring` and `headers` as the output of its
 * zod schemas (after defaults and transforms), as {@link zodValidatorCompiler} delivers them.
 */
export interface ZodTypeProvider extends FastifyTypeProvider {
  readonly validator: this['schema'] extends z.ZodType ? z.output<this['schema']> : unknown;
  readonly serializer: this['schema'] extends z.ZodType ? z.input<this['schema']> : unknown;
}

/** A route plugin whose schemas are zod schemas. */
export type ZodPlugin<Options extends Record<string, unknown>> = FastifyPluginAsync<
  Options,
  RawServerDefault,
  ZodTypeProvider
>;

type Issue = { readonly path: string; readonly message: string };

/**
 * Fastify's validator compiler over zod schemas (`app.setValidatorCompiler`): a request part
 * that fails becomes 400 `validation_failed` listing every issue with its path from the part
 * (`body.username`, `params.id`); one that passes is replaced by the parsed value, so routes
 * see defaults and transforms. Never throws: Fastify would answer a thrown error with 500.
 */
export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> = ({ schema, httpPart }) => {
  const part = httpPart ?? 'body';
  return (data: unknown) => {
    const result = schema.safeParse(data ?? undefined);
    if (!result.success) {
      const issues = result.error.issues.flatMap((issue) => issuesOf(issue, part));
      const first = issues[0];
      const message = first === undefined ? `invalid ${part}` : `${first.path}: ${first.message}`;
      return { error: new ApiError('validation_failed', message, issues) };
    }
    // Headers keep Node's object: Fastify would copy it on every later read if replaced.
    return part === 'headers' ? {} : { value: result.data };
  };
};

function issuesOf(issue: z.core.$ZodIssue, part: string): Issue[] {
  const base = [part, ...issue.path.map(String)].join('.');
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({ path: `${base}.${key}`, message: 'unknown key' }));
  }
  return [{ path: base, message: issue.message }];
}
