import { PayoffError } from '../errors/payoff-error.js';
import type { WebhookAttemptRow } from '../store/database.js';
import type { Queryable, Store } from '../store/store.js';
import { queueJob } from './outbox.js';

/** Where a payout's webhook stands; `unqueued` when there was no URL to send it to. */
export type WebhookState = 'pending' | 'delivered' | 'failed' | 'unqueued';

/** A payout's terminal event and its delivery job, as operators see them. */
export interface WebhookSummary {
  readonly eventId: string;
  readonly payoutId: string;
  readonly merchantId: string;
  /** The payout's final status the event reports. */
  readonly payoutStatus: string;
  readonly state: WebhookState;
  readonly url: string | null;
  readonly attemptCount: number;
  readonly nextAttemptAt: string | null;
  readonly createdAt: string;
  readonly finishedAt: string | null;
}

/** One delivery attempt. */
export interface WebhookAttempt {
  readonly number: number;
  readonly startedAt: string;
  readonly outcome: string;
  readonly statusCode: number | null;
  readonly reason: string | null;
  readonly durationMs: number;
  readonly nextAttemptAt: string | null;
}

/** A webhook with the exact body it sends and every attempt so far. */
export interface WebhookDetail extends WebhookSummary {
  readonly body: string;
  readonly attempts: readonly WebhookAttempt[];
}

/** Filters of `listWebhooks`. */
export interface WebhookFilter {
  readonly merchantId?: string;
  readonly state?: WebhookState;
  readonly limit: number;
}

/** Webhooks, newest first. */
export async function listWebhooks(db: Queryable, filter: WebhookFilter) {
  let query = summaries(db);
  if (filter.merchantId) query = query.where('e.merchant_id', '=', filter.merchantId);
  if (filter.state === 'unqueued') query = query.where('j.state', 'is', null);
  else if (filter.state) query = query.where('j.state', '=', filter.state);
  const rows = await query.orderBy('e.created_at', 'desc').limit(filter.limit).execute();
  return rows.map(toSummary);
}

/** The webhook of a payout, found by payout id or event id; `not_found` when none. */
export async function getWebhook(db: Queryable, payoutOrEventId: string): Promise<WebhookDetail> {
  const row = await summaries(db)
    .select('e.body')
    .where((eb) =>
      eb.or([eb('e.payout_id', '=', payoutOrEventId), eb('e.id', '=', payoutOrEventId)]),
    )
    .executeTakeFirst();
  if (!row) {
    const message = `No webhook event for ${payoutOrEventId}: is the payout final?`;
    throw new PayoffError('not_found', message);
  }
  const attempts = await db
    .selectFrom('webhook_attempts')
    .selectAll()
    .where('event_id', '=', row.event_id)
    .orderBy('number')
    .execute();
  return { ...toSummary(row), body: row.body, attempts: attempts.map(toAttempt) };
}

/**
 * Queues a payout's event to be sent again now, with the same event id and body, and a
 * fresh retry schedule. An event that had no URL goes to the merchant's current webhook
 * URL. Refused while an attempt is in flight.
 */
export async function resendWebhook(
  store: Store,
  payoutOrEventId: string,
  now = new Date(),
): Promise<WebhookSummary> {
  const webhook = await getWebhook(store.db, payoutOrEventId);
  const nowText = now.toISOString();
  await store.transaction(async (tx) => {
    if (webhook.state === 'unqueued') {
      const merchant = await tx
        .selectFrom('merchants')
        .select('payoff_webhook_url')
        .where('id', '=', webhook.merchantId)
        .executeTakeFirstOrThrow();
      if (merchant.payoff_webhook_url === null) {
        throw new PayoffError(
          'bad_request',
          'The merchant has no webhook URL; set one with payoff merchant set-webhook.',
        );
      }
      await queueJob(tx, webhook.eventId, merchant.payoff_webhook_url, nowText);
      return;
    }
    const requeued = await tx
      .updateTable('webhook_jobs')
      .set({ state: 'pending', next_attempt_at: nowText, retry_step: 0, finished_at: null })
      .where('event_id', '=', webhook.eventId)
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<=', nowText)]))
      .executeTakeFirst();
    if (requeued.numUpdatedRows !== 1n) {
      throw new PayoffError('bad_request', 'An attempt is in flight; resend once it is recorded.');
    }
  });
  return getWebhook(store.db, webhook.eventId);
}

function summaries(db: Queryable) {
  return db
    .selectFrom('webhook_events as e')
    .leftJoin('webhook_jobs as j', 'j.event_id', 'e.id')
    .select([
      'e.id as event_id',
      'e.payout_id',
      'e.merchant_id',
      'e.status',
      'e.created_at',
      'j.state',
      'j.url',
      'j.attempt_count',
      'j.next_attempt_at',
      'j.finished_at',
    ]);
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaries>['executeTakeFirstOrThrow']>>;

function toSummary(row: SummaryRow): WebhookSummary {
  return {
    eventId: row.event_id,
    payoutId: row.payout_id,
    merchantId: row.merchant_id,
    payoutStatus: row.status,
    state: (row.state ?? 'unqueued') as WebhookState,
    url: row.url,
    attemptCount: Number(row.attempt_count ?? 0),
    nextAttemptAt: row.next_attempt_at,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
  };
}

function toAttempt(row: WebhookAttemptRow): WebhookAttempt {
  return {
    number: Number(row.number),
    startedAt: row.started_at,
    outcome: row.outcome,
    statusCode: row.status_code === null ? null : Number(row.status_code),
    reason: row.reason,
    durationMs: Number(row.duration_ms),
    nextAttemptAt: row.next_attempt_at,
  };
}
