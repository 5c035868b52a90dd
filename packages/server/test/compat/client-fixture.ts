import type { InjectOptions } from 'fastify';
import { collection, oneOf, optional, required, type Model } from './wire-model.js';

/**
 * How one known client library talks to the payoff API, written from reading its source:
 * the request shape it sends and, per call, the response model it parses into.
 */
export interface KnownClient {
  /** Package, registry and source, e.g. `aaio (PyPI), github.com/kewldan/AAIO`. */
  readonly name: string;
  readonly shape: RequestShape;
  /** The calls a merchant makes through it, in order. */
  readonly calls: readonly ClientCall[];
  /**
   * Where the client's model and the contract disagree, as the exact violations the
   * suite must see (`endpoint: field: problem`), each with the reason we keep the contract.
   */
  readonly conflicts?: Readonly<Record<string, string>>;
}

/** How a client writes requests on the wire. */
export interface RequestShape {
  /**
   * Where parameters go: a form body; the query string of a POST whose form body is
   * empty (okhttp, as the Java client does it); or JSON text under the form content
   * type (aaio.js 1.0.9).
   */
  readonly params: 'form-body' | 'query-of-empty-post' | 'json-text-as-form';
  /** Content-Type sent on a call without parameters; null for none. */
  readonly emptyBodyContentType: string | null;
  /** How an optional value the caller did not give goes out. */
  readonly missingValue: 'omitted' | 'empty' | 'undefined';
}

/** What the calls before this one produced: the payout the client created. */
export interface FlowState {
  /** The `my_id` the flow chose for its payout. */
  readonly myId: string;
  /** Our id of the last payout the client created. */
  readonly id?: string;
}

/** Parameters as the caller gives them; undefined for a value not given. */
export type CallParams = Readonly<Record<string, string | undefined>>;

/** One call of a client. */
export interface ClientCall {
  readonly path: string;
  /** HTTP method; POST unless the client uses another. */
  readonly method?: 'GET' | 'POST';
  /** Whether the client sends its key on this call (true unless said otherwise). */
  readonly sendsKey?: boolean;
  readonly params?: (state: FlowState) => CallParams;
  readonly model: Model;
  /** The answer when the client's own request cannot carry its parameters. */
  readonly expectFailure?: { readonly message: RegExp; readonly why: string };
}

/** The request a client sends for `call`, as a fastify inject. */
export function clientRequest(
  shape: RequestShape,
  call: ClientCall,
  state: FlowState,
  key: string,
): InjectOptions {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (call.sendsKey !== false) headers['x-api-key'] = key;
  const params = encodeMissing(shape, call.params?.(state) ?? {});
  const method = call.method ?? 'POST';
  if (method === 'GET') return { method, url: call.path, headers };

  const names = Object.keys(params);
  const form = new URLSearchParams(params).toString();
  if (shape.params === 'query-of-empty-post') {
    const url = names.length > 0 ? `${call.path}?${form}` : call.path;
    return { method, url, headers: { ...headers, 'content-type': FORM }, payload: '' };
  }
  const payload = shape.params === 'json-text-as-form' ? JSON.stringify(params) : form;
  if (payload === '' && shape.emptyBodyContentType === null) {
    return { method, url: call.path, headers };
  }
  const contentType = payload === '' ? (shape.emptyBodyContentType ?? FORM) : FORM;
  return { method, url: call.path, headers: { ...headers, 'content-type': contentType }, payload };
}

const FORM = 'application/x-www-form-urlencoded';

function encodeMissing(shape: RequestShape, params: CallParams): Record<string, string> {
  const encoded: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined) encoded[name] = value;
    else if (shape.missingValue === 'empty') encoded[name] = '';
    else if (shape.missingValue === 'undefined') encoded[name] = 'undefined';
  }
  return encoded;
}

/** A money amount every typed client reads as a float or double. */
export const money = required('number');
/** A plain required string. */
export const text = required('string');
/** `status` as the enum or Literal the typed clients declare. */
export const payoutStatus = oneOf('string', ['in_process', 'cancel', 'success']);

/** balance: what every client with a Balance model reads. */
export const balanceModel: Model = { balance: money, referral: money, hold: money };

/** rates-payoff: the four rates every client reads as numbers. */
export const ratesModel: Model = { USD: money, UAH: money, USDT: money, BTC: money };

/** methods-payoff: `list` as a map from method code to its limits. */
export const methodsModel: Model = {
  list: collection('object', {
    name: text,
    min: money,
    max: money,
    commission_percent: money,
    commission_sum: money,
  }),
};

/** sbp-banks-payoff: `list` of banks, every member a string. */
export const sbpBanksModel: Model = {
  list: collection('array', { bankId: text, bankName: text, bankIcon: text }),
};

/** public/ips: a `list` read as a list of strings. */
export const ipsModel: Model = { list: required('array') };

/**
 * create-payoff as the strictly typed clients (kewldan/AAIO's pydantic models, Aaio.SDK
 * 1.x's C# types) declare it: string ids, number amounts, integer commission type.
 */
export const typedCreateModel: Model = {
  id: text,
  my_id: text,
  method: text,
  wallet: text,
  amount: money,
  amount_in_currency: money,
  amount_currency: text,
  amount_rate: optional('number', 'null'),
  amount_down: money,
  commission: money,
  commission_type: required('integer'),
  status: payoutStatus,
};

/** info-payoff as the same clients declare it: `commission_type` limited to 0 and 1. */
export const typedInfoModel: Model = {
  id: text,
  my_id: text,
  method: text,
  wallet: text,
  amount: money,
  amount_down: money,
  commission: money,
  commission_type: oneOf('integer', [0, 1]),
  status: payoutStatus,
  cancel_message: optional('string', 'null'),
  date: text,
  complete_date: optional('string', 'null'),
};
