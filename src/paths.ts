import { fileURLToPath } from 'node:url';

/** The repository root: the folder above src/ (run with tsx) or dist/ (built). */
export const projectRoot = fileURLToPath(new URL('..', import.meta.url));
