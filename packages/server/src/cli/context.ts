import type { Command } from 'commander';
import { pino } from 'pino';
import { loadConfig, type Config } from '../config/config.js';
import { buildServices, type Services } from '../app/services.js';
import { createLogger } from '../logging/logger.js';
import { writeJson, type JsonValue } from '../money/json-number.js';
import { openSqliteStore } from '../store/sqlite-store.js';

/** The global options every command sees. */
export interface GlobalOptions {
  readonly dataDir?: string;
  readonly config?: string;
  readonly json?: boolean;
}

/** Reads the global options from any (sub)command. */
export function globalOptions(command: Command): GlobalOptions {
  return command.optsWithGlobals<GlobalOptions>();
}

/** The configuration as the global options and the environment set it. */
export function commandConfig(command: Command, port?: number): Config {
  const options = globalOptions(command);
  return loadConfig(process.env, {
    dataDir: options.dataDir,
    configFile: options.config,
    port,
  });
}

/**
 * Milliseconds SQLite may block a CLI command waiting for a lock the server holds. Unlike
 * the server, a one-shot command serves no one while it waits, so a plain synchronous
 * wait is simplest, and it also covers the rare reads that can meet a lock (WAL recovery).
 */
const cliBusyTimeoutMs = 5000;

/**
 * Runs a one-shot command against the services and closes the store afterwards.
 * Logs go to stderr at warn level so stdout carries only the command's output.
 */
export async function withServices<T>(
  command: Command,
  work: (services: Services) => Promise<T>,
): Promise<T> {
  const config = commandConfig(command);
  const logger = createLogger('warn', pino.destination(2));
  const store = openSqliteStore(config.dataDir, { busyTimeoutMs: cliBusyTimeoutMs });
  const services = await buildServices(config, logger, store);
  try {
    return await work(services);
  } finally {
    await services.store.close();
  }
}

/** Prints `value` as JSON with `--json`, else the human-readable text. */
export function output(command: Command, value: JsonValue, human: () => string): void {
  const text = globalOptions(command).json ? writeJson(value) : human();
  process.stdout.write(`${text}\n`);
}
