import type { ExpressionBuilder } from 'kysely';
import type { Database } from '../store/database.js';
import type { Queryable, Store, Tx } from '../store/store.js';
import type { SendResult } from './safe-sender.js';

/** A job a worker holds the lease of: everything one attempt needs. */
export interface ClaimedJob {
  readonly eventId: string;
  readonly payoutId: string;
  readonly url: string;
  readonly origin: string;
  readonly merchantId: string;
  /** Number of the attempt this claim makes, from 1. */
  readonly attemptNumber: number;
  /** Failed attempts since the job was (re)queued: picks the next retry delay. */
  readonly retryStep: number;
  /** The exact body stored with the event. */
  readonly body: string;
  /** The merchant's current webhook secret, for the signature header. Never logged. */
  readonly secret: string;
}

/** What a worker asks of `claimDueJobs`. */
export interface ClaimRequest {
  /** The claiming worker's id, written as the lease owner. */
  readonly owner: string;
  readonly now: Date;
  readonly leaseMs: number;
  /** Most jobs to claim. */
  readonly limit: number;
  /** Deliveries this worker has in flight, by origin. */
  readonly inFlightByOrigin: ReadonlyMap<string, number>;
  /** Most deliveries in flight to one origin. */
  readonly originLimit: number;
  /** Deliveries this worker has in flight, by merchant. */
  readonly inFlightByMerchant: ReadonlyMap<string, number>;
  /** Most deliveries in flight for one merchant, so one merchant's many slow origins
   * cannot take every slot. */
  readonly merchantLimit: number;
}

/** Due jobs looked at per claim, as a multiple of the jobs wanted. */
const candidateFactor = 4;

/**
 * Claims up to `limit` due jobs for one worker by giving them a lease, never taking an
 * origin beyond `originLimit` in flight. Candidates are read first (an idle look takes no
 * write lock), then leased by one conditional update that re-checks that each is still
 * pending and unleased, so two workers (in any number of processes) never hold the same
 * job: a job another worker leased in between is simply not returned. On PostgreSQL the
 * candidate read is where `FOR UPDATE SKIP LOCKED` belongs, to spare contending workers
 * the wasted candidates; the conditional update alone keeps it correct.
 */
export async function claimDueJobs(store: Store, request: ClaimRequest): Promise<ClaimedJob[]> {
  const chosen = pickWithinLimits(await dueCandidates(store.db, request), request);
  if (chosen.length === 0) return [];
  const leased = await store.transaction((tx) => lease(tx, chosen, request));
  if (leased.length === 0) return [];

  const details = await store.db
    .selectFrom('webhook_events')
    .innerJoin('merchants', 'merchants.id', 'webhook_events.merchant_id')
    .select([
      'webhook_events.id',
      'webhook_events.payout_id',
      'webhook_events.merchant_id',
      'webhook_events.body',
      'merchants.webhook_secret',
    ])
    .where(
      'webhook_events.id',
      'in',
      leased.map((job) => job.event_id),
    )
    .execute();
  const byId = new Map(details.map((row) => [row.id, row]));
  return leased.flatMap((job) => {
    const event = byId.get(job.event_id);
    if (event === undefined) return [];
    return [
      {
        eventId: job.event_id,
        payoutId: event.payout_id,
        url: job.url,
        origin: job.origin,
        merchantId: event.merchant_id,
        attemptNumber: Number(job.attempt_count),
        retryStep: Number(job.retry_step),
        body: event.body,
        secret: event.webhook_secret,
      },
    ];
  });
}

function dueCandidates(db: Queryable, request: ClaimRequest) {
  const full = (counts: ReadonlyMap<string, number>, limit: number) =>
    [...counts].filter(([, count]) => count >= limit).map(([key]) => key);
  const fullOrigins = full(request.inFlightByOrigin, request.originLimit);
  const fullMerchants = full(request.inFlightByMerchant, request.merchantLimit);
  return db
    .selectFrom('webhook_jobs')
    .innerJoin('webhook_events', 'webhook_events.id', 'webhook_jobs.event_id')
    .select(['webhook_jobs.event_id', 'webhook_jobs.origin', 'webhook_events.merchant_id'])
    .where('webhook_jobs.state', '=', 'pending')
    .where('webhook_jobs.next_attempt_at', '<=', request.now.toISOString())
    .where((eb) => unleased(eb, request.now))
    .$if(fullOrigins.length > 0, (q) => q.where('webhook_jobs.origin', 'not in', fullOrigins))
    .$if(fullMerchants.length > 0, (q) =>
      q.where('webhook_events.merchant_id', 'not in', fullMerchants),
    )
    .orderBy('webhook_jobs.next_attempt_at')
    .limit(request.limit * candidateFactor)
    .execute();
}

