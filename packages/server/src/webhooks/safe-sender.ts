/**
 * Sends one webhook HTTP request to a merchant-chosen URL, safely.
 *
 * The target address is judged at connect time, inside the undici
 * connector: host names are resolved by a guarded `lookup` that checks
 * every resolved address against the `TargetPolicy` and hands exactly the
 * checked addresses to the socket, so there is no second resolution and no
 * DNS-rebinding window. IP-literal hosts (which `net.connect` never passes
 * to `lookup`) are checked by the same rule before the socket is created.
 * A refused target is never connected to. Redirects are never followed.
 */
import dns from 'node:dns';
import net from 'node:net';
import { Agent, buildConnector } from 'undici';
import { makeTargetPolicy, refusalReason, type TargetPolicy } from './target-policy.js';

/** One webhook delivery: the caller signs and encodes the form body. */
export interface WebhookRequest {
  readonly url: string;
  /** An application/x-www-form-urlencoded body. */
  readonly body: string;
  /** Extra headers (e.g. a signature); content-type is always forced. */
  readonly headers: Readonly<Record<string, string>>;
}

/** How a delivery may connect and how long it may take. */
export interface SendOptions {
  readonly policy: TargetPolicy;
  /** Limit for DNS resolution plus TCP/TLS connect, in milliseconds. */
  readonly connectTimeoutMs: number;
  /**
   * Limit for the whole exchange, in milliseconds. Expiry before the status
   * line arrives is an 'error'; later it only cuts the body discard short.
   */
  readonly totalTimeoutMs: number;
  /** DNS resolver; defaults to `dns.lookup`. Tests inject fakes here. */
  readonly lookup?: typeof dns.lookup;
}

/**
 * Outcome of one delivery: 'delivered' (2xx), 'rejected' (any other
 * status, 3xx included), 'refused' (target not allowed; never contacted)
 * or 'error' (bad URL, DNS failure, timeout, connection failure).
 */
export type SendResult =
  | { outcome: 'delivered'; statusCode: number; durationMs: number }
  | { outcome: 'rejected'; statusCode: number; durationMs: number }
  | { outcome: 'refused'; reason: string; durationMs: number }
  | { outcome: 'error'; reason: string; durationMs: number };

type Failure = { outcome: 'refused' | 'error'; reason: string };

/** Response bytes read (and thrown away) before the body is cut off. */
const RESPONSE_DISCARD_LIMIT_BYTES = 64 * 1024;
/** Pooled agents kept at once; the oldest is closed beyond this. */
const MAX_POOLED_AGENTS = 32;
const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';
const DNS_FAILURE_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'ENODATA']);
const RESET_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET']);

/** Marks a connection the policy refused; it never reached the network. */
class TargetRefusedError extends Error {
  readonly code = 'ERR_WEBHOOK_TARGET_REFUSED';
}

const agents = new Map<string, Agent>();
const objectIds = new WeakMap<object, number>();
let lastObjectId = 0;

/**
 * POSTs `request.body` to `request.url` once and reports the outcome.
 * Never throws: every failure is described in the returned result.
 */
export async function sendWebhook(
  request: WebhookRequest,
  options: SendOptions,
): Promise<SendResult> {
  const startedMs = performance.now();
  const elapsedMs = () => Math.round(performance.now() - startedMs);
  const target = parseTargetUrl(request.url);
  if (typeof target === 'string') {
    return { outcome: 'error', reason: target, durationMs: elapsedMs() };
  }
  const signal = AbortSignal.timeout(options.totalTimeoutMs);
  try {
    const statusCode = await post(target, request, options, signal);
    const delivered = statusCode >= 200 && statusCode < 300;
    const outcome = delivered ? 'delivered' : 'rejected';
    return { outcome, statusCode, durationMs: elapsedMs() };
  } catch (error) {
    const failure = describeFailure(error, target.hostname, options, signal);
    return { ...failure, durationMs: elapsedMs() };
  }
}

/**
 * Closes every pooled connection (waiting for requests in flight) and
 * forgets the agents; later sends open new ones. For shutdown and tests.
 */
export async function closeSenders(): Promise<void> {
  const closing = [...agents.values()].map((agent) => agent.close());
  agents.clear();
  await Promise.all(closing);
}

/** Sends the request and returns its status once the body is discarded. */
async function post(
  target: URL,
  request: WebhookRequest,
  options: SendOptions,
  signal: AbortSignal,
): Promise<number> {
  const response = await agentFor(options).request({
    origin: target.origin,
    path: `${target.pathname}${target.search}`,
    method: 'POST',
    headers: formHeaders(request.headers),
    body: request.body,
    signal,
  });
  const limit = RESPONSE_DISCARD_LIMIT_BYTES;
  await response.body.dump({ limit, signal }).catch(() => {
    response.body.destroy();
  });
  return response.statusCode;
}

function parseTargetUrl(raw: string): URL | string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'invalid URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return `unsupported URL scheme "${url.protocol}" (only http and https)`;
  }
  if (url.username !== '' || url.password !== '') {
    return 'URL must not contain credentials';
  }
  return url;
}

