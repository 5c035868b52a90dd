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
import { wallets } from '../support/compat-server.js';

/**
 * AaioPaymentsSDK (Java, github.com/itskekoff/AaioPaymentsSDK): okhttp POSTs an empty
 * form body and puts every parameter in the query string; Gson maps answers onto
 * classes with primitive `float`/`double`/`int` fields, and `list` of methods onto a
 * `Map` (an array there is a parse error). Its create request has no `my_id` and takes
 * `bank` as a 32-bit Integer; its info request insists on both `my_id` and `id`.
 */
export const javaAaioPaymentsSdk: KnownClient = {
  name: 'AaioPaymentsSDK (Java), github.com/itskekoff/AaioPaymentsSDK',
  shape: {
    params: 'query-of-empty-post',
    emptyBodyContentType: 'application/x-www-form-urlencoded',
    missingValue: 'omitted',
  },
  calls: [
    {
      path: '/api/create-payoff',
      params: () => ({
        wallet: wallets.phone,
        amount: '150.0',
        method: 'mobile_ru',
        commission_type: '0',
        phone_operator: 'megafon_ru',
        webhook_url: undefined,
      }),
      model: {
        type: text,
        id: text,
        my_id: text,
        method: text,
        wallet: text,
        amount: money,
        amount_in_currency: money,
        amount_currency: text,
        amount_rate: optional('number'),
        amount_down: money,
        commission: money,
        commission_type: required('integer'),
        status: text,
      },
    },
    {
      path: '/api/info-payoff',
      params: ({ myId, id }) => ({ my_id: myId, id }),
      model: {
        type: text,
        id: text,
        method: text,
        bank: text,
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
    { path: '/api/balance', model: { type: text, ...balanceModel } },
    { path: '/api/rates-payoff', model: { type: text, ...ratesModel } },
    { path: '/api/methods-payoff', model: { type: text, ...methodsModel } },
    {
      path: '/api/sbp-banks-payoff',
      model: { type: text, list: collection('array', { bankId: text, bankName: text }) },
    },
  ],
};

/**
 * Aaio.SDK 1.x (C#, NuGet, github.com/VeyDlin/Aaio.SDK, its AaioClient and Types):
 * HttpClient POSTs a FormUrlEncodedContent, which writes a null value as an empty one
 * (`my_id=&id=…`); Newtonsoft.Json into classes with non-nullable `float` and `int`
 * members marked [Required].
 */
export const csharpAaioSdk: KnownClient = {
  name: 'Aaio.SDK 1.x (C#, NuGet), github.com/VeyDlin/Aaio.SDK',
  shape: {
    params: 'form-body',
    emptyBodyContentType: 'application/x-www-form-urlencoded',
    missingValue: 'empty',
  },
  calls: [
    {
      path: '/api/create-payoff',
      params: ({ myId }) => ({
        my_id: myId,
        method: 'qiwi',
        amount: '120',
        wallet: wallets.phone,
        commission_type: '0',
      }),
      model: typedCreateModel,
    },
    {
      path: '/api/info-payoff',
      params: ({ myId }) => ({ my_id: myId, id: undefined }),
      model: typedInfoModel,
    },
    { path: '/api/sbp-banks-payoff', model: sbpBanksModel },
    { path: '/api/balance', model: balanceModel },
    { path: '/api/methods-payoff', model: methodsModel },
    { path: '/api/rates-payoff', model: ratesModel },
    { path: '/api/public/ips', model: ipsModel },
  ],
};
