import type { Logger } from 'pino';
import type { Payout } from '../payouts/payout.js';
import type { PayoutService } from '../payouts/payout-service.js';
import type { Rail } from './rail.js';
import { sandboxOutcome } from './sandbox-outcomes.js';

/** The sandbox rail's settings. */
export interface SandboxRailOptions {
  /** How long after creation a payout settles, ms. */
  readonly delayMs: number;
  /** How often due payouts are looked for, ms. */
  readonly pollMs: number;
}

/** Payouts settled per look, so one look never holds the store for long. */
const batchSize = 100;

/**
 * The default rail: moves no money, settles each payout `delayMs` after creation with
 * the outcome its test inputs ask for (see `sandboxOutcome`). Due times live in the
 * store, so payouts still pending when the server stops settle after it starts again.
 */
export class SandboxRail implements Rail {
  readonly name = 'sandbox';
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(private readonly options: SandboxRailOptions) {}

  /** Settles by hand (null) the payouts whose amount asks to stay pending. */
  firstDueAt(request: Parameters<Rail['firstDueAt']>[0], now: Date): Date | null {
    if (sandboxOutcome(request).status === 'pending') return null;
    return new Date(now.getTime() + this.options.delayMs);
  }

  /** Starts looking for due payouts every `pollMs`. */
  start(payouts: PayoutService, logger: Logger): void {
    const tick = (): void => {
      this.running = this.settleDue(payouts)
        .then(() => undefined)
        .catch((error: unknown) => logger.error({ err: error }, 'sandbox rail failed to settle'))
        .finally(() => {
          this.running = undefined;
          if (this.timer) this.timer = setTimeout(tick, this.options.pollMs);
        });
    };
    this.timer = setTimeout(tick, this.options.pollMs);
  }

  /** Stops looking and waits for the look in progress to finish. */
  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /**
   * Settles every payout due now; returns how many it settled. The payouts of one look
   * are settled together, so they share one group commit (one fsync).
   */
  async settleDue(payouts: PayoutService, now = new Date()): Promise<number> {
    let settled = 0;
    for (;;) {
      const due = await payouts.dueForRail(this.name, now, batchSize);
      const results = await Promise.all(due.map((payout) => settleOne(payouts, payout)));
      settled += results.filter(Boolean).length;
      if (due.length < batchSize) return settled;
    }
  }
}

async function settleOne(payouts: PayoutService, payout: Payout): Promise<boolean> {
  const outcome = sandboxOutcome({ wallet: payout.wallet, amountKopecks: payout.requestedKopecks });
  if (outcome.status === 'pending') return false;
  const message = outcome.status === 'cancel' ? outcome.message : null;
  const { changed } = await payouts.settle(payout.id, outcome.status, message);
  return changed;
}
