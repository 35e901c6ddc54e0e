import { describe, expect, it } from 'vitest';
import { decodeBase64Text, decodedTextOrNull } from '../../../src/inspect/decoders/base64.js';
import { scanTriggers, TRIGGER_BASE64_SHAPE } from '../../../src/inspect/decoders/triggers.js';
import { freshContext } from './context.js';

const b64 = (s: string): string => Buffer.from(s).toString('base64');
const decode = (s: string): string => decodeBase64Text(s, freshContext());

describe('base64 decoder', () => {
  it('decodes padded, unpadded and url-safe base64 that decodes to text', () => {
    expect(decode(b64("' or 1=1--"))).toBe("' or 1=1--");
    expect(decode(b64('<script>alert(1)</script>').replace(/=+$/, ''))).toBe('<script>alert(1)</script>');
    expect(decode(Buffer.from('??>>union select??').toString('base64url'))).toBe('??>>union select??');
  });

  it('decodes HTTP Basic credentials', () => {
    expect(decode(`Basic ${b64("admin' --:x")}`)).toBe("admin' --:x");
  });

  it('ignores values too short or not shaped like base64', () => {
    expect(scanTriggers('dGVzdA==') & TRIGGER_BASE64_SHAPE).toBe(0); // 8 chars: too short to bother
    expect(scanTriggers('hello world, how are you') & TRIGGER_BASE64_SHAPE).toBe(0);
    expect(scanTriggers(b64('hello there, friend')) & TRIGGER_BASE64_SHAPE).not.toBe(0);
  });

  it('drops words and random tokens that decode to binary', () => {
    for (const s of ['Administrator', 'internationalization', '8f14e45fceea167a5a36dedd4bea2543', 'Zm9vYmFy' + 'AAAAAAAA']) {
      expect(decode(s), s).toBe(s);
    }
  });

  it('decodes base64 wrapped in MIME (76) and PEM (64) lines, CRLF or LF (a SAMLResponse as IdPs post it)', () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><samlp:Response ID="_1">${'a'.repeat(120)}</samlp:Response>`;
    const mime = b64(xml).replace(/(.{76})/g, '$1\r\n');
    const pem = b64(xml).replace(/(.{64})/g, '$1\n');
    expect(scanTriggers(mime) & TRIGGER_BASE64_SHAPE).not.toBe(0);
    expect(decode(mime)).toBe(xml);
    expect(decode(pem)).toBe(xml);
  });

  it('takes no other line break for a wrap: lines of words, or base64 broken at 40, are not base64', () => {
    const broken = b64('hello there, friend, and welcome to the show tonight').replace(/(.{40})/g, '$1\n');
    expect(scanTriggers(broken) & TRIGGER_BASE64_SHAPE).toBe(0);
    expect(scanTriggers('firstline\nsecondline\nthirdline') & TRIGGER_BASE64_SHAPE).toBe(0);
  });

  it('rejects impossible lengths', () => {
    expect(decode('abcdefghijklm')).toBe('abcdefghijklm'); // 13 chars: 4n+1
  });
});

describe('base64 shape', () => {
  it('does not take hex tokens (session ids, hashes) for base64', () => {
    expect(scanTriggers('7d3f9a2c41be4e0f8a6b2d1c9e0f7a3b') & TRIGGER_BASE64_SHAPE).toBe(0);
    expect(scanTriggers('DEADBEEFCAFEBABE1234') & TRIGGER_BASE64_SHAPE).toBe(0);
    expect(scanTriggers('550e8400-e29b-41d4-a716-446655440000') & TRIGGER_BASE64_SHAPE).toBe(0);
  });

  it('does not take digit groups for base64url (they can decode to valid UTF-8 by chance)', () => {
    // 074-060-2591 decodes to the valid UTF-8 "Ӿ>ӭ>۟u", whose ">" used to reach the model.
    expect(decodedTextOrNull(Buffer.from('074-060-2591', 'base64'))).not.toBeNull();
    expect(scanTriggers('074-060-2591') & TRIGGER_BASE64_SHAPE).toBe(0);
    expect(scanTriggers('4111-1111-1111-1111') & TRIGGER_BASE64_SHAPE).toBe(0);
    expect(scanTriggers(Buffer.from("1' or '1'='1").toString('base64url')) & TRIGGER_BASE64_SHAPE).not.toBe(0);
  });
});
