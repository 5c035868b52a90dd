import type { Services } from '../../app/services.js';
import type { RegisterEndpoint } from '../build-app.js';
import { requirePermission } from '../auth.js';
import { createPayoffFields } from '../payoff-wire.js';
import { sendSuccess } from '../reply.js';
import { collectParams } from '../wire-params.js';

/** `POST /api/create-payoff` (contract §2). */
export function registerPayoffRoutes(endpoint: RegisterEndpoint, services: Services): void {
  endpoint('/api/create-payoff', ['POST'], async (request, reply) => {
    const principal = await requirePermission(services.store.db, request, 'payoff:create');
    const params = collectParams(request);
    const { payout } = await services.payouts.create(principal.merchantId, params);
    return sendSuccess(reply, createPayoffFields(payout));
  });
}
