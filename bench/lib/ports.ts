import { connect, createServer } from 'node:net';

/** A free TCP port on 127.0.0.1 (bound, then released for the child that will listen on it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Ports a bench's Warden listens on and forwards to. Warden reads pack rules for the ports it serves (its
 * listen port, 80, the upstream's port: served-ports.ts), and some rules name ports in the kernel's
 * ephemeral range (snort3-community's `32771:34000`, ET's `[1024:5000,49152:]`, 37777, 55443): on
 * `freePort`'s random ports the same packs loaded 8,376 rules in one run and 8,378 in the next
 * (bench/reload-stall.ts, session 32). No rule of the bundled set or ../shared/signatures-corpus names a
 * port in this band unless it names all of them (`1024:`, `!$HTTP_PORTS`; test/bench/served-port-band.test.ts),
 * so any two ports drawn here load the same rules. It is below the ephemeral range: the kernel does not
 * hand these out to other sockets.
 */
export const SERVED_PORT_BAND = { first: 28000, last: 28999 } as const;

function canBind(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A free port of SERVED_PORT_BAND, drawn at random (benches of other sessions draw there too); throws after 200 taken ones. */
export async function freeServedPort(): Promise<number> {
  const size = SERVED_PORT_BAND.last - SERVED_PORT_BAND.first + 1;
  for (let i = 0; i < 200; i++) {
    const port = SERVED_PORT_BAND.first + Math.floor(Math.random() * size);
    if (await canBind(port)) return port;
  }
  throw new Error(`no free port in 127.0.0.1:${SERVED_PORT_BAND.first}-${SERVED_PORT_BAND.last} after 200 tries`);
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Resolves once something accepts connections on 127.0.0.1:port; `alive` lets a dead child fail fast. */
export async function waitForPort(port: number, timeoutMs: number, alive: () => boolean = () => true): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await canConnect(port))) {
    if (!alive()) throw new Error(`the process meant to listen on 127.0.0.1:${port} exited`);
    if (Date.now() > deadline) throw new Error(`nothing listening on 127.0.0.1:${port} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
