import { currencyScales } from '../money/currency.js';
import { JsonNumber, type JsonValue } from '../money/json-number.js';
import type { Payout } from '../payouts/payout.js';
import { formatWireDate, formatWireDateOrNull } from '../wire/wire-date.js';
import { decimalTextNumber, rubNumber, scaledNumber } from '../wire/wire-numbers.js';

/** Wire fields of a payoff answer; `undefined` members are left out. */
export type WireFields = Record<string, JsonValue | undefined>;

/** The fields create-payoff answers with (contract §2): no `amount_rate` for RUB. */
export function createPayoffFields(payout: Payout): WireFields {
  return {
    id: payout.id,
    my_id: payout.myId ?? '',
    method: payout.method,
    wallet: payout.wallet,
    ...amountFields(payout),
    amount_rate: payout.rate === null ? undefined : decimalTextNumber(payout.rate),
    amount_down: rubNumber(payout.amountDownKopecks),
    commission: rubNumber(payout.commissionKopecks),
    commission_type: payout.commissionType,
    status: payout.status,
  };
}

/**
 * The fields info-payoff answers with (contract §3), every one always present: `bank` is
 * the SBP bank's name and `phone_operator` the operator code (`""` for other methods),
 * `cancel_message` and `complete_date` are null until they apply, dates are rendered in
 * `timeZone`.
 *
 * `amount_rate` is `1` for RUB payouts. None of the known clients reads it from this
 * answer, but all of them parse it as a number wherever they do read it (the payoff
 * webhook carries `1` for RUB too), so a number is safe where `null` or a missing key
 * would break a strict model.
 */
export function payoffInfoFields(payout: Payout, timeZone: string): WireFields {
  return {
    id: payout.id,
    my_id: payout.myId ?? '',
    method: payout.method,
    bank: payout.bankName ?? '',
    phone_operator: payout.phoneOperator ?? '',
    wallet: payout.wallet,
    ...amountFields(payout),
    amount_rate: payout.rate === null ? new JsonNumber('1') : decimalTextNumber(payout.rate),
    amount_down: rubNumber(payout.amountDownKopecks),
    commission: rubNumber(payout.commissionKopecks),
    commission_type: payout.commissionType,
    status: payout.status,
    cancel_message: payout.cancelMessage,
    date: formatWireDate(payout.createdAt, timeZone),
    complete_date: formatWireDateOrNull(payout.completedAt, timeZone),
  };
}

function amountFields(payout: Payout): WireFields {
  return {
    amount: rubNumber(payout.amountKopecks),
    amount_in_currency: scaledNumber(payout.amountInCurrency, currencyScales[payout.currency]),
    amount_currency: payout.currency,
  };
}
