import { createHash, randomBytes } from 'node:crypto';
import { decrypt, encrypt, getSignature } from '@wecom/crypto';
import { XMLParser } from 'fast-xml-parser';

/**
 * The WeChat Official Account and WeCom servers as the bot sees them: messages built and
 * signed (and in safe mode encrypted) the way the platforms document, independently of
 * src/ (only the AES primitive is shared, and it is checked against Tencent's own vectors).
 */

export const sha1Sorted = (...parts: string[]) =>
  createHash('sha1').update(parts.sort().join('')).digest('hex');

const cdata = (v: string) => `<![CDATA[${v}]]>`;

/** A message as the platform pushes it, fields in the documented order. */
export function messageXml(fields: Record<string, string | number>): string {
  const body = Object.entries(fields)
    .map(([k, v]) => `<${k}>${typeof v === 'number' ? v : cdata(v)}</${k}>`)
    .join('\n');
  return `<xml>\n${body}\n</xml>`;
}

export function textMessage(from: string, content: string, msgId: string, to = 'gh_0123456789ab') {
  return messageXml({
    ToUserName: to,
    FromUserName: from,
    CreateTime: 1764400000,
    MsgType: 'text',
    Content: content,
    MsgId: Number.isSafeInteger(Number(msgId)) ? Number(msgId) : msgId,
  });
}

export interface Signed {
  query: string;
  body: string;
}

let counter = 0;
/** A timestamp of now (the bot refuses one far from its clock) and a fresh nonce. */
const stamp = () => ({
  timestamp: String(Math.floor(Date.now() / 1000)),
  nonce: String(100000 + ++counter),
});

/** An Official Account push in plain mode: `signature` over token, timestamp, nonce. */
export function signPlain(token: string, body: string): Signed {
  const { timestamp, nonce } = stamp();
  const signature = sha1Sorted(token, timestamp, nonce);
  return { query: `signature=${signature}&timestamp=${timestamp}&nonce=${nonce}&openid=o1`, body };
}

/** An encrypted push: Official Account safe mode (with `appIdOrCorpId` = appid) or WeCom. */
export function signEncrypted(
  kind: 'mp' | 'wecom',
  token: string,
  aesKey: string,
  appIdOrCorpId: string,
  inner: string,
): Signed {
  const { timestamp, nonce } = stamp();
  const cipher = encrypt(aesKey, inner, appIdOrCorpId, randomBytes(16));
  const msgSignature = getSignature(token, timestamp, nonce, cipher);
  const body = `<xml><ToUserName>${cdata('gh_0123456789ab')}</ToUserName><Encrypt>${cdata(cipher)}</Encrypt></xml>`;
  const common = `timestamp=${timestamp}&nonce=${nonce}&msg_signature=${msgSignature}`;
  if (kind === 'wecom') return { query: common, body };
  const signature = sha1Sorted(token, timestamp, nonce);
  return { query: `signature=${signature}&${common}&encrypt_type=aes&openid=o1`, body };
}

const parser = new XMLParser({ parseTagValue: false, processEntities: false });

export function readXml(xml: string): Record<string, string> {
  return (parser.parse(xml) as { xml: Record<string, string> }).xml;
}

/** Opens an encrypted passive reply as the platform does: signature, then decryption. */
export function openReply(token: string, aesKey: string, xml: string) {
  const outer = readXml(xml);
  const expected = getSignature(token, outer.TimeStamp!, outer.Nonce!, outer.Encrypt!);
  const { message, id } = decrypt(aesKey, outer.Encrypt!);
  return { signatureOk: expected === outer.MsgSignature, receiverId: id, fields: readXml(message) };
}

export async function push(base: string, path: string, signed: Signed) {
  const res = await fetch(`${base}${path}?${signed.query}`, {
    method: 'POST',
    headers: { 'content-type': 'text/xml' },
    body: signed.body,
  });
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    text: await res.text(),
  };
}

/** The query with one hex digit of parameter `name` changed: a forged signature. */
export function forge(query: string, name: string): string {
  const params = new URLSearchParams(query);
  const value = params.get(name)!;
  params.set(name, (value[0] === '0' ? '1' : '0') + value.slice(1));
  return params.toString();
}
