import { after, afterEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type dns from 'node:dns';
import http from 'node:http';
import net from 'node:net';
import { once } from 'node:events';
import {
  closeSenders,
  sendWebhook,
  type SendOptions,
  type SendResult,
} from '../../src/webhooks/safe-sender.js';
import { makeTargetPolicy } from '../../src/webhooks/target-policy.js';

type RecordedRequest = {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
};

type CountingServer = {
  port: number;
  connections: () => number;
  requests: RecordedRequest[];
  close: () => Promise<void>;
};

type Reply = (response: http.ServerResponse) => void;

const openServers: CountingServer[] = [];
const FORM_BODY = 'payoff_id=42&status=paid';

/** A loopback HTTP listener that counts TCP connections it accepts. */
async function startServer(
  reply: Reply = answer(200),
  host = '127.0.0.1',
): Promise<CountingServer> {
  const requests: RecordedRequest[] = [];
  const server = http.createServer(async (request, response) => {
    let body = '';
    for await (const chunk of request) body += String(chunk);
    const { method = '', url = '', headers } = request;
    requests.push({ method, url, headers, body });
    reply(response);
  });
  let connectionCount = 0;
  server.on('connection', () => {
    connectionCount += 1;
  });
  server.listen(0, host);
  await once(server, 'listening');
  const { port } = server.address() as net.AddressInfo;
  const close = async () => {
    server.closeAllConnections();
    server.close();
    await once(server, 'close');
  };
  const counting = { port, connections: () => connectionCount, requests, close };
  openServers.push(counting);
  return counting;
}

function answer(statusCode: number, headers: http.OutgoingHttpHeaders = {}): Reply {
  return (response) => {
    response.writeHead(statusCode, headers);
    response.end('ok');
  };
}

/** Simulated DNS: answers `all: true` lookups from a fixed table. */
function fakeLookup(
  table: Record<string, readonly string[]>,
  calls: string[] = [],
): typeof dns.lookup {
  const lookup = (
    hostname: string,
    _options: dns.LookupAllOptions,
    callback: (error: Error | null, addresses: dns.LookupAddress[]) => void,
  ) => {
    calls.push(hostname);
    const ips = table[hostname];
    if (ips === undefined) {
      const error = Object.assign(new Error(`no such host ${hostname}`), {
        code: 'ENOTFOUND',
      });
      process.nextTick(() => callback(error, []));
      return;
    }
    const addresses = ips.map((address) => ({ address, family: net.isIP(address) }));
    process.nextTick(() => callback(null, addresses));
  };
  return lookup as unknown as typeof dns.lookup;
}

/** A lookup that never answers, like a black-holed DNS server. */
const silentLookup = (() => undefined) as unknown as typeof dns.lookup;

function options(overrides: Partial<SendOptions> = {}): SendOptions {
  return {
    policy: makeTargetPolicy(),
    connectTimeoutMs: 1_000,
    totalTimeoutMs: 2_000,
    ...overrides,
  };
}

function send(url: string, sendOptions: SendOptions): Promise<SendResult> {
  const headers = { 'x-payoff-signature': 'sig' };
  return sendWebhook({ url, body: FORM_BODY, headers }, sendOptions);
}

async function canListenOnIPv6Loopback(): Promise<boolean> {
  const probe = net.createServer();
  try {
    probe.listen(0, '::1');
    await once(probe, 'listening');
    probe.close();
    return true;
  } catch {
    return false;
  }
}

function assertRefused(result: SendResult, ...fragments: string[]): void {
  assert.equal(result.outcome, 'refused', JSON.stringify(result));
  assert.ok(result.outcome === 'refused');
  for (const fragment of fragments) {
    assert.ok(result.reason.includes(fragment), `${result.reason} lacks ${fragment}`);
  }
}

function assertError(result: SendResult, pattern: RegExp): void {
  assert.equal(result.outcome, 'error', JSON.stringify(result));
  assert.ok(result.outcome === 'error');
  assert.match(result.reason, pattern);
}

afterEach(async () => {
  await closeSenders();
  await Promise.all(openServers.splice(0).map((server) => server.close()));
});

after(closeSenders);

describe('sendWebhook without an allow-list refuses non-public targets', () => {
  it('refuses http://127.0.0.1:PORT/ and never connects', async () => {
    const server = await startServer();
    const result = await send(`http://127.0.0.1:${server.port}/`, options());
    assertRefused(result, '127.0.0.1', 'loopback');
    assert.equal(server.connections(), 0);
  });

  it('refuses http://localhost:PORT/ and never connects', async () => {
    const server = await startServer();
    const result = await send(`http://localhost:${server.port}/`, options());
    assertRefused(result, 'localhost resolves to', 'loopback');
    assert.equal(server.connections(), 0);
  });

  it('refuses a host name that DNS resolves to 127.0.0.1', async () => {
    const server = await startServer();
    const lookup = fakeLookup({ 'hooks.example.test': ['127.0.0.1'] });
    const url = `http://hooks.example.test:${server.port}/hook`;
    const result = await send(url, options({ lookup }));
    assertRefused(result, 'hooks.example.test resolves to 127.0.0.1 (loopback)');
    assert.equal(server.connections(), 0);
  });

  it('refuses decimal, hex, octal and short spellings of 127.0.0.1', async () => {
    const server = await startServer();
    const hosts = ['2130706433', '0x7f000001', '0177.0.0.1', '127.1', '0x7f.1'];
    for (const host of hosts) {
      const result = await send(`http://${host}:${server.port}/`, options());
      assertRefused(result, '127.0.0.1', 'loopback');
    }
    assert.equal(server.connections(), 0);
  });

  it('refuses the IPv4-mapped IPv6 literal [::ffff:127.0.0.1]', async () => {
    const server = await startServer();
    const url = `http://[::ffff:127.0.0.1]:${server.port}/`;
    const result = await send(url, options());
    assertRefused(result, '::ffff:7f00:1', 'loopback');
    assert.equal(server.connections(), 0);
  });

  it('refuses http://[::1]:PORT/ when IPv6 loopback exists', async (t) => {
    if (!(await canListenOnIPv6Loopback())) {
      t.skip('no IPv6 loopback on this machine');
      return;
    }
    const server = await startServer(answer(200), '::1');
    const result = await send(`http://[::1]:${server.port}/`, options());
    assertRefused(result, '::1', 'loopback');
    assert.equal(server.connections(), 0);
  });

  it('refuses when one resolved address is public and one is not', async () => {
    const server = await startServer();
    const lookup = fakeLookup({ 'mixed.example.test': ['127.0.0.1', '8.8.8.8'] });
    const url = `http://mixed.example.test:${server.port}/`;
    const result = await send(url, options({ lookup }));
    assertRefused(result, 'mixed.example.test resolves to 127.0.0.1 (loopback)');
    assert.equal(server.connections(), 0);
  });

  it('refuses when one address is allow-listed and another private', async () => {
    const server = await startServer();
    const policy = makeTargetPolicy({ allowCidrs: ['127.0.0.0/8'] });
    const lookup = fakeLookup({ 'split.example.test': ['127.0.0.1', '10.20.30.40'] });
    const url = `http://split.example.test:${server.port}/`;
    const result = await send(url, options({ policy, lookup }));
    assertRefused(result, 'split.example.test resolves to 10.20.30.40 (private)');
    assert.equal(server.connections(), 0);
  });
});

describe('sendWebhook to an allow-listed target', () => {
  const policy = makeTargetPolicy({ allowCidrs: ['127.0.0.0/8'] });

  it('POSTs the form body and reports 200 as delivered', async () => {
    const server = await startServer(answer(200));
    const url = `http://127.0.0.1:${server.port}/hook?merchant=7`;
    const result = await send(url, options({ policy }));
    assert.equal(result.outcome, 'delivered', JSON.stringify(result));
    assert.ok(result.outcome === 'delivered');
    assert.equal(result.statusCode, 200);
    assert.ok(result.durationMs >= 0);
    const [request] = server.requests;
    assert.equal(request?.method, 'POST');
    assert.equal(request?.url, '/hook?merchant=7');
    assert.equal(request?.body, FORM_BODY);
    assert.equal(request?.headers['content-type'], 'application/x-www-form-urlencoded');
    assert.equal(request?.headers['x-payoff-signature'], 'sig');
  });

  it('keeps the form content-type even if a header tries to override it', async () => {
    const server = await startServer(answer(204));
    const headers = { 'Content-Type': 'application/json' };
    const request = { url: `http://127.0.0.1:${server.port}/`, body: FORM_BODY, headers };
    const result = await sendWebhook(request, options({ policy }));
    assert.equal(result.outcome, 'delivered');
    const contentType = server.requests[0]?.headers['content-type'];
    assert.equal(contentType, 'application/x-www-form-urlencoded');
  });

  it('delivers to an allow-listed host name at the address it resolved to', async () => {
    const server = await startServer(answer(200));
    const hostPolicy = makeTargetPolicy({ allowHosts: ['hooks.example.test'] });
    const lookup = fakeLookup({ 'hooks.example.test': ['127.0.0.1'] });
    const url = `http://hooks.example.test:${server.port}/`;
    const result = await send(url, options({ policy: hostPolicy, lookup }));
    assert.equal(result.outcome, 'delivered', JSON.stringify(result));
    assert.equal(server.requests[0]?.headers.host, `hooks.example.test:${server.port}`);
  });

  it('reports 500 as rejected with statusCode 500', async () => {
    const server = await startServer(answer(500));
    const result = await send(`http://127.0.0.1:${server.port}/`, options({ policy }));
    assert.deepEqual(
      { ...result, durationMs: 0 },
      { outcome: 'rejected', statusCode: 500, durationMs: 0 },
    );
  });

  it('reports a 302 as rejected and never follows the redirect', async () => {
    const target = await startServer(answer(200));
    const location = `http://127.0.0.1:${target.port}/elsewhere`;
    const server = await startServer(answer(302, { location }));
    const result = await send(`http://127.0.0.1:${server.port}/`, options({ policy }));
    assert.equal(result.outcome, 'rejected');
    assert.ok(result.outcome === 'rejected');
    assert.equal(result.statusCode, 302);
    assert.equal(target.connections(), 0);
  });

  it('discards a large response body without stalling the delivery', async () => {
    const big = Buffer.alloc(4 * 1024 * 1024, 'a');
    const server = await startServer((response) => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end(big);
    });
    const result = await send(`http://127.0.0.1:${server.port}/`, options({ policy }));
    assert.equal(result.outcome, 'delivered', JSON.stringify(result));
  });

  it('reuses one keep-alive connection for deliveries spaced apart', async () => {
    const server = await startServer(answer(200));
    const url = `http://127.0.0.1:${server.port}/`;
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const result = await send(url, options({ policy }));
      assert.equal(result.outcome, 'delivered');
      await new Promise((resolve) => setImmediate(resolve));
    }
    assert.equal(server.connections(), 1);
  });

  it('resolves the host once per connection (no second lookup)', async () => {
    const server = await startServer(answer(200));
    const calls: string[] = [];
    const lookup = fakeLookup({ 'once.example.test': ['127.0.0.1'] }, calls);
    const url = `http://once.example.test:${server.port}/`;
    const result = await send(url, options({ policy, lookup }));
    assert.equal(result.outcome, 'delivered', JSON.stringify(result));
    assert.deepEqual(calls, ['once.example.test']);
  });

  it('sends the URL host name as TLS SNI, not the checked address', async () => {
    let clientHello: Buffer = Buffer.alloc(0);
    const tlsServer = net.createServer((socket) => {
      socket.once('data', (chunk: Buffer) => {
        clientHello = chunk;
        socket.destroy();
      });
    });
    tlsServer.listen(0, '127.0.0.1');
    await once(tlsServer, 'listening');
    const { port } = tlsServer.address() as net.AddressInfo;
    const lookup = fakeLookup({ 'tls.example.test': ['127.0.0.1'] });
    const url = `https://tls.example.test:${port}/`;
    const result = await send(url, options({ policy, lookup }));
    tlsServer.close();
    assert.equal(result.outcome, 'error');
    assert.ok(clientHello.includes('tls.example.test'), 'SNI carries the host name');
  });
});

