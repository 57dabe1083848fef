import { z } from 'zod';
import { INTENT_NAMES } from '../../nlu/intent-names.js';
import { SCHEMES } from '../../nlu/scheme.js';
import { SlotsSchema } from '../../nlu/slot-schema.js';

/** What the HTTP API answers (CONTRACT.md section 1), for the API document. */

const Intent = z.object({ name: z.enum(INTENT_NAMES), confidence: z.number().min(0).max(1) });

export const ErrorResponse = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});

export const HealthResponse = z.object({
  status: z.enum(['ok', 'degraded']),
  store: z.enum(['redis', 'memory']),
});

export const ParseResponse = z.object({
  text: z.string(),
  intent: Intent,
  ranking: z.array(Intent),
  slots: SlotsSchema,
  /** The insurance the text names, when it names one (not a slot). */
  scheme: z.enum(SCHEMES).optional(),
});

export const MessageResponse = z.object({
  replies: z.array(z.object({ text: z.string(), buttons: z.array(z.string()).optional() })),
  intent: Intent,
  slots: SlotsSchema,
});
