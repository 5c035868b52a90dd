import type { FastifyReply } from 'fastify';
import { PayoffError } from '../errors/payoff-error.js';
import { writeJson, type JsonValue } from '../money/json-number.js';

/** The one content type every answer carries. */
export const jsonContentType = 'application/json; charset=utf-8';

/** Answers 200 with `{"type":"success", ...fields}`. */
export function sendSuccess(
  reply: FastifyReply,
  fields: Readonly<Record<string, JsonValue | undefined>>,
): FastifyReply {
  return reply
    .code(200)
    .header('content-type', jsonContentType)
    .send(writeJson({ type: 'success', ...fields }));
}

/** Answers with the error envelope; the HTTP status equals the code. */
export function sendError(reply: FastifyReply, error: PayoffError): FastifyReply {
  if (error.code === 'rate_limited') reply.header('retry-after', '1');
  return reply
    .code(error.status)
    .header('content-type', jsonContentType)
    .send(writeJson({ type: 'fail', code: String(error.status), message: error.message }));
}
