import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { projectRoot } from '../../paths.js';
import { docOnly } from './doc-only.js';
import { ROUTE_DOCS } from './route-docs.js';

const VERSION = (
  JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string }
).version;

/**
 * The API reference: `GET /openapi.json` (OpenAPI 3.1, generated from the routes' schemas) and a
 * readable page at `/docs` (Swagger UI, served from this process: no CDN). Register before the
 * routes: the schemas of route-docs.ts are attached to them as they are added.
 */
export async function registerApiDocs(app: FastifyInstance, enabled: boolean): Promise<void> {
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const doc = ROUTE_DOCS[`${methods[0]} ${route.url}`];
    if (!doc || route.schema) return;
    Object.assign(route, docOnly(doc));
  });
  if (!enabled) return;
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'shebao-bot',
        description:
          'A chat-bot answering questions about Chinese social insurance. Bodies are JSON unless ' +
          'said otherwise; errors are `{"error": {"code", "message"}}`.',
        version: VERSION,
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
