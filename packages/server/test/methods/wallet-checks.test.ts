import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import {
  describeWalletFormat,
  isValidWallet,
  walletFormats,
  type WalletFormat,
} from '../../src/methods/wallet-checks.js';
import { assertAccepts, assertRejects, separatorVariants } from '../support/wallet-samples.js';

/** Converts ASCII digits to another Unicode digit block (same value). */
function toDigitBlock(ascii: string, zero: number): string {
  return ascii.replace(/[0-9]/g, (d) => String.fromCodePoint(zero + d.charCodeAt(0) - 48));
}
const ARABIC_INDIC_ZERO = 0x0660;
const FULLWIDTH_ZERO = 0xff10;
const DEVANAGARI_ZERO = 0x0966;

const VISA = '4111111111111111';
const MASTERCARD = '5555555555554444';
const MIR = '2200000000000004';
const DISCOVER = '6011000990139424';
const UNIONPAY_19 = '6220000000000000008';
const MIR_19 = '2200700000000000007';
const CARD_18 = '620000000000000005';
const CARD_17 = '41111111111111113';

describe('walletFormats and describeWalletFormat', () => {
  it('lists all eleven formats exactly once', () => {
    assert.deepEqual([...walletFormats].sort(), [
      'any',
      'bitcoin',
      'card_ru',
      'card_ua',
      'mobile_ru',
      'payeer',
      'perfectmoney_usd',
      'phone_intl',
      'phone_ru',
      'tron',
      'yoomoney',
    ]);
    assert.equal(new Set(walletFormats).size, walletFormats.length);
  });

  it('is frozen so callers cannot add or remove formats', () => {
    assert.equal(Object.isFrozen(walletFormats), true);
  });

  it('gives every format a short single-line English phrase', () => {
    const phrases = new Set<string>();
    for (const format of walletFormats) {
      const phrase = describeWalletFormat(format);
      assert.match(phrase, /^[\x20-\x7e]{10,80}$/, format);
      phrases.add(phrase);
    }
    assert.equal(phrases.size, walletFormats.length, 'phrases are distinct');
  });

  it('describes card_ru with the Luhn phrase from the spec', () => {
    assert.equal(describeWalletFormat('card_ru'), '16 to 19 digits passing the Luhn check');
  });

  it('mentions the distinguishing prefix of prefixed formats', () => {
    assert.match(describeWalletFormat('mobile_ru'), /79/);
    assert.match(describeWalletFormat('yoomoney'), /4100/);
    assert.match(describeWalletFormat('payeer'), /\bP\b/);
    assert.match(describeWalletFormat('perfectmoney_usd'), /\bU\b/);
    assert.match(describeWalletFormat('tron'), /\bT\b/);
    assert.match(describeWalletFormat('bitcoin'), /bc1/);
  });

  it('returns a generic phrase instead of throwing for unknown formats', () => {
    for (const bad of ['doge', '', '__proto__', 'toString', null, 42]) {
      const phrase = describeWalletFormat(bad as unknown as WalletFormat);
      assert.equal(typeof phrase, 'string');
      assert.ok(phrase.length > 0);
    }
  });
});

