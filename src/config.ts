import { readFileSync } from 'node:fs';
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

const onOff = optionalString.pipe(z.enum(['on', 'off']).optional()).transform((v) => v === 'on');

/** fastify's trustProxy: `true` (any proxy), or the proxies' addresses/CIDRs, comma-separated. */
const trustProxy = optionalString.transform((v): boolean | string => {
  if (v === undefined || v === 'false') return false;
  return v === 'true' ? true : v;
});

/** Every setting of CONTRACT.md section 6 (and the service's own), read from the environment. */
export const ConfigSchema = z
  .object({
    NODE_ENV: optionalString,
    PORT: positiveInt(3000).pipe(z.number().max(65535)),
    HOST: optionalString.transform((v) => v ?? '0.0.0.0'),
    REDIS_URL: optionalString.pipe(
      z
        .string()
        .regex(/^rediss?:\/\/.+/, 'must start with redis:// or rediss://')
        .optional(),
    ),
    /** The password of REDIS_URL's server when the URL has none (Docker Compose: a secret file). */
    REDIS_PASSWORD: optionalString,
    WEBHOOK_SECRET: optionalString,
    WEBHOOK_LEGACY_SIGNATURE: onOff,
    /** `on` lets NODE_ENV=production start without WEBHOOK_SECRET (an open webhook, on purpose). */
    ALLOW_UNSIGNED_WEBHOOK: onOff,
    RATE_LIMIT_PER_MINUTE: positiveInt(30),
    /** Requests to /v1/ one client address may send a minute (every instance together). */
    RATE_LIMIT_PER_ADDRESS_PER_MINUTE: positiveInt(300),
    /** Requests to /v1/ all clients together may send a minute (every instance together). */
    RATE_LIMIT_GLOBAL_PER_MINUTE: positiveInt(6000),
    TRUST_PROXY: trustProxy,
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

/**
 * Parses the environment; a bad value throws a ConfigError naming the variable. Any variable may
 * be given as `<NAME>_FILE`, the path of a file holding its value (Docker and Kubernetes secrets),
 * so secrets need not sit in the environment.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = ConfigSchema.safeParse(withFileValues(env));
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const config = result.data;
  if (
    config.NODE_ENV === 'production' &&
    !config.WEBHOOK_SECRET &&
    !config.ALLOW_UNSIGNED_WEBHOOK
  ) {
    throw new ConfigError(
      'Invalid configuration:\n  WEBHOOK_SECRET: must be set when NODE_ENV=production ' +
        '(or set ALLOW_UNSIGNED_WEBHOOK=on to run an open webhook on purpose)',
    );
  }
  return config;
}

/** The environment with each `<NAME>_FILE` of a known setting read into `<NAME>`. */
function withFileValues(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out = { ...env };
  for (const name of Object.keys(ConfigSchema.shape)) {
    const path = env[`${name}_FILE`]?.trim();
    if (!path) continue;
    if (env[name]?.trim()) {
      throw new ConfigError(`Invalid configuration:\n  ${name}: set both ${name} and ${name}_FILE`);
    }
    try {
      // A file ends with a newline more often than not; the value does not.
      out[name] = readFileSync(path, 'utf8').replace(/\r?\n$/, '');
    } catch (err) {
      const reason = (err as NodeJS.ErrnoException).code ?? 'unreadable';
      throw new ConfigError(
        `Invalid configuration:\n  ${name}_FILE: cannot read ${path} (${reason})`,
      );
    }
  }
  return out;
}
