/**
 * What judging WebSocket messages costs (src/proxy/websocket/): a ws client sends small JSON chat
 * messages one at a time and waits for each echo, straight to a ws echo upstream on 127.0.0.1 and
 * through an in-process Warden with its defaults (bundled rules, shipped model, reputation), in turns;
 * once with ws's bare handshake and once with a browser's (user agent, cookies, origin, a query with a
 * token: what a message's judgement must not pay for again); then 1 MiB binary messages the same way,
 * and the same 1 MiB as an HTTP body for comparison. Round trip per message and process CPU per
 * message (client, upstream and Warden share the process: through minus direct is Warden's), medians
 * of the rounds.
 *
 *   npx tsx bench/websocket-messages.ts [--rounds N] [--messages N] [--small-only]
 */
import { parseArgs } from 'node:util';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { startWarden } from '../src/warden.js';
import { validateWardenConfig } from '../src/config/load-config.js';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '5' }, messages: { type: 'string', default: '2000' }, 'small-only': { type: 'boolean', default: false } } });
const rounds = Number(values.rounds);
const count = Number(values.messages);

const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
await new Promise<void>((resolve) => server.on('listening', () => resolve()));
server.on('connection', (ws) => ws.on('message', (m: RawData, binary: boolean) => ws.send(m, { binary })));
const upstream = `127.0.0.1:${(server.address() as { port: number }).port}`;
const warden = await startWarden(validateWardenConfig({ upstream: `http://${upstream}`, listen: '127.0.0.1:0', admin: { enabled: false }, logging: { decisions: '/dev/null' } }), { admin: false });

/** A browser's handshake: what each message was judged with again before session 37. */
const BROWSER = {
  path: '/chat/socket?room=lobby&token=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyLTQyIiwicm9vbSI6ImxvYmJ5In0.c2lnbmF0dXJl&v=3',
  headers: {
    'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
    Origin: 'https://app.example.test',
    'Accept-Language': 'en-GB,en;q=0.9,fr;q=0.8',
    'Accept-Encoding': 'gzip, deflate, br',
    'Cache-Control': 'no-cache',
    Pragma: 'no-cache',
    Cookie: 'session=9f8e7d6c5b4a39281706f5e4d3c2b1a0; theme=dark; consent=analytics%3Dfalse%26ads%3Dfalse; _ga=GA1.1.123456789.1700000000',
  },
};

async function roundTrips(address: string, make: (i: number) => string | Buffer, n: number, handshake: { path: string; headers: Record<string, string> }): Promise<{ ms: number; cpuUs: number }> {
  const ws = new WebSocket(`ws://${address}${handshake.path}`, { perMessageDeflate: false, headers: handshake.headers });
  await new Promise((resolve) => ws.once('open', resolve));
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < n; i++) {
    const echo = new Promise((resolve) => ws.once('message', resolve));
    ws.send(make(i));
    await echo;
  }
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  ws.close();
  return { ms, cpuUs: used.user + used.system };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const chat = (i: number): string => JSON.stringify({ type: 'chat', room: 'lobby', seq: i, text: `hello there, this is message ${i} of the day` });
const big = Buffer.alloc(1_048_000, 0x61);
const bare = { path: '/chat', headers: {} };
const cases = [
  ['small JSON, bare handshake', chat, count, bare],
  ['small JSON, browser handshake', chat, count, BROWSER],
  ...(values['small-only'] ? [] : [['1 MiB binary', () => big, 20, bare] as const]),
] as const;
for (const [name, make, n, handshake] of cases) {
  const direct: number[] = [];
  const through: number[] = [];
  const directCpu: number[] = [];
  const throughCpu: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const d = await roundTrips(upstream, make, n, handshake);
    const t = await roundTrips(warden.address, make, n, handshake);
    direct.push(d.ms / n);
    through.push(t.ms / n);
    directCpu.push(d.cpuUs / n);
    throughCpu.push(t.cpuUs / n);
  }
  console.log(
    `${name}: per message, median of ${rounds} rounds of ${n}: round trip direct ${(median(direct) * 1000).toFixed(0)} µs, through Warden ${(median(through) * 1000).toFixed(0)} µs; ` +
      `process CPU direct ${median(directCpu).toFixed(0)} µs, through Warden ${median(throughCpu).toFixed(0)} µs`,
  );
}
if (!values['small-only']) {
  // The same 1 MiB as an HTTP body (no content type) through the same Warden: what a body of that size costs there
  // (the ws upstream answers 426 to a plain request, after Warden judged and forwarded it).
  const posts: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const started = performance.now();
    for (let i = 0; i < 20; i++) await (await fetch(`http://${warden.address}/chat`, { method: 'POST', body: big })).arrayBuffer();
    posts.push((performance.now() - started) / 20);
  }
  console.log(`1 MiB HTTP POST body through Warden: ${(median(posts) * 1000).toFixed(0)} µs per request (median of ${rounds} rounds of 20)`);
}
await warden.close();
server.close();
process.exit(0);
