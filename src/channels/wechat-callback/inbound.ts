/**
 * What a decrypted callback message asks of the bot. Both platforms send the same fields for
 * what we use (WeCom adds AgentID): ToUserName is the account, FromUserName the person
 * (an Official Account OpenID, a WeCom UserID), MsgId a 64-bit id kept as a string.
 */
export type Inbound =
  /** A question: text, or a voice message with the platform's speech recognition. */
  | { kind: 'text'; from: string; to: string; text: string; messageId: string }
  /** Someone followed the account (or the WeCom app): greet them. */
  | { kind: 'greet'; from: string; to: string; messageId: string }
  /** Something the bot cannot read (image, voice without recognition, file...). */
  | { kind: 'ask_text'; from: string; to: string }
  /** An event needing no answer (unsubscribe, menu views, location reports...). */
  | { kind: 'ignore' };

/** Fields missing: not a message either platform sends. */
export class NotAMessageError extends Error {
  override name = 'NotAMessageError';
}

export function readInbound(fields: Record<string, string>): Inbound {
  const { FromUserName: from, ToUserName: to, MsgType: type } = fields;
  if (!from || !to || !type)
    throw new NotAMessageError('ToUserName, FromUserName or MsgType missing');
  if (type === 'event') {
    // Events carry no MsgId; the platforms' advice is FromUserName + CreateTime for dedupe (both
    // in the id: two people may follow in the same second).
    if (fields.Event?.toLowerCase() === 'subscribe')
      return { kind: 'greet', from, to, messageId: `subscribe:${from}:${fields.CreateTime ?? ''}` };
    return { kind: 'ignore' };
  }
  const messageId = fields.MsgId;
  const text = type === 'text' ? fields.Content : type === 'voice' ? fields.Recognition : undefined;
  if (text?.trim()) {
    if (!messageId) throw new NotAMessageError('MsgId missing');
    return { kind: 'text', from, to, text: text.trim(), messageId };
  }
  return { kind: 'ask_text', from, to };
}
