import { createHmac, timingSafeEqual } from 'node:crypto';

/** How far a signed request's X-Timestamp may be from the server's clock. */
export const SIGNATURE_MAX_SKEW_SECONDS = 300;

/** What a signature covers: the time it was made, the method and path, and the raw body. */
export interface SignedRequest {
  /** Unix seconds, as sent in X-Timestamp. */
  timestamp: string;
  method: string;
  /** The request path as received (`/v1/messages`, `/v1/conversations/u1`), no query string. */
  path: string;
  /** The raw body; empty for DELETE. */
  body: string;
}

const hmac = (secret: string, data: string | Buffer) =>
  `sha256=${createHmac('sha256', secret).update(data).digest('hex')}`;

/**
 * `sha256=<hex HMAC-SHA256 of "<timestamp>\n<METHOD>\n<path>\n<raw body>">`, as callers send in
 * `X-Signature`: binding the time, method and path means a captured request cannot be replayed
 * later, nor against another route.
 */
export function signRequest(secret: string, req: SignedRequest): string {
  return hmac(secret, `${req.timestamp}\n${req.method.toUpperCase()}\n${req.path}\n${req.body}`);
}

/** The earlier form: an HMAC of the raw body alone (accepted only with WEBHOOK_LEGACY_SIGNATURE=on). */
export function signBody(secret: string, body: string | Buffer): string {
  return hmac(secret, body);
}

/** Compares a signature header with the expected one in constant time. */
function sameSignature(expected: string, header: string): boolean {
  const want = Buffer.from(expected);
  const given = Buffer.from(header.trim());
  return given.length === want.length && timingSafeEqual(given, want);
}

/** Checks an `X-Signature` header of the earlier, body-only form in constant time. */
export function verifySignature(
  secret: string,
  body: string | Buffer,
  header: string | undefined,
): boolean {
  return header !== undefined && sameSignature(signBody(secret, body), header);
}

export type SignatureVerdict = 'ok' | 'missing' | 'wrong' | 'stale';

export interface SignatureCheck {
  secret: string;
  /** Also accept the body-only form (WEBHOOK_LEGACY_SIGNATURE=on). */
  legacy: boolean;
  signature: string | undefined;
  timestamp: string | undefined;
  method: string;
  path: string;
  body: string;
  nowSeconds: number;
}

/** Why a request's signature is not accepted, or 'ok'. */
export function checkSignature(c: SignatureCheck): SignatureVerdict {
  if (!c.signature) return 'missing';
  if (c.legacy && verifySignature(c.secret, c.body, c.signature)) return 'ok';
  if (!c.timestamp || !/^\d{1,12}$/.test(c.timestamp.trim())) return 'missing';
  const timestamp = c.timestamp.trim();
  const signed = signRequest(c.secret, { ...c, timestamp });
  if (!sameSignature(signed, c.signature)) return 'wrong';
  if (Math.abs(c.nowSeconds - Number(timestamp)) > SIGNATURE_MAX_SKEW_SECONDS) return 'stale';
  return 'ok';
}
