/**
 * The largest magnitude of any amount, balance or ledger entry, in minor units: 10^17,
 * that is 10^15 RUB or 10^9 BTC. It sits about 92 times below the 64-bit integer limit
 * (9.22 × 10^18) the databases store money in, so an amount plus its commission, or a
 * balance plus a transfer leg, can never overflow there. Parsers refuse more, and the
 * ledger keeps every balance within ± this limit.
 */
export const maxMinorUnits = 10n ** 17n;

/** True when `minorUnits` is within ± `maxMinorUnits`. */
export function isWithinMoneyLimit(minorUnits: bigint): boolean {
  return minorUnits <= maxMinorUnits && minorUnits >= -maxMinorUnits;
}
