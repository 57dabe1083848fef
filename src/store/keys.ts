import type { ConversationKey } from './store.js';

/**
 * Every key this service writes starts with `<prefix>:`, by default `shebao:`. A message id is
 * unique per channel and user, so its claim names both; the user id is URI-encoded there (it
 * has no `:` then), so `a` + `b:c` and `a:b` + `c` can never share a claim.
 */
export function keyspace(prefix: string) {
  return {
    conversation: ({ channel, userId }: ConversationKey) => `${prefix}:conv:${channel}:${userId}`,
    seen: ({ channel, userId }: ConversationKey, messageId: string) =>
      `${prefix}:seen:${channel}:${encodeURIComponent(userId)}:${messageId}`,
    rate: (subject: string) => `${prefix}:rate:${subject}`,
  };
}
export type Keyspace = ReturnType<typeof keyspace>;
