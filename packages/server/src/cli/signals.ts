import type { Logger } from 'pino';

/**
 * On SIGTERM or SIGINT, runs `close` once and exits 0 when it finishes, or 1 when it
 * fails or takes longer than `graceMs`.
 */
export function closeOnSignals(close: () => Promise<void>, graceMs: number, logger: Logger): void {
  let closing = false;
  const shutdown = (signal: string): void => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), graceMs);
    force.unref();
    close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}
