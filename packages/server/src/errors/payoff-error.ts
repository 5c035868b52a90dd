/**
 * The stable error codes of the server, each with the HTTP status it answers with.
 * The table in `docs/errors.md` lists the same codes; a test keeps the two in sync.
 */
export const errorCatalogue = {
  bad_request: 400,
  missing_parameter: 400,
  duplicate_parameter: 400,
  invalid_parameter: 400,
  unknown_method: 400,
  method_disabled: 400,
  invalid_wallet: 400,
  invalid_amount: 400,
  amount_out_of_range: 400,
  amount_too_small: 400,
  invalid_webhook_url: 400,
  my_id_conflict: 400,
  insufficient_balance: 400,
  rate_unavailable: 400,
  not_found: 400,
  unauthorized: 401,
  rate_limited: 429,
  internal_error: 500,
  unavailable: 503,
  route_not_found: 404,
  method_not_allowed: 405,
} as const;

/** One of the server's stable error codes. */
export type ErrorCode = keyof typeof errorCatalogue;

/**
 * The one error class of the server: a stable code, the HTTP status that code maps to,
 * and a short English message that says what to fix. Never carries a secret.
 */
export class PayoffError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'PayoffError';
    this.status = errorCatalogue[code];
  }
}
