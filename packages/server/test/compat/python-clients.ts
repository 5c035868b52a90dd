import {
  balanceModel,
  ipsModel,
  methodsModel,
  money,
  ratesModel,
  sbpBanksModel,
  text,
  typedCreateModel,
  typedInfoModel,
  type KnownClient,
} from './client-fixture.js';
import { collection, optional, required } from './wire-model.js';
import { sberbank, wallets } from '../support/compat-server.js';

/** aiohttp given `data=` but no Content-Type: a form body, or an empty octet-stream POST. */
const aiohttpWithoutContentType = {
  params: 'form-body',
  emptyBodyContentType: 'application/octet-stream',
  missingValue: 'omitted',
} as const;

/**
 * `aaio` on PyPI (github.com/kewldan/AAIO): aiohttp POSTs every call as a form with
 * explicit Accept and Content-Type headers, dropping None values; pydantic v2 models
 * with required `str` ids (so `my_id` may never be null) and `Literal[0, 1]`
 * commission types.
 */
export const kewldanAaio: KnownClient = {
  name: 'aaio (PyPI), github.com/kewldan/AAIO',
  shape: {
    params: 'form-body',
    emptyBodyContentType: 'application/x-www-form-urlencoded',
    missingValue: 'omitted',
  },
  calls: [
    { path: '/api/sbp-banks-payoff', model: sbpBanksModel },
    {
      path: '/api/create-payoff',
      params: ({ myId }) => ({
        my_id: myId,
        method: 'sbp',
        amount: '250.5',
        wallet: wallets.phone,
        commission_type: '0',
        bank: sberbank.bankId,
      }),
      model: typedCreateModel,
    },
    {
      path: '/api/info-payoff',
      params: ({ myId }) => ({ my_id: myId, id: undefined }),
      model: typedInfoModel,
    },
    { path: '/api/balance', model: balanceModel },
    { path: '/api/rates-payoff', model: ratesModel },
    { path: '/api/methods-payoff', model: methodsModel },
    { path: '/api/public/ips', model: ipsModel },
  ],
};

/**
 * `AaioAsync` on PyPI (github.com/Belyashik2K/AaioAsync): aiohttp with only Accept and
 * X-Api-Key set, so a call without data goes out as an empty POST that aiohttp labels
 * `application/octet-stream`; pydantic v2 models.
 */
export const aaioAsync: KnownClient = {
  name: 'AaioAsync (PyPI), github.com/Belyashik2K/AaioAsync',
  shape: aiohttpWithoutContentType,
  calls: [
    {
      path: '/api/create-payoff',
      params: ({ myId }) => ({
        my_id: myId,
        method: 'mobile_ru',
        amount: '99.99',
        wallet: wallets.phone,
        commission_type: '1',
        mobile_operator: 'beeline_ru',
      }),
      model: {
        id: text,
        my_id: required('string', 'integer'),
        method: text,
        wallet: text,
        amount: money,
        amount_down: money,
        commission: money,
        commission_type: required('integer'),
        status: text,
      },
    },
    {
      path: '/api/info-payoff',
      params: ({ myId }) => ({ my_id: myId }),
      model: {
        id: text,
        my_id: required('string', 'integer'),
        method: text,
        wallet: text,
        amount: money,
        amount_down: money,
        commission: money,
        commission_type: required('integer'),
        status: text,
        cancel_message: optional('string'),
        date: text,
        complete_date: optional('string'),
      },
    },
    { path: '/api/balance', model: balanceModel },
    {
      path: '/api/methods-payoff',
      model: {
        list: collection('object', {
          min: money,
          max: money,
          commission_percent: money,
          commission_sum: money,
        }),
      },
    },
  ],
  conflicts: {
    'info-payoff: cancel_message: null is not string':
      'Its model declares `cancel_message: str = None`, which pydantic v2 refuses for an ' +
      'explicit null; the contract sends null until a payout is cancelled, as aaio does.',
    'info-payoff: complete_date: null is not string':
      'Same declaration for `complete_date`; the contract sends null until completion.',
  },
};

/**
 * `AsyncPayments` on PyPI, its aaio module (github.com/I-ToSa-I/AsyncPayments): aiohttp
 * with Accept and X-Api-Key only; pydantic models.
 */
export const asyncPayments: KnownClient = {
  name: 'AsyncPayments (PyPI) aaio module, github.com/I-ToSa-I/AsyncPayments',
  shape: aiohttpWithoutContentType,
  calls: [
    {
      path: '/api/create-payoff',
      params: ({ myId }) => ({
        my_id: myId,
        method: 'qiwi',
        amount: '100',
        wallet: wallets.phone,
        commission_type: '0',
      }),
      model: {
        id: text,
        my_id: required('string', 'integer'),
        method: text,
        wallet: text,
        amount: money,
        amount_in_currency: money,
        amount_currency: text,
        amount_rate: money,
        amount_down: money,
        commission: money,
        commission_type: required('integer'),
        status: text,
      },
    },
    {
      path: '/api/info-payoff',
      params: ({ myId }) => ({ my_id: myId }),
      model: {
        id: text,
        my_id: required('string', 'integer'),
        method: text,
        wallet: text,
        amount: money,
        amount_down: money,
        commission: money,
        commission_type: required('integer'),
        status: text,
        cancel_message: optional('string', 'null'),
        date: text,
        complete_date: optional('string', 'null'),
      },
    },
    { path: '/api/balance', model: balanceModel },
    { path: '/api/methods-payoff', model: methodsModel },
  ],
  conflicts: {
    'create-payoff: amount_rate: missing':
      'Its CreateWithdrawalInfo requires `amount_rate`; the contract (§2) leaves it out of a ' +
      "RUB create-payoff answer, as aaio's own documentation does.",
  },
};
