import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';

import {
  assertBooksBalance,
  assertFail,
  assertUnchanged,
  postPayoff,
  snapshot,
  startTestServer,
  type TestServer,
} from '../support/test-server.js';

type Params = Record<string, string | readonly string[]>;

const card = { method: 'cards_ru', wallet: '4111111111111111', amount: '500' };
const sbp = { method: 'sbp', wallet: '79161234567', amount: '500', bank: '100000000111' };
const mobile = {
  method: 'mobile_ru',
  wallet: '79161234567',
  amount: '500',
  mobile_operator: 'tele2',
};
const without = (params: Params, name: string): Params =>
  Object.fromEntries(Object.entries(params).filter(([key]) => key !== name));

/** [what is wrong, parameters, the parameter the message must name]. */
const cases: [string, Params, string][] = [
  ['method missing', without(card, 'method'), 'method'],
  ['method missing and amount malformed', { ...without(card, 'method'), amount: '1e3' }, 'method'],
  ['method empty, which counts as absent', { ...card, method: '' }, 'method'],
  ['wallet missing', without(card, 'wallet'), 'wallet'],
  ['amount missing', without(card, 'amount'), 'amount'],
  ['amount empty', { ...card, amount: '' }, 'amount'],
  ['method unknown', { ...card, method: 'paypal' }, 'method'],
  [
    'method unknown, wallet and amount bad too',
    { method: 'x', wallet: '1', amount: '-1' },
    'method',
  ],
  [
    'method disabled by configuration',
    { ...card, method: 'qiwi', wallet: '79161234567' },
    'method',
  ],
  ['sbp without bank', without(sbp, 'bank'), 'bank'],
  ['sbp without bank and with a bad wallet', { ...without(sbp, 'bank'), wallet: '1' }, 'bank'],
  ['sbp with a bank not in the list', { ...sbp, bank: '100000000999' }, 'bank'],
  ['sbp with a bank id that is not digits', { ...sbp, bank: 'sber' }, 'bank'],
  ['mobile_ru without operator', without(mobile, 'mobile_operator'), 'mobile_operator'],
  ['mobile_ru with an unknown operator', { ...mobile, mobile_operator: 'yota' }, 'mobile_operator'],
  [
    'mobile_ru with an unknown phone_operator',
    { ...without(mobile, 'mobile_operator'), phone_operator: 'yota' },
    'mobile_operator',
  ],
  ['cards_ru wallet failing Luhn', { ...card, wallet: '4111111111111112' }, 'wallet'],
  [
    'cards_ua wallet of 15 digits',
    { ...card, method: 'cards_ua', wallet: '411111111111111' },
    'wallet',
  ],
  ['mobile_ru landline', { ...mobile, wallet: '74951234567' }, 'wallet'],
  ['sbp phone with the 8 prefix', { ...sbp, wallet: '89161234567' }, 'wallet'],
  ['yoomoney too short', { ...card, method: 'yoomoney', wallet: '41001123456789' }, 'wallet'],
  ['payeer without enough digits', { ...card, method: 'payeer', wallet: 'P123' }, 'wallet'],
  ['perfectmoney EUR account', { ...card, method: 'perfectmoney', wallet: 'E1234567' }, 'wallet'],
  [
    'tron checksum broken',
    { ...card, method: 'tether_trc20', wallet: 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u' },
    'wallet',
  ],
  [
    'bitcoin testnet',
    { method: 'bitcoin', wallet: 'mipcBbFg9gMiCh81Kj8tqqdgoZub1ZJRfn', amount: '1000' },
    'wallet',
  ],
  ['wallet bad and amount bad', { ...card, wallet: '4111 1111 1111 1111', amount: 'x' }, 'wallet'],
  ...[
    '1e3',
    '0x64',
    '-1',
    '+1',
    '1,5',
    '1 500',
    '100.001',
    ' 1',
    '.5',
    '5.',
    '١٢',
    '9'.repeat(40),
    '1'.repeat(5000),
  ].map((amount): [string, Params, string] => [
    `amount ${JSON.stringify(amount.slice(0, 12))}`,
    { ...card, amount },
    'amount',
  ]),
  ['amount below the minimum', { ...card, amount: '99.99' }, 'amount'],
  ['amount above the maximum', { ...card, amount: '100000.01' }, 'amount'],
  ['amount of 30 digits', { ...card, amount: '9'.repeat(30) }, 'amount'],
  [
    'amount bad and commission_type bad',
    { ...card, amount: '1.001', commission_type: '2' },
    'amount',
  ],
  ['amount twice with different values', { ...card, amount: ['500', '600'] }, 'amount'],
  ['commission_type 2', { ...card, commission_type: '2' }, 'commission_type'],
  ['commission_type not a digit', { ...card, commission_type: 'one' }, 'commission_type'],
  ['webhook_url with ftp', { ...card, webhook_url: 'ftp://x' }, 'webhook_url'],
  ['webhook_url not a URL', { ...card, webhook_url: 'not a url' }, 'webhook_url'],
  ['webhook_url relative', { ...card, webhook_url: '/relative' }, 'webhook_url'],
  ['my_id over 255 characters', { ...card, my_id: 'x'.repeat(256) }, 'my_id'],
  [
    'commission leaving the recipient nothing',
    { ...card, method: 'payeer', wallet: 'P1234567', amount: '10' },
    'amount',
  ],
];

describe('create-payoff validation', () => {
  let server: TestServer;

  before(async () => {
    server = await startTestServer({
      balanceRub: '1000',
      fileConfig: { methods: { qiwi: { enabled: false }, payeer: { commissionSum: '10' } } },
    });
  });
  after(async () => {
    await assertBooksBalance(server);
    await server.close();
  });

  it("answers an amount beyond the money limit with the method's range", async () => {
    for (const amount of ['1000000000000000.01', '9'.repeat(30)]) {
      const message = assertFail(await postPayoff(server, { ...card, amount }), 400);
      const range = "Parameter 'amount' must be from 100 to 100000 RUB for method cards_ru.";
      assert.equal(message, range);
    }
  });

  for (const [what, params, name] of cases) {
    it(`answers 400 naming '${name}' for ${what}, changing nothing`, async () => {
      const state = await snapshot(server);
      const message = assertFail(await postPayoff(server, params), 400);
      assert.match(message, new RegExp(`Parameter '${name}'`));
      await assertUnchanged(server, state);
    });
  }

  it('answers 400 for a balance that does not cover amount_down, changing nothing', async () => {
    const state = await snapshot(server);
    const message = assertFail(await postPayoff(server, { ...card, amount: '1000.01' }), 400);
    assert.match(message, /insufficient balance/i);
    // commission on top: 1000 + 3 % + 50 is over the 1000 available.
    const onTop = await postPayoff(server, { ...card, amount: '1000', commission_type: '1' });
    assert.match(assertFail(onTop, 400), /insufficient balance/i);
    await assertUnchanged(server, state);
  });

  it('accepts the bounds themselves: minimum, and a my_id of exactly 255 characters', async () => {
    const atMin = await postPayoff(server, { ...card, amount: '100', my_id: 'y'.repeat(255) });
    assert.equal(atMin.statusCode, 200, atMin.body);
    assert.equal(JSON.parse(atMin.body).my_id, 'y'.repeat(255));
  });

  it('accepts a 255-character my_id counted in characters, not UTF-16 units', async () => {
    const myId = '\u{1F4B0}'.repeat(255);
    const response = await postPayoff(server, { ...card, amount: '100', my_id: myId });
    assert.equal(response.statusCode, 200, response.body);
  });
});

describe('create-payoff validation with the default catalogue', () => {
  it("answers 400 naming 'wallet' for qiwi numbers with + or a leading 0", async () => {
    const server = await startTestServer();
    try {
      for (const wallet of ['+79161234567', '079161234567', '7916123']) {
        const state = await snapshot(server);
        const response = await postPayoff(server, { method: 'qiwi', wallet, amount: '100' });
        assert.match(assertFail(response, 400), /Parameter 'wallet'/, wallet);
        await assertUnchanged(server, state);
      }
    } finally {
      await server.close();
    }
  });
});
