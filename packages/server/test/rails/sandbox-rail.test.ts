import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { buildServices } from '../../src/app/services.js';
import { loadConfig } from '../../src/config/config.js';
import { creditMerchant } from '../../src/ledger/balances.js';
import { checkLedger } from '../../src/ledger/ledger-check.js';
import { createLogger } from '../../src/logging/logger.js';
import { createMerchant } from '../../src/merchants/merchants.js';
import { sandboxCancelWallets } from '../../src/rails/sandbox-outcomes.js';
import {
  assertBooksBalance,
  merchantBalance,
  postPayoff,
  startTestServer,
  writeConfigFile,
  type TestServer,
} from '../support/test-server.js';

type Request = Record<string, string> & { method: string; wallet: string };

/** A create-payoff request for each documented cancel wallet, on a method that checks it. */
const cancelWalletRequests: Request[] = [
  { method: 'cards_ru', wallet: '4000000000000002', amount: '1000' },
  { method: 'tether_trc20', wallet: 'T9yD14Nj9j7xAB4dbGeiX9h8unkKHxuWwb', amount: '1000' },
  { method: 'bitcoin', wallet: '1BitcoinEaterAddressDontSendf59kuE', amount: '1000' },
  { method: 'mobile_ru', wallet: '79000000002', amount: '100', mobile_operator: 'beeline_ru' },
  { method: 'sbp', wallet: '79000000002', amount: '100', bank: '100000000111' },
  { method: 'qiwi', wallet: '79000000002', amount: '100' },
];

describe('the sandbox rail', () => {
  let server: TestServer;

  before(async () => {
    server = await startTestServer({ fileConfig: { sandboxDelayMs: 0 } });
  });
  after(() => server.close());

  async function create(params: Record<string, string>): Promise<string> {
    const response = await postPayoff(server, params);
    assert.equal(response.statusCode, 200, `${params.wallet}: ${response.body}`);
    return JSON.parse(response.body).id as string;
  }

  it('lists a cancel wallet for every documented case', () => {
    assert.deepEqual(
      Object.keys(sandboxCancelWallets).sort(),
      cancelWalletRequests
        .map((r) => r.wallet)
        .filter((w, i, all) => all.indexOf(w) === i)
        .sort(),
    );
  });

  it('settles a normal payout as success', async () => {
    const id = await create({ method: 'qiwi', wallet: '79161234567', amount: '500' });
    assert.equal(await server.services.sandbox.settleDue(server.services.payouts), 1);

    const payout = await server.services.payouts.get(id);
    assert.equal(payout.status, 'success');
    assert.equal(payout.cancelMessage, null);
    assert.equal((await merchantBalance(server)).hold, 0n);
    await assertBooksBalance(server);
  });

  it('cancels each documented wallet (valid for its method) with its message', async () => {
    const ids = [];
    for (const request of cancelWalletRequests) ids.push(await create(request));
    const before = await merchantBalance(server);
    assert.equal(await server.services.sandbox.settleDue(server.services.payouts), ids.length);

    for (const [i, id] of ids.entries()) {
      const payout = await server.services.payouts.get(id);
      assert.equal(payout.status, 'cancel', payout.wallet);
      assert.equal(payout.cancelMessage, sandboxCancelWallets[payout.wallet]);
      assert.equal(payout.method, cancelWalletRequests[i]?.method);
    }
    const after = await merchantBalance(server);
    assert.equal(after.hold, 0n);
    assert.equal(after.available, before.available + before.hold);
    await assertBooksBalance(server);
  });

  it('cancels an amount ending in .13', async () => {
    const id = await create({ method: 'qiwi', wallet: '79161234567', amount: '500.13' });
    await server.services.sandbox.settleDue(server.services.payouts);

    const payout = await server.services.payouts.get(id);
    assert.equal(payout.status, 'cancel');
    assert.match(payout.cancelMessage ?? '', /\.13/);
    await assertBooksBalance(server);
  });

  it('leaves an amount ending in .77 in process, for settling by hand', async () => {
    const id = await create({ method: 'qiwi', wallet: '79161234567', amount: '500.77' });
    assert.equal(await server.services.sandbox.settleDue(server.services.payouts), 0);

    assert.equal((await server.services.payouts.get(id)).status, 'in_process');
    assert.equal((await merchantBalance(server)).hold, 50077n);
    await assertBooksBalance(server);

    await server.services.payouts.settle(id, 'success');
    assert.equal((await merchantBalance(server)).hold, 0n);
    await assertBooksBalance(server);
  });

  it('decides .13 and .77 by the requested amount, not the amount after commission', async () => {
    // 2 % of 100.13 leaves 98.13 for the recipient; 100.77 leaves 98.75.
    const cancelled = await create({ method: 'qiwi', wallet: '79161234567', amount: '100.13' });
    const pending = await create({ method: 'qiwi', wallet: '79161234567', amount: '100.77' });
    await server.services.sandbox.settleDue(server.services.payouts);
    assert.equal((await server.services.payouts.get(cancelled)).status, 'cancel');
    assert.equal((await server.services.payouts.get(pending)).status, 'in_process');
    await assertBooksBalance(server);
  });

  it('does not settle a payout before its delay', async () => {
    const delayed = await startTestServer({ fileConfig: { sandboxDelayMs: 60_000 } });
    try {
      const response = await postPayoff(delayed, {
        method: 'qiwi',
        wallet: '79161234567',
        amount: '500',
      });
      const id = JSON.parse(response.body).id as string;
      assert.equal(await delayed.services.sandbox.settleDue(delayed.services.payouts), 0);
      assert.equal((await delayed.services.payouts.get(id)).status, 'in_process');

      const later = new Date(Date.now() + 61_000);
      assert.equal(await delayed.services.sandbox.settleDue(delayed.services.payouts, later), 1);
      assert.equal((await delayed.services.payouts.get(id)).status, 'success');
      await assertBooksBalance(delayed);
    } finally {
      await delayed.close();
    }
  });
});

describe('the sandbox rail after a restart', () => {
  it('settles payouts created before the store was closed', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'payoff-restart-'));
    const configFile = writeConfigFile({ sandboxDelayMs: 0 });
    try {
      const config = loadConfig({}, { dataDir, configFile: configFile.path });
      const first = await buildServices(config, createLogger('silent'));
      const merchant = await createMerchant(first.store, 'Restart shop');
      await creditMerchant(first.store, merchant.id, 100000n);
      const { payout } = await first.payouts.create(merchant.id, {
        method: 'qiwi',
        wallet: '79161234567',
        amount: '500',
      });
      await first.store.close();

      const second = await buildServices(config, createLogger('silent'));
      try {
        assert.equal((await second.payouts.get(payout.id)).status, 'in_process');
        assert.equal(await second.sandbox.settleDue(second.payouts), 1);
        assert.equal((await second.payouts.get(payout.id)).status, 'success');
        assert.deepEqual(await checkLedger(second.store), []);
      } finally {
        await second.store.close();
      }
    } finally {
      configFile.remove();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
