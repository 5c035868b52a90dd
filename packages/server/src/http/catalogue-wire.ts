import type { MethodCatalogue } from '../methods/method-catalogue.js';
import { percentScale } from '../methods/payout-method.js';
import type { SbpBank } from '../methods/sbp-banks.js';
import { rateCurrencies, type RateCurrency } from '../money/currency.js';
import type { Rate } from '../rates/rate-book.js';
import type { WireFields } from './payoff-wire.js';
import { rubNumber, scaledNumber } from '../wire/wire-numbers.js';

/**
 * methods-payoff (contract §4): `list` is an object keyed by method code, enabled
 * methods only, `{}` when none is. Limits and commissions are exact JSON numbers.
 */
export function payoffMethodsFields(catalogue: MethodCatalogue): WireFields {
  const entries = catalogue.enabled().map((method) => [
    method.code,
    {
      name: method.name,
      min: rubNumber(method.minKopecks),
      max: rubNumber(method.maxKopecks),
      commission_percent: scaledNumber(method.commissionPercentUnits, percentScale),
      commission_sum: rubNumber(method.commissionSumKopecks),
    },
  ]);
  return { list: Object.fromEntries(entries) };
}

/** rates-payoff: exactly `USD, UAH, USDT, BTC` in RUB per unit; one client refuses more. */
export function payoffRatesFields(rates: Readonly<Record<RateCurrency, Rate>>): WireFields {
  return Object.fromEntries(
    rateCurrencies.map((currency) => {
      const { units, scale } = rates[currency].value;
      return [currency, scaledNumber(units, scale)];
    }),
  );
}

/** sbp-banks-payoff: `list` of banks, `bankId` a string of digits (it exceeds 32 bits). */
export function sbpBanksFields(banks: readonly SbpBank[]): WireFields {
  return {
    list: banks.map((bank) => ({
      bankId: bank.bankId,
      bankName: bank.bankName,
      bankIcon: bank.bankIcon,
    })),
  };
}
