import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/config.js';
import { defaultSbpBanks } from '../../src/methods/sbp-banks.js';

describe('defaultSbpBanks', () => {
  it('lists at least 25 banks, each with a 12-digit NSPK member id', () => {
    assert.ok(defaultSbpBanks.length >= 25);
    for (const bank of defaultSbpBanks) assert.match(bank.bankId, /^1\d{11}$/, bank.bankName);
  });

  it('holds each member id once', () => {
    const ids = defaultSbpBanks.map((bank) => bank.bankId);
    assert.equal(new Set(ids).size, ids.length);
  });

  it('points every icon at the NSPK logo of the same member id', () => {
    for (const bank of defaultSbpBanks) {
      assert.equal(bank.bankIcon, `https://qr.nspk.ru/proxyapp/logo/bank${bank.bankId}.png`);
    }
  });

  it('starts with the largest banks, Sberbank first', () => {
    assert.deepEqual(
      defaultSbpBanks.slice(0, 3).map((bank) => bank.bankId),
      ['100000000111', '100000000004', '100000000005'],
    );
  });
});

describe('the sbpBanks config setting', () => {
  function configWith(sbpBanks: unknown) {
    const dir = mkdtempSync(join(tmpdir(), 'payoff-sbp-'));
    const file = join(dir, 'config.json');
    writeFileSync(file, JSON.stringify({ sbpBanks }));
    return () => loadConfig({}, { dataDir: ':memory:', configFile: file });
  }

  it('replaces the default list', () => {
    const bank = { bankId: '100000000999', bankName: 'Test', bankIcon: 'https://x.test/i.png' };
    assert.deepEqual(configWith([bank])().sbpBanks, [bank]);
  });

  it('refuses the same bankId twice', () => {
    const bank = { bankId: '100000000999', bankName: 'Test', bankIcon: 'https://x.test/i.png' };
    assert.throws(configWith([bank, { ...bank, bankName: 'Other' }]), /bankId may appear once/);
  });
});
