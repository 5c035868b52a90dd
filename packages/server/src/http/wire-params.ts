import type { FastifyRequest } from 'fastify';
import { PayoffError } from '../errors/payoff-error.js';
import { UnreadableParams } from './form-params.js';

/** Request parameters after the contract's §1 conventions: one string per name. */
export type WireParams = Readonly<Record<string, string | undefined>>;

/**
 * Merges the query string and the body (the body wins), drops empty values and the
 * literal `undefined` sent as `my_id`, and refuses a name given twice with different
 * values in one source. Throws the error of a query or body that could not be read.
 */
export function collectParams(request: FastifyRequest): WireParams {
  if (request.query instanceof UnreadableParams) throw request.query.error;
  if (request.body instanceof UnreadableParams) throw request.body.error;
  const params: Record<string, string | undefined> = Object.create(null);
  copyParams(params, request.query);
  copyParams(params, request.body);
  return params;
}

function copyParams(target: Record<string, string | undefined>, source: unknown): void {
  if (source === null || typeof source !== 'object') return;
  for (const [name, raw] of Object.entries(source)) {
    const value = single(name, raw);
    if (value === undefined || value === '' || (name === 'my_id' && value === 'undefined')) {
      continue;
    }
    target[name] = value;
  }
}

function single(name: string, raw: unknown): string | undefined {
  if (typeof raw === 'string') return raw;
  if (Array.isArray(raw)) {
    // An empty value counts as absent, so `amount=&amount=100` is one amount.
    const present = raw
      .map((item) => single(name, item))
      .filter((v) => v !== undefined && v !== '');
    const values = new Set(present);
    if (values.size > 1) {
      throw new PayoffError(
        'duplicate_parameter',
        `Parameter '${name}' was given more than once with different values.`,
      );
    }
    return values.values().next().value;
  }
  if (raw === undefined || raw === null) return undefined;
  throw new PayoffError('invalid_parameter', `Parameter '${name}' must be a string.`);
}
