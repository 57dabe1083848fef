type Headers = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * Whether a state-changing request comes from a page of this very site. A browser marks every
 * request with `Sec-Fetch-Site` (since 2020-2023) or at least `Origin` on POST and DELETE; a
 * request with neither is not from our page. Together with the SameSite=Strict cookie this
 * keeps another site's page from talking in a visitor's name.
 */
export function isSameOrigin(headers: Headers): boolean {
  const site = first(headers['sec-fetch-site']);
  // Set by the browser from the page's own origin, so a reverse proxy rewriting Host cannot confuse it.
  if (site !== undefined) return site === 'same-origin';
  const origin = first(headers.origin);
  const host = first(headers.host);
  if (origin === undefined || origin === 'null' || !host) return false;
  try {
    return new URL(origin).host === host.toLowerCase();
  } catch {
    return false;
  }
}
