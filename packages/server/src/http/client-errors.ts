import type { Socket } from 'node:net';
import { writeJson } from '../money/json-number.js';

/**
 * Answers a request Node could not even parse (a bad request line, conflicting lengths,
 * oversized headers) with a 400 in the contract's envelope, on the raw socket.
 */
export function answerClientError(error: Error, socket: Socket): void {
  const { code } = error as { code?: string };
  if (code === 'ECONNRESET' || !socket.writable) return;
  const message =
    code === 'HPE_HEADER_OVERFLOW'
      ? 'The request headers are too large.'
      : 'The request is not valid HTTP/1.1.';
  const body = writeJson({ type: 'fail', code: '400', message });
  socket.end(
    [
      'HTTP/1.1 400 Bad Request',
      'Connection: close',
      'Content-Type: application/json; charset=utf-8',
      `Content-Length: ${Buffer.byteLength(body)}`,
      '',
      body,
    ].join('\r\n'),
  );
}
