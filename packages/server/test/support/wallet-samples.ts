import assert from 'node:assert/strict';
import { isValidWallet, type WalletFormat } from '../../src/methods/wallet-checks.js';

/** Asserts that `format` accepts every sample. */
export function assertAccepts(format: WalletFormat, samples: readonly string[]) {
  for (const sample of samples) {
    assert.equal(
      isValidWallet(format, sample),
      true,
      `${format} should accept ${JSON.stringify(sample)}`,
    );
  }
}

/** Asserts that `format` refuses every sample. */
export function assertRejects(format: WalletFormat, samples: readonly string[]) {
  for (const sample of samples) {
    assert.equal(
      isValidWallet(format, sample),
      false,
      `${format} should reject ${JSON.stringify(sample.slice(0, 80))}`,
    );
  }
}

/** Separator-laden and odd variants of a valid value, all to be rejected. */
export function separatorVariants(valid: string): string[] {
  const mid = Math.floor(valid.length / 2);
  const head = valid.slice(0, mid);
  const tail = valid.slice(mid);
  return [
    ` ${valid}`,
    `${valid} `,
    `${head} ${tail}`,
    `${head}-${tail}`,
    `${head}\t${tail}`,
    `${valid}\n`,
    `${head}\u00a0${tail}`,
    `${head}\u200b${tail}`,
    `${head}.${tail}`,
  ];
}
