import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { loadConfig } from '../../src/config/config.js';
import { minRateText, parseRateText } from '../../src/rates/parse-rate.js';
import { startTestServer, writeConfigFile, type TestServer } from '../support/test-server.js';

describe('parseRateText', () => {
  it('accepts rates from 0.0001 RUB per unit, with up to eight decimals', () => {
    assert.equal(minRateText, '0.0001');
    assert.deepEqual(parseRateText('0.0001'), { units: 1n, scale: 4 });
    assert.deepEqual(parseRateText('0.00010000'), { units: 10000n, scale: 8 });
    assert.deepEqual(parseRateText('96.92'), { units: 9692n, scale: 2 });
  });

  it('refuses rates below the minimum, zero and anything not a plain decimal', () => {
    for (const text of ['0.00009999', '0.00000001', '0', '0.000', '-1', '1e-8', '0.000000001']) {
      assert.equal(parseRateText(text), undefined, text);
    }
  });
});

describe('the largest rate', () => {
  it('accepts 10^9 RUB per unit and refuses anything above it', () => {
    assert.deepEqual(parseRateText('1000000000'), { units: 1000000000n, scale: 0 });
    for (const text of ['1000000000.00000001', '99999999999999999999999999.5']) {
      assert.equal(parseRateText(text), undefined, text);
    }
  });
});

describe('RateBook.set', () => {
  let server: TestServer;

  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  it('refuses a rate below 0.0001 RUB per unit and keeps the one in force', async () => {
    const { rates } = server.services;
    const before = (await rates.get('BTC')).text;
    await assert.rejects(rates.set('BTC', '0.00000001'), {
      code: 'invalid_parameter',
      message:
        'A rate must be a decimal from 0.0001 to 1000000000 with at most 8 decimals, like 96.92.',
    });
    assert.equal((await rates.get('BTC')).text, before);

    assert.equal((await rates.set('BTC', '0.0001')).text, '0.0001');
  });
});

describe('configured rates', () => {
  it('refuses a rate below 0.0001 RUB per unit in the config file', () => {
    const file = writeConfigFile({ rates: { BTC: '0.00000001' } });
    try {
      assert.throws(
        () => loadConfig({}, { configFile: file.path }),
        /Invalid config file[\s\S]*from 0\.0001 to 1000000000[\s\S]*rates\.BTC/,
      );
    } finally {
      file.remove();
    }
  });
});
