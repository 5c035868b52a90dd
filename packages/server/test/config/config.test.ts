import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isAbsolute } from 'node:path';

import { loadConfig } from '../../src/config/config.js';
import { defaults } from '../../src/config/defaults.js';
import {
  assertBooksBalance,
  assertFail,
  postPayoff,
  startTestServer,
  writeConfigFile,
} from '../support/test-server.js';

/** Loads a config from `contents` written as a config file; removes the file after. */
function loadWithFile(contents: object | string, env: NodeJS.ProcessEnv = {}) {
  const file = writeConfigFile(contents);
  try {
    return loadConfig(env, { configFile: file.path });
  } finally {
    file.remove();
  }
}

describe('loadConfig', () => {
  it('uses the defaults when nothing is set', () => {
    const config = loadConfig({});
    assert.equal(config.port, defaults.port);
    assert.equal(config.sandboxDelayMs, defaults.sandboxDelayMs);
    assert.equal(config.methods.qiwi?.enabled, true);
    assert.ok(isAbsolute(config.dataDir));
    assert.ok(Object.isFrozen(config) && Object.isFrozen(config.methods.qiwi));
  });

  it('keeps :memory: as the data directory instead of making it a path', () => {
    assert.equal(loadConfig({}, { dataDir: ':memory:' }).dataDir, ':memory:');
    assert.equal(loadConfig({ PAYOFF_DATA_DIR: ':memory:' }).dataDir, ':memory:');
  });

  it('throws on an unknown PAYOFF_ variable, naming it', () => {
    assert.throws(
      () => loadConfig({ PAYOFF_BOGUS: '1' }),
      /Unknown environment variable PAYOFF_BOGUS\. Known: PAYOFF_DATA_DIR/,
    );
  });

  it("ignores the client example's own PAYOFF_ variables", () => {
    const env = { PAYOFF_URL: 'http://127.0.0.1:3000', PAYOFF_API_KEY: 'k', PAYOFF_WALLET: 'w' };
    assert.doesNotThrow(() => loadConfig(env, { dataDir: ':memory:' }));
  });

  it('ignores variables without the prefix', () => {
    assert.doesNotThrow(() => loadConfig({ HOME: '/home/x', PAYOFFBOGUS: '1' }));
  });

  it('reads known variables and lets them win over the file', () => {
    const config = loadWithFile({ sandboxDelayMs: 5 }, { PAYOFF_SANDBOX_DELAY_MS: '0' });
    assert.equal(config.sandboxDelayMs, 0);
    assert.throws(() => loadConfig({ PAYOFF_PORT: 'eighty' }), /Invalid environment/);
  });

  it('applies a method override from the file to the fields it names only', () => {
    const config = loadWithFile({
      methods: { qiwi: { enabled: false }, yoomoney: { commissionPercent: '5' } },
    });
    assert.equal(config.methods.qiwi?.enabled, false);
    assert.equal(config.methods.qiwi?.commissionPercent, '2');
    assert.equal(config.methods.yoomoney?.commissionPercent, '5');
    assert.equal(config.methods.yoomoney?.enabled, true);
  });

  it('reports a file that is not JSON, or missing, with its path', () => {
    const file = writeConfigFile({});
    const missing = `${file.path}.missing`;
    file.remove();
    assert.throws(
      () => loadConfig({}, { configFile: missing }),
      (error: Error) => error.message.startsWith(`Cannot read config file ${missing}`),
    );
  });

  it('reports invalid contents naming the field at fault', () => {
    const cases: [object, RegExp][] = [
      [{ bogus: 1 }, /Invalid config file[\s\S]*bogus/],
      [{ port: 'x' }, /Invalid config file[\s\S]*port/],
      [{ methods: { qiwi: { commissionPercent: 'abc' } } }, /commissionPercent/],
      [{ methods: { qiwi: { colour: 'red' } } }, /Invalid config file[\s\S]*colour/],
      [{ methods: { newpay: { enabled: true } } }, /Method newpay in the config file/],
      [{ rates: { USD: '-1' } }, /Invalid config file[\s\S]*USD/],
    ];
    for (const [contents, expected] of cases) {
      assert.throws(() => loadWithFile(contents), expected, JSON.stringify(contents));
    }
  });

  it('reports a file with a JSON syntax error, with its path', () => {
    const file = writeConfigFile('{ "port": 3000, }');
    try {
      assert.throws(
        () => loadConfig({}, { configFile: file.path }),
        (error: Error) => error.message.startsWith(`Cannot read config file ${file.path}: `),
      );
    } finally {
      file.remove();
    }
  });
});

describe('a config file overriding methods', () => {
  it('disables qiwi and changes the yoomoney commission for create-payoff', async () => {
    const server = await startTestServer({
      fileConfig: {
        methods: { qiwi: { enabled: false }, yoomoney: { commissionPercent: '5' } },
      },
    });
    try {
      const qiwi = await postPayoff(server, {
        method: 'qiwi',
        wallet: '79161234567',
        amount: '100',
      });
      assert.match(assertFail(qiwi, 400), /method 'qiwi' is disabled/);

      const yoomoney = await postPayoff(server, {
        method: 'yoomoney',
        wallet: '410011234567890',
        amount: '100',
      });
      assert.equal(yoomoney.statusCode, 200, yoomoney.body);
      assert.equal(JSON.parse(yoomoney.body).commission, 5);
      await assertBooksBalance(server);
    } finally {
      await server.close();
    }
  });
});
