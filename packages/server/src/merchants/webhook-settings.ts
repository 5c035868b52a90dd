import { PayoffError } from '../errors/payoff-error.js';
import type { Store } from '../store/store.js';
import { normalizeWebhookUrl, webhookUrlProblem } from '../webhooks/webhook-url.js';
import { getMerchant, newWebhookSecret, type Merchant } from './merchants.js';

/**
 * Sets (or, with null, clears) the URL a merchant's payoff webhooks go to when a payout
 * names none. Payouts already settled keep the URL their event was queued with.
 */
export async function setPayoffWebhookUrl(
  store: Store,
  merchantId: string,
  url: string | null,
): Promise<Merchant> {
  const problem = url === null ? null : webhookUrlProblem(url);
  if (problem !== null) {
    throw new PayoffError('invalid_webhook_url', `The webhook URL ${problem}.`);
  }
  const stored = url === null ? null : normalizeWebhookUrl(url);
  await getMerchant(store.db, merchantId);
  await store.transaction((tx) =>
    tx
      .updateTable('merchants')
      .set({ payoff_webhook_url: stored })
      .where('id', '=', merchantId)
      .execute(),
  );
  return getMerchant(store.db, merchantId);
}

/**
 * Replaces a merchant's payoff-webhook secret and returns the new one, to be shown
 * once. Events written from now on are signed with it; events already written keep the
 * `sign` of the old secret in their body, while their signature header always uses the
 * current secret.
 */
export async function rotateWebhookSecret(store: Store, merchantId: string): Promise<string> {
  await getMerchant(store.db, merchantId);
  const secret = newWebhookSecret();
  await store.transaction((tx) =>
    tx
      .updateTable('merchants')
      .set({ webhook_secret: secret })
      .where('id', '=', merchantId)
      .execute(),
  );
  return secret;
}
