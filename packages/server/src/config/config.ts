import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { rateCurrencies, rateMaxScale, type RateCurrency } from '../money/currency.js';
import { walletFormats } from '../methods/wallet-checks.js';
import type { MethodSettings } from '../methods/payout-method.js';
import { defaultSbpBanks, type SbpBank } from '../methods/sbp-banks.js';
import { maxRateText, minRateText, parseRateText } from '../rates/parse-rate.js';
import { defaultMethods, defaultRates, defaults } from './defaults.js';
import { envInteger } from './env-values.js';
import {
  resolveWebhookSettings,
  webhookEnvKeys,
  webhookFileShape,
  type WebhookSettings,
} from './webhook-settings.js';

/** The server's configuration: built once, schema-checked, frozen. */
export interface Config extends WebhookSettings {
  readonly mode: 'development' | 'production';
  readonly dataDir: string;
  readonly host: string;
  readonly port: number;
  readonly logLevel: string;
  readonly displayTimeZone: string;
  readonly sandboxDelayMs: number;
  readonly sandboxPollMs: number;
  readonly shutdownGraceMs: number;
  readonly methods: Readonly<Record<string, MethodSettings>>;
  readonly rates: Readonly<Record<RateCurrency, string>>;
  readonly sbpBanks: readonly SbpBank[];
  readonly webhookIps: readonly string[];
}

/** Values given on the command line; they win over the environment and the file. */
export interface ConfigOverrides {
  dataDir?: string;
  port?: number;
  configFile?: string;
}

const envPrefix = 'PAYOFF_';
const envKeys = {
  PAYOFF_DATA_DIR: 'dataDir',
  PAYOFF_CONFIG: 'configFile',
  PAYOFF_HOST: 'host',
  PAYOFF_PORT: 'port',
  PAYOFF_LOG_LEVEL: 'logLevel',
  PAYOFF_TIMEZONE: 'displayTimeZone',
  PAYOFF_MODE: 'mode',
  PAYOFF_SANDBOX_DELAY_MS: 'sandboxDelayMs',
  PAYOFF_SANDBOX_POLL_MS: 'sandboxPollMs',
  ...webhookEnvKeys,
} as const;

/** Longest sandbox delay accepted, ms (a week): longer is surely a typo. */
const maxSandboxDelayMs = 7 * 24 * 3600 * 1000;

const rubText = z.string().regex(/^\d+(\.\d{1,2})?$/, 'RUB amount like "100" or "99.50"');
const rateText = z
  .string()
  .refine(
    (t) => parseRateText(t) !== undefined,
    `decimal from ${minRateText} to ${maxRateText} with at most ${rateMaxScale} decimals`,
  );

const methodSchema = z.strictObject({
  name: z.string().min(1),
  currency: z.enum(['RUB', 'USD', 'UAH', 'USDT', 'BTC']),
  walletFormat: z.enum(walletFormats as [string, ...string[]]),
  min: rubText,
  max: rubText,
  commissionPercent: z.string().regex(/^\d{1,2}(\.\d{1,4})?$/, 'percent below 100'),
  commissionSum: rubText,
  enabled: z.boolean(),
  rail: z.string().min(1),
});

const fileSchema = z.strictObject({
  host: z.string().optional(),
  port: z.number().int().min(0).max(65535).optional(),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  displayTimeZone: z.string().optional(),
  mode: z.enum(['development', 'production']).optional(),
  sandboxDelayMs: z.number().int().min(0).max(maxSandboxDelayMs).optional(),
  sandboxPollMs: z.number().int().min(10).max(60_000).optional(),
  shutdownGraceMs: z.number().int().min(0).optional(),
  methods: z.record(z.string().regex(/^[a-z0-9_]{1,64}$/), methodSchema.partial()).optional(),
  rates: z
    .strictObject(Object.fromEntries(rateCurrencies.map((c) => [c, rateText.optional()])))
    .optional(),
  sbpBanks: z
    .array(
      z.strictObject({
        bankId: z.string().regex(/^\d{1,32}$/),
        bankName: z.string().min(1),
        bankIcon: z.string().url(),
      }),
    )
    .refine((banks) => new Set(banks.map((b) => b.bankId)).size === banks.length, {
      message: 'each bankId may appear once',
    })
    .optional(),
  webhookIps: z.array(z.string()).optional(),
  ...webhookFileShape,
});

type FileConfig = z.infer<typeof fileSchema>;

