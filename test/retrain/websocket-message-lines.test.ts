import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { startTestWarden } from '../helpers/warden.js';
import { waitForLogLine } from '../helpers/log-lines.js';
import { loadTraffic } from '../../src/retrain/traffic-reader.js';
import { inspectLine } from '../../src/retrain/offline-pipeline.js';
import { fieldKeyOf } from '../../src/retrain/field-profiles.js';
import { recordProblem } from '../../src/eval/record.js';
import { runIncidentCommand } from '../../src/cli/incident.js';
import type { TrafficLine } from '../../src/log/traffic-log.js';

const POLICY = { headers: new Set(['authorization']), fields: ['password', 'token'] };
const BENIGN = JSON.stringify({ type: 'chat', text: 'see you at noon in room 4' });
const SQLI = JSON.stringify({ type: 'search', filter: { name: "x' UNION SELECT username, password FROM users-- -" } });

let server: WebSocketServer;
let warden: Awaited<ReturnType<typeof startTestWarden>>;
let trafficFile: string;

beforeAll(async () => {
  server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.on('listening', () => resolve()));
  server.on('connection', (ws) => ws.on('message', (m: RawData, binary: boolean) => ws.send(m, { binary })));
  trafficFile = join(mkdtempSync(join(tmpdir(), 'ws-traffic-')), 'traffic.ndjson');
  warden = await startTestWarden(`http://127.0.0.1:${(server.address() as { port: number }).port}`, { logging: { traffic: { enabled: true, file: trafficFile } } });
});

afterAll(async () => {
  await warden?.close();
  server?.close();
});

/** A benign message, then an SQL injection that closes the connection; the close code and reason. */
async function chatThenAttack(): Promise<{ code: number; reason: string }> {
  const ws = new WebSocket(`ws://${warden.address}/chat?room=lobby`, { headers: { 'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64) Firefox/120.0', Cookie: 'session=abc123; theme=dark' } });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  const echoed = new Promise((resolve) => ws.once('message', resolve));
  ws.send(BENIGN);
  await echoed;
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  ws.send(SQLI);
  return closed;
}

function trafficLines(): TrafficLine[] {
  if (!existsSync(trafficFile)) return [];
  return readFileSync(trafficFile, 'utf8').split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as TrafficLine);
}

describe('WebSocket messages in the logs, and what retraining and `warden incident` read of them', () => {
  it('logs each message as a WEBSOCKET message with its connection, never as a GET with a body or an HTTP status', async () => {
    const close = await chatThenAttack();
    expect(close.code).toBe(1008);

    const block = await waitForLogLine(warden.logFile, (l) => l.incidentId === close.reason);
    expect(block).toMatchObject({ event: 'verdict', action: 'block', request: { method: 'WEBSOCKET', path: '/chat', bytes: Buffer.byteLength(SQLI) }, websocket: { messageIndex: 1, opcode: 1, bytes: Buffer.byteLength(SQLI), close: 1008 } });
    expect(block).not.toHaveProperty('status');
    const handshakeId = (block.websocket as { handshakeId: string }).handshakeId;
    expect(handshakeId).toMatch(/^[0-9a-z]{18}$/);

    await expect.poll(() => trafficLines().filter((l) => l.websocket !== undefined).length, { timeout: 10_000 }).toBe(2);
    const lines = trafficLines();
    const [benign, attack] = lines.filter((l) => l.websocket !== undefined);
    expect(benign).toMatchObject({ method: 'WEBSOCKET', path: '/chat', query: 'room=lobby', body: BENIGN, label: 'benign', websocket: { opcode: 1, messageIndex: 0, handshakeId }, verdict: { action: 'allow' } });
    expect(attack).toMatchObject({ id: close.reason, method: 'WEBSOCKET', body: SQLI, label: 'attack', websocket: { opcode: 1, messageIndex: 1, handshakeId }, verdict: { action: 'block' } });
    // The handshake's headers are the connection's context; no Content-Type / Content-Length was made up for the message.
    expect(benign.headers['user-agent']).toContain('Firefox');
    expect(Object.keys(benign.headers).filter((h) => /^content-/i.test(h))).toEqual([]);
    // The handshake itself is a GET line of its own, without a body.
    expect(lines.find((l) => l.id === handshakeId)).toMatchObject({ method: 'GET', path: '/chat' });
  });

  it('retraining reads a message line as the message: its fields alone, under the route WEBSOCKET /chat', async () => {
    const { lines, summary } = await loadTraffic(trafficFile, POLICY);
    expect(summary.invalid).toBe(0);
    const messages = lines.filter((l) => l.websocket !== undefined);
    expect(messages.length).toBeGreaterThanOrEqual(2);
    const inspection = inspectLine(messages.find((l) => l.body === BENIGN)!);
    expect(inspection.websocket).toMatchObject({ opcode: 1, messageIndex: 0 });
    expect(inspection.targets.map((t) => `${t.location}:${t.name}=${t.raw}`)).toEqual(['body:type=chat', 'body:text=see you at noon in room 4']);
    expect(fieldKeyOf(inspection, inspection.targets[1])).toBe('WEBSOCKET /chat body:text');
    // The attack's fields are the message's, so the blame of a retrain lands in it.
    const attack = inspectLine(messages.find((l) => l.body === SQLI)!);
    expect(attack.targets.every((t) => t.location === 'body')).toBe(true);
  });

  it('finds a blocked message with `warden incident`', async () => {
    const block = await waitForLogLine(warden.logFile, (l) => l.action === 'block' && l.websocket !== undefined);
    const out: string[] = [];
    const code = await runIncidentCommand([String(block.incidentId), '--log', warden.logFile], { out: (s: string) => out.push(s), err: (s: string) => out.push(s) });
    expect(code).toBe(0);
    const report = out.join('\n');
    expect(report).toContain('action      block (closed 1008');
    expect(report).toMatch(/message {5}#1 \(text, \d+ bytes\) of the WebSocket to \S+ \/chat/);
    expect(report).toContain(`connection  handshake ${(block.websocket as { handshakeId: string }).handshakeId}`);
    expect(report).not.toContain('status');
  });

  it('refuses a record that half claims to be a message', () => {
    const base = { id: 'm1', source: 'x', label: 'benign', category: 'c', path: '/chat', query: '', headers: {}, body: 'hi' };
    expect(recordProblem({ ...base, method: 'WEBSOCKET', websocket: { opcode: 1 } })).toBeNull();
    expect(recordProblem({ ...base, method: 'WEBSOCKET' })).toContain('needs "websocket"');
    expect(recordProblem({ ...base, method: 'GET', websocket: { opcode: 1 } })).toContain('must have "method": "WEBSOCKET"');
    expect(recordProblem({ ...base, method: 'WEBSOCKET', websocket: { opcode: 9 } })).toContain('"opcode" is 1 (text) or 2 (binary)');
  });
});
