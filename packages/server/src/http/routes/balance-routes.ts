import type { Services } from '../../app/services.js';
import { getBalance } from '../../ledger/balances.js';
import { requirePermission } from '../auth.js';
import type { RegisterEndpoint } from '../build-app.js';
import { balanceFields } from '../balance-wire.js';
import { sendSuccess } from '../reply.js';

/** `GET|POST /api/balance` (contract §4): the key's merchant's balances. */
export function registerBalanceRoutes(endpoint: RegisterEndpoint, services: Services): void {
  endpoint('/api/balance', ['GET', 'POST'], async (request, reply) => {
    const principal = await requirePermission(services.store.db, request, 'balance:read');
    const balance = await getBalance(services.store.db, principal.merchantId);
    return sendSuccess(reply, balanceFields(balance));
  });
}
