import { z } from 'zod';
import { makeTargetPolicy } from '../webhooks/target-policy.js';
import { defaults } from './defaults.js';
import { envInteger } from './env-values.js';

/** How payoff webhooks are delivered: timeouts, retries, concurrency and the allow-list. */
export interface WebhookSettings {
  /** Host names webhooks may reach whatever they resolve to. */
  readonly webhookAllowHosts: readonly string[];
  /** CIDR ranges webhooks may reach even when not public. */
  readonly webhookAllowCidrs: readonly string[];
  readonly webhookConnectTimeoutMs: number;
  readonly webhookTotalTimeoutMs: number;
  /** Delay before each retry; its length is the number of retries after the first attempt. */
  readonly webhookRetryDelaysMs: readonly number[];
  /** Each retry delay is moved at random by up to this share of itself, percent. */
  readonly webhookRetryJitterPercent: number;
  readonly webhookPollMs: number;
  /** Deliveries in flight at once in one process. */
  readonly webhookConcurrency: number;
  /** Deliveries in flight at once to one origin (scheme, host and port) in one process. */
  readonly webhookOriginConcurrency: number;
  /** Deliveries in flight for one merchant, per process. */
  readonly webhookMerchantConcurrency: number;
}

/** The `PAYOFF_*` variables of the webhook settings, by the setting each one sets. */
export const webhookEnvKeys = {
  PAYOFF_WEBHOOK_ALLOW_HOSTS: 'webhookAllowHosts',
  PAYOFF_WEBHOOK_ALLOW_CIDRS: 'webhookAllowCidrs',
  PAYOFF_WEBHOOK_CONNECT_TIMEOUT_MS: 'webhookConnectTimeoutMs',
  PAYOFF_WEBHOOK_TOTAL_TIMEOUT_MS: 'webhookTotalTimeoutMs',
  PAYOFF_WEBHOOK_RETRY_DELAYS_MS: 'webhookRetryDelaysMs',
  PAYOFF_WEBHOOK_POLL_MS: 'webhookPollMs',
} as const;

const timeoutMs = z.number().int().min(100).max(600_000);
const retryDelaysMs = z
  .array(
    z
      .number()
      .int()
      .min(0)
      .max(7 * 86_400_000),
  )
  .max(100);

/** The config file keys of the webhook settings. */
export const webhookFileShape = {
  webhookAllowHosts: z.array(z.string()).optional(),
  webhookAllowCidrs: z.array(z.string()).optional(),
  webhookConnectTimeoutMs: timeoutMs.optional(),
  webhookTotalTimeoutMs: timeoutMs.optional(),
  webhookRetryDelaysMs: retryDelaysMs.optional(),
  webhookRetryJitterPercent: z.number().int().min(0).max(50).optional(),
  webhookPollMs: z.number().int().min(10).max(60_000).optional(),
  webhookConcurrency: z.number().int().min(1).max(1000).optional(),
  webhookOriginConcurrency: z.number().int().min(1).max(100).optional(),
  webhookMerchantConcurrency: z.number().int().min(1).max(1000).optional(),
};

type WebhookFile = { [K in keyof typeof webhookFileShape]?: z.infer<(typeof webhookFileShape)[K]> };

/** A comma-separated list; `none` is the empty list (an empty variable counts as unset). */
const envList = z.string().transform((text) =>
  text.trim() === 'none'
    ? []
    : text
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== ''),
);
const envSchema = z.object({
  PAYOFF_WEBHOOK_ALLOW_HOSTS: envList.optional(),
  PAYOFF_WEBHOOK_ALLOW_CIDRS: envList.optional(),
  PAYOFF_WEBHOOK_CONNECT_TIMEOUT_MS: envInteger(100, 600_000).optional(),
  PAYOFF_WEBHOOK_TOTAL_TIMEOUT_MS: envInteger(100, 600_000).optional(),
  PAYOFF_WEBHOOK_RETRY_DELAYS_MS: z
    .string()
    .regex(/^(none|\d{1,10}(,\d{1,10})*)$/, 'milliseconds like 60000,300000, or none')
    .transform((text) => (text === 'none' ? [] : text.split(',').map(Number)))
    .pipe(retryDelaysMs)
    .optional(),
  PAYOFF_WEBHOOK_POLL_MS: envInteger(10, 60_000).optional(),
});

/**
 * The webhook settings from the environment, then the config file, then the defaults.
 * Without an explicit `webhookAllowCidrs`, development mode allows loopback (so the
 * local sandbox can call a receiver on the same machine) and production allows nothing.
 * Throws naming a bad allow-list entry.
 */
export function resolveWebhookSettings(
  env: NodeJS.ProcessEnv,
  file: WebhookFile,
  mode: 'development' | 'production',
): WebhookSettings {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) throw new Error(`Invalid environment: ${z.prettifyError(parsed.error)}`);
  const e = parsed.data;

  const modeCidrs = mode === 'development' ? defaults.developmentWebhookAllowCidrs : [];
  const settings: WebhookSettings = {
    webhookAllowHosts: e.PAYOFF_WEBHOOK_ALLOW_HOSTS ?? file.webhookAllowHosts ?? [],
    webhookAllowCidrs: e.PAYOFF_WEBHOOK_ALLOW_CIDRS ?? file.webhookAllowCidrs ?? modeCidrs,
    webhookConnectTimeoutMs:
      e.PAYOFF_WEBHOOK_CONNECT_TIMEOUT_MS ??
      file.webhookConnectTimeoutMs ??
      defaults.webhookConnectTimeoutMs,
    webhookTotalTimeoutMs:
      e.PAYOFF_WEBHOOK_TOTAL_TIMEOUT_MS ??
      file.webhookTotalTimeoutMs ??
      defaults.webhookTotalTimeoutMs,
    webhookRetryDelaysMs:
      e.PAYOFF_WEBHOOK_RETRY_DELAYS_MS ??
      file.webhookRetryDelaysMs ??
      defaults.webhookRetryDelaysMs,
    webhookRetryJitterPercent: file.webhookRetryJitterPercent ?? defaults.webhookRetryJitterPercent,
    webhookPollMs: e.PAYOFF_WEBHOOK_POLL_MS ?? file.webhookPollMs ?? defaults.webhookPollMs,
    webhookConcurrency: file.webhookConcurrency ?? defaults.webhookConcurrency,
    webhookOriginConcurrency: file.webhookOriginConcurrency ?? defaults.webhookOriginConcurrency,
    webhookMerchantConcurrency:
      file.webhookMerchantConcurrency ?? defaults.webhookMerchantConcurrency,
  };
  try {
    makeTargetPolicy({
      allowHosts: settings.webhookAllowHosts,
      allowCidrs: settings.webhookAllowCidrs,
    });
  } catch (error) {
    const message = (error as Error).message;
    throw new Error(`Webhook allow-list (webhookAllowHosts, webhookAllowCidrs): ${message}`, {
      cause: error,
    });
  }
  return settings;
}
