import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import {
  describeWalletFormat,
  isValidWallet,
  walletFormats,
  type WalletFormat,
} from '../../src/methods/wallet-checks.js';

function assertAccepts(format: WalletFormat, samples: readonly string[]) {
  for (const sample of samples) {
    assert.equal(
      isValidWallet(format, sample),
      true,
      `${format} should accept ${JSON.stringify(sample)}`,
    );
  }
}

function assertRejects(format: WalletFormat, samples: readonly string[]) {
  for (const sample of samples) {
    assert.equal(
      isValidWallet(format, sample),
      false,
      `${format} should reject ${JSON.stringify(sample.slice(0, 80))}`,
    );
  }
}

/** Converts ASCII digits to another Unicode digit block (same value). */
function toDigitBlock(ascii: string, zero: number): string {
  return ascii.replace(/[0-9]/g, (d) => String.fromCodePoint(zero + d.charCodeAt(0) - 48));
}
const ARABIC_INDIC_ZERO = 0x0660;
const FULLWIDTH_ZERO = 0xff10;
const DEVANAGARI_ZERO = 0x0966;

/** Separator-laden and odd variants of a valid value, all to be rejected. */
function separatorVariants(valid: string): string[] {
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

const USDT_CONTRACT = 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t';
const TRON_WALLET = 'TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU7';
/** Version 0x41 over the hash160 of 1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2. */
const TRON_FROM_BTC_HASH = 'TLtPMVcH2cdc41WtNLpcaukQATsGWdggp1';

describe('tron', () => {
  it('accepts valid TRON addresses, including the USDT contract', () => {
    assertAccepts('tron', [USDT_CONTRACT, TRON_WALLET, TRON_FROM_BTC_HASH]);
  });

  it('rejects addresses with one character changed (checksum fails)', () => {
    assertRejects('tron', [
      'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u',
      'TR7NHqjeKQxGTCj8q8ZY4pL8otSzgjLj6t',
      'TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU8',
      'TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjV7',
      'TLa2f6VPqDgRE67v1736s7bJ8Ray5wyjU7',
    ]);
  });

  it('rejects checksum-valid base58 with the wrong version byte', () => {
    assertRejects('tron', [
      'TpSyGx2w2bR9GdrDrYtrYwbvSPhwSmg7ER', // version 0x42, starts with T
      'T1mmJjSMcEVPdma3oiEDah4MBPC3yQsKfi', // version 0x40, starts with T
      '1G9AHnMvAgqKJ2eWErupYfdzu6hgW14EeZ', // version 0x00
    ]);
  });

  it('rejects checksum-valid base58 of the wrong payload length', () => {
    assertRejects('tron', [
      '6z7t3TSyVBs8aaTzWUzfkus6r92s6MS25',
      '31bR6yL7DiGiwCegZZSNc7quTTx5jPfFYFii',
    ]);
  });

  it('rejects Bitcoin and hex-form addresses', () => {
    assertRejects('tron', [
      '1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2',
      '3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy',
      '41a614f803b6fd780986a42c78ec9c7f77e6ded13c',
      '0xa614f803b6fd780986a42c78ec9c7f77e6ded13c',
    ]);
  });

  it('rejects truncated, extended and lowercased addresses', () => {
    assertRejects('tron', [
      USDT_CONTRACT.slice(0, -1),
      USDT_CONTRACT + '1',
      USDT_CONTRACT.toLowerCase(),
      USDT_CONTRACT.toUpperCase(),
      'T',
    ]);
  });

  it('rejects characters outside the base58 alphabet', () => {
    assertRejects('tron', [
      'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj60',
      'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLjOt',
      'TR7NHqjeKQxGTCI8q8ZY4pL8otSzgjLj6t',
      'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjlj6t',
      'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6\u0442',
    ]);
  });

  it('rejects separators around or inside an address', () => {
    assertRejects('tron', separatorVariants(USDT_CONTRACT));
  });
});

const P2PKH = '1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2';
const P2SH = '3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy';
const P2WPKH = 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq';
const P2WSH = 'bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3';
const P2TR = 'bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3297';

describe('bitcoin', () => {
  it('accepts mainnet P2PKH addresses', () => {
    assertAccepts('bitcoin', [
      P2PKH,
      '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa',
      '1111111111111111111114oLvT2',
    ]);
  });

  it('accepts mainnet P2SH addresses', () => {
    assertAccepts('bitcoin', [P2SH, '3EktnHQD7RiAE6uzMj2ZifT9YgRrkSgzQX']);
  });

  it('accepts bech32 segwit v0 addresses (P2WPKH and P2WSH)', () => {
    assertAccepts('bitcoin', [P2WPKH, P2WSH, 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4']);
  });

  it('accepts bech32m taproot (segwit v1) addresses', () => {
    assertAccepts('bitcoin', [
      P2TR,
      'bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0',
    ]);
  });

  it('accepts all-uppercase bech32, as BIP-173 allows', () => {
    assertAccepts('bitcoin', [
      P2WPKH.toUpperCase(),
      P2TR.toUpperCase(),
      'BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4',
    ]);
  });

  it('accepts the BIP-350 mainnet vectors for future witness versions', () => {
    assertAccepts('bitcoin', [
      'bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7k' + 't5nd6y',
      'BC1SW50QGDZ25J',
      'bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs',
    ]);
  });

  it('rejects base58 addresses with one character changed', () => {
    assertRejects('bitcoin', [
      '1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3',
      '1BvBMSEYstWetqTFn5Au4m4GFg7xJaNvN2',
      '3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLz',
      '3J98t1WpEZ73CNmQviecrnyiWrnqRhWMLy',
    ]);
  });

  it('rejects bech32 and bech32m addresses with one character changed', () => {
    assertRejects('bitcoin', [
      'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdr',
      'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5ndq',
      'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdqq',
      'bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3298',
      'bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3z97',
    ]);
  });

  it('rejects mixed-case bech32', () => {
    assertRejects('bitcoin', [
      'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mDq',
      'BC1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq',
      'Bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq',
      'bc1P5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3297',
    ]);
  });

  it('rejects testnet and regtest addresses', () => {
    assertRejects('bitcoin', [
      'tb1qar0srrr7xfkvy5l643lydnw9re59gtzzy00gkn',
      'tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7',
      'tb1pqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesf3hn0c',
      'bcrt1qar0srrr7xfkvy5l643lydnw9re59gtzzxxk9p6',
      'mipcBbFg9gMiCh81Kj8tqqdgoZub1ZJRfn', // testnet P2PKH, version 0x6f
      'n3GNqMveyvaPvUbH469vDRadqpJMPc84JA', // testnet P2PKH, version 0x6f
      '2MzQwSSnBHWHqSAqtTVQ6v47XtaisrJa1Vc', // testnet P2SH, version 0xc4
    ]);
  });

  it('rejects other coins sharing the encodings', () => {
    assertRejects('bitcoin', [
      'ltc1qar0srrr7xfkvy5l643lydnw9re59gtzz24wl4s',
      USDT_CONTRACT,
      TRON_FROM_BTC_HASH, // same hash as P2PKH above, TRON version byte
    ]);
  });

  it('rejects witness v0 encoded with bech32m and v1+ with bech32', () => {
    assertRejects('bitcoin', [
      'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzm4yhgz',
      'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh',
      'bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusn5pxqu',
      'bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd',
      'BC1S0XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ54WELL',
    ]);
  });

  it('rejects witness versions above 16 and bad program lengths', () => {
    assertRejects('bitcoin', [
      'bc135d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rus6utgsj',
      'BC130XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ7ZWS8R',
      'bc1pw5dgrnzv', // 1-byte program
      // 41-byte program
      'bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v8n0nx0muaew' + 'av253zgeav',
      'BC1QR508D6QEJXTDG4Y5R3ZARVARYV98GJ9P', // v0 with 16 bytes
    ]);
  });

  it('rejects bad padding, empty data and invalid characters', () => {
    assertRejects('bitcoin', [
      'bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v07qwwzcrf',
      'bc1gmk9yu',
      'bc1p38j9r5y49hruaue7wxjce0updqjuyyx0kh56v8s25huc6995vvpql3jow4',
      'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdb',
      'bc1',
      'bc1q',
    ]);
  });

  it('rejects base58 look-alikes with characters outside the alphabet', () => {
    assertRejects('bitcoin', [
      '1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN0',
      '1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVNl',
      '0BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2',
      '1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN\u0662',
    ]);
  });

  it('rejects separators around or inside an address', () => {
    assertRejects('bitcoin', [
      ...separatorVariants(P2PKH),
      ...separatorVariants(P2WPKH),
      'bitcoin:' + P2PKH,
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
      P2TR,
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
