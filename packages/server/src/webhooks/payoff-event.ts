import { formatWireDate } from '../wire/wire-date.js';
import { decimalTextNumber } from '../wire/wire-numbers.js';
import { currencyScales } from '../money/currency.js';
import { formatFixed } from '../money/decimal.js';
import { formatRubFixed } from '../money/rub.js';
import type { Payout } from '../payouts/payout.js';
import { payoffSign } from './signatures.js';

/**
 * The form body of a payout's terminal webhook (contract §5): every field always
 * present, in the contract's order, `sign` last. RUB money has exactly two decimals,
 * `amount_in_currency` the scale of its currency. Built once, when the event is written,
 * and sent byte for byte on every attempt.
 */
export function buildPayoffEventBody(payout: Payout, secret: string, timeZone: string): string {
  const amountDown = formatRubFixed(payout.amountDownKopecks);
  const fields: [string, string][] = [
    ['id', payout.id],
    ['my_id', payout.myId ?? ''],
    ['method', payout.method],
    ['bank', payout.bankName ?? ''],
    ['wallet', payout.wallet],
    ['amount', formatRubFixed(payout.amountKopecks)],
    ['amount_in_currency', formatFixed(payout.amountInCurrency, currencyScales[payout.currency])],
    ['amount_currency', payout.currency],
    ['amount_rate', payout.rate === null ? '1' : decimalTextNumber(payout.rate).text],
    ['amount_down', amountDown],
    ['commission', formatRubFixed(payout.commissionKopecks)],
    ['commission_type', String(payout.commissionType)],
    ['status', payout.status],
    ['cancel_message', payout.cancelMessage ?? ''],
    ['date', formatWireDate(payout.createdAt, timeZone)],
    ['complete_date', payout.completedAt ? formatWireDate(payout.completedAt, timeZone) : ''],
    ['sign', payoffSign(payout.id, secret, amountDown)],
  ];
  return new URLSearchParams(fields).toString();
}
