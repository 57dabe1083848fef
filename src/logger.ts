import { pino, type Logger } from 'pino';

export type { Logger };

/** Mainland ID-card numbers (18 characters) and mobile numbers, masked wherever they appear. */
const ID_NUMBER = /\b\d{17}[\dXx]\b/g;
const PHONE_NUMBER = /(?<!\d)1[3-9]\d{9}(?!\d)/g;

/** Masks personal numbers in free text before it can reach a log line. */
export function maskPersonalData(text: string): string {
  return text.replace(ID_NUMBER, '[id]').replace(PHONE_NUMBER, '[phone]');
}

/** Header and field paths that may carry secrets; pino replaces them with "[redacted]". */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers["x-signature"]',
  'req.headers["x-telegram-bot-api-secret-token"]',
  'token',
  'secret',
  'text',
  '*.text',
];

export function createLogger(level: string): Logger {
  return pino({ level, redact: { paths: REDACT_PATHS, censor: '[redacted]' } });
}
