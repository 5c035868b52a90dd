import type { Services } from '../../app/services.js';
import { requirePermission } from '../auth.js';
import type { RegisterEndpoint } from '../build-app.js';
import { payoffMethodsFields, payoffRatesFields, sbpBanksFields } from '../catalogue-wire.js';
import { sendSuccess } from '../reply.js';

/**
 * `GET|POST /api/methods-payoff`, `/api/rates-payoff` and `/api/sbp-banks-payoff`
 * (contract §4): what a merchant can pay out with, and at what rate.
 */
export function registerCatalogueRoutes(endpoint: RegisterEndpoint, services: Services): void {
  const { store, catalogue, rates, config } = services;

  endpoint('/api/methods-payoff', ['GET', 'POST'], async (request, reply) => {
    await requirePermission(store.db, request, 'methods:read');
    return sendSuccess(reply, payoffMethodsFields(catalogue));
  });

  endpoint('/api/rates-payoff', ['GET', 'POST'], async (request, reply) => {
    await requirePermission(store.db, request, 'payoff:create');
    return sendSuccess(reply, payoffRatesFields(await rates.all()));
  });

  endpoint('/api/sbp-banks-payoff', ['GET', 'POST'], async (request, reply) => {
    await requirePermission(store.db, request, 'payoff:create');
    return sendSuccess(reply, sbpBanksFields(config.sbpBanks));
  });
}
