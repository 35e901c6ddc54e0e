import { describe, expect, it } from 'vitest';
import { buildInspection } from '../../../src/inspect/build-inspection.js';
import { rawRequest } from '../raw-request.js';

function inspect(contentType: string | null, body: string | Buffer) {
  const headers: Array<[string, string]> = contentType === null ? [] : [['Content-Type', contentType]];
  const inspection = buildInspection(rawRequest('POST', '/submit', headers, body));
  return {
    kind: inspection.bodyKind,
    body: inspection.targets.filter((t) => t.location === 'body').map((t) => [t.name, t.raw]),
    codes: inspection.findings.map((f) => f.code),
  };
}

describe('body kind: shape beats label', () => {
  it('inspects JSON labelled text/plain as JSON, and says the label lied', () => {
    const r = inspect('text/plain', '{"q":"1 union select"}');
    expect(r.kind).toBe('json');
    expect(r.body).toEqual([['q', '1 union select']]);
    expect(r.codes).toEqual(['WARDEN_INSPECT_CONTENT_TYPE_MISMATCH']);
  });

  it('inspects JSON sent as a form as JSON', () => {
    expect(inspect('application/x-www-form-urlencoded', '{"q":"x"}').kind).toBe('json');
  });

  it('inspects JSON with no Content-Type as JSON without a mismatch finding', () => {
    const r = inspect(null, '[{"a":"b"}]');
    expect(r.kind).toBe('json');
    expect(r.codes).toEqual([]);
  });

  it('inspects XML labelled as JSON as XML', () => {
    const r = inspect('application/json', '<r><a>x</a></r>');
    expect(r.kind).toBe('xml');
    expect(r.codes).toEqual(['WARDEN_INSPECT_CONTENT_TYPE_MISMATCH']);
  });

  it('keeps a label whose body does not parse as the sniffed shape, and falls back to a text target', () => {
    const r = inspect('application/json', '{not json at all');
    expect(r.kind).toBe('json');
    expect(r.codes).toEqual(['WARDEN_INSPECT_MALFORMED_JSON']);
    expect(r.body).toEqual([['body', '{not json at all']]);
  });

  it('walks JSON lines: every document, later lines named [n], whether labelled NDJSON, JSON or text/plain', () => {
    const bulk = '{"index":{"_index":"logs"}}\n{"msg":"1 union select"}\n\n[{"q":"x"}]\n';
    const walked = [['index._index', 'logs'], ['[1].msg', '1 union select'], ['[2][0].q', 'x']];
    expect(inspect('application/x-ndjson', bulk)).toMatchObject({ kind: 'json', body: walked, codes: [] });
    expect(inspect('application/json', bulk)).toMatchObject({ kind: 'json', body: walked, codes: [] });
    // A Sentry envelope is sent as text/plain (no CORS preflight): read as JSON, the label noted.
    expect(inspect('text/plain;charset=UTF-8', bulk)).toMatchObject({ kind: 'json', body: walked, codes: ['WARDEN_INSPECT_CONTENT_TYPE_MISMATCH'] });
  });

  it('does not take two documents on one line, or a broken later line, for JSON lines', () => {
    expect(inspect('application/json', '{"a":"b"} {"c":"d"}').codes).toEqual(['WARDEN_INSPECT_MALFORMED_JSON']);
    const broken = inspect('application/x-ndjson', '{"a":"b"}\n{"c":');
    expect(broken.codes).toEqual(['WARDEN_INSPECT_MALFORMED_JSON']);
    expect(broken.body).toContainEqual(['body', '{"a":"b"}\n{"c":']);
    expect(inspect('text/plain', '{"a":"b"}\nnot json').kind).toBe('text');
  });

  it('reads an EBCDIC body as the server will: a percent-encoded form (IIS) or raw bytes, and notes the charset', () => {
    // username=admin' or 1=1--&password=x, each name and value percent-encoded in IBM037 (the EBCDIC charset bypass).
    const form = inspect('application/x-www-form-urlencoded; charset=ibm037', '%A4%A2%85%99%95%81%94%85=%81%84%94%89%95%7D%40%96%99%40%F1%7E%F1%60%60&%97%81%A2%A2%A6%96%99%84=%A7');
    expect(form.kind).toBe('form');
    expect(form.codes).toContain('WARDEN_INSPECT_UNUSUAL_CHARSET');
    // As a UTF-8 form: the raw value is its percent-encoding, decoded like any form value. Its bytes
    // are ASCII too, so the reading of a server that ignores the charset follows (noise here).
    expect(form.body.slice(0, 2)).toEqual([['username', "admin'%20or%201%3D1--"], ['password', 'x']]);
    // {"q":"<script>alert(1)</script>"} as IBM500 bytes.
    const json = inspect('application/json; charset=IBM500', Buffer.from('c07f987f7a7f4ca283998997a36e81938599a34df15d4c61a283998997a36e7fd0', 'hex'));
    expect(json).toMatchObject({ kind: 'json', body: [['q', '<script>alert(1)</script>']] });
  });

  it('also reads an ASCII body declared UTF-16, UTF-32 or EBCDIC as written: a server that ignores the charset does', () => {
    // PHP parses a form's bytes whatever the charset says; Jackson sniffs JSON's encoding from its bytes.
    const attack = "' union select password from users--";
    for (const charset of ['utf-16le', 'utf-16', 'utf-32', 'ibm037']) {
      const form = inspect(`application/x-www-form-urlencoded; charset=${charset}`, `q=${encodeURIComponent(attack)}`);
      expect(form.body).toContainEqual(['q', encodeURIComponent(attack)]);
      const json = inspect(`application/json; charset=${charset}`, JSON.stringify({ q: attack }));
      expect(json.body).toContainEqual(['q', attack]);
    }
    // A real UTF-16 body has NULs: one reading, the transcoded one.
    expect(inspect('application/json; charset=utf-16le', Buffer.from('{"q":"x"}', 'utf16le')).body).toEqual([['q', 'x']]);
  });

  it('reads a UTF-32 body (BOM or charset) as text', () => {
    const r = inspect('application/json; charset=utf-32', Buffer.from('fffe00007b0000002200000071000000220000003a00000022000000310000002700000020000000750000006e000000690000006f0000006e0000002000000073000000650000006c0000006500000063000000740000002000000032000000220000007d000000', 'hex'));
    expect(r).toMatchObject({ kind: 'json', body: [['q', "1' union select 2"]] });
  });

  it('reads UTF-32 JSON without a BOM in the byte order its first bytes show, under charset=utf-32 or none (Jackson sniffs it)', () => {
    const text = JSON.stringify({ q: "1' union select 2" });
    const wide = (order: 'le' | 'be'): Buffer => {
      const b = Buffer.alloc(text.length * 4);
      for (let i = 0; i < text.length; i++) (order === 'le' ? b.writeUInt32LE.bind(b) : b.writeUInt32BE.bind(b))(text.charCodeAt(i), i * 4);
      return b;
    };
    for (const [type, order] of [['application/json; charset=utf-32', 'le'], ['application/json; charset=utf-32', 'be'], ['application/json', 'le'], ['application/json', 'be']] as const) {
      expect(inspect(type, wide(order)), `${type} ${order}`).toMatchObject({ kind: 'json', body: [['q', "1' union select 2"]] });
    }
    // UTF-16 with no BOM is still read as UTF-16: `{` and one NUL, then text.
    expect(inspect('application/json', Buffer.from(text, 'utf16le')).body).toEqual([['q', "1' union select 2"]]);
  });

  it('reads a form-shaped body with no label or text/plain as a form (text/plain forms are legitimate)', () => {
    expect(inspect(null, 'a=1&b=%27x')).toMatchObject({ kind: 'form', body: [['a', '1'], ['b', '%27x']], codes: [] });
    expect(inspect('text/plain', 'a=1&b=2')).toMatchObject({ kind: 'form', codes: [] });
  });

  it('reads a text/plain sentence as one text target', () => {
    expect(inspect('text/plain', 'Hello, <b>world</b>!')).toMatchObject({ kind: 'text', body: [['body', 'Hello, <b>world</b>!']] });
  });

  it('reads an HTML-ish text body as text, not as XML, when it is not well-formed', () => {
    expect(inspect('text/plain', '<script>alert(1)</script> and more').kind).toBe('text');
  });

  // A control byte beside a short payload made the body "binary" (over 5 % control bytes): no model, no value rule.
  it('reads a body labelled text as text whatever control bytes it holds; an unlabelled or octet-stream one is still tested', () => {
    const payload = "\x01' AND SLEEP(5)-- ";
    expect(inspect('text/plain', payload)).toMatchObject({ kind: 'text', body: [['body', payload]] });
    expect(inspect('text/csv', `8=FIX.4.4\x0135=D\x01${payload}\x01`)).toMatchObject({ kind: 'text', body: [['body', `8=FIX.4.4\x0135=D\x01${payload}\x01`]] });
    expect(inspect('application/octet-stream', payload).kind).toBe('binary');
    expect(inspect(null, payload).kind).toBe('binary');
  });

  // Session 34 (ev34): the same payload after a \x01, or framed (protobuf, length prefix), passed every value rule and the model.
  it('reads the printable stretches of an unlabelled or octet-stream binary body as targets (text windows)', () => {
    const payload = "1' AND SLEEP(5)-- ";
    expect(inspect('application/octet-stream', `\x01${payload}`)).toMatchObject({ kind: 'binary', body: [['body[text:0]', payload]] });
    expect(inspect(null, `\x01${payload}`)).toMatchObject({ kind: 'binary', body: [['body[text:0]', payload]] });
    const frame = Buffer.concat([Buffer.from([0x08, 0x96, 0x01, 0x12, payload.length]), Buffer.from(payload), Buffer.from([0x1a, 0x02, 0x65, 0x6e])]);
    expect(inspect(null, frame).body).toEqual([['body[text:0]', payload]]);
    // A type that names other bytes (image/png) is not read so, nor a stretch under 12 chars; application/x-protobuf
    // is walked field by field since session 35 (protobuf-fields.test.ts).
    expect(inspect('image/png', frame).body).toEqual([]);
    expect(inspect('application/x-protobuf', frame).body).toEqual([['2', payload], ['3', 'en']]);
    expect(inspect(null, Buffer.from('\x01\x02short one\x03\x04')).body).toEqual([]);
  });

  it('gives no windows to a binary file with strings of its own (more than 16 stretches: an executable, a font, a catalogue)', () => {
    const strings = Array.from({ length: 17 }, (_, i) => `symbol_name_${i}_x`).join('\x00\x01');
    expect(inspect('application/octet-stream', Buffer.from(`\x7fELF\x02\x01\x01\x00${strings}`)).body).toEqual([]);
    const sixteen = Array.from({ length: 16 }, (_, i) => `symbol_name_${i}_x`).join('\x00\x01');
    expect(inspect('application/octet-stream', Buffer.from(`\x7fELF\x02\x01\x01\x00${sixteen}`)).body).toHaveLength(16);
  });

  it('leaves binary bodies to the clientBody buffer', () => {
    const r = inspect('application/octet-stream', Buffer.from([0, 1, 2, 3, 4, 5, 0xff, 0xfe]));
    expect(r).toEqual({ kind: 'binary', body: [], codes: [] });
  });

  it('treats +json and +xml media types as JSON and XML', () => {
    expect(inspect('application/vnd.api+json', '{"a":"b"}').kind).toBe('json');
    expect(inspect('application/soap+xml; charset=utf-8', '<a>b</a>').kind).toBe('xml');
  });

  it('reports a truncated body as info, and no malformed finding for the cut', () => {
    const inspection = buildInspection(rawRequest('POST', '/', [['Content-Type', 'application/json']], '{"a":"b","c":"d', true));
    expect(inspection.findings.map((f) => [f.code, f.severity])).toEqual([['WARDEN_INSPECT_BODY_TRUNCATED', 'info']]);
  });
});

