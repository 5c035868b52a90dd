import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { PayoffError } from '../errors/payoff-error.js';
import type { Services } from '../app/services.js';
import { registerContentTypes } from './content-types.js';
import { parseFormParams } from './form-params.js';
import { answerClientError } from './client-errors.js';
import { sendError } from './reply.js';
import { registerBalanceRoutes } from './routes/balance-routes.js';
import { registerCatalogueRoutes } from './routes/catalogue-routes.js';
import { registerInfoRoutes } from './routes/info-routes.js';
import { registerPayoffRoutes } from './routes/payoff-routes.js';
import { registerPublicRoutes } from './routes/public-routes.js';

/** Largest request body read, bytes. */
export const bodyLimitBytes = 64 * 1024;

/** Time a client has to send a whole request, ms; slower ones are cut off. */
export const requestTimeoutMs = 30_000;

const allMethods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'] as const;

/** A handler of one API endpoint. */
export type EndpointHandler = (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;

/** Registers an endpoint that answers 405 in the contract's envelope for other methods. */
export type RegisterEndpoint = (
  url: string,
  methods: readonly ('GET' | 'POST')[],
  handler: EndpointHandler,
) => void;

/**
 * Builds the HTTP transport: it translates the wire format (contract §1) into calls on
 * the services and back. No business rule lives here.
 */
export function buildHttpApp(services: Services): FastifyInstance {
  const app = Fastify({
    logger: false,
    bodyLimit: bodyLimitBytes,
    exposeHeadRoutes: false,
    return503OnClosing: false,
    requestTimeout: requestTimeoutMs,
    routerOptions: {
      ignoreDuplicateSlashes: true,
      // request.query may then be UnreadableParams; collectParams reports it after auth.
      querystringParser: (text) => parseFormParams(text) as unknown as Record<string, unknown>,
    },
    frameworkErrors: (_error, _request, reply) =>
      sendError(reply, new PayoffError('bad_request', 'The request URL is malformed.')),
    clientErrorHandler: answerClientError,
  });
  registerContentTypes(app);
  refuseWhileClosing(app);
  app.setErrorHandler((error, _request, reply) =>
    sendError(reply, toPayoffError(error, services.logger)),
  );
  app.setNotFoundHandler((request, reply) =>
    sendError(
      reply,
      new PayoffError(
        'route_not_found',
        `No endpoint at ${request.method} ${safePath(request.url)}.`,
      ),
    ),
  );

  const endpoint: RegisterEndpoint = (url, methods, handler) => {
    app.route({
      method: [...allMethods],
      url,
      handler: async (request, reply) => {
        if (!(methods as readonly string[]).includes(request.method)) {
          reply.header('allow', methods.join(', '));
          throw new PayoffError('method_not_allowed', `Use ${methods.join(' or ')} for ${url}.`);
        }
        return handler(request, reply);
      },
    });
  };

  registerPayoffRoutes(endpoint, services);
  registerInfoRoutes(endpoint, services);
  registerCatalogueRoutes(endpoint, services);
  registerBalanceRoutes(endpoint, services);
  registerPublicRoutes(endpoint, services);
  app.get('/health', async (_request, reply) => {
    await services.store.db.selectFrom('merchants').select('id').limit(1).execute();
    return reply.header('content-type', 'application/json; charset=utf-8').send('{"status":"ok"}');
  });
  return app;
}

/** Requests that arrive during a graceful shutdown get a 503 in the contract's envelope. */
function refuseWhileClosing(app: FastifyInstance): void {
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onRequest', async (_request, reply) => {
    if (closing) {
      reply.header('connection', 'close');
      return sendError(
        reply,
        new PayoffError('unavailable', 'The server is shutting down; retry.'),
      );
    }
  });
}

/** Maps any error to the envelope: client mistakes to 4xx, storage trouble to 503, else 500. */
function toPayoffError(error: unknown, logger: Logger): PayoffError {
  if (error instanceof PayoffError) return error;

  const { statusCode, code } = error as { statusCode?: number; code?: string };
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return new PayoffError('bad_request', `The request body is over ${bodyLimitBytes} bytes.`);
  }
  if (statusCode !== undefined && statusCode >= 400 && statusCode < 500) {
    return new PayoffError(
      'bad_request',
      'The request could not be read: check its body and headers.',
    );
  }
  if (code === 'SQLITE_BUSY' || code === 'ECONNREFUSED' || code === '57P03') {
    logger.warn({ err: error }, 'storage unavailable');
    return new PayoffError('unavailable', 'Storage is busy or down; retry shortly.');
  }
  logger.error({ err: error }, 'unhandled error');
  return new PayoffError('internal_error', 'Internal error; the failure was logged.');
}

function safePath(url: string): string {
  const path = url.split('?')[0] ?? '';
  return path.length > 100 ? `${path.slice(0, 100)}…` : path;
}
