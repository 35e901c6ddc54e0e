import { describe, expect, it } from 'vitest';
import { handshakeRequest, messageContentType, messageRequest } from '../../../src/proxy/websocket/message-request.js';
import { createInspector } from '../../../src/inspect/build-inspection.js';

const source = { ip: '127.0.0.1', port: 5000, peerIp: '127.0.0.1' };
const handshake = handshakeRequest(
  'GET',
  '/graphql?room=1',
  '1.1',
  ['Host', 'app.test', 'Connection', 'Upgrade', 'Upgrade', 'websocket', 'Sec-WebSocket-Key', 'dGhlIHNhbXBsZSBub25jZQ==', 'Sec-WebSocket-Version', '13', 'Sec-WebSocket-Extensions', 'permessage-deflate', 'User-Agent', 'Mozilla/5.0', 'Cookie', 'sid=abc'],
  source,
);

describe('a WebSocket message as the request the gates judge', () => {
  it('guesses the media type from the message: JSON that parses, XML, other text, binary untyped', () => {
    expect(messageContentType(1, Buffer.from('{"type":"subscribe","payload":{"query":"{ me { id } }"}}'))).toBe('application/json');
    expect(messageContentType(1, Buffer.from('{not json'))).toBe('text/plain; charset=utf-8');
    expect(messageContentType(1, Buffer.from('<message to="a@b"><body>hi</body></message>'))).toBe('application/xml');
    expect(messageContentType(1, Buffer.from('hello'))).toBe('text/plain; charset=utf-8');
    expect(messageContentType(2, Buffer.from('{"a":1}'))).toBeNull();
  });

  it("carries the handshake's target and headers, not its WebSocket fields, with the message as body", () => {
    const raw = messageRequest(handshake, 1, Buffer.from('{"q":"x"}'));
    expect(raw.method).toBe('GET');
    expect(raw.url).toBe('/graphql?room=1');
    expect(raw.rawHeaders).toEqual(['Host', 'app.test', 'User-Agent', 'Mozilla/5.0', 'Cookie', 'sid=abc', 'Content-Type', 'application/json', 'Content-Length', '9']);
    expect(raw.source).toBe(source);
  });

  it("makes a JSON message's values body fields, and a binary message's text stretches targets", () => {
    const inspect = createInspector({});
    const json = inspect(messageRequest(handshake, 1, Buffer.from(JSON.stringify({ filter: { name: "x' UNION SELECT 1-- -" } }))));
    expect(json.bodyKind).toBe('json');
    expect(json.targets.find((t) => t.location === 'body')).toMatchObject({ name: 'filter.name', raw: "x' UNION SELECT 1-- -" });
    const binary = inspect(messageRequest(handshake, 2, Buffer.concat([Buffer.from([0, 1, 2, 0xff]), Buffer.from("cmd=;cat /etc/passwd;echo '"), Buffer.from([0xfe, 0])])));
    expect(binary.targets.some((t) => t.location === 'body' && t.raw.includes('cat /etc/passwd'))).toBe(true);
  });
});
