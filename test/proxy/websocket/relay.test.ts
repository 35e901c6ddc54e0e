import { Duplex } from 'node:stream';
import type { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { WebSocketRelay, type RelayHost } from '../../../src/proxy/websocket/relay.js';
import type { MessageConnection } from '../../../src/proxy/websocket/message-connection.js';
import { WardenMetrics } from '../../../src/log/metrics.js';
import type { DecisionLogger } from '../../../src/log/decision-log.js';
import { OPCODE } from '../../../src/proxy/websocket/client-frames.js';
import { frame } from './frames.js';

/** One side of the relay: bytes pushed in are what the peer sent; `written` is what the relay sent it. */
class FakeSocket extends Duplex {
  readonly written: Buffer[] = [];
  ended = false;
  override _read(): void {}
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    this.written.push(chunk);
    done();
  }
  override _final(done: () => void): void {
    this.ended = true;
    done();
  }
  bytes(): Buffer {
    return Buffer.concat(this.written);
  }
}

function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void } {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

type Action = 'allow' | 'block';

/** A host whose verdicts the test hands out one message at a time. */
function fakeHost() {
  const verdicts: Array<{ body: string; decide: (a: Action) => void }> = [];
  const logged: string[] = [];
  const quiet = () => undefined;
  const host: RelayHost = {
    metrics: new WardenMetrics(),
    decisionLog: { warn: quiet, error: quiet, info: quiet } as unknown as DecisionLogger,
    limitMessage: () => null,
    logVerdict: (inspection, verdict) => logged.push(`${verdict.action} ${inspection.websocket?.messageIndex}`),
    judgeMessage: async (_connection, payload, websocket, id) => {
      const d = deferred<Action>();
      verdicts.push({ body: payload.toString(), decide: d.resolve });
      const action = await d.promise;
      const verdict = { action, incidentId: id } as never;
      return { inspection: { websocket } as never, outcome: { verdict, results: {} as never } };
    },
  };
  return { host, verdicts, logged };
}

const tick = () => new Promise((r) => setImmediate(r));
const source = { ip: '127.0.0.1', port: 1, peerIp: '127.0.0.1' };
const connection = { context: { source, method: 'GET', rawUrl: '/chat', rawPath: '/chat', rawQuery: '', path: '/chat', httpVersion: '1.1', headers: [['Host', 't']], headerMap: new Map([['host', 't']]), host: 't' }, policy: {} as never, handshakeId: 'handshake-id', rateLimited: { method: 'GET', url: '/chat', rawHeaders: ['Host', 't'], ip: '127.0.0.1', identity: undefined, connection: 'handshake-id' } } satisfies MessageConnection;

function relay(limits = { maxMessageBytes: 1_048_576, overLimit: 'close' as const, maxBufferedBytes: 4_194_304, idleTimeoutMs: 0 }) {
  const client = new FakeSocket();
  const upstream = new FakeSocket();
  const fake = fakeHost();
  new WebSocketRelay(fake.host, connection, limits, client as unknown as Socket, upstream as unknown as Socket).start(Buffer.alloc(0), Buffer.alloc(0));
  return { client, upstream, ...fake };
}

describe('WebSocketRelay', () => {
  it('forwards nothing of a message before its verdict, and what follows it waits behind it, in order', async () => {
    const { client, upstream, verdicts } = relay();
    const first = frame(OPCODE.text, 'first');
    const ping = frame(OPCODE.ping, 'p');
    const second = frame(OPCODE.text, 'second');
    client.push(Buffer.concat([first, ping, second]));
    await tick();
    expect(verdicts.map((v) => v.body)).toEqual(['first']);
    expect(upstream.bytes().length).toBe(0);
    verdicts[0].decide('allow');
    await tick();
    expect(upstream.bytes().equals(Buffer.concat([first, ping]))).toBe(true);
    expect(verdicts.map((v) => v.body)).toEqual(['first', 'second']);
    verdicts[1].decide('allow');
    await tick();
    expect(upstream.bytes().equals(Buffer.concat([first, ping, second]))).toBe(true);
  });

  it('stops reading the client while the messages waiting for verdicts pass maxBufferedBytes, and reads again once they are through', async () => {
    const { client, verdicts } = relay({ maxMessageBytes: 65_536, overLimit: 'close', maxBufferedBytes: 4_096, idleTimeoutMs: 0 });
    const message = frame(OPCODE.binary, Buffer.alloc(3_000, 0x61));
    client.push(message);
    await tick();
    expect(client.isPaused()).toBe(false);
    client.push(message);
    await tick();
    expect(client.isPaused()).toBe(true);
    verdicts[0].decide('allow');
    await tick();
    verdicts[1].decide('allow');
    await tick();
    expect(client.isPaused()).toBe(false);
  });

  it("puts its Close after the server's frame in flight, never inside it", async () => {
    const { client, upstream, verdicts, logged } = relay();
    const serverFrame = frame(OPCODE.text, 'x'.repeat(300), { masked: false });
    upstream.push(serverFrame.subarray(0, 100));
    client.push(frame(OPCODE.text, 'attack'));
    await tick();
    verdicts[0].decide('block');
    await tick();
    // Blocked while the server's frame is half sent: nothing more goes to the client until it completes.
    expect(client.bytes().equals(serverFrame.subarray(0, 100))).toBe(true);
    upstream.push(Buffer.concat([serverFrame.subarray(100), frame(OPCODE.text, 'later', { masked: false })]));
    await tick();
    const got = client.bytes();
    expect(got.subarray(0, serverFrame.length).equals(serverFrame)).toBe(true);
    const close = got.subarray(serverFrame.length);
    expect(close[0]).toBe(0x88);
    expect(close.readUInt16BE(2)).toBe(1008);
    expect(close.length).toBe(4 + close[1] - 2);
    expect(logged).toEqual(['block 0']);
    // The upstream got a masked Close 1008 and never the message.
    const up = upstream.bytes();
    expect(up[0]).toBe(0x88);
    expect(up[1] & 0x80).toBe(0x80);
    expect(up.length).toBe(2 + 4 + (up[1] & 0x7f));
  });
});
