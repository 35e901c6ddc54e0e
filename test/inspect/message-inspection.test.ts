import { describe, expect, it } from 'vitest';
import { createInspector } from '../../src/inspect/build-inspection.js';
import { messageContentType } from '../../src/inspect/message-inspection.js';
import { UNTIMED, finishNow } from '../../src/inspect/work-clock.js';
import type { RawRequest } from '../../src/inspect/types.js';

const source = { ip: '127.0.0.1', port: 5000, peerIp: '127.0.0.1' };
/** A handshake whose query, headers and cookie each hold something a gate would read, were they walked. */
const handshake: RawRequest = {
  method: 'GET',
  url: "/graphql?room=1' OR '1'='1",
  httpVersion: '1.1',
  rawHeaders: ['Host', 'app.test', 'Upgrade', 'websocket', 'User-Agent', 'Mozilla/5.0 () { :; }; /bin/cat /etc/passwd', 'Cookie', 'sid=abc; pref=<script>alert(1)</script>'],
  body: Buffer.alloc(0),
  bodyTruncated: false,
  source,
};
const inspect = createInspector({});
const context = inspect(handshake);

function message(payload: string | Buffer, opcode = 1) {
  const body = Buffer.isBuffer(payload) ? payload : Buffer.from(payload);
  return finishNow(inspect.message(context, body, { messageIndex: 3, opcode, bytes: body.length }, UNTIMED));
}

describe('a WebSocket message as the gates see it', () => {
  it('guesses the media type from the message: JSON that parses, XML, other text, binary untyped', () => {
    expect(messageContentType(1, Buffer.from('{"type":"subscribe","payload":{"query":"{ me { id } }"}}'))).toBe('application/json');
    expect(messageContentType(1, Buffer.from('{not json'))).toBe('text/plain');
    expect(messageContentType(1, Buffer.from('<message to="a@b"><body>hi</body></message>'))).toBe('application/xml');
    expect(messageContentType(1, Buffer.from('hello'))).toBe('text/plain');
    expect(messageContentType(2, Buffer.from('{"a":1}'))).toBe('');
  });

  it("walks the message alone: the handshake's query, headers and cookies are context, not targets", () => {
    const got = message(JSON.stringify({ type: 'chat', text: 'hello' }));
    expect(got.targets.map((t) => `${t.location}:${t.name}`)).toEqual(['body:type', 'body:text']);
    expect(got.findings.filter((f) => f.location !== 'body')).toEqual([]);
    // Context: route, exceptions and reputation keys are the connection's.
    expect(got).toMatchObject({ method: 'GET', path: '/graphql', rawQuery: "room=1' OR '1'='1", host: 'app.test', source, websocket: { messageIndex: 3, opcode: 1 } });
    expect(got.headerMap.get('user-agent')).toContain('Mozilla');
  });

  it('gives the message as pkt_data and file_data and leaves the http_uri and http_header buffers empty', () => {
    const got = message('plain text: see you at 5');
    expect(got.buffers).toEqual({ raw: 'plain text: see you at 5', clientBody: 'plain text: see you at 5', method: '', uri: '', rawUri: '', header: '', rawHeader: '', cookie: '', rawCookie: '' });
  });

  it("makes a JSON message's values body fields, and a binary message's text stretches targets", () => {
    const json = message(JSON.stringify({ filter: { name: "x' UNION SELECT 1-- -" } }));
    expect(json.bodyKind).toBe('json');
    expect(json.targets.find((t) => t.location === 'body')).toMatchObject({ name: 'filter.name', raw: "x' UNION SELECT 1-- -" });
    const binary = message(Buffer.concat([Buffer.from([0, 1, 2, 0xff]), Buffer.from("cmd=;cat /etc/passwd;echo '"), Buffer.from([0xfe, 0])]), 2);
    expect(binary.targets.some((t) => t.location === 'body' && t.raw.includes('cat /etc/passwd'))).toBe(true);
  });

  it('reads an offline record of a message (RawRequest.websocket) as the proxy reads the live one', () => {
    const payload = Buffer.from(JSON.stringify({ op: 'search', q: 'shoes' }));
    const websocket = { messageIndex: 3, opcode: 1, bytes: payload.length };
    const offline = inspect({ ...handshake, body: payload, websocket });
    const live = message(payload);
    for (const key of ['targets', 'buffers', 'bodyKind', 'contentType', 'path', 'rawQuery', 'host', 'websocket'] as const) expect(offline[key]).toEqual(live[key]);
  });
});
