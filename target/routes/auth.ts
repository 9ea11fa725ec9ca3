import { z } from 'zod';
import { currentUser, logIn, signUp } from '../feed/accounts.js';
import { LoginBodySchema, signupBodySchema } from '../feed/schemas.js';
import type { ZodPlugin } from '../plugins/validation.js';
import { sendOutcome } from './outcome.js';
import type { RouteOptions } from './types.js';

const SignupHeaders = z.looseObject({
  'idempotency-key': z
    .string()
    .regex(/^[\x21-\x7e]{1,255}$/, 'must be 1 to 255 visible ASCII characters')
    .optional(),
});

/** `POST /signup`, `POST /login`, `GET /me` (registered under `/v1`). */
export const authRoutes: ZodPlugin<RouteOptions> = async (app, { context }) => {
  const body = signupBodySchema(context.config.importCap);
  app.post('/signup', { schema: { body, headers: SignupHeaders } }, async (request, reply) => {
    const outcome = await signUp(context, request.body, request.headers['idempotency-key']);
    if (outcome.replayed) reply.header('idempotent-replayed', 'true');
    return sendOutcome(reply, outcome);
  });
  app.post('/login', { schema: { body: LoginBodySchema } }, async (request, reply) =>
    sendOutcome(reply, await logIn(context, request.body)),
  );
  app.get('/me', { onRequest: app.requireUser }, async (request, reply) =>
    sendOutcome(reply, await currentUser(context, request.userId)),
  );
};
