import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { PayoffError } from '../errors/payoff-error.js';
import type { Queryable, Store } from '../store/store.js';
import { getMerchant } from './merchants.js';
import { isPermission, permissions, type Permission } from './permissions.js';

/** An API key as listed: never the secret. */
export interface ApiKeyInfo {
  readonly id: string;
  readonly merchantId: string;
  readonly permissions: readonly Permission[];
  readonly createdAt: string;
  readonly revokedAt: string | null;
}

/** A newly created key: `key` is the full secret, shown this once. */
export interface CreatedApiKey extends ApiKeyInfo {
  readonly key: string;
}

/** Who a request acts for, once its key is verified. */
export interface Principal {
  readonly merchantId: string;
  readonly keyId: string;
  readonly permissions: ReadonlySet<Permission>;
}

// A key is `pk_<keyId>_<secret>`: the id finds the row, the secret is compared by hash.
const keyPattern = /^pk_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

/** Creates a key for a merchant with the given permissions (all of them by default). */
export async function createApiKey(
  store: Store,
  merchantId: string,
  granted: readonly string[] = permissions,
): Promise<CreatedApiKey> {
  const unknown = granted.filter((name) => !isPermission(name));
  if (unknown.length > 0 || granted.length === 0) {
    throw new PayoffError(
      'invalid_parameter',
      `Unknown permission ${unknown.join(', ') || '(none given)'}; use ${permissions.join(', ')}.`,
    );
  }
  await getMerchant(store.db, merchantId);

  const id = randomBytes(8).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  const createdAt = new Date().toISOString();
  const list = [...new Set(granted)] as Permission[];
  await store.transaction(async (tx) => {
    await tx
      .insertInto('api_keys')
      .values({
        id,
        merchant_id: merchantId,
        secret_hash: hashSecret(secret),
        permissions: list.join(' '),
        created_at: createdAt,
        revoked_at: null,
      })
      .execute();
  });
  return {
    id,
    merchantId,
    permissions: list,
    createdAt,
    revokedAt: null,
    key: `pk_${id}_${secret}`,
  };
}

/** Revokes a key; requests made with it are refused from now on. */
export async function revokeApiKey(store: Store, keyId: string): Promise<void> {
  const result = await store.transaction((tx) =>
    tx
      .updateTable('api_keys')
      .set({ revoked_at: new Date().toISOString() })
      .where('id', '=', keyId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst(),
  );
  if (result.numUpdatedRows === 0n) {
    throw new PayoffError('not_found', `No active API key ${keyId}.`);
  }
}

/** Keys of one merchant, or of all merchants. */
export async function listApiKeys(db: Queryable, merchantId?: string): Promise<ApiKeyInfo[]> {
  let query = db.selectFrom('api_keys').selectAll().orderBy('created_at');
  if (merchantId !== undefined) query = query.where('merchant_id', '=', merchantId);
  const rows = await query.execute();
  return rows.map((row) => ({
    id: row.id,
    merchantId: row.merchant_id,
    permissions: parsePermissions(row.permissions),
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
  }));
}

/**
 * Verifies a presented key: looked up by its public id, then compared in constant time.
 * Undefined for a malformed, unknown or revoked key.
 */
export async function authenticate(
  db: Queryable,
  presented: string,
): Promise<Principal | undefined> {
  const match = keyPattern.exec(presented);
  if (!match) return undefined;
  const [, keyId = '', secret = ''] = match;

  const row = await db
    .selectFrom('api_keys')
    .select(['merchant_id', 'secret_hash', 'permissions'])
    .where('id', '=', keyId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;

  const expected = Buffer.from(row.secret_hash, 'hex');
  const actual = Buffer.from(hashSecret(secret), 'hex');
  if (!timingSafeEqual(expected, actual)) return undefined;
  return {
    merchantId: row.merchant_id,
    keyId,
    permissions: new Set(parsePermissions(row.permissions)),
  };
}

function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

function parsePermissions(text: string): Permission[] {
  return text.split(' ').filter(isPermission);
}
