import type { FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import { ApiError } from '../errors.js';
import type { TokenService } from '../feed/tokens.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The authenticated user; set by `requireUser`, 0 on routes without it. */
    userId: number;
  }
  interface FastifyInstance {
    /** onRequest hook: a valid user token in `Authorization: Bearer`, else 401. */
    requireUser: onRequestAsyncHookHandler;
    /** onRequest hook: the admin token, else 401 (none or invalid) or 403 (a user's token). */
    requireAdmin: onRequestAsyncHookHandler;
  }
}

/** Options of {@link authenticationPlugin}. */
export interface AuthenticationOptions {
  readonly tokens: TokenService;
}

const BEARER = /^Bearer +([\x21-\x7e]+) *$/i;

/** The token of an `Authorization: Bearer <token>` header; null when there is none. */
export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return null;
  return BEARER.exec(header)?.[1] ?? null;
}

/**
 * Decorates the app with the `requireUser` and `requireAdmin` onRequest hooks (routes name them
 * in their options) and requests with `userId`; app-wide, so every route plugin sees them.
 */
export const authenticationPlugin = fp<AuthenticationOptions>(
  async (app, { tokens }) => {
    app.decorateRequest('userId', 0);
    app.decorate('requireUser', async (request: FastifyRequest) => {
      const token = bearerToken(request);
      if (token === null) throw new ApiError('unauthorized', 'missing bearer token');
      const userId = tokens.verify(token);
      if (userId === null) throw new ApiError('unauthorized', 'invalid or expired token');
      request.userId = userId;
    });
    app.decorate('requireAdmin', async (request: FastifyRequest) => {
      const token = bearerToken(request);
      if (token === null) throw new ApiError('unauthorized', 'missing bearer token');
      if (tokens.isAdmin(token)) return;
      if (tokens.verify(token) !== null) {
        throw new ApiError('forbidden', 'this endpoint needs the admin token');
      }
      throw new ApiError('unauthorized', 'invalid token');
    });
  },
  { name: 'launchday-authentication' },
);
