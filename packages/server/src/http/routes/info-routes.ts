import type { Services } from '../../app/services.js';
import { parsePayoffLookup } from '../../payouts/payoff-lookup.js';
import { requirePermission } from '../auth.js';
import type { RegisterEndpoint } from '../build-app.js';
import { payoffInfoFields } from '../payoff-wire.js';
import { sendSuccess } from '../reply.js';
import { collectParams } from '../wire-params.js';

/** `GET|POST /api/info-payoff` (contract §3): one payout of the key's merchant. */
export function registerInfoRoutes(endpoint: RegisterEndpoint, services: Services): void {
  endpoint('/api/info-payoff', ['GET', 'POST'], async (request, reply) => {
    const principal = await requirePermission(services.store.db, request, 'payoff:info');
    const { id, myId } = parsePayoffLookup(collectParams(request));
    const payout = await services.payouts.findForMerchant(principal.merchantId, id, myId);
    return sendSuccess(reply, payoffInfoFields(payout, services.config.displayTimeZone));
  });
}
