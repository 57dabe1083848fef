import { randomBytes } from 'node:crypto';
import { parseCookie, stringifySetCookie } from 'cookie';

/** The web chat's visitor cookie: an opaque random id the page itself never reads. */
export const VISITOR_COOKIE = 'shebao_visitor';

/** Long enough that a visitor coming back within the conversation's life finds it again. */
const MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

/** 18 random bytes in base64url: 24 characters, 144 bits, not guessable. */
const VISITOR_ID = /^[A-Za-z0-9_-]{24}$/;

export function newVisitorId(): string {
  return randomBytes(18).toString('base64url');
}

/** The visitor id of a request's `Cookie` header, or undefined when it has none or a forged shape. */
export function visitorIdOf(cookieHeader: string | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  const id = parseCookie(cookieHeader)[VISITOR_COOKIE];
  return id !== undefined && VISITOR_ID.test(id) ? id : undefined;
}

/**
 * The `Set-Cookie` value for a new visitor: HttpOnly (no script reads it), SameSite=Strict (no
 * other site's page can send it), Secure when the page was reached over HTTPS.
 */
export function visitorCookie(id: string, secure: boolean): string {
  return stringifySetCookie({
    name: VISITOR_COOKIE,
    value: id,
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure,
    maxAge: MAX_AGE_SECONDS,
  });
}
