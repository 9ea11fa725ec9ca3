import Fastify from 'fastify';

/**
 * The target benchmark's ceiling: Fastify answering a constant JSON body, with no storage and no
 * plugins. Prints the same listening line as the feed service, so one starter serves both.
 */
const app = Fastify({ logger: false });
const body = { ok: true };
app.get('/', async () => body);
const address = await app.listen({ host: '127.0.0.1', port: 0 });
process.stdout.write(`constant server listening on ${address} (pid ${process.pid})\n`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void app.close().then(() => process.exit(0)));
}
