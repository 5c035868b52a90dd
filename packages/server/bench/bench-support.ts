import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';

/** A server started in a child process for a benchmark. */
export interface BenchServer {
  readonly child: ChildProcess;
  readonly url: string;
}

/** Spawns `node <script> ...args` and waits for the JSON log line that carries `url`. */
export async function startServer(
  script: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<BenchServer> {
  const child = spawn(process.execPath, [script, ...args], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
    lines.on('line', (line) => {
      const parsed = tryJson(line);
      if (typeof parsed?.url === 'string') resolve(parsed.url);
    });
  });
  return { child, url };
}

/** Stops a benchmark server and waits for it to exit. */
export async function stopServer(server: BenchServer): Promise<void> {
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGTERM');
  await exited;
}

/** Peak resident memory of a live process, MiB (Linux `VmHWM`). */
export function peakMemoryMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /VmHWM:\s+(\d+) kB/.exec(status);
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

/** What one load run measured. */
export interface LoadResult {
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly non2xx: number;
  readonly errors: number;
}

/** Loads `POST path` with form bodies from `body(i)`, each request a new `i`. */
export async function load(
  url: string,
  path: string,
  headers: Record<string, string>,
  body: (i: number) => string,
  options: { connections: number; durationS: number },
): Promise<LoadResult> {
  let counter = 0;
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: options.durationS,
    requests: [
      {
        method: 'POST',
        path,
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        setupRequest: (request) => ({ ...request, body: body(counter++) }),
      },
    ],
  });
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

function tryJson(line: string): { url?: unknown } | undefined {
  try {
    return JSON.parse(line) as { url?: unknown };
  } catch {
    return undefined;
  }
}
