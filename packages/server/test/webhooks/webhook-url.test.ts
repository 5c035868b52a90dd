import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Services } from '../../src/app/services.js';
import { buildHttpApp } from '../../src/http/build-app.js';
import { createApiKey } from '../../src/merchants/api-keys.js';
import { getMerchant } from '../../src/merchants/merchants.js';
import { setPayoffWebhookUrl } from '../../src/merchants/webhook-settings.js';
import { webhookUrlProblem } from '../../src/webhooks/webhook-url.js';
import { fundedMerchant, webhookTestServices } from '../support/webhook-fixtures.js';

describe('webhookUrlProblem', () => {
  it('accepts absolute http and https URLs', () => {
    assert.equal(webhookUrlProblem('https://shop.example/hooks/payoff?token=1'), null);
    assert.equal(webhookUrlProblem('http://127.0.0.1:8080/'), null);
  });

  it('refuses relative, non-http, over-long, spaced and credential-bearing URLs', () => {
    for (const text of [
      '/hook',
      'shop.example/hook',
      'ftp://shop.example/',
      'javascript:1',
      'http://',
      `https://shop.example/${'a'.repeat(2048)}`,
      'http://shop.example/a b',
      'https://user:pass@shop.example/',
      'http:shop.example',
    ]) {
      assert.equal(
        webhookUrlProblem(text),
        'must be an absolute http or https URL without spaces or credentials',
        text,
      );
    }
  });
});

describe('webhook URLs at the edges', () => {
  let services: Services;
  let merchantId: string;
  let key: string;

  before(async () => {
    services = await webhookTestServices();
    ({ merchantId } = await fundedMerchant(services));
    ({ key } = await createApiKey(services.store, merchantId));
  });
  after(() => services.store.close());

  async function createPayoff(webhookUrl: string) {
    const app = buildHttpApp(services);
    const response = await app.inject({
      method: 'POST',
      url: '/api/create-payoff',
      headers: { 'x-api-key': key, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        method: 'cards_ru',
        wallet: '4111111111111111',
        amount: '500',
        webhook_url: webhookUrl,
      }).toString(),
    });
    await app.close();
    return response;
  }

  it('create-payoff answers 400 naming webhook_url when it is not absolute http(s)', async () => {
    const response = await createPayoff('ftp://shop.example/hook');
    assert.equal(response.statusCode, 400);
    assert.deepEqual(response.json(), {
      type: 'fail',
      code: '400',
      message:
        "Parameter 'webhook_url' must be an absolute http or https URL " +
        'without spaces or credentials.',
    });
  });

  it('create-payoff accepts an absolute https webhook_url', async () => {
    const response = await createPayoff('https://shop.example/hook');
    assert.equal(response.statusCode, 200);
  });

  it("set-webhook stores a merchant's URL, clears it with null and refuses a bad one", async () => {
    await setPayoffWebhookUrl(services.store, merchantId, 'https://shop.example/payoff');
    assert.equal(
      (await getMerchant(services.store.db, merchantId)).payoffWebhookUrl,
      'https://shop.example/payoff',
    );
    await setPayoffWebhookUrl(services.store, merchantId, null);
    assert.equal((await getMerchant(services.store.db, merchantId)).payoffWebhookUrl, null);
    await assert.rejects(setPayoffWebhookUrl(services.store, merchantId, 'not a url'), {
      code: 'invalid_webhook_url',
    });
  });
});
