import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { creditMerchant } from '../../src/ledger/balances.js';
import { createApiKey } from '../../src/merchants/api-keys.js';
import { createMerchant } from '../../src/merchants/merchants.js';
import type { Permission } from '../../src/merchants/permissions.js';
import { parseRubAmount } from '../../src/money/rub.js';
import { startTestServer, type TestServer, type TestServerOptions } from './test-server.js';

/** Wallets that pass each method's check, for building create-payoff requests. */
export const wallets = {
  phone: '79001234567',
  tron: 'TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU7',
} as const;

/** A member id from the default SBP list, with the name it is listed under. */
export const sberbank = { bankId: '100000000111', bankName: 'Сбербанк' } as const;

/** A test server with what the companion-endpoint and client tests need on top. */
export interface CompatServer extends TestServer {
  /** Creates another key of the same merchant with only `permissions`. */
  keyWith(...permissions: Permission[]): Promise<string>;
  /** Creates a second merchant, funded like the first, and returns its full key. */
  otherMerchantKey(): Promise<string>;
  /** Injects a request carrying the all-permission key unless its headers set another. */
  inject(options: InjectOptions): Promise<LightMyRequestResponse>;
  /** POSTs form parameters with the key, the way aaio's own examples do. */
  postForm(url: string, params: Record<string, string>): Promise<LightMyRequestResponse>;
}

/** Starts an in-memory test server (not listening: use `inject`, or `app.listen`). */
export async function startCompatServer(options: TestServerOptions = {}): Promise<CompatServer> {
  const server = await startTestServer(options);
  const { store } = server.services;
  const opening = parseRubAmount(options.balanceRub ?? '100000') ?? 0n;

  const inject = (request: InjectOptions) =>
    server.app.inject({ ...request, headers: { 'x-api-key': server.key, ...request.headers } });

  return {
    ...server,
    keyWith: async (...permissions) =>
      (await createApiKey(store, server.merchantId, permissions)).key,
    otherMerchantKey: async () => {
      const other = await createMerchant(store, 'Other shop');
      if (opening > 0n) await creditMerchant(store, other.id, opening);
      return (await createApiKey(store, other.id)).key;
    },
    inject,
    postForm: (url, params) =>
      inject({
        method: 'POST',
        url,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams(params).toString(),
      }),
  };
}
