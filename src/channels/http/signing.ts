import type { FastifyRequest } from 'fastify';
import { checkSignature } from '../../signature.js';
import { HttpError } from './errors.js';

export interface SigningOptions {
  /** WEBHOOK_SECRET; unset: requests are not checked (the local default). */
  secret?: string;
  /** WEBHOOK_LEGACY_SIGNATURE=on: also accept the body-only signature. */
  legacy?: boolean;
  now?: () => Date;
}

const MESSAGES = {
  missing: 'missing X-Signature or X-Timestamp',
  wrong: 'wrong X-Signature',
  stale: 'X-Timestamp is more than 300 s from the server clock',
} as const;

/**
 * A preHandler for the routes that change conversations (POST /v1/messages, DELETE
 * /v1/conversations/:userId): with a secret, the request must carry `X-Timestamp` and an
 * `X-Signature` over the timestamp, method, path and raw body (src/signature.ts), else 401.
 */
export function requireSignature(options: SigningOptions) {
  const { secret } = options;
  const now = options.now ?? (() => new Date());
  return async (req: FastifyRequest): Promise<void> => {
    if (!secret) return;
    const header = (name: string) => {
      const v = req.headers[name];
      return Array.isArray(v) ? v[0] : v;
    };
    const verdict = checkSignature({
      secret,
      legacy: options.legacy ?? false,
      signature: header('x-signature'),
      timestamp: header('x-timestamp'),
      method: req.method,
      path: req.url.split('?')[0]!,
      body: req.rawBody ?? '',
      nowSeconds: Math.floor(now().getTime() / 1000),
    });
    if (verdict !== 'ok') throw new HttpError(401, 'unauthorized', MESSAGES[verdict]);
  };
}
