import {
  balanceModel,
  ipsModel,
  methodsModel,
  money,
  ratesModel,
  text,
  type KnownClient,
} from './client-fixture.js';
import { oneOf, required } from './wire-model.js';
import { wallets } from '../support/compat-server.js';

/**
 * aaio.js 1.0.9 (npm, the published version): every call is a POST whose body is
 * `JSON.stringify(params)` under `Content-Type: application/x-www-form-urlencoded`.
 * By contract §1 such a body is not parsed as JSON, so calls that need parameters get
 * a 400 naming the missing one; calls without parameters work. `getIps` is a plain GET
 * without a key. Its TypeScript types are the model (nothing checks them at run time).
 */
export const aaioJsPublished: KnownClient = {
  name: 'aaio.js 1.0.9 (npm), github.com/kewldan/aaio.js',
  shape: {
    params: 'json-text-as-form',
    emptyBodyContentType: 'application/x-www-form-urlencoded',
    missingValue: 'omitted',
  },
  calls: [
    { path: '/api/balance', model: balanceModel },
    { path: '/api/methods-payoff', model: methodsModel },
    { path: '/api/rates-payoff', model: ratesModel },
    {
      path: '/api/create-payoff',
      params: ({ myId }) => ({
        my_id: myId,
        method: 'qiwi',
        amount: '100',
        wallet: wallets.phone,
        commission_type: '0',
      }),
      model: {},
      expectFailure: {
        message: /^Parameter 'method' is required\.$/,
        why: 'its JSON text under the form content type carries no form parameter',
      },
    },
    {
      path: '/api/info-payoff',
      params: ({ myId }) => ({ my_id: myId }),
      model: {},
      expectFailure: {
        message: /^Parameter 'id' or 'my_id' is required\.$/,
        why: 'its JSON text under the form content type carries no form parameter',
      },
    },
    { path: '/api/public/ips', method: 'GET', sendsKey: false, model: ipsModel },
  ],
};

/**
 * aaio.js at the head of its repository (unreleased): the body is `URLSearchParams`
 * built with `String(value)`, so a `payoff_id` the caller left out goes out as
 * `my_id=undefined`.
 */
export const aaioJsMain: KnownClient = {
  name: 'aaio.js main branch, github.com/kewldan/aaio.js',
  shape: {
    params: 'form-body',
    emptyBodyContentType: 'application/x-www-form-urlencoded',
    missingValue: 'undefined',
  },
  calls: [
    {
      path: '/api/create-payoff',
      params: () => ({
        my_id: undefined,
        method: 'qiwi',
        amount: '100',
        wallet: wallets.phone,
        commission_type: '0',
      }),
      model: createModel(),
    },
    {
      path: '/api/create-payoff',
      params: ({ myId }) => ({
        my_id: myId,
        method: 'qiwi',
        amount: '100',
        wallet: wallets.phone,
        commission_type: '1',
      }),
      model: createModel(),
    },
    {
      path: '/api/info-payoff',
      params: ({ myId }) => ({ my_id: myId }),
      model: {
        id: text,
        method: text,
        wallet: text,
        amount: money,
        amount_down: money,
        commission: money,
        commission_type: oneOf('integer', [0, 1]),
        status: oneOf('string', ['in_process', 'cancel', 'success']),
        date: text,
      },
    },
    { path: '/api/balance', model: balanceModel },
    { path: '/api/rates-payoff', model: ratesModel },
    { path: '/api/methods-payoff', model: methodsModel },
  ],
  conflicts: {
    'create-payoff: amount_rate: missing':
      'Its CreatePayoffResponse type declares `amount_rate: number`; the contract (§2) leaves ' +
      'it out of a RUB answer, as aaio does. Only the type is wrong: nothing checks it.',
  },
};

/**
 * CreatePayoffResponse as its types declare it. (Its PayoffInfoResponse also declares a
 * `payoffId` that no aaio answer has; that one is left out of the info model above.)
 */
function createModel() {
  return {
    id: text,
    my_id: text,
    method: text,
    wallet: text,
    amount: money,
    amount_in_currency: money,
    amount_rate: money,
    amount_down: money,
    commission: money,
    commission_type: required('integer'),
    status: oneOf('string', ['in_process', 'cancel', 'success']),
  };
}
