/**
 * The floor under the bot in `npm run bench`: the same HTTP route and the same Redis store, but
 * no understanding, dialogue or answers. Each request is one real `RedisStore.turn` (rate-limit
 * hit, state read or run ahead, compare-and-set) with a trivial change, and a reply of the bot's
 * shape. No bot on this store and this machine can be faster than this.
 */
import Fastify from 'fastify';
import { z } from 'zod';
import { RedisStore } from '../src/store/redis-store.js';

const State = z.object({ version: z.number(), updatedAt: z.string(), texts: z.array(z.string()) });
const Body = z.object({ userId: z.string(), text: z.string() });

const store = new RedisStore({
  url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  schema: State,
  ttlMs: 60 * 60 * 1000,
  prefix: 'bench-floor',
});
await store.connect();
const app = Fastify();
app.get('/healthz', async () => ({ ok: await store.ping() }));
app.post('/v1/messages', async (req) => {
  const { userId, text } = Body.parse(req.body);
  const outcome = await store.turn(
    { channel: 'http', userId },
    { rate: { subject: `http:${userId}`, limit: 1_000_000, windowSeconds: 60 } },
    (current) => {
      const texts = [...(current?.texts ?? []).slice(-4), text];
      const value = {
        version: (current?.version ?? 0) + 1,
        updatedAt: new Date().toISOString(),
        texts,
      };
      return { value, result: texts };
    },
  );
  if (outcome.status !== 'done') throw new Error(outcome.status);
  return {
    replies: [{ text: `收到：${text}`, buttons: ['那养老呢', '重新开始'] }],
    intent: { name: 'inform', confidence: 1 },
    slots: { texts: outcome.result.length },
  };
});
await app.listen({ port: Number(process.env.PORT ?? 3002), host: '127.0.0.1' });
process.on(
  'SIGTERM',
  () =>
    void app
      .close()
      .then(() => store.close())
      .then(() => process.exit(0)),
);
