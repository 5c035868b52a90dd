import type { PayoffRequest } from '../payouts/payoff-request.js';

/**
 * Executes payouts of the methods assigned to it and reports `success` or `cancel` back
 * through the payout service's one settlement entry point.
 */
export interface Rail {
  readonly name: string;
  /**
   * When the rail first wants to act on a new payout, decided at creation; null when
   * the payout waits for someone else (an operator, an upstream callback).
   */
  firstDueAt(request: PayoffRequest, now: Date): Date | null;
}

/** The manual rail: payouts wait until an operator settles them with the CLI. */
export const manualRail: Rail = {
  name: 'manual',
  firstDueAt: () => null,
};
