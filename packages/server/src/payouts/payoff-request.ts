import { PayoffError } from '../errors/payoff-error.js';
import type { MethodCatalogue } from '../methods/method-catalogue.js';
import type { PayoutMethod } from '../methods/payout-method.js';
import type { SbpBank } from '../methods/sbp-banks.js';
import { describeWalletFormat, isValidWallet } from '../methods/wallet-checks.js';
import { parseDecimal } from '../money/decimal.js';
import { formatRub, maxAmountTextLength, parseRubAmount, rubScale } from '../money/rub.js';
import { normalizeWebhookUrl, webhookUrlProblem } from '../webhooks/webhook-url.js';
import type { CommissionType } from './quote.js';

/** Operator codes `mobile_ru` accepts. */
export const mobileOperators = ['beeline_ru', 'tele2', 'mts_ru', 'megafon_ru'] as const;

/** Longest `my_id` accepted, in characters. */
export const maxMyIdLength = 255;

/** A create-payoff request that passed every check that needs no database. */
export interface PayoffRequest {
  readonly method: PayoutMethod;
  readonly wallet: string;
  readonly amountKopecks: bigint;
  readonly commissionType: CommissionType;
  readonly myId: string | null;
  readonly bank: SbpBank | null;
  readonly phoneOperator: string | null;
  readonly webhookUrl: string | null;
}

/** What validation needs to know besides the parameters. */
export interface PayoffRequestContext {
  readonly catalogue: MethodCatalogue;
  readonly sbpBanks: readonly SbpBank[];
}

/**
 * Checks create-payoff parameters in the contract's order (required parameters, method,
 * method-specific parameters, wallet, amount grammar, limits, webhook URL) and throws a
 * `PayoffError` naming the first parameter at fault. Absent parameters are undefined.
 */
export function validatePayoffRequest(
  params: Readonly<Record<string, string | undefined>>,
  context: PayoffRequestContext,
): PayoffRequest {
  const methodCode = required(params, 'method');
  const wallet = required(params, 'wallet');
  const amountText = required(params, 'amount');
  const myId = params.my_id ?? null;
  if (myId !== null && [...myId].length > maxMyIdLength) {
    throw invalid('my_id', `must be at most ${maxMyIdLength} characters`);
  }
  if (myId !== null && !isPrintable(myId)) {
    throw invalid('my_id', 'must not contain control characters or broken Unicode');
  }

  const method = findMethod(context.catalogue, methodCode);
  const bank = method.code === 'sbp' ? findBank(params.bank, context.sbpBanks) : null;
  const phoneOperator = method.code === 'mobile_ru' ? findOperator(params) : null;
  checkWallet(method, wallet);

  const amountKopecks = parseAmount(amountText, method);
  const commissionType = parseCommissionType(params.commission_type);
  checkLimits(method, amountKopecks);
  const webhookUrl = parseWebhookUrl(params.webhook_url);

  return { method, wallet, amountKopecks, commissionType, myId, bank, phoneOperator, webhookUrl };
}

function required(params: Readonly<Record<string, string | undefined>>, name: string): string {
  const value = params[name];
  if (value === undefined) {
    throw new PayoffError('missing_parameter', `Parameter '${name}' is required.`);
  }
  return value;
}

function findMethod(catalogue: MethodCatalogue, code: string): PayoutMethod {
  const method = catalogue.find(code);
  if (!method) {
    throw new PayoffError(
      'unknown_method',
      `Parameter 'method': unknown method '${clip(code)}'. /api/methods-payoff lists them.`,
    );
  }
  if (!method.enabled) {
    throw new PayoffError('method_disabled', `Parameter 'method': method '${code}' is disabled.`);
  }
  return method;
}

function findBank(bankId: string | undefined, banks: readonly SbpBank[]): SbpBank {
  if (bankId === undefined) {
    throw new PayoffError('missing_parameter', "Parameter 'bank' is required for method sbp.");
  }
  const bank = /^\d{1,32}$/.test(bankId) ? banks.find((b) => b.bankId === bankId) : undefined;
  if (!bank) {
    throw invalid('bank', 'must be a bank id from /api/sbp-banks-payoff');
  }
  return bank;
}

function findOperator(params: Readonly<Record<string, string | undefined>>): string {
  const { mobile_operator: primary, phone_operator: alias } = params;
  if (primary !== undefined && alias !== undefined && primary !== alias) {
    throw invalid('mobile_operator', 'and its alias phone_operator must not differ');
  }
  const operator = primary ?? alias;
  if (operator === undefined) {
    throw new PayoffError(
      'missing_parameter',
      "Parameter 'mobile_operator' is required for method mobile_ru.",
    );
  }
  if (!(mobileOperators as readonly string[]).includes(operator)) {
    throw invalid('mobile_operator', `must be one of ${mobileOperators.join(', ')}`);
  }
  return operator;
}

function checkWallet(method: PayoutMethod, wallet: string): void {
  if (!isValidWallet(method.walletFormat, wallet)) {
    throw new PayoffError(
      'invalid_wallet',
      `Parameter 'wallet' is not valid for method ${method.code}: expected ` +
        `${describeWalletFormat(method.walletFormat)}.`,
    );
  }
}

function parseAmount(text: string, method: PayoutMethod): bigint {
  const kopecks = parseRubAmount(text);
  if (kopecks !== undefined) return kopecks;
  // Well-formed but beyond the money limit: above every method's maximum, so say that.
  if (text.length <= maxAmountTextLength && parseDecimal(text, rubScale) !== undefined) {
    throw outOfRange(method);
  }
  throw new PayoffError(
    'invalid_amount',
    "Parameter 'amount' must be roubles with at most two decimals, like 500 or 99.50.",
  );
}

function parseCommissionType(text: string | undefined): CommissionType {
  if (text === undefined || text === '0') return 0;
  if (text === '1') return 1;
  throw invalid('commission_type', 'must be 0 or 1');
}

function checkLimits(method: PayoutMethod, amountKopecks: bigint): void {
  if (amountKopecks >= method.minKopecks && amountKopecks <= method.maxKopecks) return;
  throw outOfRange(method);
}

function outOfRange(method: PayoutMethod): PayoffError {
  return new PayoffError(
    'amount_out_of_range',
    `Parameter 'amount' must be from ${formatRub(method.minKopecks)} to ` +
      `${formatRub(method.maxKopecks)} RUB for method ${method.code}.`,
  );
}

function parseWebhookUrl(text: string | undefined): string | null {
  if (text === undefined) return null;
  const problem = webhookUrlProblem(text);
  if (problem !== null) {
    throw new PayoffError('invalid_webhook_url', `Parameter 'webhook_url' ${problem}.`);
  }
  return normalizeWebhookUrl(text);
}

/** No C0/C1 control characters and no lone surrogates. */
function isPrintable(text: string): boolean {
  return text.isWellFormed() && !/[\u0000-\u001f\u007f-\u009f]/.test(text);
}

function invalid(name: string, rule: string): PayoffError {
  return new PayoffError('invalid_parameter', `Parameter '${name}' ${rule}.`);
}

/** Shortens user text echoed back in a message. */
function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
