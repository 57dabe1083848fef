import type { FastifyReply } from 'fastify';
import type { z } from 'zod';

/** The error body of CONTRACT.md: `{"error": {"code", "message"}}`. */
export function sendError(reply: FastifyReply, status: number, code: string, message: string) {
  return reply.code(status).send({ error: { code, message } });
}

export function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}
