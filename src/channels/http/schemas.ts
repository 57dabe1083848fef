import { z } from 'zod';

/** Limits of CONTRACT.md section 1. */
export const MAX_TEXT = 2000;
export const MAX_USER_ID = 128;
export const BODY_LIMIT = 64 * 1024;

const text = z
  .string({ error: 'text must be a string' })
  .refine((t) => t.trim().length > 0, 'text must not be empty')
  .refine((t) => t.length <= MAX_TEXT, `text must be at most ${MAX_TEXT} characters`);

const userId = z
  .string({ error: 'userId must be a string' })
  .min(1, 'userId must not be empty')
  .max(MAX_USER_ID, `userId must be at most ${MAX_USER_ID} characters`);

export const ParseBody = z.object({ text });

export const MessageBody = z.object({
  userId,
  text,
  /** Optional: the caller's id for this message; a repeat within 24 h is not answered twice. */
  messageId: z.string().min(1).max(128).optional(),
});

export const ConversationParams = z.object({ userId });