function formHeaders(extra: Readonly<Record<string, string>>) {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(extra)) {
    if (name.toLowerCase() !== 'content-type') headers[name] = value;
  }
  headers['content-type'] = FORM_CONTENT_TYPE;
  return headers;
}

/** One keep-alive agent per (policy, resolver, connect timeout). */
function agentFor(options: SendOptions): Agent {
  const lookup = options.lookup ?? dns.lookup;
  const { policy, connectTimeoutMs } = options;
  const key = `${idOf(policy)}:${idOf(lookup)}:${connectTimeoutMs}`;
  let agent = agents.get(key);
  if (agent === undefined) {
    agent = createAgent(policy, lookup, connectTimeoutMs);
    agents.set(key, agent);
    evictOldestAgent();
  }
  return agent;
}

function evictOldestAgent(): void {
  if (agents.size <= MAX_POOLED_AGENTS) return;
  const [oldestKey, oldest] = agents.entries().next().value ?? [];
  if (oldestKey === undefined || oldest === undefined) return;
  agents.delete(oldestKey);
  oldest.close().catch(() => undefined);
}

function idOf(value: object): number {
  let id = objectIds.get(value);
  if (id === undefined) {
    id = ++lastObjectId;
    objectIds.set(value, id);
  }
  return id;
}

/** Throws (before any connection) if a hand-built policy is invalid. */
function createAgent(
  untrustedPolicy: TargetPolicy,
  lookup: typeof dns.lookup,
  connectTimeoutMs: number,
): Agent {
  const policy = makeTargetPolicy(untrustedPolicy);
  const connectResolved = buildConnector({
    timeout: connectTimeoutMs,
    lookup: guardedLookup(policy, lookup),
  });
  return new Agent({ connect: guardedConnector(policy, connectResolved) });
}

/**
 * Wraps undici's connector: IP-literal hosts skip `lookup` inside
 * `net.connect`, so they are judged here before any socket exists. Host
 * names go on to the connector, whose socket resolves via guardedLookup.
 * SNI and certificate checks keep using the URL's host name.
 */
function guardedConnector(
  policy: TargetPolicy,
  connect: buildConnector.connector,
): buildConnector.connector {
  return (connectOptions, callback) => {
    const { hostname } = connectOptions;
    const reason = net.isIP(hostname) === 0 ? null : refusalReason(policy, hostname, [hostname]);
    if (reason === null) {
      connect(connectOptions, callback);
      return;
    }
    const refused = new TargetRefusedError(reason);
    process.nextTick(() => callback(refused, null));
  };
}

/**
 * A `net` lookup function that resolves all addresses of a host, refuses
 * the connection if any one of them is not allowed, and otherwise answers
 * with exactly those checked addresses (in the shape net asked for).
 */
function guardedLookup(policy: TargetPolicy, lookup: typeof dns.lookup): net.LookupFunction {
  return (hostname, lookupOptions, callback) => {
    const allOptions = { ...lookupOptions, all: true as const };
    lookup(hostname, allOptions, (error, addresses) => {
      const checked = error ?? checkResolved(policy, hostname, addresses);
      if (checked instanceof Error) {
        callback(checked, '', 0);
      } else if (lookupOptions.all === true) {
        callback(null, checked);
      } else {
        callback(null, checked[0]?.address ?? '', checked[0]?.family ?? 0);
      }
    });
  };
}

function checkResolved(
  policy: TargetPolicy,
  hostname: string,
  addresses: readonly dns.LookupAddress[],
): dns.LookupAddress[] | Error {
  if (addresses.length === 0) {
    return Object.assign(new Error(`${hostname} has no addresses`), {
      code: 'ENOTFOUND',
    });
  }
  const ips = addresses.map((entry) => entry.address);
  const reason = refusalReason(policy, hostname, ips);
  return reason === null ? [...addresses] : new TargetRefusedError(reason);
}

function describeFailure(
  error: unknown,
  host: string,
  options: SendOptions,
  signal: AbortSignal,
): Failure {
  if (error instanceof TargetRefusedError) {
    return { outcome: 'refused', reason: error.message };
  }
  const reason = errorReason(error, host, options, signal);
  return { outcome: 'error', reason };
}

function errorReason(
  error: unknown,
  host: string,
  options: SendOptions,
  signal: AbortSignal,
): string {
  const code = errorCode(error);
  if (signal.aborted) {
    return `total timeout: no response within ${options.totalTimeoutMs} ms`;
  }
  if (code === 'UND_ERR_CONNECT_TIMEOUT') {
    const limitMs = options.connectTimeoutMs;
    return `connect timeout: ${host} not reached within ${limitMs} ms`;
  }
  if (code !== undefined && DNS_FAILURE_CODES.has(code)) {
    return `DNS lookup failed for ${host} (${code})`;
  }
  if (code !== undefined && RESET_CODES.has(code)) {
    return `connection reset: ${host} closed the connection (${code})`;
  }
  if (code === 'ECONNREFUSED') return `connection refused by ${host}`;
  const message = error instanceof Error ? error.message : String(error);
  return `request failed: ${message}${code === undefined ? '' : ` (${code})`}`;
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) {
    return undefined;
  }
  return typeof error.code === 'string' ? error.code : undefined;
}
