import type { Services } from '../../app/services.js';
import type { RegisterEndpoint } from '../build-app.js';
import { sendSuccess } from '../reply.js';

/**
 * `GET|POST /api/public/ips` (contract §4): the addresses webhooks are sent from, so
 * receivers can allow-list them. Needs no key; a key that is sent is not even looked at.
 */
export function registerPublicRoutes(endpoint: RegisterEndpoint, services: Services): void {
  const list = [...services.config.webhookIps];
  endpoint('/api/public/ips', ['GET', 'POST'], async (_request, reply) =>
    sendSuccess(reply, { list }),
  );
}
