import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../../src/config/config.js';

const dataDir = ':memory:';

describe('webhook settings', () => {
  it('allow loopback by default in development mode', () => {
    const config = loadConfig({}, { dataDir });
    assert.equal(config.mode, 'development');
    assert.deepEqual(config.webhookAllowCidrs, ['127.0.0.0/8', '::1/128']);
    assert.deepEqual(config.webhookAllowHosts, []);
  });

  it('allow nothing by default in production mode', () => {
    const config = loadConfig({ PAYOFF_MODE: 'production' }, { dataDir });
    assert.deepEqual(config.webhookAllowCidrs, []);
    assert.deepEqual(config.webhookAllowHosts, []);
  });

  it('take allow-lists from comma-separated variables, none meaning an empty list', () => {
    const config = loadConfig(
      {
        PAYOFF_WEBHOOK_ALLOW_HOSTS: 'hooks.internal, billing.lan',
        PAYOFF_WEBHOOK_ALLOW_CIDRS: 'none',
      },
      { dataDir },
    );
    assert.deepEqual(config.webhookAllowHosts, ['hooks.internal', 'billing.lan']);
    assert.deepEqual(config.webhookAllowCidrs, []);
  });

  it('treat an empty variable as unset, like every PAYOFF_ variable', () => {
    const config = loadConfig(
      {
        PAYOFF_WEBHOOK_ALLOW_CIDRS: '',
        PAYOFF_WEBHOOK_RETRY_DELAYS_MS: '',
      },
      { dataDir },
    );
    assert.deepEqual(config.webhookAllowCidrs, ['127.0.0.0/8', '::1/128']);
    assert.equal(config.webhookRetryDelaysMs.length, 9);
  });

  it('refuse an allow-list entry that is not a CIDR, naming it', () => {
    assert.throws(
      () => loadConfig({ PAYOFF_WEBHOOK_ALLOW_CIDRS: '10.0.0.0/33' }, { dataDir }),
      /10\.0\.0\.0\/33/,
    );
  });

  it('read the retry delays and timeouts from the environment', () => {
    const config = loadConfig(
      {
        PAYOFF_WEBHOOK_RETRY_DELAYS_MS: '10,20,40',
        PAYOFF_WEBHOOK_CONNECT_TIMEOUT_MS: '1000',
        PAYOFF_WEBHOOK_TOTAL_TIMEOUT_MS: '2000',
        PAYOFF_WEBHOOK_POLL_MS: '25',
      },
      { dataDir },
    );
    assert.deepEqual(config.webhookRetryDelaysMs, [10, 20, 40]);
    assert.equal(config.webhookConnectTimeoutMs, 1000);
    assert.equal(config.webhookTotalTimeoutMs, 2000);
    assert.equal(config.webhookPollMs, 25);
  });

  it('read none as no retries at all', () => {
    const config = loadConfig({ PAYOFF_WEBHOOK_RETRY_DELAYS_MS: 'none' }, { dataDir });
    assert.deepEqual(config.webhookRetryDelaysMs, []);
  });

  it('refuse delays and timeouts that are not plain decimal milliseconds', () => {
    for (const [name, value] of [
      ['PAYOFF_WEBHOOK_RETRY_DELAYS_MS', '1m,5m'],
      ['PAYOFF_WEBHOOK_TOTAL_TIMEOUT_MS', '0x2710'],
      ['PAYOFF_WEBHOOK_CONNECT_TIMEOUT_MS', '5e3'],
    ]) {
      assert.throws(() => loadConfig({ [name ?? '']: value }, { dataDir }), new RegExp(name ?? ''));
    }
  });

  it('refuse an unknown PAYOFF_WEBHOOK_ variable', () => {
    assert.throws(
      () => loadConfig({ PAYOFF_WEBHOOK_RETRIES: '3' }, { dataDir }),
      /Unknown environment variable PAYOFF_WEBHOOK_RETRIES/,
    );
  });

  it('retry by default for at least 24 hours even when jitter shortens every delay', () => {
    const config = loadConfig({}, { dataDir });
    const totalMs = config.webhookRetryDelaysMs.reduce((sum, delayMs) => sum + delayMs, 0);
    const shortestMs = totalMs * (1 - config.webhookRetryJitterPercent / 100);
    assert.ok(shortestMs >= 24 * 3_600_000, `${shortestMs} ms is under 24 h`);
  });
});
