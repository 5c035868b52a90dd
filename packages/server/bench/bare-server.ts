/**
 * The benchmark's baseline: the same framework and form parser as the payoff API, with a
 * handler that only returns a small JSON. Prints its URL as one JSON line on stdout.
 */
import Fastify from 'fastify';
import { registerContentTypes } from '../src/http/content-types.js';

const app = Fastify({ logger: false, routerOptions: { ignoreDuplicateSlashes: true } });
registerContentTypes(app);
app.post('/api/create-payoff', async (request, reply) => {
  const body = (request.body ?? {}) as Record<string, unknown>;
  return reply
    .header('content-type', 'application/json; charset=utf-8')
    .send(JSON.stringify({ type: 'success', my_id: String(body.my_id ?? '') }));
});

const url = await app.listen({ host: '127.0.0.1', port: 0 });
process.stdout.write(`${JSON.stringify({ msg: 'bare server listening', url })}\n`);
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