/**
 * Builds the configuration from defaults, then the JSON file named by `PAYOFF_CONFIG`
 * (or `--config`), then `PAYOFF_*` variables (and `PORT`), then command-line overrides.
 * Unknown `PAYOFF_*` variables and unknown file keys are errors.
 */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  overrides: ConfigOverrides = {},
): Config {
  env = withoutEmptyValues(env);
  rejectUnknownEnv(env);
  const configFile = overrides.configFile ?? env.PAYOFF_CONFIG;
  const file = configFile === undefined ? {} : readConfigFile(configFile);
  const fromEnv = readEnv(env);

  const methods = mergeMethods(file.methods);
  const mode = fromEnv.mode ?? file.mode ?? defaults.mode;
  const config: Config = {
    mode,
    dataDir: resolveDataDir(overrides.dataDir ?? env.PAYOFF_DATA_DIR ?? defaults.dataDir),
    host: env.PAYOFF_HOST ?? file.host ?? defaults.host,
    port: overrides.port ?? fromEnv.port ?? file.port ?? defaults.port,
    logLevel: env.PAYOFF_LOG_LEVEL ?? file.logLevel ?? defaults.logLevel,
    displayTimeZone: checkTimeZone(
      env.PAYOFF_TIMEZONE ?? file.displayTimeZone ?? defaults.displayTimeZone,
    ),
    sandboxDelayMs: fromEnv.sandboxDelayMs ?? file.sandboxDelayMs ?? defaults.sandboxDelayMs,
    sandboxPollMs: fromEnv.sandboxPollMs ?? file.sandboxPollMs ?? defaults.sandboxPollMs,
    shutdownGraceMs: file.shutdownGraceMs ?? defaults.shutdownGraceMs,
    methods,
    rates: { ...defaultRates, ...definedOnly(file.rates ?? {}) },
    sbpBanks: file.sbpBanks ?? defaultSbpBanks,
    webhookIps: file.webhookIps ?? defaults.webhookIps,
    ...resolveWebhookSettings(env, file, mode),
  };
  return deepFreeze(config);
}

/** `PAYOFF_PORT=` means "not set", not 0; likewise every variable. */
function withoutEmptyValues(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
}

/**
 * Variables the client examples read (the create-payoff Python example): they share our
 * prefix but configure a client, so the server ignores them instead of refusing to start.
 */
export const clientEnvKeys: readonly string[] = [
  'PAYOFF_URL',
  'PAYOFF_API_KEY',
  'PAYOFF_WALLET',
  'PAYOFF_MY_ID',
  'PAYOFF_METHOD',
  'PAYOFF_AMOUNT',
];

function rejectUnknownEnv(env: NodeJS.ProcessEnv): void {
  const unknown = Object.keys(env).filter(
    (k) => k.startsWith(envPrefix) && !(k in envKeys) && !clientEnvKeys.includes(k),
  );
  if (unknown.length > 0) {
    const known = Object.keys(envKeys).join(', ');
    throw new Error(`Unknown environment variable ${unknown.join(', ')}. Known: ${known}.`);
  }
}

const envSchema = z.object({
  PAYOFF_PORT: envInteger(0, 65535).optional(),
  PORT: envInteger(0, 65535).optional(),
  PAYOFF_MODE: z.enum(['development', 'production']).optional(),
  PAYOFF_SANDBOX_DELAY_MS: envInteger(0, maxSandboxDelayMs).optional(),
  PAYOFF_SANDBOX_POLL_MS: envInteger(10, 60_000).optional(),
  PAYOFF_LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .optional(),
});

function readEnv(env: NodeJS.ProcessEnv) {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) throw new Error(`Invalid environment: ${z.prettifyError(parsed.error)}`);
  const e = parsed.data;
  return {
    port: e.PAYOFF_PORT ?? e.PORT,
    mode: e.PAYOFF_MODE,
    sandboxDelayMs: e.PAYOFF_SANDBOX_DELAY_MS,
    sandboxPollMs: e.PAYOFF_SANDBOX_POLL_MS,
  };
}

function readConfigFile(path: string): FileConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read config file ${path}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`Invalid config file ${path}:\n${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

/** A method in the file overrides the fields it names; a new code must name them all. */
function mergeMethods(overrides: FileConfig['methods']): Record<string, MethodSettings> {
  const merged: Record<string, MethodSettings> = { ...defaultMethods };
  for (const [code, partial] of Object.entries(overrides ?? {})) {
    const full = methodSchema.safeParse({ ...defaultMethods[code], ...partial });
    if (!full.success) {
      throw new Error(`Method ${code} in the config file:\n${z.prettifyError(full.error)}`);
    }
    merged[code] = full.data as MethodSettings;
  }
  return merged;
}

/** `:memory:` names the in-memory store (see `openSqliteStore`), not a directory. */
function resolveDataDir(dir: string): string {
  return dir === ':memory:' ? dir : resolve(dir);
}

function checkTimeZone(zone: string): string {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    throw new Error(`Unknown time zone ${zone}: use an IANA name like "Europe/Moscow".`);
  }
  return zone;
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const member of Object.values(value)) deepFreeze(member);
  }
  return value;
}