describe('sendWebhook failures end as errors', () => {
  const policy = makeTargetPolicy({ allowCidrs: ['127.0.0.0/8'] });

  it('ends with a timeout error when the listener never answers', async () => {
    const server = await startServer(() => undefined);
    const url = `http://127.0.0.1:${server.port}/`;
    const sendOptions = options({ policy, totalTimeoutMs: 300 });
    const result = await send(url, sendOptions);
    assertError(result, /timeout/);
    assert.ok(result.durationMs < 5_000, `took ${result.durationMs} ms`);
    assert.equal(server.connections(), 1);
  });

  it('ends with a connect timeout error when DNS never answers', async () => {
    const lookup = silentLookup;
    const sendOptions = options({ lookup, connectTimeoutMs: 200, totalTimeoutMs: 5_000 });
    // undici's timers are unref'd; keep the loop alive as a server would.
    const keepAlive = setInterval(() => undefined, 1_000);
    const result = await send('http://blackhole.example.test/', sendOptions);
    clearInterval(keepAlive);
    assertError(result, /connect timeout/);
  });

  it('reports a DNS failure naming the host', async () => {
    const lookup = fakeLookup({});
    const result = await send('http://missing.example.test/', options({ lookup }));
    assertError(result, /DNS lookup failed for missing\.example\.test \(ENOTFOUND\)/);
  });

  it('reports a connection the listener resets', async () => {
    const server = await startServer();
    const resetter = net.createServer((socket) => socket.resetAndDestroy());
    resetter.listen(0, '127.0.0.1');
    await once(resetter, 'listening');
    const { port } = resetter.address() as net.AddressInfo;
    const result = await send(`http://127.0.0.1:${port}/`, options({ policy }));
    resetter.close();
    assertError(result, /connection reset/);
    assert.equal(server.connections(), 0);
  });

  it('reports a refused connection on a closed port', async () => {
    const closed = net.createServer().listen(0, '127.0.0.1');
    await once(closed, 'listening');
    const { port } = closed.address() as net.AddressInfo;
    closed.close();
    await once(closed, 'close');
    const result = await send(`http://127.0.0.1:${port}/`, options({ policy }));
    assertError(result, /connection refused/);
  });

  it('rejects an invalid URL without any network activity', async () => {
    assertError(await send('not a url', options()), /invalid URL/);
    assertError(await send('http://', options()), /invalid URL/);
  });

  it('rejects non-http(s) schemes', async () => {
    for (const url of ['ftp://example.test/', 'file:///etc/passwd', 'gopher://x/']) {
      assertError(await send(url, options()), /unsupported URL scheme/);
    }
  });

  it('reports an invalid hand-built policy as an error, not a throw', async () => {
    const server = await startServer();
    const policy = { allowHosts: [], allowCidrs: ['127.0.0.0/40'] };
    const result = await send(`http://127.0.0.1:${server.port}/`, options({ policy }));
    assertError(result, /Invalid allowCidrs entry/);
    assert.equal(server.connections(), 0);
  });

  it('rejects URLs carrying credentials', async () => {
    const result = await send('http://user:pw@127.0.0.1/', options({ policy }));
    assertError(result, /credentials/);
  });
});
