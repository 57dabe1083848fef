/** How long a client may take to send a request (a slow-body client must not hold a socket). */
export interface Timeouts {
  /** The whole request, headers and body (node's requestTimeout): 408 past it. */
  requestMs: number;
  /** The headers alone (node's headersTimeout). */
  headersMs: number;
  /** An idle kept-alive connection. */
  keepAliveMs: number;
}

export const DEFAULT_TIMEOUTS: Timeouts = {
  requestMs: 10_000,
  headersMs: 5_000,
  keepAliveMs: 5_000,
};

/** fastify's options for them; node checks the timeouts every `connectionsCheckingInterval`. */
export function serverTimeouts(given: Partial<Timeouts> = {}) {
  const t = { ...DEFAULT_TIMEOUTS, ...given };
  const headersMs = Math.min(t.headersMs, t.requestMs);
  return {
    requestTimeout: t.requestMs,
    keepAliveTimeout: t.keepAliveMs,
    http: {
      headersTimeout: headersMs,
      connectionsCheckingInterval: Math.max(100, Math.min(1000, Math.floor(headersMs / 2))),
    },
  };
}
