import { createHash, createHmac } from 'node:crypto';

/**
 * The body's `sign` field (contract §5): lowercase hex SHA-256 of
 * `{id}:{secret}:{amount_down}`, with `amountDown` exactly as the body writes it.
 */
export function payoffSign(payoutId: string, secret: string, amountDown: string): string {
  return createHash('sha256').update(`${payoutId}:${secret}:${amountDown}`).digest('hex');
}

/** Name of the header carrying the timestamped HMAC signature. */
export const signatureHeaderName = 'X-Payoff-Signature';

/** Name of the header carrying the event id, the same on every attempt. */
export const eventIdHeaderName = 'X-Payoff-Event-Id';

/**
 * The timestamped signature header value, `t=<unix seconds>,v1=<hex>`, where the hex is
 * HMAC-SHA256 keyed with the webhook secret over `<t>.<raw body>`. A receiver recomputes
 * it and refuses stale timestamps to stop replays.
 */
export function signatureHeader(secret: string, body: string, unixSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}