function lease(tx: Tx, eventIds: readonly string[], request: ClaimRequest) {
  const leaseUntil = new Date(request.now.getTime() + request.leaseMs).toISOString();
  return tx
    .updateTable('webhook_jobs')
    .set((eb) => ({
      lease_owner: request.owner,
      lease_until: leaseUntil,
      attempt_count: eb('attempt_count', '+', 1),
    }))
    .where('event_id', 'in', eventIds)
    .where('state', '=', 'pending')
    .where((eb) => unleased(eb, request.now))
    .returning(['event_id', 'url', 'origin', 'attempt_count', 'retry_step'])
    .execute();
}

function unleased(eb: ExpressionBuilder<Database, 'webhook_jobs'>, now: Date) {
  return eb.or([eb('lease_until', 'is', null), eb('lease_until', '<=', now.toISOString())]);
}

function pickWithinLimits(
  candidates: readonly { event_id: string; origin: string; merchant_id: string }[],
  request: ClaimRequest,
): string[] {
  const byOrigin = new Map(request.inFlightByOrigin);
  const byMerchant = new Map(request.inFlightByMerchant);
  const chosen: string[] = [];
  for (const { event_id: eventId, origin, merchant_id: merchantId } of candidates) {
    if (chosen.length >= request.limit) break;
    const originCount = byOrigin.get(origin) ?? 0;
    const merchantCount = byMerchant.get(merchantId) ?? 0;
    if (originCount >= request.originLimit || merchantCount >= request.merchantLimit) continue;
    byOrigin.set(origin, originCount + 1);
    byMerchant.set(merchantId, merchantCount + 1);
    chosen.push(eventId);
  }
  return chosen;
}

/** The outcome of one attempt, as recorded. */
export interface AttemptRecord {
  readonly job: ClaimedJob;
  readonly owner: string;
  readonly startedAt: Date;
  readonly result: SendResult;
  /** Why the attempt failed in words, when the result alone does not say. */
  readonly reason: string | null;
  /** When to try again; null when delivered or when the retries are used up. */
  readonly nextAttemptAt: Date | null;
}

/**
 * Records an attempt and moves its job on (delivered, due again, or failed) in one
 * transaction, releasing the lease. The job is only moved while `owner` still holds
 * it; the attempt row is written either way, since the request was really made.
 * Returns false when the lease had been lost to another worker.
 */
export async function recordAttempt(store: Store, record: AttemptRecord): Promise<boolean> {
  const { job, result } = record;
  const delivered = result.outcome === 'delivered';
  const finishedAt = new Date().toISOString();
  const next = record.nextAttemptAt?.toISOString() ?? null;
  const state = delivered ? 'delivered' : next === null ? 'failed' : 'pending';

  return store.transaction(async (tx) => {
    await tx
      .insertInto('webhook_attempts')
      .values({
        event_id: job.eventId,
        number: job.attemptNumber,
        started_at: record.startedAt.toISOString(),
        outcome: result.outcome,
        status_code: 'statusCode' in result ? result.statusCode : null,
        reason: record.reason ?? ('reason' in result ? result.reason : null),
        duration_ms: result.durationMs,
        next_attempt_at: next,
      })
      .execute();
    const moved = await tx
      .updateTable('webhook_jobs')
      .set({
        state,
        next_attempt_at: next,
        retry_step: delivered ? job.retryStep : job.retryStep + 1,
        lease_owner: null,
        lease_until: null,
        finished_at: state === 'pending' ? null : finishedAt,
      })
      .where('event_id', '=', job.eventId)
      .where('lease_owner', '=', record.owner)
      .executeTakeFirst();
    return moved.numUpdatedRows === 1n;
  });
}
