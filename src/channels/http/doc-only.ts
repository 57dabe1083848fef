import type { FastifySchema } from 'fastify';

/**
 * Route options that give a route its schema for the API document only. The routes check
 * their input themselves (zod, or the callbacks' signatures, which must answer 401 rather than
 * a schema's 400), and their answers are sent as they are: fastify neither validates with
 * the schema nor drops fields the schema does not list.
 */
export function docOnly(schema: FastifySchema) {
  return {
    schema,
    validatorCompiler: () => (value: unknown) => ({ value }),
    serializerCompiler: () => (data: unknown) => JSON.stringify(data),
  };
}
