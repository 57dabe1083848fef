import type { ConversationKey } from './store.js';

/** Every key this service writes starts with `<prefix>:`, by default `shebao:`. */
export function keyspace(prefix: string) {
  return {
    conversation: ({ channel, userId }: ConversationKey) => `${prefix}:conv:${channel}:${userId}`,
    seen: (channel: string, messageId: string) => `${prefix}:seen:${channel}:${messageId}`,
    rate: (subject: string) => `${prefix}:rate:${subject}`,
  };
}
export type Keyspace = ReturnType<typeof keyspace>;
