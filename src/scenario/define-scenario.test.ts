import { describe, expect, expectTypeOf, it } from 'vitest';
import { defineScenario } from './define-scenario.js';
import { param } from './params.js';
import type { ScenarioDefinition } from './types.js';

describe('defineScenario', () => {
  it('returns the definition frozen, infers param and data types, and widens to ScenarioDefinition', () => {
    const journeyTypes: unknown[] = [];
    const scenario = defineScenario({
      name: 'typed',
      params: {
        rate: param.number({ default: 100, min: 1 }),
        mix: param.enum(['a', 'b'], { default: 'a' }),
        warm: param.boolean({ default: false }),
        hold: param.duration({ default: '30s' }),
      },
      setup: async () => ({ tokens: ['t1', 't2'] }),
      workloads: (p) => {
        expectTypeOf(p.rate).toEqualTypeOf<number>();
        expectTypeOf(p.mix).toEqualTypeOf<'a' | 'b'>();
        expectTypeOf(p.warm).toEqualTypeOf<boolean>();
        expectTypeOf(p.hold).toEqualTypeOf<string>();
        return {
          readers: {
            executor: { type: 'constant-vus', vus: 1, duration: p.hold },
            journey: (ctx) => {
              expectTypeOf(ctx.params.mix).toEqualTypeOf<'a' | 'b'>();
              expectTypeOf(ctx.data.tokens).toEqualTypeOf<readonly string[]>();
              journeyTypes.push(ctx.data.tokens[0]);
            },
          },
        };
      },
      thresholds: { http_req_failed: ['rate<0.01', { threshold: 'rate<0.1', abortOnFail: true }] },
    });
    const general: ScenarioDefinition = scenario;
    expect(Object.isFrozen(general)).toBe(true);
    expect(scenario.name).toBe('typed');
    expect(scenario.params?.mix).toEqual({ type: 'enum', values: ['a', 'b'], default: 'a' });
  });

  it('rejects, at compile time, an enum default outside its values', () => {
    // @ts-expect-error 'c' is not one of the values
    const spec = param.enum(['a', 'b'], { default: 'c' });
    expect(spec.default).toBe('c');
  });
});
