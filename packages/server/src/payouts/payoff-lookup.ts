import { PayoffError } from '../errors/payoff-error.js';

/** Which payout an info-payoff request names: by our `id`, or else by the merchant's `my_id`. */
export interface PayoffLookup {
  readonly id: string | null;
  readonly myId: string | null;
}

/**
 * Reads `id` and `my_id` (absent ones undefined). Our `id` wins when both are given;
 * neither is a 400 naming both.
 */
export function parsePayoffLookup(
  params: Readonly<Record<string, string | undefined>>,
): PayoffLookup {
  const id = params.id ?? null;
  const myId = params.my_id ?? null;
  if (id === null && myId === null) {
    throw new PayoffError('missing_parameter', "Parameter 'id' or 'my_id' is required.");
  }
  return id !== null ? { id, myId: null } : { id: null, myId };
}
