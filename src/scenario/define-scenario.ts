import type { ParamSpecs, ScenarioDefinition } from './types.js';

/**
 * Declares a scenario; a scenario module's default export is its result. Infers the parameter
 * value types from `params` (so `p.rate` is a `number`) and the type of `ctx.data` from what
 * `setup` returns. Returns `definition` frozen (shallowly), and checks nothing: the loader
 * validates the definition, so importing a scenario has no side effects.
 */
export function defineScenario<const P extends ParamSpecs = Record<never, never>, D = undefined>(
  definition: ScenarioDefinition<P, D>,
): Readonly<ScenarioDefinition<P, D>> {
  return Object.freeze(definition);
}
