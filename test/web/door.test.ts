import { describe, expect, it } from 'vitest';
import { isSameOrigin } from '../../src/channels/web/same-origin.js';
import { newVisitorId, visitorCookie, visitorIdOf } from '../../src/channels/web/visitor.js';

describe('isSameOrigin', () => {
  it('trusts the browser’s Sec-Fetch-Site first, even when a proxy rewrote Host', () => {
    expect(isSameOrigin({ 'sec-fetch-site': 'same-origin', host: 'backend:3000' })).toBe(true);
    expect(isSameOrigin({ 'sec-fetch-site': 'cross-site', origin: 'http://a', host: 'a' })).toBe(
      false,
    );
    expect(isSameOrigin({ 'sec-fetch-site': 'none' })).toBe(false);
  });

  it('else compares Origin with Host (older browsers)', () => {
    expect(isSameOrigin({ origin: 'https://bot.example', host: 'bot.example' })).toBe(true);
    expect(isSameOrigin({ origin: 'http://127.0.0.1:3000', host: '127.0.0.1:3000' })).toBe(true);
    expect(isSameOrigin({ origin: 'https://evil.example', host: 'bot.example' })).toBe(false);
    expect(isSameOrigin({ origin: 'http://bot.example:8080', host: 'bot.example' })).toBe(false);
    expect(isSameOrigin({ origin: 'null', host: 'bot.example' })).toBe(false);
    expect(isSameOrigin({ origin: 'not a url', host: 'bot.example' })).toBe(false);
    expect(isSameOrigin({ host: 'bot.example' })).toBe(false);
  });
});

describe('the visitor cookie', () => {
  it('round-trips a new id and refuses ids the server did not shape', () => {
    const id = newVisitorId();
    expect(id).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(newVisitorId()).not.toBe(id);
    expect(visitorIdOf(`a=1; ${visitorCookie(id, false).split(';')[0]}`)).toBe(id);
    expect(visitorIdOf('shebao_visitor=short')).toBeUndefined();
    expect(visitorIdOf(`shebao_visitor=${'x'.repeat(23)}%00`)).toBeUndefined();
    expect(visitorIdOf(undefined)).toBeUndefined();
  });

  it('is HttpOnly and SameSite=Strict, Secure over HTTPS', () => {
    expect(visitorCookie('a'.repeat(24), false)).toBe(
      `shebao_visitor=${'a'.repeat(24)}; Max-Age=31536000; Path=/; HttpOnly; SameSite=Strict`,
    );
    expect(visitorCookie('a'.repeat(24), true)).toMatch(/; Secure/);
  });
});
