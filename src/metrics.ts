import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The service's Prometheus metrics, in a registry of its own (so tests can make several). */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'shebao_' });
  return {
    registry,
    httpRequests: new Counter({
      name: 'shebao_http_requests_total',
      help: 'HTTP requests by route and status code',
      labelNames: ['method', 'route', 'status'] as const,
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: 'shebao_http_request_duration_seconds',
      help: 'HTTP request latency by route',
      labelNames: ['method', 'route'] as const,
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    turns: new Counter({
      name: 'shebao_turns_total',
      help: 'Conversation turns by channel',
      labelNames: ['channel'] as const,
      registers: [registry],
    }),
    intents: new Counter({
      name: 'shebao_intents_total',
      help: 'Intents matched',
      labelNames: ['intent'] as const,
      registers: [registry],
    }),
    fallbacks: new Counter({
      name: 'shebao_fallbacks_total',
      help: 'Turns that fell back: out of scope, or a clarifying question for a near tie',
      labelNames: ['kind'] as const,
      registers: [registry],
    }),
    storeErrors: new Counter({
      name: 'shebao_store_errors_total',
      help: 'Turns that could not read or write the conversation store',
      registers: [registry],
    }),
  };
}
export type Metrics = ReturnType<typeof createMetrics>;
