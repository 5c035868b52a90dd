import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import type { Permission } from '../../src/merchants/permissions.js';
import { permissions } from '../../src/merchants/permissions.js';
import { startCompatServer, wallets, type CompatServer } from '../support/compat-server.js';
import { assertFail } from '../support/test-server.js';

const form = { 'content-type': 'application/x-www-form-urlencoded' };

/** The companion endpoints (GET and POST) and the permission each needs. */
const readEndpoints: readonly (readonly [string, Permission | null])[] = [
  ['/api/info-payoff?my_id=conv-1', 'payoff:info'],
  ['/api/methods-payoff', 'methods:read'],
  ['/api/rates-payoff', 'payoff:create'],
  ['/api/sbp-banks-payoff', 'payoff:create'],
  ['/api/balance', 'balance:read'],
  ['/api/public/ips', null],
];

/** Asserts the success envelope (200) or the error envelope with `status`. */
function assertEnvelope(response: LightMyRequestResponse, status: number): void {
  if (status !== 200) {
    assertFail(response, status);
    return;
  }
  assert.equal(response.statusCode, 200, response.body);
  assert.equal(response.headers['content-type'], 'application/json; charset=utf-8');
  assert.equal(response.json().type, 'success');
}

describe('contract §1 conventions', () => {
  let server: CompatServer;

  before(async () => {
    server = await startCompatServer();
    const created = await server.postForm('/api/create-payoff', {
      method: 'qiwi',
      wallet: wallets.phone,
      amount: '100',
      my_id: 'conv-1',
    });
    assert.equal(created.statusCode, 200, created.body);
  });
  after(() => server.close());

  it('answers every companion endpoint over both GET and POST', async () => {
    for (const [url] of readEndpoints) {
      for (const method of ['GET', 'POST'] as const) {
        assertEnvelope(await server.inject({ method, url }), 200);
      }
    }
  });

  it('reads parameters from the query string of a POST with an empty form body', async () => {
    const info = await server.inject({
      method: 'POST',
      url: '/api/info-payoff?my_id=conv-1',
      headers: form,
      payload: '',
    });
    assertEnvelope(info, 200);
    assert.equal(info.json().my_id, 'conv-1');

    const query = new URLSearchParams({
      wallet: wallets.phone,
      amount: '100.0',
      method: 'qiwi',
      commission_type: '0',
    });
    const created = await server.inject({
      method: 'POST',
      url: `/api/create-payoff?${query}`,
      headers: form,
      payload: '',
    });
    assertEnvelope(created, 200);
    assert.equal(created.json().amount_down, 100);
  });

  it('lets the body win over the query string', async () => {
    const response = await server.inject({
      method: 'POST',
      url: '/api/info-payoff?my_id=does-not-exist',
      headers: form,
      payload: 'my_id=conv-1',
    });
    assertEnvelope(response, 200);
    assert.equal(response.json().my_id, 'conv-1');
  });

  it('treats empty values as absent', async () => {
    const created = await server.postForm('/api/create-payoff', {
      method: 'qiwi',
      wallet: wallets.phone,
      amount: '100',
      my_id: '',
      commission_type: '',
      webhook_url: '',
    });
    assertEnvelope(created, 200);
    assert.equal(created.json().my_id, '');
    assert.equal(created.json().commission_type, 0);

    const again = await server.postForm('/api/create-payoff', {
      method: 'qiwi',
      wallet: wallets.phone,
      amount: '100',
      my_id: '',
    });
    assert.notEqual(again.json().id, created.json().id);
  });

  it('treats my_id=undefined as absent', async () => {
    const params = { method: 'qiwi', wallet: wallets.phone, amount: '100', my_id: 'undefined' };
    const first = await server.postForm('/api/create-payoff', params);
    const second = await server.postForm('/api/create-payoff', params);
    assertEnvelope(first, 200);
    assert.equal(first.json().my_id, '');
    assert.notEqual(second.json().id, first.json().id);

    const info = await server.postForm('/api/info-payoff', { my_id: 'undefined' });
    assertEnvelope(info, 400);
    assert.match(info.json().message, /'id' or 'my_id' is required/);
  });

  it('finds a payout by my_id when an empty id is sent next to it', async () => {
    const response = await server.inject({
      method: 'POST',
      url: '/api/info-payoff',
      headers: form,
      payload: 'my_id=conv-1&id=',
    });
    assertEnvelope(response, 200);
    assert.equal(response.json().my_id, 'conv-1');
  });

  it('needs neither Accept nor Content-Type on a call without parameters', async () => {
    for (const method of ['GET', 'POST'] as const) {
      const response = await server.app.inject({
        method,
        url: '/api/balance',
        headers: { 'x-api-key': server.key },
      });
      assertEnvelope(response, 200);
    }
  });

  it('accepts an empty application/octet-stream body on a call without parameters', async () => {
    const response = await server.inject({
      method: 'POST',
      url: '/api/methods-payoff',
      headers: { 'content-type': 'application/octet-stream' },
      payload: '',
    });
    assertEnvelope(response, 200);
  });

  it('does not read the body of a call without parameters, whatever it holds', async () => {
    const bodies = [
      ['text/plain', 'abc'],
      ['application/json', 'not json'],
    ] as const;
    for (const [type, payload] of bodies) {
      const response = await server.inject({
        method: 'POST',
        url: '/api/rates-payoff',
        headers: { 'content-type': type },
        payload,
      });
      assertEnvelope(response, 200);
    }
  });

  it('answers JSON whatever the Accept header asks for', async () => {
    const response = await server.inject({
      method: 'GET',
      url: '/api/balance',
      headers: { accept: 'text/html' },
    });
    assertEnvelope(response, 200);
  });

  it('collapses repeated slashes in the path', async () => {
    assertEnvelope(await server.inject({ method: 'GET', url: '//api/balance' }), 200);
    assertEnvelope(await server.postForm('//api//info-payoff', { my_id: 'conv-1' }), 200);
  });

  it('answers an unknown path with 404 in the error envelope', async () => {
    const response = await server.inject({ method: 'GET', url: '/api/no-such-thing' });
    assertEnvelope(response, 404);
    assert.match(response.json().message, /No endpoint at GET \/api\/no-such-thing/);
  });

  it('answers a wrong method with 405 in the error envelope and an Allow header', async () => {
    const put = await server.inject({ method: 'PUT', url: '/api/balance' });
    assertEnvelope(put, 405);
    assert.equal(put.headers.allow, 'GET, POST');

    const getCreate = await server.inject({ method: 'GET', url: '/api/create-payoff' });
    assertEnvelope(getCreate, 405);
    assert.equal(getCreate.headers.allow, 'POST');
  });

  it('answers 401 to a key without the endpoint permission, 200 to one with it', async () => {
    for (const [url, needed] of readEndpoints) {
      if (needed === null) continue;
      const others = permissions.filter((p) => p !== needed);
      const without = await server.inject({
        method: 'GET',
        url,
        headers: { 'x-api-key': await server.keyWith(...others) },
      });
      assertEnvelope(without, 401);
      assert.match(without.json().message, new RegExp(`lacks the ${needed} permission`));

      const withIt = await server.inject({
        method: 'GET',
        url,
        headers: { 'x-api-key': await server.keyWith(needed) },
      });
      assertEnvelope(withIt, 200);
    }
  });

  it('answers 401 to a missing or unknown key, without echoing it', async () => {
    for (const [url, needed] of readEndpoints) {
      if (needed === null) continue;
      const missing = await server.app.inject({ method: 'POST', url });
      assertEnvelope(missing, 401);

      const secret = 'pk_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
      const unknown = await server.app.inject({
        method: 'POST',
        url,
        headers: { 'x-api-key': secret },
      });
      assertEnvelope(unknown, 401);
      assert.doesNotMatch(unknown.body, /AAAAAAAA/);
    }
  });

  it('answers public/ips without any key', async () => {
    assertEnvelope(await server.app.inject({ method: 'GET', url: '/api/public/ips' }), 200);
  });

  it('refuses a parameter given twice with different values', async () => {
    const response = await server.inject({
      method: 'GET',
      url: '/api/info-payoff?my_id=conv-1&my_id=other',
    });
    assertEnvelope(response, 400);
    assert.match(response.json().message, /'my_id' was given more than once/);

    const same = await server.inject({
      method: 'GET',
      url: '/api/info-payoff?my_id=conv-1&my_id=conv-1',
    });
    assertEnvelope(same, 200);
  });

  it('accepts a JSON object of strings as an extension', async () => {
    const response = await server.inject({
      method: 'POST',
      url: '/api/info-payoff',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ my_id: 'conv-1' }),
    });
    assertEnvelope(response, 200);
  });

  it('does not parse JSON text sent under the form content type', async () => {
    const response = await server.inject({
      method: 'POST',
      url: '/api/create-payoff',
      headers: form,
      payload: JSON.stringify({ method: 'qiwi', wallet: wallets.phone, amount: 100 }),
    });
    assertEnvelope(response, 400);
    assert.equal(response.json().message, "Parameter 'method' is required.");
  });
});
