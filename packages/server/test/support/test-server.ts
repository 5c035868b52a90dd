import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildServices, type Services } from '../../src/app/services.js';
import { loadConfig } from '../../src/config/config.js';
import { buildHttpApp } from '../../src/http/build-app.js';
import { getBalance, creditMerchant, type MerchantBalance } from '../../src/ledger/balances.js';
import { checkLedger } from '../../src/ledger/ledger-check.js';
import { createLogger } from '../../src/logging/logger.js';
import { createApiKey } from '../../src/merchants/api-keys.js';
import { createMerchant } from '../../src/merchants/merchants.js';
import { parseRubAmount } from '../../src/money/rub.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';

/** What a test server is built with. */
export interface TestServerOptions {
  /** The merchant's opening available balance, RUB; `"0"` for none. */
  readonly balanceRub?: string;
  /** Contents of a JSON config file loaded like `--config` would. */
  readonly fileConfig?: object;
}

/** In-memory services and HTTP app with one funded merchant holding an all-permission key. */
export interface TestServer {
  readonly services: Services;
  readonly app: FastifyInstance;
  readonly merchantId: string;
  readonly key: string;
  close(): Promise<void>;
}

/** Builds a test server; every test that uses one closes it. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const configFile = options.fileConfig ? writeConfigFile(options.fileConfig) : undefined;
  const config = loadConfig({}, { dataDir: ':memory:', configFile: configFile?.path });
  configFile?.remove();

  const store = openSqliteStore(':memory:');
  const services = await buildServices(config, createLogger('silent'), store);
  const app = buildHttpApp(services);
  const merchant = await createMerchant(services.store, 'Test shop');
  const opening = parseRubAmount(options.balanceRub ?? '100000') ?? 0n;
  if (opening > 0n) await creditMerchant(services.store, merchant.id, opening);
  const { key } = await createApiKey(services.store, merchant.id);

  const close = async (): Promise<void> => {
    await app.close();
    await services.store.close();
  };
  return { services, app, merchantId: merchant.id, key, close };
}

/** Writes a config file (an object as JSON, a string as it is) in a fresh temp directory. */
export function writeConfigFile(contents: object | string): { path: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'payoff-config-'));
  const path = join(dir, 'config.json');
  writeFileSync(path, typeof contents === 'string' ? contents : JSON.stringify(contents));
  return { path, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A form body in the contract's encoding; an array repeats the parameter. */
export function formBody(params: Readonly<Record<string, string | readonly string[]>>): string {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    for (const item of typeof value === 'string' ? [value] : value) body.append(name, item);
  }
  return body.toString();
}

/** POSTs form parameters to create-payoff with the merchant's key unless `key` says otherwise. */
export function postPayoff(
  server: TestServer,
  params: Readonly<Record<string, string | readonly string[]>>,
  key: string | null = server.key,
): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (key !== null) headers['x-api-key'] = key;
  return server.app.inject({
    method: 'POST',
    url: '/api/create-payoff',
    headers,
    payload: formBody(params),
  });
}

/** Asserts a response is the contract's error envelope with `status`; returns its message. */
export function assertFail(response: LightMyRequestResponse, status: number): string {
  assert.equal(response.statusCode, status, response.body);
  assert.equal(response.headers['content-type'], 'application/json; charset=utf-8');
  const body = JSON.parse(response.body) as Record<string, unknown>;
  assert.deepEqual(Object.keys(body), ['type', 'code', 'message']);
  assert.equal(body.type, 'fail');
  assert.equal(body.code, String(status));
  assert.equal(typeof body.message, 'string');
  return body.message as string;
}

/** The merchant's balances now. */
export function merchantBalance(server: TestServer): Promise<MerchantBalance> {
  return getBalance(server.services.store.db, server.merchantId);
}

/** How many payouts exist, of any merchant. */
export async function payoutCount(server: TestServer): Promise<number> {
  const rows = await server.services.store.db.selectFrom('payouts').select('id').execute();
  return rows.length;
}

/** A system account's balance, minor units. */
export async function systemBalance(server: TestServer, accountId: string): Promise<bigint> {
  const row = await server.services.store.db
    .selectFrom('accounts')
    .select('balance')
    .where('id', '=', accountId)
    .executeTakeFirstOrThrow();
  return BigInt(row.balance);
}

/** Asserts every ledger invariant holds. */
export async function assertBooksBalance(server: Pick<TestServer, 'services'>): Promise<void> {
  assert.deepEqual(await checkLedger(server.services.store), []);
}

/** What a failed request must leave untouched: balances and the payouts table. */
export interface StateSnapshot {
  readonly balance: MerchantBalance;
  readonly payouts: number;
}

/** Captures the state a failed request must not change. */
export async function snapshot(server: TestServer): Promise<StateSnapshot> {
  return { balance: await merchantBalance(server), payouts: await payoutCount(server) };
}

/** Asserts nothing changed since `before` and the books still balance. */
export async function assertUnchanged(server: TestServer, before: StateSnapshot): Promise<void> {
  assert.deepEqual(await snapshot(server), before);
  await assertBooksBalance(server);
}
