import { formatRub, parseRubAmount } from '../money/rub.js';
import { toMinorUnits } from '../money/decimal.js';
import { maxMinorUnits } from '../money/money-limit.js';
import { percentScale, type MethodSettings, type PayoutMethod } from './payout-method.js';

/** The payout methods the server offers, keyed by method code. */
export class MethodCatalogue {
  private readonly methods: ReadonlyMap<string, PayoutMethod>;

  constructor(settings: Readonly<Record<string, MethodSettings>>) {
    const entries = Object.entries(settings).map(([code, s]) => [code, toMethod(code, s)] as const);
    this.methods = new Map(entries);
  }

  /** The method with this code, enabled or not; undefined when unknown. */
  find(code: string): PayoutMethod | undefined {
    return this.methods.get(code);
  }

  /** Every method, enabled or not, in configuration order. */
  all(): PayoutMethod[] {
    return [...this.methods.values()];
  }

  /** The enabled methods, in configuration order. */
  enabled(): PayoutMethod[] {
    return this.all().filter((method) => method.enabled);
  }
}

function toMethod(code: string, settings: MethodSettings): PayoutMethod {
  const minKopecks = rub(code, 'min', settings.min);
  const maxKopecks = rub(code, 'max', settings.max);
  if (minKopecks > maxKopecks) throw new Error(`method ${code}: min is above max`);

  const percentUnits = toMinorUnits(settings.commissionPercent, percentScale);
  if (percentUnits === undefined || percentUnits >= 100n * 10n ** BigInt(percentScale)) {
    throw new Error(`method ${code}: commissionPercent must be a decimal below 100`);
  }

  return {
    code,
    name: settings.name,
    currency: settings.currency,
    walletFormat: settings.walletFormat,
    minKopecks,
    maxKopecks,
    commissionPercentUnits: percentUnits,
    commissionSumKopecks: rub(code, 'commissionSum', settings.commissionSum),
    enabled: settings.enabled,
    rail: settings.rail,
    settings,
  };
}

function rub(code: string, field: string, text: string): bigint {
  const kopecks = parseRubAmount(text);
  if (kopecks === undefined) {
    const limit = formatRub(maxMinorUnits);
    throw new Error(`method ${code}: ${field} must be RUB like "100.50", at most ${limit}`);
  }
  return kopecks;
}
