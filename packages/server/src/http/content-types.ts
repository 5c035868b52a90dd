import type { FastifyInstance } from 'fastify';
import { PayoffError } from '../errors/payoff-error.js';
import { parseFormParams, UnreadableParams } from './form-params.js';

/**
 * The bodies the API reads. Form bodies are the contract; a JSON object whose values
 * are all strings is accepted as an extension (a JSON number could lose money digits
 * before we see its text, so it is refused). Any other type is accepted only when empty,
 * so parameter-less calls work whatever the client labels them. A body that cannot be
 * read becomes `UnreadableParams`, reported by `collectParams` after the API key is
 * checked: the contract answers auth failures first.
 */
export function registerContentTypes(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();

  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_request, body, done) => done(null, parseFormParams(body as string)),
  );

  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, parseJsonParams(body as string));
    } catch (error) {
      done(null, new UnreadableParams(error as PayoffError));
    }
  });

  // Bodies are read as sent: a compressed one would be read as garbage, so it is refused.
  app.addHook('preValidation', async (request) => {
    const encoding = request.headers['content-encoding'];
    if (request.body !== undefined && encoding !== undefined && encoding !== 'identity') {
      request.body = new UnreadableParams(
        new PayoffError(
          'bad_request',
          'Compressed request bodies (Content-Encoding) are not accepted.',
        ),
      );
    }
  });

  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => {
    if ((body as string).trim() === '') return done(null, undefined);
    done(
      null,
      new UnreadableParams(
        new PayoffError('bad_request', 'Send parameters as application/x-www-form-urlencoded.'),
      ),
    );
  });
}

function parseJsonParams(text: string): Record<string, string> | undefined {
  if (text.trim() === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new PayoffError('bad_request', 'The JSON body is not valid JSON.');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new PayoffError('bad_request', 'The JSON body must be an object of parameters.');
  }
  for (const [name, value] of Object.entries(parsed)) {
    if (typeof value !== 'string') {
      throw new PayoffError(
        'invalid_parameter',
        `Parameter '${name}' must be a JSON string (quote numbers, e.g. "500.00").`,
      );
    }
  }
  return parsed as Record<string, string>;
}
