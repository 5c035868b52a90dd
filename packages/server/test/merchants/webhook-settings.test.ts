import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Services } from '../../src/app/services.js';
import { rotateWebhookSecret } from '../../src/merchants/webhook-settings.js';
import {
  eventOf,
  fundedMerchant,
  settledPayout,
  webhookTestServices,
} from '../support/webhook-fixtures.js';

function signOf(body: string, secret: string): boolean {
  const form = new URLSearchParams(body);
  const text = `${form.get('id')}:${secret}:${form.get('amount_down')}`;
  return form.get('sign') === createHash('sha256').update(text).digest('hex');
}

describe('rotating a webhook secret', () => {
  let services: Services;
  before(async () => {
    services = await webhookTestServices();
  });
  after(() => services.store.close());

  it('signs later events with the new secret and leaves older ones alone', async () => {
    const shop = await fundedMerchant(services, 'https://shop.example/hook');
    const before = await settledPayout(services, shop.merchantId);
    const secret = await rotateWebhookSecret(services.store, shop.merchantId);
    const after = await settledPayout(services, shop.merchantId);

    assert.match(secret, /^[0-9a-f]{64}$/);
    assert.notEqual(secret, shop.webhookSecret);
    assert.ok(signOf((await eventOf(services, before.id)).event.body, shop.webhookSecret));
    assert.ok(signOf((await eventOf(services, after.id)).event.body, secret));
  });

  it('refuses an unknown merchant', async () => {
    await assert.rejects(rotateWebhookSecret(services.store, 'nobody'), { code: 'not_found' });
  });
});
