import { randomUUID } from 'node:crypto';
import type { Payout } from '../payouts/payout.js';
import type { Tx } from '../store/store.js';
import { buildPayoffEventBody } from './payoff-event.js';

/** What the outbox wrote for one settled payout. */
export interface WrittenEvent {
  readonly eventId: string;
  /** False when neither the payout nor its merchant had a webhook URL. */
  readonly queued: boolean;
}

/**
 * The webhook outbox. Settlement calls `write` inside its own transaction, so a payout
 * becomes final together with its event, or not at all; the delivery worker sends the
 * event later, never the request that settled the payout.
 */
export class WebhookOutbox {
  constructor(private readonly options: { readonly displayTimeZone: string }) {}

  /**
   * Writes the terminal event of a payout that just became final: its body, signed with
   * the merchant's webhook secret, is fixed now. A delivery job is queued to the payout's
   * `webhook_url`, else the merchant's payoff webhook URL; with neither, the event is
   * kept without a job (`payoff webhook resend` can queue it later). A second event for
   * the same payout violates a unique index.
   */
  async write(tx: Tx, payout: Payout): Promise<WrittenEvent> {
    const merchant = await tx
      .selectFrom('merchants')
      .select(['webhook_secret', 'payoff_webhook_url'])
      .where('id', '=', payout.merchantId)
      .executeTakeFirstOrThrow();
    const eventId = randomUUID();
    const now = payout.completedAt ?? new Date().toISOString();

    await tx
      .insertInto('webhook_events')
      .values({
        id: eventId,
        payout_id: payout.id,
        merchant_id: payout.merchantId,
        status: payout.status,
        body: buildPayoffEventBody(payout, merchant.webhook_secret, this.options.displayTimeZone),
        created_at: now,
      })
      .execute();

    const url = payout.webhookUrl ?? merchant.payoff_webhook_url;
    if (url === null) return { eventId, queued: false };
    await queueJob(tx, eventId, url, now);
    return { eventId, queued: true };
  }
}

/** Queues a new delivery job for an event, due at `dueAt`. */
export async function queueJob(tx: Tx, eventId: string, url: string, dueAt: string) {
  await tx
    .insertInto('webhook_jobs')
    .values({
      event_id: eventId,
      url,
      origin: new URL(url).origin,
      state: 'pending',
      attempt_count: 0,
      retry_step: 0,
      next_attempt_at: dueAt,
      lease_owner: null,
      lease_until: null,
      created_at: dueAt,
      finished_at: null,
    })
    .execute();
}
