import { z } from 'zod';
import { CALLBACK_SETTINGS, checkCallbackSettings } from './config-callbacks.js';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const positiveInt = (fallback: number) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === '' ? String(fallback) : v.trim()))
    .pipe(z.string().regex(/^\d+$/, 'must be a whole number'))
    .transform(Number)
    .pipe(z.number().int().positive());

/** Every setting of CONTRACT.md section 6, read from the environment. */
export const ConfigSchema = z
  .object({
    PORT: positiveInt(3000).pipe(z.number().max(65535)),
    HOST: optionalString.transform((v) => v ?? '0.0.0.0'),
    REDIS_URL: optionalString.pipe(
      z
        .string()
        .regex(/^rediss?:\/\/.+/, 'must start with redis:// or rediss://')
        .optional(),
    ),
    WEBHOOK_SECRET: optionalString,
    RATE_LIMIT_PER_MINUTE: positiveInt(30),
    CONVERSATION_TTL_DAYS: positiveInt(30),
    LOG_LEVEL: optionalString.pipe(z.enum(LOG_LEVELS).optional()).transform((v) => v ?? 'info'),
    TELEGRAM_BOT_TOKEN: optionalString,
    TELEGRAM_API_ROOT: optionalString.pipe(z.url().optional()),
    TELEGRAM_WEBHOOK_URL: optionalString.pipe(z.url().optional()),
    TELEGRAM_WEBHOOK_SECRET: optionalString.pipe(
      z
        .string()
        .regex(
          /^[A-Za-z0-9_-]{1,256}$/,
          'may hold only A-Z, a-z, 0-9, _ and -, up to 256 characters',
        )
        .optional(),
    ),
    WECHATY_PUPPET: optionalString,
    WECHATY_PUPPET_SERVICE_TOKEN: optionalString,
    WECHATY_SESSION_PATH: optionalString,
    WEB_CHAT: optionalString
      .transform((v) => v?.toLowerCase() ?? 'on')
      .pipe(z.enum(['on', 'off'], { error: 'must be on or off' })),
    ...CALLBACK_SETTINGS,
  })
  .superRefine(checkCallbackSettings);
export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses the environment; a bad value throws a ConfigError naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = ConfigSchema.safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
}
