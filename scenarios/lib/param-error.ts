import { LaunchdayError } from 'launchday';

/** A parameter a scenario refuses after each one passed its own spec, and why. */
export interface ParamProblem {
  /** The parameter's name, as in `--param <name>=…`. */
  readonly param: string;
  /** What is wrong and what is allowed, in one sentence. */
  readonly message: string;
}

/**
 * The error a scenario's `workloads(params)` throws for parameters that are each valid but not
 * together (e.g. an action mix that is all 0). The CLI reports it like a bad `--param` value:
 * every problem under its `--param <name>` path, exit code 2.
 */
export function invalidParams(problems: readonly ParamProblem[]): LaunchdayError {
  const issues = problems.map(({ param, message }) => ({ path: `--param ${param}`, message }));
  const list = issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
  return new LaunchdayError('LAUNCHDAY_ERR_INVALID_CONFIG', `invalid parameters: ${list}`, {
    hint: 'run `launchday validate <scenario>` to list its parameters, their types and allowed values',
    issues,
  });
}
