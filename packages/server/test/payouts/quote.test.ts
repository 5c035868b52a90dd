import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { PayoffError } from '../../src/errors/payoff-error.js';
import { MethodCatalogue } from '../../src/methods/method-catalogue.js';
import type { MethodSettings, PayoutMethod } from '../../src/methods/payout-method.js';
import { parseDecimal } from '../../src/money/decimal.js';
import { commissionFor, convertFromRub, quotePayoff } from '../../src/payouts/quote.js';
import type { Rate } from '../../src/rates/rate-book.js';
import type { RateCurrency } from '../../src/money/currency.js';

function method(overrides: Partial<MethodSettings>): PayoutMethod {
  const settings: MethodSettings = {
    name: 'Test',
    currency: 'RUB',
    walletFormat: 'any',
    min: '1',
    max: '1000000',
    commissionPercent: '0',
    commissionSum: '0',
    enabled: true,
    rail: 'sandbox',
    ...overrides,
  };
  const found = new MethodCatalogue({ test: settings }).find('test');
  assert.ok(found);
  return found;
}

function rate(currency: RateCurrency, text: string): Rate {
  const value = parseDecimal(text, 8);
  assert.ok(value);
  return { currency, text, value };
}

describe('commissionFor', () => {
  it('takes 20 % of 302.00 as exactly 60.40', () => {
    assert.equal(commissionFor(30200n, 200000n, 0n), 6040n);
  });

  it('rounds half a kopeck up and less than half down', () => {
    // 1 % of 1.50 is 1.5 kopecks; of 2.50 is 2.5; of 1.49 is 1.49.
    assert.equal(commissionFor(150n, 10000n, 0n), 2n);
    assert.equal(commissionFor(250n, 10000n, 0n), 3n);
    assert.equal(commissionFor(149n, 10000n, 0n), 1n);
    // 1.5 % of 1.00 is 1.5 kopecks.
    assert.equal(commissionFor(100n, 15000n, 0n), 2n);
    // 3 % of 0.49 is 1.47 kopecks.
    assert.equal(commissionFor(49n, 30000n, 0n), 1n);
  });

  it('adds the fixed sum after rounding the percentage', () => {
    // 3 % of 100.05 is 300.15 kopecks → 300, plus 50.00.
    assert.equal(commissionFor(10005n, 30000n, 5000n), 5300n);
  });
});

describe('quotePayoff for RUB methods', () => {
  it('takes the commission out of amount with commission_type 0', () => {
    const quote = quotePayoff(30200n, 0, method({ commissionPercent: '20' }), undefined);
    assert.equal(quote.commissionKopecks, 6040n);
    assert.equal(quote.amountKopecks, 24160n);
    assert.equal(quote.amountDownKopecks, 30200n);
    assert.equal(quote.amountInCurrency, 24160n);
    assert.equal(quote.currency, 'RUB');
    assert.equal(quote.rate, undefined);
  });

  it('debits the commission on top with commission_type 1', () => {
    const quote = quotePayoff(30200n, 1, method({ commissionPercent: '20' }), undefined);
    assert.equal(quote.amountKopecks, 30200n);
    assert.equal(quote.amountDownKopecks, 36240n);
    assert.equal(quote.commissionKopecks, 6040n);
  });

  it('refuses a recipient value of zero or less with a 400', () => {
    const fixedFee = method({ commissionSum: '10' });
    for (const amount of [1000n, 999n, 1n]) {
      assert.throws(
        () => quotePayoff(amount, 0, fixedFee, undefined),
        (error: unknown) =>
          error instanceof PayoffError &&
          error.code === 'amount_too_small' &&
          error.status === 400 &&
          error.message.includes("'amount'"),
      );
    }
    assert.equal(quotePayoff(1001n, 0, fixedFee, undefined).amountKopecks, 1n);
    assert.equal(quotePayoff(1000n, 1, fixedFee, undefined).amountKopecks, 1000n);
  });
});

describe('quotePayoff for currency methods', () => {
  const tether = method({ currency: 'USDT', commissionPercent: '3' });
  const usdt = rate('USDT', '96.92');

  it('matches the contract worked example with commission_type 0', () => {
    const quote = quotePayoff(50000n, 0, tether, usdt);
    assert.equal(quote.amountKopecks, 48500n);
    assert.equal(quote.amountDownKopecks, 50000n);
    assert.equal(quote.commissionKopecks, 1500n);
    // 485 / 96.92 = 5.0041…: five dollars, rounded down.
    assert.equal(quote.amountInCurrency, 500n);
    assert.equal(quote.rate, usdt);
  });

  it('matches the contract worked example with commission_type 1', () => {
    const quote = quotePayoff(50000n, 1, tether, usdt);
    assert.equal(quote.amountKopecks, 50000n);
    assert.equal(quote.amountDownKopecks, 51500n);
    // 500 / 96.92 = 5.1589…: rounded down to 5.15, never up to 5.16.
    assert.equal(quote.amountInCurrency, 515n);
  });

  it('rounds bitcoin down at eight decimals', () => {
    const bitcoin = method({ currency: 'BTC', commissionPercent: '2' });
    const quote = quotePayoff(100000n, 0, bitcoin, rate('BTC', '9000000'));
    // 980 / 9 000 000 = 0.000108888…
    assert.equal(quote.amountInCurrency, 10888n);
  });

  it('refuses an amount that comes to more than the money limit in the currency', () => {
    const bitcoin = method({ currency: 'BTC' });
    const outOfRange = (error: unknown) =>
      error instanceof PayoffError && error.code === 'amount_out_of_range' && error.status === 400;
    assert.throws(() => quotePayoff(100000n, 0, bitcoin, rate('BTC', '0.00000001')), outOfRange);

    // At 0.0001 RUB per BTC, 100 000 RUB is exactly 10^9 BTC: the limit, and no more.
    const lowest = rate('BTC', '0.0001');
    assert.equal(quotePayoff(10n ** 7n, 0, bitcoin, lowest).amountInCurrency, 10n ** 17n);
    assert.throws(() => quotePayoff(10n ** 7n + 1n, 0, bitcoin, lowest), outOfRange);
  });

  it('refuses an amount that buys nothing in the currency', () => {
    const bitcoin = method({ currency: 'BTC' });
    assert.throws(
      () => quotePayoff(1n, 0, bitcoin, rate('BTC', '9000000')),
      (error: unknown) => error instanceof PayoffError && error.code === 'amount_too_small',
    );
  });
});

describe('convertFromRub', () => {
  it('rounds down even a hair below the next unit', () => {
    assert.equal(convertFromRub(9691n, rate('USDT', '96.92'), 2), 99n);
    assert.equal(convertFromRub(9692n, rate('USDT', '96.92'), 2), 100n);
    assert.equal(convertFromRub(23000n, rate('UAH', '2.30'), 2), 10000n);
    assert.equal(convertFromRub(22999n, rate('UAH', '2.3'), 2), 9999n);
  });
});
