import { parse as parseQueryString } from 'node:querystring';
import { PayoffError } from '../errors/payoff-error.js';

/**
 * Parameters that could not be read (a malformed body or query string), kept until the
 * caller's key is checked: the contract answers auth failures first.
 */
export class UnreadableParams {
  constructor(readonly error: PayoffError) {}
}

/** Parsed `application/x-www-form-urlencoded` text: a name may repeat, so values may be lists. */
export type FormParams = Record<string, string | string[]>;

/**
 * Parses form-encoded text (a body or a query string) with no limit on the number of
 * parameters (the body limit bounds it), so none is ever dropped silently. A name or
 * value whose percent-encoding is not valid UTF-8 makes the whole text unreadable
 * rather than being patched with replacement characters.
 */
export function parseFormParams(text: string): FormParams | UnreadableParams {
  let malformed = false;
  const decode = (part: string): string => {
    try {
      return decodeURIComponent(part);
    } catch {
      malformed = true;
      return part;
    }
  };
  const params = parseQueryString(text, '&', '=', { maxKeys: 0, decodeURIComponent: decode });
  if (!malformed) return params as FormParams;
  return new UnreadableParams(
    new PayoffError('bad_request', 'Parameters must be percent-encoded UTF-8.'),
  );
}