describe('isValidWallet robustness', () => {
  const weirdWallets: unknown[] = [
    undefined,
    null,
    0,
    4111111111111111,
    1n,
    true,
    {},
    [],
    ['4111'],
    Symbol('w'),
    () => '4111111111111111',
    new String(VISA),
    {
      toString: () => {
        throw new Error('boom');
      },
    },
    Object.create(null),
  ];

  it('returns false, never throws, for non-string wallets', () => {
    for (const format of walletFormats) {
      for (const wallet of weirdWallets) {
        assert.equal(
          isValidWallet(format, wallet as string),
          false,
          `${format} with ${typeof wallet}`,
        );
      }
    }
  });

  it('returns false, never throws, for unknown or non-string formats', () => {
    const badFormats: unknown[] = [
      'doge',
      'CARD_RU',
      'card_ru ',
      '',
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      undefined,
      null,
      1,
      {},
      Symbol('f'),
    ];
    for (const format of badFormats) {
      assert.equal(isValidWallet(format as WalletFormat, VISA), false, String(format));
    }
  });

  it('rejects the empty string for every format', () => {
    for (const format of walletFormats) {
      assert.equal(isValidWallet(format, ''), false, format);
    }
  });

  it('rejects very long strings for every format, quickly', () => {
    const longInputs = [
      '4'.repeat(256),
      '7'.repeat(10_000),
      'T' + '1'.repeat(1_000_000),
      'bc1q' + 'q'.repeat(1_000_000),
      '1'.repeat(1_000_000),
      'a'.repeat(5_000_000),
      '\u{1F600}'.repeat(1_000_000),
    ];
    const started = performance.now();
    for (const format of walletFormats) {
      for (const wallet of longInputs) {
        assert.equal(
          isValidWallet(format, wallet),
          false,
          `${format} with length ${wallet.length}`,
        );
      }
    }
    // Generous bound: only length checks should run on these inputs.
    assert.ok(performance.now() - started < 2_000, 'long input is not decoded');
  });

  it('rejects a 129-character version of otherwise plain digits', () => {
    assertRejects('phone_intl', ['1'.repeat(129)]);
    assertRejects('card_ru', ['4'.repeat(129)]);
  });

  it('never throws on random printable and unicode input', () => {
    let seed = 12345;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed;
    };
    const alphabet =
      '0123456789TPUbcqp1 -+\u0660\uff10\ud800\u{1F600}' +
      'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
    const chars = [...alphabet];
    for (let i = 0; i < 2_000; i++) {
      const length = next() % 70;
      let wallet = '';
      for (let j = 0; j < length; j++) wallet += chars[next() % chars.length];
      for (const format of walletFormats) {
        assert.equal(typeof isValidWallet(format, wallet), 'boolean');
      }
    }
  });
});

describe('card_ru', () => {
  it('accepts 16-digit Visa, Mastercard, Mir and Discover test cards', () => {
    assertAccepts('card_ru', [
      VISA,
      MASTERCARD,
      MIR,
      DISCOVER,
      '4242424242424242',
      '5105105105105100',
    ]);
  });

  it('accepts 17, 18 and 19 digit numbers that pass Luhn', () => {
    assertAccepts('card_ru', [CARD_17, CARD_18, UNIONPAY_19, MIR_19]);
  });

  it('rejects numbers with one digit changed (Luhn fails)', () => {
    assertRejects('card_ru', [
      '4111111111111112',
      '5555555555554445',
      '4111111111111211',
      '6220000000000000009',
      '2200700000000000017',
    ]);
  });

  it('rejects two adjacent digits swapped (Luhn catches transposition)', () => {
    assertRejects('card_ru', ['1411111111111111', '5555555555554444'.replace('54444', '45444')]);
  });

  it('rejects Luhn-valid numbers shorter than 16 or longer than 19', () => {
    assertRejects('card_ru', [
      '4222222222222',
      '378282246310005',
      '41111111111111111113',
      '0'.repeat(20),
    ]);
  });

  it('rejects spaces, dashes and other separators', () => {
    assertRejects('card_ru', [
      '4111 1111 1111 1111',
      '4111-1111-1111-1111',
      ...separatorVariants(VISA),
    ]);
  });

  it('rejects letters and signs', () => {
    assertRejects('card_ru', [
      '411111111111111a',
      '+4111111111111111',
      'x4111111111111111',
      '4111111111111111x',
      '41111111111111e1',
    ]);
  });

  it('rejects Arabic-Indic, fullwidth and Devanagari digits', () => {
    assertRejects('card_ru', [
      toDigitBlock(VISA, ARABIC_INDIC_ZERO),
      toDigitBlock(VISA, FULLWIDTH_ZERO),
      toDigitBlock(MASTERCARD, DEVANAGARI_ZERO),
      VISA.slice(0, 15) + toDigitBlock('1', ARABIC_INDIC_ZERO),
    ]);
  });
});

