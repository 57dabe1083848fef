import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A JSON body as sent or received; tests read its fields freely. */
export type ApiBody = Record<string, any>;

/** One Bot API call as the fake server received it. */
export interface ApiCall {
  method: string;
  body: ApiBody;
}

export const FAKE_BOT = {
  id: 7000001,
  is_bot: true,
  first_name: 'Shebao',
  username: 'shebao_test_bot',
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
} as const;

export interface FakeTelegram {
  /** Pass as `apiRoot` (TELEGRAM_API_ROOT). */
  apiRoot: string;
  token: string;
  /** Every call received, in order (getUpdates included). */
  calls: ApiCall[];
  /** Queues updates for the next getUpdates; each is served once (a repeat models a redelivery). */
  push(...updates: ApiBody[]): void;
  /** The bodies of the calls of one method. */
  bodies(method: string): ApiBody[];
  /** Waits until at least `count` calls of `method` were received; returns their bodies. */
  waitFor(method: string, count?: number, timeoutMs?: number): Promise<ApiBody[]>;
  /** Makes the next call of `method` fail with this Bot API error. */
  failNext(method: string, errorCode: number, description: string): void;
  close(): Promise<void>;
}

/**
 * A Bot API double on loopback for the real telegraf: `POST /bot<token>/<method>` with a JSON
 * body, answered `{"ok": true, "result": ...}`. getUpdates serves queued updates, otherwise holds
 * the long poll (at most 300 ms, so a stopping bot is never kept waiting) and answers `[]`.
 */
export async function startFakeTelegram(
  token = '123456:TEST-token_abc',
  listenPort = 0,
): Promise<FakeTelegram> {
  const calls: ApiCall[] = [];
  const queue: ApiBody[] = [];
  const failures = new Map<string, { error_code: number; description: string }>();
  const pollers = new Set<() => void>();
  const watchers = new Set<() => void>();
  let nextMessageId = 1;

  const notify = () => {
    for (const w of [...watchers]) w();
  };

  function result(method: string, body: ApiBody): unknown {
    switch (method) {
      case 'getMe':
        return FAKE_BOT;
      case 'sendMessage':
        return {
          message_id: nextMessageId++,
          date: Math.floor(Date.now() / 1000),
          chat: { id: body.chat_id, type: Number(body.chat_id) < 0 ? 'group' : 'private' },
          from: FAKE_BOT,
          text: body.text,
        };
      default:
        return true;
    }
  }

  function answer(res: ServerResponse, status: number, payload: unknown) {
    if (res.writableEnded) return;
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(payload));
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    let raw = '';
    for await (const chunk of req) raw += String(chunk);
    const match = /^\/bot([^/]+)\/(\w+)$/.exec(req.url ?? '');
    if (req.method !== 'POST' || !match)
      return answer(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    if (match[1] !== token)
      return answer(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
    const method = match[2]!;
    const body = raw ? (JSON.parse(raw) as ApiBody) : {};
    calls.push({ method, body });
    notify();
    const failure = failures.get(method);
    if (failure) {
      failures.delete(method);
      return answer(res, 400, { ok: false, ...failure });
    }
    if (method !== 'getUpdates')
      return answer(res, 200, { ok: true, result: result(method, body) });

    const serve = () => {
      // A poll the client gave up on must not swallow updates.
      if (!res.socket || res.socket.destroyed) return;
      answer(res, 200, { ok: true, result: queue.splice(0) });
    };
    if (queue.length > 0 || !body.timeout) return serve();
    await new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        pollers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, 300);
      pollers.add(wake);
      req.once('close', wake);
      res.once('close', wake);
    });
    serve();
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: Error) =>
      answer(res, 500, { ok: false, error_code: 500, description: err.message }),
    );
  });
  await new Promise<void>((resolve) => server.listen(listenPort, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const bodies = (method: string) => calls.filter((c) => c.method === method).map((c) => c.body);

  return {
    apiRoot: `http://127.0.0.1:${port}`,
    token,
    calls,
    push(...updates) {
      queue.push(...updates);
      for (const wake of [...pollers]) wake();
    },
    bodies,
    waitFor(method, count = 1, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = bodies(method);
          if (found.length < count) return;
          clearTimeout(timer);
          watchers.delete(check);
          resolve(found);
        };
        const timer = setTimeout(() => {
          watchers.delete(check);
          reject(new Error(`expected ${count} ${method} call(s), got ${bodies(method).length}`));
        }, timeoutMs);
        watchers.add(check);
        check();
      });
    },
    failNext(method, errorCode, description) {
      failures.set(method, { error_code: errorCode, description });
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const wake of [...pollers]) wake();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
