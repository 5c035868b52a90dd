import type { RateCurrency } from '../money/currency.js';
import type { MethodSettings } from '../methods/payout-method.js';

/** Every default of the server in one place, each with its unit. */
export const defaults = {
  /** Where the embedded database and the demo key file live. */
  dataDir: './data',
  /** Interface the HTTP server binds to. */
  host: '127.0.0.1',
  /** TCP port of the HTTP server. */
  port: 3000,
  /** pino level. */
  logLevel: 'info',
  /** IANA zone dates are rendered in on the wire. */
  displayTimeZone: 'UTC',
  /** `development` creates a demo merchant on first start; `production` never does. */
  mode: 'development',
  /** Milliseconds the sandbox rail waits before settling a payout. */
  sandboxDelayMs: 3000,
  /** Milliseconds between two looks of the sandbox rail for payouts that are due. */
  sandboxPollMs: 250,
  /** Milliseconds a graceful shutdown waits for in-flight work before exiting anyway. */
  shutdownGraceMs: 10_000,
  /** Demo merchant's opening balance, RUB. */
  demoBalanceRub: '100000.00',
  /** Addresses webhooks are sent from, as listed by `/api/public/ips`. */
  webhookIps: [] as string[],
  /**
   * CIDR ranges webhooks may reach in development mode when `webhookAllowCidrs` is not
   * set: loopback, so the sandbox can call a receiver on the same machine. Production
   * allows nothing unless the operator lists it.
   */
  developmentWebhookAllowCidrs: ['127.0.0.0/8', '::1/128'] as string[],
  /** Milliseconds a webhook may take to resolve its host and connect. */
  webhookConnectTimeoutMs: 5_000,
  /** Milliseconds a webhook may take from the start until the answer's status line. */
  webhookTotalTimeoutMs: 10_000,
  /**
   * Milliseconds before each retry of a failed webhook: 1 m, 5 m, 15 m, 1 h, 2 h, 4 h, then
   * 8 h three times. Ten attempts over about 31 h, at least 25 h even with the largest
   * jitter taken off every delay.
   */
  webhookRetryDelaysMs: [
    60_000, 300_000, 900_000, 3_600_000, 7_200_000, 14_400_000, 28_800_000, 28_800_000, 28_800_000,
  ] as number[],
  /** Percent of each retry delay added or taken off at random, so retries spread out. */
  webhookRetryJitterPercent: 20,
  /** Milliseconds between two looks of the delivery worker for webhooks that are due. */
  webhookPollMs: 250,
  /** Webhook deliveries in flight at once, per process. */
  webhookConcurrency: 16,
  /** Webhook deliveries in flight at once to one origin, per process. */
  webhookOriginConcurrency: 2,
  /** Webhook deliveries in flight for one merchant per process, whatever their origins. */
  webhookMerchantConcurrency: 4,
} as const;

/** RUB per unit of each rate currency until an operator sets one. */
export const defaultRates: Record<RateCurrency, string> = {
  USD: '95.50',
  UAH: '2.30',
  USDT: '96.92',
  BTC: '9000000',
};

/** The default payout method catalogue (contract §6). Amounts in RUB, commission in %. */
export const defaultMethods: Record<string, MethodSettings> = {
  cards_ru: method('Bank card (RUB)', 'RUB', 'card_ru', '100', '100000', '3', '50'),
  cards_ua: method('Bank card (UAH)', 'UAH', 'card_ua', '100', '100000', '4', '50'),
  mobile_ru: method('Mobile phone (Russia)', 'RUB', 'mobile_ru', '10', '15000', '2', '0'),
  sbp: method('SBP (Faster Payments System)', 'RUB', 'phone_ru', '100', '300000', '1.5', '0'),
  qiwi: method('QIWI Wallet', 'RUB', 'phone_intl', '10', '15000', '2', '0'),
  yoomoney: method('YooMoney', 'RUB', 'yoomoney', '10', '100000', '2', '0'),
  payeer: method('Payeer', 'RUB', 'payeer', '10', '100000', '2', '0'),
  perfectmoney: method('Perfect Money (USD)', 'USD', 'perfectmoney_usd', '100', '100000', '3', '0'),
  tether_trc20: method('USDT (TRC-20)', 'USDT', 'tron', '100', '1000000', '3', '0'),
  bitcoin: method('Bitcoin', 'BTC', 'bitcoin', '1000', '1000000', '2', '0'),
};

function method(
  name: string,
  currency: MethodSettings['currency'],
  walletFormat: MethodSettings['walletFormat'],
  min: string,
  max: string,
  commissionPercent: string,
  commissionSum: string,
): MethodSettings {
  return {
    name,
    currency,
    walletFormat,
    min,
    max,
    commissionPercent,
    commissionSum,
    enabled: true,
    rail: 'sandbox',
  };
}
