import { pino, type Logger } from 'pino';

/** Log paths that may carry secrets; pino replaces them with "[redacted]". */
export const redactedPaths = [
  'key',
  'apiKey',
  'secret',
  'webhookSecret',
  'headers["x-api-key"]',
  'req.headers["x-api-key"]',
  '*.key',
  '*.secret',
  '*.webhookSecret',
];

/** The server's JSON logger, with secrets redacted. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options = { level, redact: { paths: redactedPaths, censor: '[redacted]' } };
  return destination ? pino(options, destination) : pino(options);
}
