import { randomUUID } from 'node:crypto';
import type dns from 'node:dns';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { WebhookSettings } from '../config/webhook-settings.js';
import type { Store } from '../store/store.js';
import { claimDueJobs, recordAttempt, type ClaimedJob } from './delivery-jobs.js';
import { retryDelayMs, type RetrySchedule } from './retry-schedule.js';
import { sendWebhook, type SendOptions, type SendResult } from './safe-sender.js';
import { eventIdHeaderName, signatureHeader, signatureHeaderName } from './signatures.js';
import { makeTargetPolicy } from './target-policy.js';

/** What a delivery worker is built from. */
export interface DeliveryWorkerOptions {
  readonly store: Store;
  readonly logger: Logger;
  readonly settings: WebhookSettings;
  /** DNS resolver for the sender; tests point host names at loopback with it. */
  readonly lookup?: typeof dns.lookup;
  /** Source of retry jitter, values in [0, 1). */
  readonly random?: () => number;
}

/** How long a lease outlives the longest possible attempt, ms. */
const leaseMarginMs = 30_000;

/** Sent as `User-Agent` with every webhook. */
const userAgent = 'payoff-webhooks/1';

/**
 * Delivers queued webhook events: looks for due jobs every `webhookPollMs` (and at once
 * whenever a delivery finishes), claims them with a lease, sends each stored body with a
 * fresh signature header, and records every attempt. At most `webhookConcurrency`
 * deliveries are in flight, at most `webhookOriginConcurrency` to one origin and at most
 * `webhookMerchantConcurrency` for one merchant, so a slow or failing endpoint (or one
 * merchant's many of them) only ever occupies its own few slots.
 */
export class DeliveryWorker {
  /** This worker's lease owner id: host, process and a random part. */
  readonly id = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly sendOptions: SendOptions;
  private readonly schedule: RetrySchedule;
  private readonly leaseMs: number;
  private readonly inFlightByOrigin = new Map<string, number>();
  private readonly inFlightByMerchant = new Map<string, number>();
  private readonly deliveries = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private claiming: Promise<void> | undefined;
  private claimAgain = false;
  private wakeScheduled = false;

  constructor(private readonly options: DeliveryWorkerOptions) {
    const { settings } = options;
    this.sendOptions = {
      policy: makeTargetPolicy({
        allowHosts: settings.webhookAllowHosts,
        allowCidrs: settings.webhookAllowCidrs,
      }),
      connectTimeoutMs: settings.webhookConnectTimeoutMs,
      totalTimeoutMs: settings.webhookTotalTimeoutMs,
      lookup: options.lookup,
    };
    this.schedule = {
      delaysMs: settings.webhookRetryDelaysMs,
      jitterPercent: settings.webhookRetryJitterPercent,
    };
    this.leaseMs = settings.webhookTotalTimeoutMs + leaseMarginMs;
  }

  /** Starts looking for due deliveries. */
  start(): void {
    if (this.running) return;
    this.running = true;
    const tick = (): void => {
      this.wake();
      if (this.running) this.timer = setTimeout(tick, this.options.settings.webhookPollMs);
    };
    tick();
  }

