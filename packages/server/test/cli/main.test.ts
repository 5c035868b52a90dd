import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';

import { buildServices } from '../../src/app/services.js';
import { loadConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/logging/logger.js';
import { sqliteFileName } from '../../src/store/sqlite-store.js';

const bin = resolve(dirname(fileURLToPath(import.meta.url)), '../../../bin/payoff.js');

/** The test runner's environment without our prefix, so the machine's settings stay out. */
const cleanEnv = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => !name.startsWith('PAYOFF_')),
);

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function payoff(args: readonly string[], env: NodeJS.ProcessEnv = {}): Run {
  const result = spawnSync(process.execPath, [bin, ...args], {
    env: { ...cleanEnv, ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `payoff` without blocking, so independent runs can overlap. */
function payoffAsync(args: readonly string[]): Promise<Run> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { env: cleanEnv, timeout: 30_000 },
      (error, stdout, stderr) => {
        const status = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        done({ status, stdout, stderr });
      },
    );
  });
}

describe('the payoff CLI', () => {
  let dataDir: string;
  let merchantId: string;

  /** Runs a command against the temp data directory with --json; parses what it printed. */
  function json(args: readonly string[]): { run: Run; value: Record<string, unknown> } {
    const run = payoff([...args, '--data-dir', dataDir, '--json']);
    assert.equal(run.status, 0, `payoff ${args.join(' ')}: ${run.stderr}`);
    return { run, value: JSON.parse(run.stdout) as Record<string, unknown> };
  }

  /** Creates an in-process payout in the data directory, as the server would. */
  async function createPayout(amount: string): Promise<string> {
    const services = await buildServices(loadConfig({}, { dataDir }), createLogger('silent'));
    try {
      const { payout } = await services.payouts.create(merchantId, {
        method: 'qiwi',
        wallet: '79161234567',
        amount,
      });
      return payout.id;
    } finally {
      await services.store.close();
    }
  }

  before(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'payoff-cli-'));
  });
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it('migrates an empty data directory', () => {
    assert.deepEqual(json(['migrate']).value, { migrated: true });
  });

  it('creates a merchant and prints its id and webhook secret', () => {
    const { value } = json(['merchant', 'create', '--name', 'CLI shop']);
    assert.match(String(value.id), /^[0-9a-f-]{36}$/);
    assert.equal(value.name, 'CLI shop');
    assert.match(String(value.webhookSecret), /^[0-9a-f]{64}$/);
    merchantId = String(value.id);

    const list = JSON.parse(payoff(['merchant', 'list', '--data-dir', dataDir, '--json']).stdout);
    assert.deepEqual(
      list.map((m: { id: string }) => m.id),
      [merchantId],
    );
  });

  it('creates a key, printed once, and lists it without the secret', () => {
    const { value } = json(['key', 'create', '--merchant', merchantId]);
    assert.match(String(value.key), /^pk_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    assert.equal(value.merchantId, merchantId);

    const listed = payoff(['key', 'list', '--data-dir', dataDir, '--json']);
    assert.equal(listed.status, 0);
    assert.ok(listed.stdout.includes(String(value.id)));
    assert.ok(!listed.stdout.includes(String(value.key)));
  });

  it('credits and shows a balance as exact numbers', () => {
    const credited = json(['balance', 'credit', '--merchant', merchantId, '--amount', '1500.50']);
    assert.equal(
      credited.run.stdout.trim(),
      `{"merchant":"${merchantId}","balance":1500.5,"hold":0,"referral":0}`,
    );
    const shown = json(['balance', 'show', '--merchant', merchantId]);
    assert.deepEqual(shown.value, credited.value);
  });

  it('refuses a credit that is not a RUB amount', () => {
    const run = payoff([
      'balance',
      'credit',
      '--merchant',
      merchantId,
      '--amount',
      '1e3',
      '--data-dir',
      dataDir,
    ]);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /--amount must be RUB/);
  });

  it('refuses a credit beyond the money limit, leaving the books in order', () => {
    const run = payoff([
      'balance',
      'credit',
      '--merchant',
      merchantId,
      '--amount',
      '92233720368547758.07',
      '--data-dir',
      dataDir,
    ]);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /--amount must be RUB like 1500 or 1500\.50, at most 10{15}\n/);
    assert.deepEqual(json(['ledger', 'check']).value, { ok: true, problems: [] });
    assert.equal(json(['balance', 'show', '--merchant', merchantId]).value.balance, 1500.5);
  });

  it('settles a payout once; a repeat changes nothing and a contrary one exits 1', async () => {
    const id = await createPayout('100');
    const first = json(['payout', 'settle', id, '--status', 'success']);
    assert.equal(first.value.changed, true);
    assert.equal(first.value.status, 'success');

    const second = json(['payout', 'settle', id, '--status', 'success']);
    assert.equal(second.value.changed, false);
    const contrary = payoff([
      'payout',
      'settle',
      id,
      '--status',
      'cancel',
      '--data-dir',
      dataDir,
      '--json',
    ]);
    assert.equal(contrary.status, 1, 'the contrary settle must be reported as a failure');
    const value = JSON.parse(contrary.stdout) as Record<string, unknown>;
    assert.equal(value.changed, false);
    assert.equal(value.status, 'success');

    const balance = json(['balance', 'show', '--merchant', merchantId]).value;
    assert.deepEqual(balance, { merchant: merchantId, balance: 1400.5, hold: 0, referral: 0 });
  });

  it('cancels a payout by hand with a message, refunding it', async () => {
    const id = await createPayout('200');
    const { value } = json(['payout', 'settle', id, '--status', 'cancel', '--message', 'No.']);
    assert.equal(value.changed, true);
    assert.equal(value.cancel_message, 'No.');
    assert.equal(json(['balance', 'show', '--merchant', merchantId]).value.balance, 1400.5);
  });

  it('refuses a settle status other than success or cancel', () => {
    const run = payoff(['payout', 'settle', 'x', '--status', 'done', '--data-dir', dataDir]);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /--status must be success or cancel/);
  });

  it('finds the books in order: ledger check exits 0', () => {
    assert.deepEqual(json(['ledger', 'check']).value, { ok: true, problems: [] });
  });

  it('exits 1 from ledger check, naming the problem, once a balance is corrupted', () => {
    const sqlite = new BetterSqlite3(join(dataDir, sqliteFileName));
    try {
      sqlite
        .prepare('update accounts set balance = balance + 100 where id = ?')
        .run(`merchant:${merchantId}:available`);
    } finally {
      sqlite.close();
    }

    const run = payoff(['ledger', 'check', '--data-dir', dataDir, '--json']);
    assert.equal(run.status, 1);
    const report = JSON.parse(run.stdout) as { ok: boolean; problems: { invariant: string }[] };
    assert.equal(report.ok, false);
    const names = report.problems.map((p) => p.invariant);
    assert.ok(names.includes('balance equals the sum of entries'), names.join(', '));

    const human = payoff(['ledger', 'check', '--data-dir', dataDir]);
    assert.equal(human.status, 1);
    assert.match(human.stdout, /BROKEN balance equals the sum of entries/);
  });

  it('refuses an unknown PAYOFF_ variable with a clear message', () => {
    const run = payoff(['merchant', 'list', '--data-dir', dataDir], { PAYOFF_BOGUS: '1' });
    assert.notEqual(run.status, 0);
    assert.match(run.stderr, /Unknown environment variable PAYOFF_BOGUS/);
    assert.equal(run.stdout, '');
  });

  it('refuses an unknown option', () => {
    const run = payoff(['merchant', 'list', '--bogus', '--data-dir', dataDir]);
    assert.notEqual(run.status, 0);
    assert.match(run.stderr, /unknown option '--bogus'/);
  });
});

describe('payoff --help', { concurrency: true }, () => {
  const commands = [
    [],
    ['serve'],
    ['migrate'],
    ['merchant'],
    ['merchant', 'create'],
    ['merchant', 'list'],
    ['key'],
    ['key', 'create'],
    ['key', 'revoke'],
    ['key', 'list'],
    ['balance'],
    ['balance', 'credit'],
    ['balance', 'show'],
    ['payout'],
    ['payout', 'list'],
    ['payout', 'show'],
    ['payout', 'settle'],
    ['rates'],
    ['rates', 'set'],
    ['rates', 'show'],
    ['ledger'],
    ['ledger', 'check'],
  ];

  for (const command of commands) {
    const name = ['payoff', ...command].join(' ');
    it(`prints usage for ${name} and exits 0`, async () => {
      const run = await payoffAsync([...command, '--help']);
      assert.equal(run.status, 0, run.stderr);
      assert.ok(run.stdout.startsWith(`Usage: ${name} `), run.stdout);
      assert.match(run.stdout, /Options:/);
    });
  }
});
