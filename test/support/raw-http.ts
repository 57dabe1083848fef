import { connect } from 'node:net';

export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** True when the server closed the connection. */
  closed: boolean;
}

/**
 * Writes `request` as bytes to the server (nothing normalised, as an attacker would send it),
 * then `more` chunks as given, and reads until the server closes the socket or one response has
 * been read whole.
 */
export function rawRequest(port: number, request: string, more: string[] = []): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let data = '';
    let done = false;
    const finish = (closed: boolean) => {
      if (done) return;
      const [head = '', ...rest] = data.split('\r\n\r\n');
      const lines = head.split('\r\n');
      const status = Number(lines[0]?.split(' ')[1] ?? 0);
      const headers: Record<string, string> = {};
      for (const line of lines.slice(1)) {
        const i = line.indexOf(':');
        if (i > 0) headers[line.slice(0, i).toLowerCase()] = line.slice(i + 1).trim();
      }
      const body = rest.join('\r\n\r\n');
      const length = Number(headers['content-length'] ?? NaN);
      if (!closed && !(Number.isFinite(length) && Buffer.byteLength(body) >= length)) return;
      done = true;
      socket.destroy();
      resolve({ status, headers, body, closed });
    };
    socket.on('data', (chunk) => {
      data += String(chunk);
      finish(false);
    });
    socket.on('close', () => finish(true));
    socket.on('error', (err) => (data ? finish(true) : reject(err)));
    socket.write(request);
    for (const chunk of more) socket.write(chunk);
  });
}