describe('card_ua', () => {
  it('accepts 16-digit numbers that pass Luhn', () => {
    assertAccepts('card_ua', [
      VISA,
      MASTERCARD,
      '5168750000000007',
      '4405880000000008',
      '5375410000000007',
    ]);
  });

  it('rejects 16-digit numbers with one digit changed', () => {
    assertRejects('card_ua', ['4111111111111113', '5555555555554440', '5168750000000017']);
  });

  it('rejects Luhn-valid numbers that are not exactly 16 digits', () => {
    assertRejects('card_ua', [
      CARD_17,
      '41111111111111113',
      CARD_18,
      UNIONPAY_19,
      '4222222222222',
      '378282246310005',
    ]);
  });

  it('rejects separators and non-ASCII digits', () => {
    assertRejects('card_ua', [
      ...separatorVariants(VISA),
      toDigitBlock(VISA, ARABIC_INDIC_ZERO),
      toDigitBlock(VISA, FULLWIDTH_ZERO),
    ]);
  });
});

describe('mobile_ru', () => {
  it('accepts 11 digits starting with 79', () => {
    assertAccepts('mobile_ru', ['79161234567', '79001234567', '79999999999', '79000000000']);
  });

  it('rejects Russian landlines starting 7 but not 79', () => {
    assertRejects('mobile_ru', ['74951234567', '78121234567', '70001234567']);
  });

  it('rejects the domestic 8 prefix and a leading +', () => {
    assertRejects('mobile_ru', ['89161234567', '+79161234567', '9161234567']);
  });

  it('rejects 10 or 12 digits', () => {
    assertRejects('mobile_ru', ['7916123456', '791612345678']);
  });

  it('rejects separators, letters and non-ASCII digits', () => {
    assertRejects('mobile_ru', [
      '7 916 123 45 67',
      '7(916)1234567',
      '7916123456a',
      ...separatorVariants('79161234567'),
      toDigitBlock('79161234567', ARABIC_INDIC_ZERO),
      toDigitBlock('79161234567', FULLWIDTH_ZERO),
    ]);
  });
});

describe('phone_ru', () => {
  it('accepts 11 digits starting with 7, mobile or landline', () => {
    assertAccepts('phone_ru', ['79161234567', '74951234567', '78121234567', '70000000000']);
  });

  it('rejects the domestic 8 prefix, a leading + and other countries', () => {
    assertRejects('phone_ru', ['89161234567', '+79161234567', '38050123456', '12025550123']);
  });

  it('rejects 10 or 12 digits', () => {
    assertRejects('phone_ru', ['7916123456', '791612345678', '7']);
  });

  it('rejects separators and non-ASCII digits', () => {
    assertRejects('phone_ru', [
      ...separatorVariants('74951234567'),
      '7-495-123-45-67',
      toDigitBlock('74951234567', ARABIC_INDIC_ZERO),
      toDigitBlock('74951234567', DEVANAGARI_ZERO),
    ]);
  });
});

describe('phone_intl', () => {
  it('accepts E.164 numbers written as digits only', () => {
    assertAccepts('phone_intl', [
      '12025550123',
      '447911123456',
      '4915112345678',
      '380501234567',
      '79161234567',
      '8613800138000',
    ]);
  });

  it('accepts the shortest (8) and longest (15) lengths', () => {
    assertAccepts('phone_intl', ['12345678', '123456789012345']);
  });

  it('rejects 7 digits or fewer and 16 digits or more', () => {
    assertRejects('phone_intl', ['1234567', '1', '1234567890123456', '99999999999999999']);
  });

  it('rejects a leading 0 and a leading +', () => {
    assertRejects('phone_intl', [
      '012025550123',
      '00447911123456',
      '+12025550123',
      '+447911123456',
    ]);
  });

  it('rejects separators, letters and non-ASCII digits', () => {
    assertRejects('phone_intl', [
      '1-202-555-0123',
      '1 202 555 0123',
      '(202)5550123',
      '1202555O123',
      ...separatorVariants('447911123456'),
      toDigitBlock('447911123456', ARABIC_INDIC_ZERO),
      toDigitBlock('447911123456', FULLWIDTH_ZERO),
    ]);
  });
});

