import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { decrypt, encrypt, getSignature } from '@wecom/crypto';
import { buildXml } from './xml.js';

/**
 * The platforms' signatures and safe-mode envelope. The AES part (AES-256-CBC with the
 * EncodingAESKey, PKCS#7 to 32-byte blocks, random + length + message + appid) is
 * @wecom/crypto's; this file only checks what it returns.
 */

/** Plain-mode `signature`: hex SHA-1 of the sorted token, timestamp and nonce. */
export function plainSignature(token: string, timestamp: string, nonce: string): string {
  return createHash('sha1').update([token, timestamp, nonce].sort().join('')).digest('hex');
}

/** Safe-mode `msg_signature`: the same over token, timestamp, nonce and the ciphertext. */
export const messageSignature = (token: string, timestamp: string, nonce: string, cipher: string) =>
  getSignature(token, timestamp, nonce, cipher);

/** Constant-time comparison of a hex signature the platform sent with the one expected. */
export function sameSignature(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given.toLowerCase());
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** What the ciphertext held, or why it cannot be used. */
export type Opened =
  { ok: true; message: string } | { ok: false; reason: 'undecryptable' | 'wrong_id' };

/**
 * Decrypts `cipher` and checks that it was sealed for `receiverId` (the Official Account's appid
 * or the WeCom corpid): a message for another account is refused even with a good signature.
 */
export function openCipher(aesKey: string, cipher: string, receiverId: string): Opened {
  let opened;
  try {
    opened = decrypt(aesKey, cipher);
  } catch {
    return { ok: false, reason: 'undecryptable' };
  }
  if (opened.id !== receiverId) return { ok: false, reason: 'wrong_id' };
  return { ok: true, message: opened.message };
}

export interface SealOptions {
  token: string;
  aesKey: string;
  receiverId: string;
  /** Unix seconds; the reply's own timestamp. */
  timestamp: string;
  nonce?: string;
}

/** A passive reply in safe mode: the encrypted XML, its signature, timestamp and nonce. */
export function sealReply(xml: string, options: SealOptions): string {
  const nonce = options.nonce ?? randomBytes(8).readBigUInt64BE().toString().slice(0, 10);
  const cipher = encrypt(options.aesKey, xml, options.receiverId);
  return buildXml({
    Encrypt: cipher,
    MsgSignature: messageSignature(options.token, options.timestamp, nonce, cipher),
    TimeStamp: Number(options.timestamp),
    Nonce: nonce,
  });
}
