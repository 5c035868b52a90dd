import { describe, it } from 'node:test';

import { assertAccepts, assertRejects, separatorVariants } from '../support/wallet-samples.js';

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