describe('body charset', () => {
  it('transcodes UTF-16 JSON (with or without BOM, either byte order) and reports it', () => {
    const json = '{"q":"1 union select"}';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, 'utf16le')]);
    const beNoBom = Buffer.from(json, 'utf16le').swap16();
    for (const body of [le, beNoBom, Buffer.from(json, 'utf16le')]) {
      const r = inspect('application/json', body);
      expect(r.body).toEqual([['q', '1 union select']]);
      expect(r.codes).toEqual(['WARDEN_INSPECT_UTF16_BODY']);
    }
  });

  it('transcodes UTF-16 XML announced by the charset parameter', () => {
    const r = inspect('application/xml; charset=utf-16le', Buffer.from('<a>x</a>', 'utf16le'));
    expect(r.body).toEqual([['/a', 'x']]);
  });

  it('reads a little-endian document sent under a bare charset=utf-16 (no BOM) little-endian, as XML parsers do', () => {
    const xml = '<?xml version="1.0" encoding="UTF-16"?><a>x</a>';
    expect(inspect('text/xml; charset=UTF-16', Buffer.from(xml, 'utf16le')).body).toEqual([['/a', 'x']]);
    expect(inspect('text/xml; charset=utf-16', Buffer.from(xml, 'utf16le').swap16()).body).toEqual([['/a', 'x']]);
    expect(inspect('text/plain; charset=utf-16', Buffer.from('hi there', 'utf16le').swap16()).codes).toEqual(['WARDEN_INSPECT_UTF16_BODY']);
  });

  it('reports an unusual charset such as EBCDIC ibm037', () => {
    expect(inspect('application/x-www-form-urlencoded; charset=ibm037', 'a=b').codes).toEqual(['WARDEN_INSPECT_UNUSUAL_CHARSET']);
    expect(inspect('application/json; charset=UTF-8', '{"a":"b"}').codes).toEqual([]);
  });
});
