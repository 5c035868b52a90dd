import { currencyScales } from '../money/currency.js';
import { formatShortest } from '../money/decimal.js';
import { JsonNumber, type JsonValue } from '../money/json-number.js';
import { formatRub } from '../money/rub.js';
import type { Payout } from '../payouts/payout.js';

/** A RUB amount in kopecks as a JSON number. */
export function rubNumber(kopecks: bigint): JsonNumber {
  return new JsonNumber(formatRub(kopecks));
}

/** The fields create-payoff answers with (contract §2). */
export function createPayoffFields(payout: Payout): Record<string, JsonValue | undefined> {
  return {
    id: payout.id,
    my_id: payout.myId ?? '',
    method: payout.method,
    wallet: payout.wallet,
    amount: rubNumber(payout.amountKopecks),
    amount_in_currency: new JsonNumber(
      formatShortest(payout.amountInCurrency, currencyScales[payout.currency]),
    ),
    amount_currency: payout.currency,
    amount_rate: payout.rate === null ? undefined : new JsonNumber(trimRate(payout.rate)),
    amount_down: rubNumber(payout.amountDownKopecks),
    commission: rubNumber(payout.commissionKopecks),
    commission_type: payout.commissionType,
    status: payout.status,
  };
}

/** A rate's decimal text without trailing zeros: `"96.920"` → `"96.92"`. */
function trimRate(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}
