import {
  messageSignature,
  openCipher,
  plainSignature,
  sameSignature,
  sealReply,
} from './crypto.js';
import { parseCallbackXml } from './xml.js';

/**
 * Where the two protocols differ: the Official Account signs every request over token,
 * timestamp and nonce and encrypts only in safe mode (`encrypt_type=aes`, then also
 * `msg_signature`, appid inside the ciphertext); WeCom always encrypts, signs with
 * `msg_signature` only and puts the corpid inside. The messages themselves are the same.
 */
export type Protocol =
  | { kind: 'mp'; token: string; appId?: string; aesKey?: string }
  | { kind: 'wecom'; token: string; corpId: string; aesKey: string };

export interface Refusal {
  ok: false;
  status: 400 | 401;
  reason: string;
}

type Query = Record<string, string | undefined>;

const refusal = (status: 400 | 401, reason: string): Refusal => ({ ok: false, status, reason });

function checkPlain(token: string, q: Query): Refusal | undefined {
  const { timestamp = '', nonce = '' } = q;
  if (!sameSignature(q.signature, plainSignature(token, timestamp, nonce)))
    return refusal(401, 'bad signature');
}

/** Checks `msg_signature` over `cipher`, then decrypts it for `receiverId`. */
function openSigned(
  token: string,
  aesKey: string,
  receiverId: string,
  q: Query,
  cipher: string | undefined,
): { ok: true; message: string } | Refusal {
  if (!cipher) return refusal(400, 'no Encrypt field');
  const { timestamp = '', nonce = '' } = q;
  if (!sameSignature(q.msg_signature, messageSignature(token, timestamp, nonce, cipher)))
    return refusal(401, 'bad msg_signature');
  const opened = openCipher(aesKey, cipher, receiverId);
  if (opened.ok) return opened;
  return opened.reason === 'wrong_id'
    ? refusal(401, 'sealed for another account')
    : refusal(400, 'cannot decrypt');
}

/** URL verification (GET): the text to echo back, or why not. */
export function verifyUrl(protocol: Protocol, q: Query): { ok: true; echo: string } | Refusal {
  if (protocol.kind === 'mp') {
    return checkPlain(protocol.token, q) ?? { ok: true, echo: q.echostr ?? '' };
  }
  const opened = openSigned(protocol.token, protocol.aesKey, protocol.corpId, q, q.echostr);
  return opened.ok ? { ok: true, echo: opened.message } : opened;
}

/** A signed (and decrypted) message's fields, or why it is refused. Throws BadXmlError. */
export function unwrapRequest(
  protocol: Protocol,
  q: Query,
  body: string,
): { ok: true; fields: Record<string, string> } | Refusal {
  if (protocol.kind === 'mp') {
    const bad = checkPlain(protocol.token, q);
    if (bad) return bad;
    const encrypted = q.encrypt_type === 'aes';
    if (!protocol.aesKey || !protocol.appId) {
      if (encrypted) return refusal(400, 'encrypted message, but no WECHAT_MP_AES_KEY');
      return { ok: true, fields: parseCallbackXml(body) };
    }
    if (!encrypted) return refusal(400, 'safe mode expects encrypt_type=aes');
  }
  const receiverId = protocol.kind === 'mp' ? protocol.appId! : protocol.corpId;
  const outer = parseCallbackXml(body);
  const opened = openSigned(protocol.token, protocol.aesKey!, receiverId, q, outer.Encrypt);
  return opened.ok ? { ok: true, fields: parseCallbackXml(opened.message) } : opened;
}

/** The passive reply as sent: plain XML, or sealed in safe mode and for WeCom. */
export function wrapReply(protocol: Protocol, xml: string, q: Query, timestamp: string): string {
  const receiverId = protocol.kind === 'mp' ? protocol.appId : protocol.corpId;
  if (!protocol.aesKey || !receiverId) return xml;
  return sealReply(xml, {
    token: protocol.token,
    aesKey: protocol.aesKey,
    receiverId,
    timestamp,
    nonce: q.nonce,
  });
}

/**
 * The signatures cover the timestamp, and in plain mode only the query (not the body): a signed
 * query seen once must not serve for long. Requests more than this far from our clock are refused.
 */
export const MAX_CLOCK_SKEW_SECONDS = 300;

export function staleTimestamp(q: Query, now: Date): Refusal | undefined {
  const sent = Number(q.timestamp);
  if (!Number.isInteger(sent) || Math.abs(now.getTime() / 1000 - sent) > MAX_CLOCK_SKEW_SECONDS)
    return refusal(401, 'timestamp missing or too far from our clock');
}
