/** How long a client may take to send a request (a slow-body client must not hold a socket). */
export interface Timeouts {
  /** The whole request, headers and body (node's requestTimeout): 408 past it. */
  requestMs: number;
  /** The headers alone (node's headersTimeout). */
  headersMs: number;
}

export const DEFAULT_TIMEOUTS: Timeouts = { requestMs: 10_000, headersMs: 5_000 };

/**
 * fastify's options for them; node checks the timeouts every `connectionsCheckingInterval`
 * (30 s by default, far too coarse). The kept-alive idle timeout stays fastify's 72 s: it must
 * outlast a load balancer's idle timeout (60 s on common ones), or the balancer gets resets.
 */
export function serverTimeouts(given: Partial<Timeouts> = {}) {
  const t = { ...DEFAULT_TIMEOUTS, ...given };
  const headersMs = Math.min(t.headersMs, t.requestMs);
  return {
    requestTimeout: t.requestMs,
    http: {
      headersTimeout: headersMs,
      connectionsCheckingInterval: Math.max(100, Math.min(1000, Math.floor(headersMs / 2))),
    },
  };
}
