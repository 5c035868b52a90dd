import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { formatRub, parseRubAmount } from '../../src/money/rub.js';

describe('parseRubAmount', () => {
  it('parses roubles with up to two decimals straight into kopecks', () => {
    const cases: [string, bigint][] = [
      ['8.20', 820n],
      ['0.29', 29n],
      ['4.35', 435n],
      ['500', 50000n],
      ['500.5', 50050n],
      ['0', 0n],
      ['0.01', 1n],
      ['0500', 50000n],
      ['99999999.99', 9999999999n],
    ];
    for (const [text, kopecks] of cases) {
      assert.equal(parseRubAmount(text), kopecks, `parsing ${JSON.stringify(text)}`);
    }
  });

  it('keeps precision where a float would not (0.29, 4.35, 8.20)', () => {
    // Math.round(0.29 * 100) is 29 but 4.35 * 100 is 434.99999999999994 as a float.
    assert.equal(parseRubAmount('4.35'), 435n);
    assert.equal(parseRubAmount('1.15'), 115n);
    assert.equal(parseRubAmount('90071992547409.93'), 9007199254740993n);
  });

  it('parses up to the money limit of 10^15 RUB and refuses anything above it', () => {
    assert.equal(parseRubAmount('1000000000000000'), 10n ** 17n);
    assert.equal(parseRubAmount('1000000000000000.00'), 10n ** 17n);
    assert.equal(parseRubAmount('1000000000000000.01'), undefined);
    assert.equal(parseRubAmount('92233720368547758.07'), undefined);
    assert.equal(parseRubAmount('9007199254740993'), undefined);
  });

  it('rejects every text outside the grammar', () => {
    const rejected = [
      '1e3',
      '0x64',
      '-1',
      '+1',
      '1,5',
      '1 500',
      '100.001',
      '',
      ' 1',
      '1 ',
      '.5',
      '5.',
      '١٢',
      '１２',
      '1\n',
      '\t1',
      'NaN',
      'Infinity',
      '1_000',
      '1.2.3',
      '0b1',
      '1.',
      '.',
      '1e-2',
      '5..0',
      '٥.٠٠',
    ];
    for (const text of rejected) {
      assert.equal(parseRubAmount(text), undefined, `should reject ${JSON.stringify(text)}`);
    }
  });

  it('rejects huge strings before building a number from them', () => {
    assert.equal(parseRubAmount('9'.repeat(33)), undefined);
    assert.equal(parseRubAmount('1'.repeat(100_000)), undefined);
    assert.equal(parseRubAmount(`${'1'.repeat(30)}.00`), undefined);
  });
});

describe('formatRub', () => {
  it('writes kopecks as the shortest exact rouble text', () => {
    assert.equal(formatRub(48500n), '485');
    assert.equal(formatRub(6040n), '60.4');
    assert.equal(formatRub(6041n), '60.41');
    assert.equal(formatRub(1n), '0.01');
    assert.equal(formatRub(0n), '0');
    assert.equal(formatRub(10000n), '100');
  });
});
