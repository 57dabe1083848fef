import type { FastifyInstance } from 'fastify';
import { HttpError } from './errors.js';

/**
 * While the server closes, a request that still arrives (on a kept-alive connection) gets the
 * contract's 503 shape and `Connection: close`, instead of fastify's own 503 body (the server is
 * built with return503OnClosing: false).
 */
export function refuseWhileClosing(app: FastifyInstance): void {
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onRequest', async (_req, reply) => {
    if (!closing) return;
    reply.header('connection', 'close');
    throw new HttpError(503, 'shutting_down', 'the server is shutting down; retry');
  });
}
