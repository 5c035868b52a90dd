import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startCompatServer, type CompatServer } from '../support/compat-server.js';
import { clientRequest, type FlowState, type KnownClient } from './client-fixture.js';
import { aaioJsMain, aaioJsPublished } from './js-clients.js';
import { aaioAsync, asyncPayments, kewldanAaio } from './python-clients.js';
import { csharpAaioSdk, javaAaioPaymentsSdk } from './typed-clients.js';
import { violations } from './wire-model.js';

const knownClients: readonly KnownClient[] = [
  kewldanAaio,
  aaioAsync,
  asyncPayments,
  javaAaioPaymentsSdk,
  csharpAaioSdk,
  aaioJsPublished,
  aaioJsMain,
];

describe('known clients, replayed request by request', () => {
  let server: CompatServer;

  before(async () => {
    server = await startCompatServer();
  });
  after(() => server.close());

  knownClients.forEach((client, index) => {
    it(`${client.name}: its answers parse into its models, bar listed conflicts`, async () => {
      const found = new Set<string>();
      let state: FlowState = { myId: `compat-${index}` };

      for (const call of client.calls) {
        const request = clientRequest(client.shape, call, state, server.key);
        const response = await server.app.inject(request);
        assert.equal(response.headers['content-type'], 'application/json; charset=utf-8');
        const body = response.json();
        const where = `${call.path} -> ${response.body}`;

        if (call.expectFailure) {
          assert.equal(response.statusCode, 400, where);
          assert.deepEqual(Object.keys(body), ['type', 'code', 'message'], where);
          assert.match(body.message, call.expectFailure.message, where);
          continue;
        }
        assert.equal(response.statusCode, 200, where);
        assert.equal(body.type, 'success', where);
        for (const problem of violations(call.model, body)) {
          found.add(`${name(call.path)}: ${problem}`);
        }
        if (call.path === '/api/create-payoff') state = { ...state, id: body.id };
      }

      await replayInfoAfterSettlement(client, state, found);
      assert.deepEqual([...found].sort(), Object.keys(client.conflicts ?? {}).sort());
    });
  });

  /** A settled payout fills cancel_message or complete_date: the models must still hold. */
  async function replayInfoAfterSettlement(
    client: KnownClient,
    state: FlowState,
    found: Set<string>,
  ): Promise<void> {
    const info = client.calls.find((c) => c.path === '/api/info-payoff' && !c.expectFailure);
    if (!info || state.id === undefined) return;

    await server.services.payouts.settle(state.id, 'success');
    const response = await server.app.inject(clientRequest(client.shape, info, state, server.key));
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(response.json().status, 'success');
    for (const problem of violations(info.model, response.json())) {
      found.add(`info-payoff: ${problem}`);
    }
  }
});

describe('the compatibility fixtures', () => {
  it('give every listed conflict a reason', () => {
    for (const client of knownClients) {
      for (const [violation, why] of Object.entries(client.conflicts ?? {})) {
        assert.ok(why.length > 40, `${client.name}: ${violation}`);
      }
    }
  });

  it('cover every companion endpoint with at least two clients', () => {
    const paths = ['info-payoff', 'methods-payoff', 'rates-payoff', 'sbp-banks-payoff', 'balance'];
    for (const path of [...paths, 'public/ips']) {
      const users = knownClients.filter((client) =>
        client.calls.some((call) => call.path === `/api/${path}` && !call.expectFailure),
      );
      assert.ok(users.length >= 2, `${path}: ${users.length}`);
    }
  });
});

function name(path: string): string {
  return path.replace('/api/', '');
}
