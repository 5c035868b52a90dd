import type { FastifyRequest } from 'fastify';
import { PayoffError } from '../errors/payoff-error.js';
import { authenticate, type Principal } from '../merchants/api-keys.js';
import type { Permission } from '../merchants/permissions.js';
import type { Queryable } from '../store/store.js';

/**
 * Verifies the request's `X-Api-Key` and that it grants `permission`; any failure is
 * a 401 that never echoes the key.
 */
export async function requirePermission(
  db: Queryable,
  request: FastifyRequest,
  permission: Permission,
): Promise<Principal> {
  const header = request.headers['x-api-key'];
  const key = typeof header === 'string' ? header.trim() : undefined;
  if (!key) {
    throw new PayoffError('unauthorized', 'Missing API key: send it in the X-Api-Key header.');
  }
  const principal = await authenticate(db, key);
  if (!principal) throw new PayoffError('unauthorized', 'Invalid or revoked API key.');
  if (!principal.permissions.has(permission)) {
    throw new PayoffError('unauthorized', `This API key lacks the ${permission} permission.`);
  }
  return principal;
}
