import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { createApiKey, revokeApiKey } from '../../src/merchants/api-keys.js';
import {
  assertBooksBalance,
  assertFail,
  assertUnchanged,
  postPayoff,
  snapshot,
  startTestServer,
  type TestServer,
} from '../support/test-server.js';

const valid = { method: 'cards_ru', wallet: '4111111111111111', amount: '500' };

describe('create-payoff authentication', () => {
  let server: TestServer;
  let revokedKey: string;
  let readOnlyKey: string;

  before(async () => {
    server = await startTestServer();
    const revoked = await createApiKey(server.services.store, server.merchantId);
    await revokeApiKey(server.services.store, revoked.id);
    revokedKey = revoked.key;
    const readOnly = await createApiKey(server.services.store, server.merchantId, [
      'payoff:info',
      'methods:read',
      'balance:read',
    ]);
    readOnlyKey = readOnly.key;
  });
  after(() => server.close());

  async function assertRefused(key: string | null, expected: RegExp): Promise<void> {
    const state = await snapshot(server);
    const message = assertFail(await postPayoff(server, valid, key), 401);
    assert.match(message, expected);
    if (key) assert.ok(!message.includes(key), 'the message must not echo the key');
    await assertUnchanged(server, state);
  }

  it('answers 401 without an X-Api-Key header', async () => {
    await assertRefused(null, /missing api key/i);
  });

  it('answers 401 for a blank key', async () => {
    await assertRefused('   ', /missing api key/i);
  });

  it('answers 401 for a malformed key', async () => {
    await assertRefused('not-a-key', /invalid or revoked/i);
  });

  it('answers 401 for a well-formed key nobody issued', async () => {
    const unknown = `pk_0123456789abcdef_${'A'.repeat(43)}`;
    await assertRefused(unknown, /invalid or revoked/i);
  });

  it('answers 401 for a known key id with the wrong secret', async () => {
    const forged = `${server.key.slice(0, 20)}${'B'.repeat(43)}`;
    assert.notEqual(forged, server.key);
    await assertRefused(forged, /invalid or revoked/i);
  });

  it('answers 401 for a revoked key', async () => {
    await assertRefused(revokedKey, /invalid or revoked/i);
  });

  it('answers 401 for a key without payoff:create', async () => {
    await assertRefused(readOnlyKey, /payoff:create/);
  });

  it('checks the key before the parameters', async () => {
    const state = await snapshot(server);
    assertFail(await postPayoff(server, { amount: 'bad' }, null), 401);
    await assertUnchanged(server, state);
  });

  it('checks the key before reading a body it cannot accept', async () => {
    const bodies = [
      { type: 'application/json', payload: JSON.stringify({ ...valid, amount: 500 }) },
      { type: 'application/json', payload: '{"method":' },
      { type: 'application/octet-stream', payload: 'method=cards_ru' },
    ];
    for (const { type, payload } of bodies) {
      const state = await snapshot(server);
      const response = await server.app.inject({
        method: 'POST',
        url: '/api/create-payoff',
        headers: { 'content-type': type },
        payload,
      });
      assert.match(assertFail(response, 401), /missing api key/i, `${type} ${payload}`);
      await assertUnchanged(server, state);
    }
  });

  it('accepts the merchant key, as a control', async () => {
    const response = await postPayoff(server, valid);
    assert.equal(response.statusCode, 200, response.body);
    await assertBooksBalance(server);
  });
});
