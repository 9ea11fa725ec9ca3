import { afterAll, describe, expect, it } from 'vitest';
import { HttpClient, HttpSession } from '../http/index.js';
import { createSetupContext, createTeardownContext } from './setup-context.js';

const client = new HttpClient({}, { requestRecorder: () => ({ record: () => {} }) });
const http = new HttpSession(client, 'setup', 'http://127.0.0.1:9', { intendedAt: undefined });
afterAll(() => client.close());

describe('createSetupContext', () => {
  it('seeds faker from the run seed alone and freezes the params', () => {
    const names = (seed: number) => {
      const ctx = createSetupContext({ params: { rate: 5 }, http, seed });
      return [ctx.faker.person.fullName(), ctx.faker.person.fullName()];
    };
    expect(names(7)).toEqual(names(7));
    expect(names(8)).not.toEqual(names(7));
    const ctx = createSetupContext({ params: { rate: 5 }, http, seed: 7 });
    expect([ctx.http, ctx.params]).toEqual([http, { rate: 5 }]);
    expect(Object.isFrozen(ctx.params)).toBe(true);
  });

  it('gives teardown the setup context and the data, deep-frozen', () => {
    const setup = createSetupContext({ params: {}, http, seed: 1 });
    const data = { users: [{ id: 'u1' }] };
    const ctx = createTeardownContext(setup, data);
    expect([ctx.data, ctx.http, ctx.faker]).toEqual([data, http, setup.faker]);
    expect(Object.isFrozen(data.users[0])).toBe(true);
  });
});
