/**
 * Wallet format checks for payout methods.
 *
 * Pure functions: no I/O, no state. Checksums and encodings are left to
 * `bs58check` (base58check with double SHA-256) and `bech32`
 * (BIP-173 / BIP-350), both from the bitcoinjs project.
 */
import { bech32, bech32m } from 'bech32';
import bs58check from 'bs58check';

/** The wallet formats a payout method can require. */
export type WalletFormat =
  | 'card_ru'
  | 'card_ua'
  | 'mobile_ru'
  | 'phone_ru'
  | 'phone_intl'
  | 'yoomoney'
  | 'payeer'
  | 'perfectmoney_usd'
  | 'tron'
  | 'bitcoin'
  | 'any';

/** Every wallet format, in a stable order (for option lists and schemas). */
export const walletFormats: readonly WalletFormat[] = Object.freeze([
  'card_ru',
  'card_ua',
  'mobile_ru',
  'phone_ru',
  'phone_intl',
  'yoomoney',
  'payeer',
  'perfectmoney_usd',
  'tron',
  'bitcoin',
  'any',
] as const);

/** No structured wallet is longer than this; longer input is never decoded. */
const MAX_STRUCTURED_LENGTH = 128;

/** The most characters (code points) an operator-defined wallet may have. */
const MAX_ANY_LENGTH = 255;

const BASE58 = /^[1-9A-HJ-NP-Za-km-z]+$/;
const ALPHANUMERIC = /^[0-9A-Za-z]+$/;

const TRON_VERSION = 0x41;
const BITCOIN_P2PKH_VERSION = 0x00;
const BITCOIN_P2SH_VERSION = 0x05;

/**
 * Inline Luhn (mod 10): the npm Luhn packages (luhn, fast-luhn) are years
 * unmaintained, and the algorithm is these few lines over ASCII digits.
 */
function passesLuhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let digit = digits.charCodeAt(i) - 48;
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    double = !double;
  }
  return sum % 10 === 0;
}

/** The base58check payload (checksum verified and stripped), if any. */
function decodeBase58Check(text: string): Uint8Array | undefined {
  if (!BASE58.test(text)) return undefined;
  return bs58check.decodeUnsafe(text);
}

/** A version byte followed by a 20-byte hash, as in TRON and Bitcoin. */
function hasVersionedHash(payload: Uint8Array | undefined, version: number) {
  return payload !== undefined && payload.length === 21 && payload[0] === version;
}

function isTronAddress(wallet: string): boolean {
  if (!wallet.startsWith('T')) return false;
  return hasVersionedHash(decodeBase58Check(wallet), TRON_VERSION);
}

function isBitcoinBase58Address(wallet: string): boolean {
  const payload = decodeBase58Check(wallet);
  return (
    hasVersionedHash(payload, BITCOIN_P2PKH_VERSION) ||
    hasVersionedHash(payload, BITCOIN_P2SH_VERSION)
  );
}

/**
 * A mainnet segwit address per BIP-173 and BIP-350: version 0 uses bech32
 * with a 20 or 32 byte program; versions 1 to 16 use bech32m with a 2 to 40
 * byte program. Mixed case is refused by the decoder.
 */
function isBitcoinSegwitAddress(wallet: string): boolean {
  if (!ALPHANUMERIC.test(wallet)) return false;
  let decoded = bech32.decodeUnsafe(wallet);
  const isBech32m = decoded === undefined;
  if (isBech32m) decoded = bech32m.decodeUnsafe(wallet);
  if (decoded === undefined || decoded.prefix !== 'bc') return false;
  const [version, ...programWords] = decoded.words;
  if (version === undefined || version > 16) return false;
  const program = bech32.fromWordsUnsafe(programWords);
  if (program === undefined) return false;
  if (program.length < 2 || program.length > 40) return false;
  if (version === 0) {
    return !isBech32m && (program.length === 20 || program.length === 32);
  }
  return isBech32m;
}

function isBitcoinAddress(wallet: string): boolean {
  if (wallet.toLowerCase().startsWith('bc1')) {
    return isBitcoinSegwitAddress(wallet);
  }
  return isBitcoinBase58Address(wallet);
}

/** Whitespace, separators, control, format and lone surrogate code units. */
const FORBIDDEN_IN_ANY = /[\s\p{Z}\p{Cc}\p{Cf}\p{Cs}]/u;

function isAnyWallet(wallet: string): boolean {
  // Two UTF-16 units at most per code point: cheap bound before counting.
  if (wallet.length === 0 || wallet.length > MAX_ANY_LENGTH * 2) return false;
  if ([...wallet].length > MAX_ANY_LENGTH) return false;
  return !FORBIDDEN_IN_ANY.test(wallet);
}

/** Rules for the structured formats; input is at most 128 characters. */
const structuredChecks: Record<Exclude<WalletFormat, 'any'>, (wallet: string) => boolean> = {
  card_ru: (w) => /^[0-9]{16,19}$/.test(w) && passesLuhn(w),
  card_ua: (w) => /^[0-9]{16}$/.test(w) && passesLuhn(w),
  mobile_ru: (w) => /^79[0-9]{9}$/.test(w),
  phone_ru: (w) => /^7[0-9]{10}$/.test(w),
  phone_intl: (w) => /^[1-9][0-9]{7,14}$/.test(w),
  yoomoney: (w) => /^4100[0-9]{11,12}$/.test(w),
  payeer: (w) => /^P[0-9]{7,12}$/.test(w),
  perfectmoney_usd: (w) => /^U[0-9]{7,8}$/.test(w),
  tron: isTronAddress,
  bitcoin: isBitcoinAddress,
};

const descriptions: Record<WalletFormat, string> = {
  card_ru: '16 to 19 digits passing the Luhn check',
  card_ua: '16 digits passing the Luhn check',
  mobile_ru: '11 digits starting with 79',
  phone_ru: '11 digits starting with 7',
  phone_intl: '8 to 15 digits of an international number, no + or leading 0',
  yoomoney: '15 or 16 digits starting with 4100',
  payeer: 'P followed by 7 to 12 digits',
  perfectmoney_usd: 'U followed by 7 or 8 digits',
  tron: 'a TRON address starting with T, with a valid checksum',
  bitcoin: 'a mainnet Bitcoin address (1..., 3... or bc1...) with a valid ' + 'checksum',
  any: '1 to 255 characters without spaces or control characters',
};

/**
 * True when `wallet` is well formed for `format`. Never throws, whatever the
 * input: non-string wallets and unknown formats give false. Inputs over 128
 * characters (255 code points for `any`) are refused before any decoding.
 */
export function isValidWallet(format: WalletFormat, wallet: string): boolean {
  try {
    if (typeof wallet !== 'string' || typeof format !== 'string') return false;
    if (format === 'any') return isAnyWallet(wallet);
    if (!Object.hasOwn(structuredChecks, format)) return false;
    if (wallet.length === 0 || wallet.length > MAX_STRUCTURED_LENGTH) {
      return false;
    }
    return structuredChecks[format](wallet);
  } catch {
    return false;
  }
}

/**
 * One short English phrase describing what the format expects, for error
 * messages, e.g. "16 to 19 digits passing the Luhn check".
 */
export function describeWalletFormat(format: WalletFormat): string {
  if (typeof format === 'string' && Object.hasOwn(descriptions, format)) {
    return descriptions[format];
  }
  return 'a supported wallet format';
}
