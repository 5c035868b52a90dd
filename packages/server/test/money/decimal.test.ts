import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import {
  divideDown,
  divideHalfUp,
  formatFixed,
  formatShortest,
  parseDecimal,
  toMinorUnits,
  toScale,
} from '../../src/money/decimal.js';

describe('parseDecimal', () => {
  it('keeps the digits and the scale as written', () => {
    assert.deepEqual(parseDecimal('96.92', 8), { units: 9692n, scale: 2 });
    assert.deepEqual(parseDecimal('96.920', 8), { units: 96920n, scale: 3 });
    assert.deepEqual(parseDecimal('3', 8), { units: 3n, scale: 0 });
  });

  it('refuses more decimals than allowed, and anything but plain digits', () => {
    assert.equal(parseDecimal('0.123456789', 8), undefined);
    for (const text of ['-1', '1e3', '0x10', '1,5', ' 1', '', '.5', '5.']) {
      assert.equal(parseDecimal(text, 8), undefined, JSON.stringify(text));
    }
  });
});

describe('toScale and toMinorUnits', () => {
  it('widens to the target scale', () => {
    assert.equal(toScale({ units: 82n, scale: 1 }, 2), 820n);
    assert.equal(toMinorUnits('1.5', 8), 150000000n);
    assert.equal(toMinorUnits('8.2', 2), 820n);
  });

  it('refuses to narrow, which would drop digits', () => {
    assert.throws(() => toScale({ units: 123n, scale: 3 }, 2), RangeError);
    assert.equal(toMinorUnits('1.234', 2), undefined);
  });

  it('refuses more than the money limit of 10^17 minor units', () => {
    assert.equal(toMinorUnits('1000000000', 8), 10n ** 17n);
    assert.equal(toMinorUnits('1000000000.00000001', 8), undefined);
  });
});

describe('formatFixed', () => {
  it('writes exactly `scale` decimals', () => {
    assert.equal(formatFixed(50000n, 2), '500.00');
    assert.equal(formatFixed(6040n, 2), '60.40');
    assert.equal(formatFixed(5n, 2), '0.05');
    assert.equal(formatFixed(0n, 2), '0.00');
    assert.equal(formatFixed(10888n, 8), '0.00010888');
    assert.equal(formatFixed(123n, 0), '123');
  });

  it('writes a sign for negative amounts', () => {
    assert.equal(formatFixed(-5n, 2), '-0.05');
    assert.equal(formatFixed(-12345n, 2), '-123.45');
  });
});

describe('formatShortest', () => {
  it('drops trailing zeros and a bare point, never integer zeros', () => {
    assert.equal(formatShortest(48500n, 2), '485');
    assert.equal(formatShortest(6040n, 2), '60.4');
    assert.equal(formatShortest(10000n, 2), '100');
    assert.equal(formatShortest(0n, 2), '0');
    assert.equal(formatShortest(100000000n, 8), '1');
    assert.equal(formatShortest(10888n, 8), '0.00010888');
    assert.equal(formatShortest(500n, 0), '500');
  });
});

describe('divideHalfUp and divideDown', () => {
  it('rounds exact halves up and everything below a half down', () => {
    assert.equal(divideHalfUp(15n, 10n), 2n);
    assert.equal(divideHalfUp(25n, 10n), 3n);
    assert.equal(divideHalfUp(149n, 100n), 1n);
    assert.equal(divideHalfUp(150n, 100n), 2n);
    assert.equal(divideHalfUp(20n, 10n), 2n);
  });

  it('rounds down whatever the remainder', () => {
    assert.equal(divideDown(19n, 10n), 1n);
    assert.equal(divideDown(10n, 10n), 1n);
    assert.equal(divideDown(9n, 10n), 0n);
  });
});
