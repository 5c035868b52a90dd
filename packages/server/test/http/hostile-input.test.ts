import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../src/config/config.js';
import {
  assertFail,
  assertUnchanged,
  formBody,
  postPayoff,
  snapshot,
  startTestServer,
  type TestServer,
} from '../support/test-server.js';

const wallet = 'TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU7';
const valid = { method: 'tether_trc20', amount: '500', wallet };

describe('hostile input to create-payoff', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  it('keeps my_id after over a thousand other parameters, so a retry is a replay', async () => {
    const padding = Array.from({ length: 1500 }, (_, i) => `p${i}=1`).join('&');
    const payload = `${formBody(valid)}&${padding}&my_id=many-params`;
    const send = () =>
      server.app.inject({
        method: 'POST',
        url: '/api/create-payoff',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-api-key': server.key },
        payload,
      });
    const first = JSON.parse((await send()).body) as { id: string; my_id: string };
    const second = JSON.parse((await send()).body) as { id: string };
    assert.equal(first.my_id, 'many-params');
    assert.equal(second.id, first.id);
  });

  it('refuses a body whose percent-encoding is not UTF-8 and changes nothing', async () => {
    const before = await snapshot(server);
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/create-payoff',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-api-key': server.key },
      payload: `${formBody(valid)}&my_id=%C3%28`,
    });
    assert.match(assertFail(response, 400), /UTF-8/);
    await assertUnchanged(server, before);
  });

  it('refuses a query string whose percent-encoding is not UTF-8', async () => {
    const response = await server.app.inject({
      method: 'POST',
      url: `/api/create-payoff?my_id=%FF%28&${formBody(valid)}`,
      headers: { 'x-api-key': server.key },
    });
    assert.match(assertFail(response, 400), /UTF-8/);
  });

  it('asks for the key before reporting an unreadable query string', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/api/balance?x=%FF' });
    assertFail(response, 401);
  });

  it('treats an empty repeat of a parameter as absent, not as a conflict', async () => {
    const response = await postPayoff(server, { ...valid, amount: ['', '500'] });
    assert.equal(response.statusCode, 200, response.body);
  });

  it('refuses a my_id with control characters or a lone surrogate', async () => {
    for (const myId of ['a\u0000b', 'line\nbreak']) {
      const message = assertFail(await postPayoff(server, { ...valid, my_id: myId }), 400);
      assert.match(message, /my_id/);
    }
    // Only a JSON body can carry a lone surrogate: form encoding cannot express one.
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/create-payoff',
      headers: { 'content-type': 'application/json', 'x-api-key': server.key },
      payload: `{"method":"tether_trc20","amount":"500","wallet":"${wallet}","my_id":"\\ud800x"}`,
    });
    assert.match(assertFail(response, 400), /my_id/);
  });

  it('refuses mobile_operator and phone_operator that disagree', async () => {
    const response = await postPayoff(server, {
      method: 'mobile_ru',
      amount: '100',
      wallet: '79001234567',
      mobile_operator: 'tele2',
      phone_operator: 'mts_ru',
    });
    assert.match(assertFail(response, 400), /mobile_operator/);
  });

  it('refuses webhook URLs with spaces, line breaks, credentials or no slashes', async () => {
    const urls = [
      ' http://example.com/hook',
      'http://example.com/a b',
      'http://example.com/%0A\n',
      'http://user:pass@example.com/',
      'http:example.com',
    ];
    for (const url of urls) {
      const message = assertFail(await postPayoff(server, { ...valid, webhook_url: url }), 400);
      assert.match(message, /webhook_url/);
    }
  });

  it('refuses a compressed body instead of reading it as plain text', async () => {
    const before = await snapshot(server);
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/create-payoff',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'content-encoding': 'gzip',
        'x-api-key': server.key,
      },
      payload: formBody(valid),
    });
    assert.match(assertFail(response, 400), /Content-Encoding/);
    await assertUnchanged(server, before);
  });

  it('stores a webhook URL the way it will be used', async () => {
    const response = await postPayoff(server, {
      ...valid,
      my_id: 'normalized-url',
      webhook_url: 'HTTP://Example.COM:80/a/../hook',
    });
    const { id } = JSON.parse(response.body) as { id: string };
    const row = await server.services.store.db
      .selectFrom('payouts')
      .select('webhook_url')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(row.webhook_url, 'http://example.com/hook');
  });

  it('cancels with a default message when the given one is empty or only controls', async () => {
    for (const text of ['', '\u0007\n']) {
      const response = await postPayoff(server, valid);
      const { id } = JSON.parse(response.body) as { id: string };
      const { payout } = await server.services.payouts.settle(id, 'cancel', text);
      assert.equal(payout.cancelMessage, 'Payout cancelled.');
    }
  });

  it('answers a malformed URL in the envelope', async () => {
    const response = await server.app.inject({ method: 'POST', url: '/api/create-payoff%' });
    assertFail(response, 400);
  });
});

describe('requests Node cannot parse', () => {
  let server: TestServer;
  let port: number;
  before(async () => {
    server = await startTestServer();
    await server.app.listen({ host: '127.0.0.1', port: 0 });
    port = (server.app.server.address() as { port: number }).port;
  });
  after(() => server.close());

  it('get a 400 in the contract envelope on the raw socket', async () => {
    const raw = await rawExchange(port, 'GARBAGE / HTTP/1.1\r\nHost: x\r\n\r\n');
    assert.match(raw, /^HTTP\/1\.1 400 /);
    const body = JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4)) as Record<string, unknown>;
    assert.deepEqual(Object.keys(body), ['type', 'code', 'message']);
    assert.equal(body.code, '400');
  });
});

describe('environment values', () => {
  it('treats an empty variable as unset', () => {
    const config = loadConfig(
      { PAYOFF_PORT: '', PAYOFF_SANDBOX_DELAY_MS: '' },
      {
        dataDir: ':memory:',
      },
    );
    assert.equal(config.port, 3000);
    assert.equal(config.sandboxDelayMs, 3000);
  });

  it('refuses numbers that are not plain decimal digits or are out of range', () => {
    for (const env of [
      { PAYOFF_PORT: '0x10' },
      { PAYOFF_SANDBOX_DELAY_MS: '9e15' },
      { PAYOFF_SANDBOX_DELAY_MS: '999999999999' },
    ]) {
      assert.throws(() => loadConfig(env, { dataDir: ':memory:' }), /Invalid environment/);
    }
  });
});

function rawExchange(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      received += chunk;
    });
    socket.on('end', () => resolve(received));
    socket.on('error', reject);
  });
}
