/**
 * What judging WebSocket messages costs (src/proxy/websocket/): a ws client sends small JSON chat
 * messages one at a time and waits for each echo, straight to a ws echo upstream on 127.0.0.1 and
 * through an in-process Warden with its defaults (bundled rules, shipped model, reputation), in turns;
 * then 1 MiB binary messages the same way, and the same 1 MiB as an HTTP body for comparison. Round
 * trip per message, median of the rounds.
 *
 *   npx tsx bench/websocket-messages.ts [--rounds N] [--messages N]
 */
import { parseArgs } from 'node:util';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { startWarden } from '../src/warden.js';
import { validateWardenConfig } from '../src/config/load-config.js';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '5' }, messages: { type: 'string', default: '2000' } } });
const rounds = Number(values.rounds);
const count = Number(values.messages);

const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
await new Promise<void>((resolve) => server.on('listening', () => resolve()));
server.on('connection', (ws) => ws.on('message', (m: RawData, binary: boolean) => ws.send(m, { binary })));
const upstream = `127.0.0.1:${(server.address() as { port: number }).port}`;
const warden = await startWarden(validateWardenConfig({ upstream: `http://${upstream}`, listen: '127.0.0.1:0', admin: { enabled: false }, logging: { decisions: '/dev/null' } }), { admin: false });

async function roundTrips(address: string, make: (i: number) => string | Buffer, n: number): Promise<number> {
  const ws = new WebSocket(`ws://${address}/chat`, { perMessageDeflate: false });
  await new Promise((resolve) => ws.once('open', resolve));
  const started = performance.now();
  for (let i = 0; i < n; i++) {
    const echo = new Promise((resolve) => ws.once('message', resolve));
    ws.send(make(i));
    await echo;
  }
  const ms = performance.now() - started;
  ws.close();
  return ms;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const chat = (i: number): string => JSON.stringify({ type: 'chat', room: 'lobby', seq: i, text: `hello there, this is message ${i} of the day` });
const big = Buffer.alloc(1_048_000, 0x61);
for (const [name, make, n] of [['small JSON', chat, count], ['1 MiB binary', () => big, 20]] as const) {
  const direct: number[] = [];
  const through: number[] = [];
  for (let r = 0; r < rounds; r++) {
    direct.push((await roundTrips(upstream, make, n)) / n);
    through.push((await roundTrips(warden.address, make, n)) / n);
  }
  console.log(`${name}: round trip per message, median of ${rounds} rounds of ${n}: direct ${(median(direct) * 1000).toFixed(0)} µs, through Warden ${(median(through) * 1000).toFixed(0)} µs`);
}
// The same 1 MiB as an HTTP body (no content type) through the same Warden: what a body of that size costs there
// (the ws upstream answers 426 to a plain request, after Warden judged and forwarded it).
const posts: number[] = [];
for (let r = 0; r < rounds; r++) {
  const started = performance.now();
  for (let i = 0; i < 20; i++) await (await fetch(`http://${warden.address}/chat`, { method: 'POST', body: big })).arrayBuffer();
  posts.push((performance.now() - started) / 20);
}
console.log(`1 MiB HTTP POST body through Warden: ${(median(posts) * 1000).toFixed(0)} µs per request (median of ${rounds} rounds of 20)`);
await warden.close();
server.close();
process.exit(0);
