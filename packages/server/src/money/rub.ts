import { formatFixed, formatShortest, toMinorUnits } from './decimal.js';

/** Kopecks in a rouble: RUB amounts are held as integer kopecks. */
export const rubScale = 2;

/** Longest amount text read at all, in characters; longer text is refused unread. */
export const maxAmountTextLength = 32;

/**
 * The contract's amount grammar: digits, optionally a dot and one or two digits.
 * Returns kopecks, or undefined for anything else (sign, exponent, hex, comma, spaces,
 * a third decimal, an empty string) and for amounts above `maxMinorUnits` (10^15 RUB).
 */
export function parseRubAmount(text: string): bigint | undefined {
  if (text.length > maxAmountTextLength) return undefined;
  return toMinorUnits(text, rubScale);
}

/** Kopecks as the shortest exact rouble text: `48500n` → `"485"`, `6040n` → `"60.4"`. */
export function formatRub(kopecks: bigint): string {
  return formatShortest(kopecks, rubScale);
}

/** Kopecks as rouble text with exactly two decimals, for people: `48500n` → `"485.00"`. */
export function formatRubFixed(kopecks: bigint): string {
  return formatFixed(kopecks, rubScale);
}