  /**
   * Stops claiming and waits for the deliveries in flight to be recorded; each is bounded
   * by the total timeout. A delivery cut off by a hard stop is retried after its lease.
   */
  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.claiming;
    await Promise.all([...this.deliveries]);
  }

  /** Looks for due deliveries now, for example right after events were queued. */
  wake(): void {
    if (!this.running) return;
    if (this.claiming) {
      this.claimAgain = true;
      return;
    }
    this.claiming = this.claimAndSend()
      .catch((error: unknown) => this.options.logger.error({ err: error }, 'webhook claim failed'))
      .finally(() => {
        this.claiming = undefined;
        if (this.claimAgain) {
          this.claimAgain = false;
          this.wake();
        }
      });
  }

  /** Wakes once every delivery recorded in this turn of the event loop has freed its slot. */
  private wakeSoon(): void {
    if (this.wakeScheduled) return;
    this.wakeScheduled = true;
    setImmediate(() => {
      this.wakeScheduled = false;
      this.wake();
    });
  }

  private async claimAndSend(): Promise<void> {
    const { settings } = this.options;
    const free = settings.webhookConcurrency - this.deliveries.size;
    if (free <= 0) return;
    const jobs = await claimDueJobs(this.options.store, {
      owner: this.id,
      now: new Date(),
      leaseMs: this.leaseMs,
      limit: free,
      inFlightByOrigin: this.inFlightByOrigin,
      originLimit: settings.webhookOriginConcurrency,
      inFlightByMerchant: this.inFlightByMerchant,
      merchantLimit: settings.webhookMerchantConcurrency,
    });
    for (const job of jobs) this.launch(job);
    if (jobs.length > 0 && jobs.length < free) this.claimAgain = true;
  }

  private launch(job: ClaimedJob): void {
    countUp(this.inFlightByOrigin, job.origin);
    countUp(this.inFlightByMerchant, job.merchantId);
    const delivery: Promise<void> = this.deliver(job)
      .catch((error: unknown) => this.logFor(job).error({ err: error }, 'webhook delivery failed'))
      .finally(() => {
        countDown(this.inFlightByOrigin, job.origin);
        countDown(this.inFlightByMerchant, job.merchantId);
        this.deliveries.delete(delivery);
        this.wakeSoon();
      });
    this.deliveries.add(delivery);
  }

  private async deliver(job: ClaimedJob): Promise<void> {
    const startedAt = new Date();
    const unixSeconds = Math.floor(startedAt.getTime() / 1000);
    const headers = {
      [eventIdHeaderName]: job.eventId,
      [signatureHeaderName]: signatureHeader(job.secret, job.body, unixSeconds),
      'user-agent': userAgent,
    };
    const result = await sendWebhook({ url: job.url, body: job.body, headers }, this.sendOptions);

    const delayMs =
      result.outcome === 'delivered'
        ? null
        : retryDelayMs(this.schedule, job.retryStep, this.options.random);
    const nextAttemptAt = delayMs === null ? null : new Date(Date.now() + delayMs);
    const reason = redirectReason(result);
    const kept = await recordAttempt(this.options.store, {
      job,
      owner: this.id,
      startedAt,
      result,
      reason,
      nextAttemptAt,
    });
    this.logAttempt(job, result, reason, nextAttemptAt, kept);
  }

  private logAttempt(
    job: ClaimedJob,
    result: SendResult,
    reason: string | null,
    nextAttemptAt: Date | null,
    kept: boolean,
  ): void {
    const log = this.logFor(job);
    const fields = {
      outcome: result.outcome,
      statusCode: 'statusCode' in result ? result.statusCode : undefined,
      reason: reason ?? ('reason' in result ? result.reason : undefined),
      durationMs: result.durationMs,
      nextAttemptAt: nextAttemptAt?.toISOString(),
    };
    if (!kept) log.warn(fields, 'webhook lease was lost; only the attempt is recorded');
    else if (result.outcome === 'delivered') log.info(fields, 'webhook delivered');
    else if (nextAttemptAt === null) log.warn(fields, 'webhook failed; no retries left');
    else log.info(fields, 'webhook attempt failed; will retry');
  }

  /** A child logger for one delivery; never given the URL's path, query or the secret. */
  private logFor(job: ClaimedJob): Logger {
    return this.options.logger.child({
      eventId: job.eventId,
      payoutId: job.payoutId,
      attempt: job.attemptNumber,
      origin: job.origin,
    });
  }
}

function redirectReason(result: SendResult): string | null {
  if (result.outcome !== 'rejected' || result.statusCode < 300 || result.statusCode >= 400) {
    return null;
  }
  return `redirect (HTTP ${result.statusCode}) not followed: webhooks never follow redirects`;
}

function countUp(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

function countDown(counts: Map<string, number>, key: string): void {
  const left = (counts.get(key) ?? 1) - 1;
  if (left > 0) counts.set(key, left);
  else counts.delete(key);
}
