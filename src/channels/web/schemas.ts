import { z } from 'zod';
import { MAX_TEXT } from '../http/schemas.js';
import { WEB_ERRORS } from './texts.js';

/** The page's message: the text, and its own id so that a resend is not answered twice. */
export const WebMessageBody = z.object(
  {
    text: z
      .string({ error: WEB_ERRORS.notText })
      .refine((t) => t.trim().length > 0, WEB_ERRORS.empty)
      .refine((t) => t.length <= MAX_TEXT, WEB_ERRORS.tooLong),
    messageId: z
      .string({ error: WEB_ERRORS.badMessageId })
      .regex(/^[A-Za-z0-9_-]{1,64}$/, WEB_ERRORS.badMessageId)
      .optional(),
  },
  { error: WEB_ERRORS.badRequest },
);
