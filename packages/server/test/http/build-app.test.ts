import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { bodyLimitBytes } from '../../src/http/build-app.js';
import {
  assertBooksBalance,
  assertFail,
  assertUnchanged,
  formBody,
  snapshot,
  startTestServer,
  type TestServer,
} from '../support/test-server.js';

const valid = { method: 'qiwi', wallet: '79161234567', amount: '100' };
const form = { 'content-type': 'application/x-www-form-urlencoded' };

describe('the HTTP app', () => {
  let server: TestServer;

  before(async () => {
    server = await startTestServer();
  });
  after(async () => {
    await assertBooksBalance(server);
    await server.close();
  });

  it('collapses repeated slashes: //api/create-payoff is /api/create-payoff', async () => {
    const response = await server.app.inject({
      method: 'POST',
      url: '//api/create-payoff',
      headers: { ...form, 'x-api-key': server.key },
      payload: formBody(valid),
    });
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(JSON.parse(response.body).type, 'success');
  });

  it('answers 405 in the envelope for GET on create-payoff, naming POST', async () => {
    const state = await snapshot(server);
    const response = await server.app.inject({
      method: 'GET',
      url: `/api/create-payoff?${formBody(valid)}`,
      headers: { 'x-api-key': server.key },
    });
    assert.match(assertFail(response, 405), /POST/);
    assert.equal(response.headers.allow, 'POST');
    await assertUnchanged(server, state);
  });

  it('answers 405 for PUT and DELETE too', async () => {
    for (const method of ['PUT', 'DELETE'] as const) {
      assertFail(await server.app.inject({ method, url: '/api/create-payoff' }), 405);
    }
  });

  it('answers 404 in the envelope for an unknown path, without the query string', async () => {
    const response = await server.app.inject({ method: 'POST', url: '/api/nope?secret=x' });
    const message = assertFail(response, 404);
    assert.match(message, /\/api\/nope/);
    assert.ok(!message.includes('secret'));
  });

  it('answers 400 in the envelope for a body over the limit, changing nothing', async () => {
    const state = await snapshot(server);
    const padding = 'x'.repeat(bodyLimitBytes);
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/create-payoff',
      headers: { ...form, 'x-api-key': server.key },
      payload: `${formBody(valid)}&padding=${padding}`,
    });
    assert.match(assertFail(response, 400), /over 65536 bytes/);
    await assertUnchanged(server, state);
  });

  it('answers 400 in the envelope for a non-form body, changing nothing', async () => {
    const state = await snapshot(server);
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/create-payoff',
      headers: { 'content-type': 'application/octet-stream', 'x-api-key': server.key },
      payload: Buffer.from(formBody(valid)),
    });
    assert.match(assertFail(response, 400), /x-www-form-urlencoded/);
    await assertUnchanged(server, state);
  });

  it('answers 400, not 500, for an unknown content type with a body', async () => {
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/create-payoff',
      headers: { 'content-type': 'text/plain', 'x-api-key': server.key },
      payload: 'method=qiwi',
    });
    assertFail(response, 400);
  });

  it('does not parse JSON text sent as a form body', async () => {
    const state = await snapshot(server);
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/create-payoff',
      headers: { ...form, 'x-api-key': server.key },
      payload: JSON.stringify(valid),
    });
    assert.match(assertFail(response, 400), /Parameter 'method' is required/);
    await assertUnchanged(server, state);
  });

  it('always answers application/json; charset=utf-8', async () => {
    const responses = await Promise.all([
      server.app.inject({ method: 'GET', url: '/nope' }),
      server.app.inject({ method: 'GET', url: '/api/create-payoff' }),
      server.app.inject({ method: 'POST', url: '/api/create-payoff' }),
    ]);
    for (const response of responses) {
      assert.equal(response.headers['content-type'], 'application/json; charset=utf-8');
    }
  });
});
