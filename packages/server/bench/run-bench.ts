/**
 * `npm run bench`: loads create-payoff over a real socket and, in the same run, a bare
 * endpoint of the same framework that parses the same form. Prints both throughputs,
 * p50/p99 latency, their ratio and each server's peak memory. Ratios, not absolute
 * numbers, are what compare across runs on a shared machine.
 *
 * BENCH_DURATION_S (default 10) and BENCH_CONNECTIONS (default 50) tune the load.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config/config.js';
import { buildServices } from '../src/app/services.js';
import { createLogger } from '../src/logging/logger.js';
import { createMerchant } from '../src/merchants/merchants.js';
import { createApiKey } from '../src/merchants/api-keys.js';
import { creditMerchant } from '../src/ledger/balances.js';
import { checkLedger } from '../src/ledger/ledger-check.js';
import { load, peakMemoryMiB, startServer, stopServer, type LoadResult } from './bench-support.js';

const here = dirname(fileURLToPath(import.meta.url));
const durationS = Number(process.env.BENCH_DURATION_S ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const wallet = 'TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU7';

const dataDir = mkdtempSync(join(tmpdir(), 'payoff-bench-'));
try {
  const key = await fundedMerchantKey(dataDir);
  const payoff = await measure(
    join(here, '../src/cli/main.js'),
    ['serve', '--data-dir', dataDir, '--port', '0', '--no-demo'],
    key,
    'payoff',
  );
  const bare = await measure(join(here, 'bare-server.js'), [], key, 'bare');
  report(payoff, bare);
  await verifyBooks(dataDir);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}

async function fundedMerchantKey(dir: string): Promise<string> {
  const config = loadConfig({}, { dataDir: dir });
  const services = await buildServices(config, createLogger('silent'));
  const merchant = await createMerchant(services.store, 'Benchmark merchant');
  await creditMerchant(services.store, merchant.id, 10n ** 15n);
  const { key } = await createApiKey(services.store, merchant.id);
  await services.store.close();
  return key;
}

interface Measured extends LoadResult {
  readonly name: string;
  readonly peakMiB: number;
}

async function measure(script: string, args: string[], key: string, name: string) {
  const env = { ...process.env, PAYOFF_LOG_LEVEL: 'info' };
  const server = await startServer(script, args, env);
  try {
    const result = await load(
      server.url,
      '/api/create-payoff',
      { 'x-api-key': key },
      (i) => `my_id=${name}-${i}&method=tether_trc20&amount=500&commission_type=0&wallet=${wallet}`,
      { connections, durationS },
    );
    return { ...result, name, peakMiB: peakMemoryMiB(server.child.pid!) } satisfies Measured;
  } finally {
    await stopServer(server);
  }
}

function report(payoff: Measured, bare: Measured): void {
  const row = (m: Measured) =>
    `${m.name.padEnd(8)} ${m.requestsPerSecond.toFixed(0).padStart(8)} req/s` +
    `  p50 ${String(m.p50Ms).padStart(4)} ms  p99 ${String(m.p99Ms).padStart(4)} ms` +
    `  peak ${m.peakMiB.toFixed(0).padStart(4)} MiB  non-2xx ${m.non2xx}  errors ${m.errors}`;
  const lines = [
    `create-payoff vs bare endpoint, ${connections} connections, ${durationS} s each`,
    row(payoff),
    row(bare),
    `throughput ratio payoff/bare: ${ratio(payoff.requestsPerSecond, bare.requestsPerSecond)}`,
    `p99 ratio payoff/bare: ${(payoff.p99Ms / Math.max(bare.p99Ms, 1)).toFixed(2)}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function verifyBooks(dir: string): Promise<void> {
  const services = await buildServices(loadConfig({}, { dataDir: dir }), createLogger('silent'));
  const problems = await checkLedger(services.store);
  await services.store.close();
  process.stdout.write(
    problems.length === 0
      ? 'ledger check after the run: OK\n'
      : `ledger check after the run: ${problems.length} problems\n`,
  );
  if (problems.length > 0) process.exitCode = 1;
}

function ratio(value: number, baseline: number): string {
  return (value / baseline).toFixed(3);
}
