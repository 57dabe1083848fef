import { CHAT_REPLIES } from '../chat-common.js';
import { MAX_TEXT } from '../http/schemas.js';
import { UNAVAILABLE_REPLY } from '../../bot.js';

/** What the web chat's own route says when it cannot answer: Chinese, for the page to show as is. */
export const WEB_ERRORS = {
  notText: '请输入文字。',
  empty: '请先输入你的问题。',
  tooLong: CHAT_REPLIES.tooLong(MAX_TEXT),
  badMessageId: '请求格式不对，请刷新页面后再试。',
  badRequest: '请求格式不对，请刷新页面后再试。',
  tooLarge: CHAT_REPLIES.tooLong(MAX_TEXT),
  notSameOrigin: '请在本站的聊天页面里发送消息。',
  rateLimited: (seconds: number) => `发送太频繁了，请 ${seconds} 秒后再试。`,
  unavailable: UNAVAILABLE_REPLY,
  internal: '服务器出了点问题，请稍后再试。',
} as const;
