import { LaunchdayError } from '../core/errors.js';
import { OUTPUT_KINDS } from './out-registry.js';
import type { Output, OutputKind, OutSpecContext } from './types.js';

type SpecOf<Kind> = Kind extends OutputKind<infer Spec> ? Spec : never;

/** One parsed `--out` spec, of whichever output in `OUTPUT_KINDS`; `kind` is its name. */
export type OutSpec = SpecOf<(typeof OUTPUT_KINDS)[number]>;

const KINDS: readonly OutputKind<OutSpec>[] = OUTPUT_KINDS;

/** The forms `--out` takes, one per registered output, for help texts and error hints. */
export const OUT_SPEC_FORMS = KINDS.map(
  (kind) => `${kind.form} (${kind.description}, e.g. ${kind.example})`,
).join(' or ');

/**
 * Parses one `--out` spec, `NAME=VALUE`, with the parser of the output registered as NAME (see
 * `OUTPUT_KINDS`). Throws a LaunchdayError (exit code 2) naming the spec and the allowed forms,
 * or the registered names when NAME is none of them; the CLI calls it before any load is sent.
 */
export function parseOutSpec(spec: string, allowedHosts: readonly string[]): OutSpec {
  const at = spec.indexOf('=');
  const name = at < 0 ? spec : spec.slice(0, at);
  const fail = (why: string): never => {
    throw badSpec(spec, why);
  };
  const kind = kindNamed(name);
  if (kind === undefined) {
    const names = KINDS.map((candidate) => candidate.name).join(', ');
    return fail(`unknown output '${name}' (the outputs are ${names})`);
  }
  return kind.parse(at < 0 ? '' : spec.slice(at + 1), { allowedHosts, fail });
}

/** Builds the outputs of `specs` (see {@link parseOutSpec}); all are parsed before any is built. */
export function outputsFromSpecs(specs: readonly string[], context: OutSpecContext): Output[] {
  return specs
    .map((spec) => parseOutSpec(spec, context.allowedHosts))
    .map((spec) => kindNamed(spec.kind)!.create(spec, context));
}

function kindNamed(name: string): OutputKind<OutSpec> | undefined {
  return KINDS.find((kind) => kind.name === name);
}

function badSpec(spec: string, why: string): LaunchdayError {
  return new LaunchdayError('LAUNCHDAY_ERR_USAGE', `--out '${spec}': ${why}`, {
    hint: `write --out as ${OUT_SPEC_FORMS}`,
    issues: [{ path: '--out', message: why }],
  });
}
