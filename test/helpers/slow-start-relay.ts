import { connect, createServer, type Server, type Socket } from 'node:net';

export interface SlowStartRelay {
  port: number;
  url: string;
  close(): Promise<void>;
}

/**
 * A TCP relay to 127.0.0.1:`targetPort` that holds back what the server sends during the first
 * `holdMs` of each connection, then passes everything through in order: a Redis that accepts at once
 * but answers its first commands (ioredis's CLIENT SETINFO, which gates 'ready') late, as over a slow
 * link or a TLS handshake.
 */
export async function startSlowStartRelay(targetPort: number, holdMs: number): Promise<SlowStartRelay> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1');
    sockets.add(client).add(upstream);
    const openAt = Date.now() + holdMs;
    const held: Buffer[] = [];
    let flushing = false;
    upstream.on('data', (chunk: Buffer) => {
      if (!flushing && Date.now() < openAt) {
        held.push(chunk);
        if (held.length === 1) {
          setTimeout(() => {
            flushing = true;
            for (const c of held.splice(0)) client.write(c);
          }, openAt - Date.now());
        }
        return;
      }
      client.write(chunk);
    });
    client.on('data', (chunk: Buffer) => upstream.write(chunk));
    const end = (): void => {
      client.destroy();
      upstream.destroy();
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