describe('yoomoney', () => {
  it('accepts 4100 followed by digits, 15 or 16 digits in total', () => {
    assertAccepts('yoomoney', [
      '410011234567890',
      '4100112345678901',
      '410000000000000',
      '4100999999999999',
    ]);
  });

  it('rejects 14 or 17 digits', () => {
    assertRejects('yoomoney', ['41001123456789', '41001123456789012', '4100']);
  });

  it('rejects numbers not starting with 4100', () => {
    assertRejects('yoomoney', [
      '410111234567890',
      '510011234567890',
      '041001123456789',
      '4111111111111111',
    ]);
  });

  it('rejects separators, letters and non-ASCII digits', () => {
    assertRejects('yoomoney', [
      '4100 1123 4567 890',
      '41001123456789a',
      ...separatorVariants('410011234567890'),
      toDigitBlock('410011234567890', ARABIC_INDIC_ZERO),
    ]);
  });
});

describe('payeer', () => {
  it('accepts P followed by 7 to 12 digits', () => {
    assertAccepts('payeer', ['P1234567', 'P12345678', 'P1000000001', 'P123456789012', 'P0000000']);
  });

  it('rejects 6 or 13 digits after P', () => {
    assertRejects('payeer', ['P123456', 'P1234567890123', 'P']);
  });

  it('rejects a lowercase p, a missing P or another letter', () => {
    assertRejects('payeer', [
      'p1234567',
      '1234567',
      '12345678',
      'U1234567',
      'PP1234567',
      'P1234567P',
    ]);
  });

  it('rejects separators and non-ASCII digits', () => {
    assertRejects('payeer', [
      'P 1234567',
      'P-1234567',
      ...separatorVariants('P12345678'),
      'P' + toDigitBlock('1234567', ARABIC_INDIC_ZERO),
      'P' + toDigitBlock('1234567', FULLWIDTH_ZERO),
      '\uff301234567',
    ]);
  });
});

describe('perfectmoney_usd', () => {
  it('accepts U followed by 7 or 8 digits', () => {
    assertAccepts('perfectmoney_usd', ['U1234567', 'U12345678', 'U0000001', 'U99999999']);
  });

  it('rejects 6 or 9 digits after U', () => {
    assertRejects('perfectmoney_usd', ['U123456', 'U123456789', 'U']);
  });

  it('rejects EUR and gold accounts, lowercase u and a missing prefix', () => {
    assertRejects('perfectmoney_usd', [
      'E1234567',
      'G1234567',
      'u1234567',
      '12345678',
      'UU1234567',
    ]);
  });

  it('rejects separators and non-ASCII digits', () => {
    assertRejects('perfectmoney_usd', [
      'U 1234567',
      ...separatorVariants('U12345678'),
      'U' + toDigitBlock('1234567', ARABIC_INDIC_ZERO),
    ]);
  });
});

describe('any', () => {
  it('accepts printable operator-defined identifiers', () => {
    assertAccepts('any', [
      'x',
      'wallet-42',
      'user@example.com',
      'Кошелёк_№7',
      '钱包12345',
      '\u{1F4B0}coins',
      VISA,
      'bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3297',
      'a/b:c;d,e',
      '0',
    ]);
  });

  it('accepts exactly 255 characters, counting code points', () => {
    assertAccepts('any', ['a'.repeat(255), '\u{1F600}'.repeat(255), 'é'.repeat(255)]);
  });

  it('rejects 256 characters or more', () => {
    assertRejects('any', ['a'.repeat(256), '\u{1F600}'.repeat(256), 'a'.repeat(10_000)]);
  });

  it('rejects whitespace anywhere', () => {
    assertRejects('any', [
      ' ',
      'a b',
      ' a',
      'a ',
      'a\tb',
      'a\nb',
      'a\r\nb',
      'a\u00a0b',
      'a\u2003b',
      'a\u2028b',
      'a\u3000b',
    ]);
  });

  it('rejects control and invisible format characters', () => {
    assertRejects('any', [
      'a\u0000b',
      'a\u0007',
      '\u001b[31m',
      'a\u007fb',
      'a\u0085b',
      'a\u200bb',
      'a\u202eb',
      '\ufeffabc',
      'a\u00adb',
    ]);
  });

  it('rejects lone surrogates (malformed UTF-16)', () => {
    assertRejects('any', ['a\ud800', '\udc00b', 'x\ud83dy']);
  });
});
