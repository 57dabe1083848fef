import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * Browser-facing headers on every answer (@fastify/helmet): a Content-Security-Policy that allows
 * only the page's own files (no inline script or style, no framing), X-Frame-Options DENY,
 * Referrer-Policy no-referrer and X-Content-Type-Options nosniff.
 */
export async function addSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
}
