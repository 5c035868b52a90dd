import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { register } from 'node:module';
import { startCompatServer, wallets, type CompatServer } from '../support/compat-server.js';
import { balanceModel, ipsModel, methodsModel, ratesModel } from './client-fixture.js';
import { violations } from './wire-model.js';

// aaio.js 1.0.9 imports `crypto-js/enc-hex` and `crypto-js/sha256` without the `.js` that
// Node's ESM loader needs (bundlers add it), and both of its builds load as ESM. This
// resolve hook adds the extension to crypto-js subpaths only, so the published code
// runs unchanged.
const cryptoJsHook = `
export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (error) {
    const bare = specifier.startsWith('crypto-js/') && !specifier.endsWith('.js');
    if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !bare) {
      throw error;
    }
    return next(specifier + '.js', context);
  }
}`;
register(`data:text/javascript,${encodeURIComponent(cryptoJsHook)}`);
const { Client, getIps } = await import('aaio.js');
type AaioClient = InstanceType<typeof Client>;

/** The host aaio.js 1.0.9 has written into it. */
const aaioHost = 'https://aaio.so';

describe('aaio.js 1.0.9 against the server through a real socket', () => {
  let server: CompatServer;
  let client: AaioClient;
  const realFetch = globalThis.fetch;
  const fetched: string[] = [];

  before(async () => {
    server = await startCompatServer();
    const base = await server.app.listen({ host: '127.0.0.1', port: 0 });

    // aaio.js has no base URL option: point its fixed host at the local server, and
    // refuse anything else so the test never leaves this machine.
    globalThis.fetch = (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (!url.startsWith(`${aaioHost}/`)) throw new Error(`unexpected fetch of ${url}`);
      fetched.push(url);
      return realFetch(`${base}${url.slice(aaioHost.length)}`, init);
    };
    client = new Client(server.key);
  });

  after(async () => {
    globalThis.fetch = realFetch;
    await server.close();
  });

  it('reads the balance', async () => {
    const balance = await client.getBalance();
    assert.deepEqual(violations(balanceModel, balance), []);
    assert.deepEqual(balance, { type: 'success', balance: 100000, referral: 0, hold: 0 });
  });

  it('reads the payoff methods as an object keyed by code', async () => {
    const methods = await client.getPayoffMethods();
    assert.equal(methods.type, 'success');
    assert.deepEqual(violations(methodsModel, methods), []);
    assert.equal(methods.list.qiwi?.min, 10);
  });

  it('reads the four payoff rates', async () => {
    const rates = await client.getPayoffRates();
    assert.deepEqual(violations(ratesModel, rates), []);
    assert.deepEqual(Object.keys(rates), ['type', 'USD', 'UAH', 'USDT', 'BTC']);
  });

  it('gets a clear 400 from info, since its JSON body is not form parameters', async () => {
    const created = await server.postForm('/api/create-payoff', {
      method: 'qiwi',
      wallet: wallets.phone,
      amount: '100',
      my_id: 'js-1',
    });
    assert.equal(created.statusCode, 200);

    const info = await client.getPayoffInfo('js-1');
    assert.deepEqual(info, {
      type: 'fail',
      code: '400',
      message: "Parameter 'id' or 'my_id' is required.",
    });
  });

  it('gets a clear 400 from create naming the missing parameter, and pays nothing', async () => {
    const before = await client.getBalance();
    const answer = await client.createPayoff('qiwi', 100, wallets.phone, 0, 'js-2');
    assert.deepEqual(answer, {
      type: 'fail',
      code: '400',
      message: "Parameter 'method' is required.",
    });
    assert.deepEqual(await client.getBalance(), before);
  });

  it('reads the public webhook addresses without a key', async () => {
    const ips = await getIps();
    assert.deepEqual(violations(ipsModel, ips), []);
    assert.deepEqual(ips, { type: 'success', list: [] });
  });

  it('sent every request to the host it has built in', () => {
    assert.ok(fetched.length >= 8);
    assert.ok(fetched.every((url) => url.startsWith(`${aaioHost}/api/`)));
  });
});
