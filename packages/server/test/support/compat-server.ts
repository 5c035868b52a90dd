import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildServices, type Services } from '../../src/app/services.js';
import { loadConfig } from '../../src/config/config.js';
import { buildHttpApp } from '../../src/http/build-app.js';
import { creditMerchant } from '../../src/ledger/balances.js';
import { createLogger } from '../../src/logging/logger.js';
import { createApiKey } from '../../src/merchants/api-keys.js';
import { createMerchant } from '../../src/merchants/merchants.js';
import type { Permission } from '../../src/merchants/permissions.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';

/** Wallets that pass each method's check, for building create-payoff requests. */
export const wallets = {
  phone: '79001234567',
  tron: 'TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU7',
} as const;

/** A member id from the default SBP list, with the name it is listed under. */
export const sberbank = { bankId: '100000000111', bankName: 'Сбербанк' } as const;

/** Writes a JSON config file to a fresh temporary folder; pass it as `PAYOFF_CONFIG`. */
export function writeConfigFile(settings: object): string {
  const file = join(mkdtempSync(join(tmpdir(), 'payoff-compat-')), 'config.json');
  writeFileSync(file, JSON.stringify(settings));
  return file;
}

/** An in-memory server with one funded merchant and an all-permission key. */
export interface CompatServer {
  readonly app: FastifyInstance;
  readonly services: Services;
  readonly merchantId: string;
  /** A key with every permission. */
  readonly key: string;
  /** Creates another key of the same merchant with only `permissions`. */
  keyWith(...permissions: Permission[]): Promise<string>;
  /** Creates a second funded merchant and returns its all-permission key. */
  otherMerchantKey(): Promise<string>;
  /** Injects a request carrying the all-permission key unless headers say otherwise. */
  inject(options: InjectOptions): Promise<LightMyRequestResponse>;
  /** POSTs form parameters with the key, the way aaio's own examples do. */
  postForm(url: string, params: Record<string, string>): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** What to change from the defaults. */
export interface CompatServerOptions {
  /** `PAYOFF_*` environment for the config, e.g. a display time zone. */
  readonly env?: Record<string, string>;
  /** Opening balance of the merchant, kopecks. */
  readonly balanceKopecks?: bigint;
}

/** Starts a server on `:memory:` (not listening; use `inject`, or `app.listen`). */
export async function startCompatServer(options: CompatServerOptions = {}): Promise<CompatServer> {
  const config = loadConfig(options.env ?? {}, { dataDir: ':memory:' });
  const store = openSqliteStore(':memory:');
  const services = await buildServices(config, createLogger('silent'), store);
  const app = buildHttpApp(services);
  const balance = options.balanceKopecks ?? 10_000_000n;

  const fundedMerchant = async (name: string) => {
    const merchant = await createMerchant(store, name);
    await creditMerchant(store, merchant.id, balance);
    return merchant.id;
  };
  const merchantId = await fundedMerchant('Compat merchant');
  const { key } = await createApiKey(store, merchantId);

  const inject = (request: InjectOptions) =>
    app.inject({ ...request, headers: { 'x-api-key': key, ...request.headers } });

  return {
    app,
    services,
    merchantId,
    key,
    keyWith: async (...permissions) => (await createApiKey(store, merchantId, permissions)).key,
    otherMerchantKey: async () => (await createApiKey(store, await fundedMerchant('Other'))).key,
    inject,
    postForm: (url, params) =>
      inject({
        method: 'POST',
        url,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams(params).toString(),
      }),
    close: async () => {
      await app.close();
      await store.close();
    },
  };
}
