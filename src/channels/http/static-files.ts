import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { projectRoot } from '../../paths.js';

/** The web page's script and style, served as files: the Content-Security-Policy forbids inline ones. */
const FILES = {
  '/app.js': 'text/javascript; charset=utf-8',
  '/app.css': 'text/css; charset=utf-8',
} as const;

export async function serveStaticFiles(app: FastifyInstance): Promise<void> {
  for (const [path, type] of Object.entries(FILES)) {
    const content = await readFile(join(projectRoot, 'public', path.slice(1)), 'utf8');
    app.get(path, async (_req, reply) => reply.type(type).send(content));
  }
}
