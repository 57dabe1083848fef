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
export function rawRequest(
  port: number,
  request: string | Buffer,
  more: string[] = [],
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let data = Buffer.alloc(0);
    let done = false;
    const finish = (closed: boolean) => {
      if (done) return;
      const split = data.indexOf('\r\n\r\n');
      const head = (split < 0 ? data : data.subarray(0, split)).toString('utf8');
      const rest = split < 0 ? Buffer.alloc(0) : data.subarray(split + 4);
      const lines = head.split('\r\n');
      const status = Number(lines[0]?.split(' ')[1] ?? 0);
      const headers: Record<string, string> = {};
      for (const line of lines.slice(1)) {
        const i = line.indexOf(':');
        if (i > 0) headers[line.slice(0, i).toLowerCase()] = line.slice(i + 1).trim();
      }
      const length = Number(headers['content-length'] ?? NaN);
      if (!closed && !(split >= 0 && Number.isFinite(length) && rest.length >= length)) return;
      done = true;
      socket.destroy();
      resolve({ status, headers, body: rest.toString('utf8'), closed });
    };
    socket.on('data', (chunk: Buffer) => {
      data = Buffer.concat([data, chunk]);
      finish(false);
    });
    socket.on('close', () => finish(true));
    socket.on('error', (err) => (data.length ? finish(true) : reject(err)));
    socket.write(request);
    for (const chunk of more) socket.write(chunk);
  });
}
