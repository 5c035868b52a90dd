/** When failed deliveries are tried again. */
export interface RetrySchedule {
  /** Delay before each retry; after the last one the job is failed. */
  readonly delaysMs: readonly number[];
  /** Each delay moves at random by up to this percent of itself, either way. */
  readonly jitterPercent: number;
}

/**
 * The delay before retry number `step` (0 for the first retry) with jitter applied, or
 * null when the schedule is used up. `random` returns values in [0, 1).
 */
export function retryDelayMs(
  schedule: RetrySchedule,
  step: number,
  random: () => number = Math.random,
): number | null {
  const baseMs = schedule.delaysMs[step];
  if (baseMs === undefined) return null;
  const spread = (random() * 2 - 1) * (schedule.jitterPercent / 100);
  return Math.max(0, Math.round(baseMs * (1 + spread)));
}
