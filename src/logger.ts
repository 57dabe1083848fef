import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * Mainland ID-card numbers (18 characters) and mobile numbers, masked wherever they appear: next
 * to letters (ID110…), after a country code (+86, 0086, 86), with a space or dash between any
 * digits (138-1234-5678, 110105 19900101 1234), in full-width digits (１３８…) or mixed. A digit
 * is [0-9０-９]; a run of more digits around a match is not a match (an amount, an order number).
 */
const D = '[0-9０-９]';
const SEP = '[ \\t\\-‐‑–—－\\u3000]?';
const digits = (n: number) => `${D}(?:${SEP}${D}){${n - 1}}`;
const ID_NUMBER = new RegExp(`(?<!${D})${digits(17)}${SEP}[0-9０-９XxＸｘ](?!${D})`, 'g');
const PHONE_NUMBER = new RegExp(
  `(?<!${D})(?:(?:[+＋]|00|００)?[8８][6６]${SEP})?[1１]${SEP}[3-9３-９](?:${SEP}${D}){9}(?!${D})`,
  'g',
);

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
