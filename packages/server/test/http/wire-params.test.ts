import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';

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

describe('create-payoff parameters', () => {
  let server: TestServer;

  before(async () => {
    server = await startTestServer();
  });
  after(async () => {
    await assertBooksBalance(server);
    await server.close();
  });

  function post(url: string, headers: Record<string, string>, payload?: string) {
    return server.app.inject({
      method: 'POST',
      url,
      headers: { 'x-api-key': server.key, ...headers },
      ...(payload === undefined ? {} : { payload }),
    });
  }

  it('accepts a JSON body whose values are all strings', async () => {
    const response = await post(
      '/api/create-payoff',
      { 'content-type': 'application/json' },
      JSON.stringify({ ...valid, my_id: 'json-1' }),
    );
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(JSON.parse(response.body).my_id, 'json-1');
  });

  it('refuses a JSON body with a number, naming the parameter, changing nothing', async () => {
    const state = await snapshot(server);
    const response = await post(
      '/api/create-payoff',
      { 'content-type': 'application/json' },
      JSON.stringify({ ...valid, amount: 100 }),
    );
    assert.match(assertFail(response, 400), /Parameter 'amount'/);
    await assertUnchanged(server, state);
  });

  it('refuses JSON that is not an object, or not JSON at all', async () => {
    for (const payload of ['["qiwi"]', '"qiwi"', '{"method":']) {
      const response = await post(
        '/api/create-payoff',
        { 'content-type': 'application/json' },
        payload,
      );
      assertFail(response, 400);
    }
  });

  it('reads the query string of a POST with an empty body, without a content type', async () => {
    const response = await post(`/api/create-payoff?${formBody({ ...valid, my_id: 'q-1' })}`, {});
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(JSON.parse(response.body).my_id, 'q-1');
  });

  it('reads the query string of a POST with an empty form body', async () => {
    const response = await post(
      `/api/create-payoff?${formBody({ ...valid, my_id: 'q-2' })}`,
      { 'content-type': 'application/x-www-form-urlencoded' },
      '',
    );
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(JSON.parse(response.body).my_id, 'q-2');
  });

  it('lets the body win over the query string', async () => {
    const response = await post(
      `/api/create-payoff?${formBody({ ...valid, amount: '900', my_id: 'query' })}`,
      { 'content-type': 'application/x-www-form-urlencoded' },
      formBody({ amount: '200', my_id: 'body' }),
    );
    assert.equal(response.statusCode, 200, response.body);
    const fields = JSON.parse(response.body);
    assert.equal(fields.amount_down, 200);
    assert.equal(fields.my_id, 'body');
  });

  it('ignores an empty body value and keeps the query value', async () => {
    const response = await post(
      `/api/create-payoff?${formBody({ ...valid, my_id: 'kept' })}`,
      { 'content-type': 'application/x-www-form-urlencoded' },
      formBody({ my_id: '' }),
    );
    assert.equal(JSON.parse(response.body).my_id, 'kept');
  });

  it('refuses a parameter given twice with different values in the query', async () => {
    const state = await snapshot(server);
    const query = `${formBody(valid)}&wallet=79161234568`;
    const response = await post(`/api/create-payoff?${query}`, {});
    assert.match(assertFail(response, 400), /Parameter 'wallet'.*more than once/);
    await assertUnchanged(server, state);
  });

  it('ignores unknown parameters', async () => {
    const response = await post(
      '/api/create-payoff',
      { 'content-type': 'application/x-www-form-urlencoded' },
      formBody({ ...valid, colour: 'blue', sign: 'x' }),
    );
    assert.equal(response.statusCode, 200, response.body);
  });
});
