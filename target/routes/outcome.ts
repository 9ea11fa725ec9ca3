import type { FastifyReply } from 'fastify';
import type { Outcome } from '../feed/types.js';

/** Sends a feed operation's answer: its status, and its body unless there is none (204). */
export function sendOutcome<T>(reply: FastifyReply, outcome: Outcome<T>): FastifyReply {
  reply.code(outcome.status);
  return outcome.body === undefined ? reply.send() : reply.send(outcome.body);
}
