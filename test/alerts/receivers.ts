import { createServer as createHttpServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import { createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net';
import { createSocket } from 'node:dgram';
import type { AddressInfo } from 'node:net';

/** Real receivers on 127.0.0.1 for alert sinks: a webhook (node:http), syslog over UDP (dgram) and TCP (net). */

export interface WebhookReceiver {
  url: string;
  port: number;
  /** Parsed JSON bodies received, in order. */
  bodies: unknown[];
  /** Their request headers, in the same order. */
  headers: IncomingMessage['headers'][];
  /** Requests that reached the server (answered or not). */
  hits(): number;
  close(): Promise<void>;
}

/** `ok`: 204 at once; `fail`: 500; `silent`: reads the request and never answers (a hung receiver). `failFirst`: the first N requests get 500. */
export async function startWebhook(mode: 'ok' | 'fail' | 'silent' = 'ok', failFirst = 0): Promise<WebhookReceiver> {
  const bodies: unknown[] = [];
  const headers: IncomingMessage['headers'][] = [];
  let hits = 0;
  const held: ServerResponse[] = [];
  const server: HttpServer = createHttpServer((req: IncomingMessage, res: ServerResponse) => {
    hits++;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      bodies.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      headers.push(req.headers);
      if (mode === 'ok' && hits > failFirst) res.writeHead(204).end();
      else if (mode === 'ok') res.writeHead(503).end();
      else if (mode === 'fail') res.writeHead(500, { 'content-type': 'text/plain' }).end('receiver is down for maintenance');
      else held.push(res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook/T000/B000/secret-token`,
    port,
    bodies,
    headers,
    hits: () => hits,
    close: async () => {
      for (const r of held) r.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export interface SyslogReceiver {
  address: string;
  /** Messages received: one per datagram (UDP) or per octet-counted frame (TCP). */
  messages: string[];
  close(): Promise<void>;
}

export async function startUdpSyslog(): Promise<SyslogReceiver> {
  const messages: string[] = [];
  const socket = createSocket('udp4');
  socket.on('message', (m) => messages.push(m.toString('utf8')));
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return {
    address: `127.0.0.1:${socket.address().port}`,
    messages,
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}

/** Splits RFC 6587 octet-counted frames (`<len> <msg>`); a frame that does not start with digits and a space is an error. */
export async function startTcpSyslog(port = 0): Promise<SyslogReceiver & { framingErrors: string[] }> {
  const messages: string[] = [];
  const framingErrors: string[] = [];
  const sockets = new Set<Socket>();
  const server: TcpServer = createTcpServer((socket) => {
    sockets.add(socket);
    let buffer = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        const space = buffer.indexOf(0x20);
        if (space < 0) break;
        const lengthText = buffer.subarray(0, space).toString('ascii');
        if (!/^[1-9][0-9]*$/.test(lengthText)) {
          framingErrors.push(lengthText);
          socket.destroy();
          return;
        }
        const length = Number(lengthText);
        if (buffer.length < space + 1 + length) break;
        messages.push(buffer.subarray(space + 1, space + 1 + length).toString('utf8'));
        buffer = buffer.subarray(space + 1 + length);
      }
    });
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    address: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    messages,
    framingErrors,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A port nothing listens on (bound, then closed). */
export async function closedPort(): Promise<number> {
  const server = createTcpServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function waitUntil(check: () => boolean, ms = 5_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
