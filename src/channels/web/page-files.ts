import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { projectRoot } from '../../paths.js';

/** The files of the web chat page, served from memory under these paths. */
const FILES = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/app.js': { file: 'app.js', type: 'text/javascript; charset=utf-8' },
  '/app.css': { file: 'app.css', type: 'text/css; charset=utf-8' },
  '/favicon.ico': { file: 'favicon.ico', type: 'image/x-icon' },
} as const;

export type PagePath = keyof typeof FILES;

export interface PageFile {
  path: PagePath;
  type: string;
  body: Buffer;
  /** A strong validator, so a browser revalidating (`Cache-Control: no-cache`) gets a 304. */
  etag: string;
}

/** Reads `public/` once at start-up: a missing file stops start-up instead of a 404 later. */
export async function loadPageFiles(folder = join(projectRoot, 'public')): Promise<PageFile[]> {
  return Promise.all(
    (Object.keys(FILES) as PagePath[]).map(async (path) => {
      const body = await readFile(join(folder, FILES[path].file));
      const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
      return { path, type: FILES[path].type, body, etag };
    }),
  );
}
