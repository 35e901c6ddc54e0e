import { describe, expect, it } from 'vitest';
import { REDACTED, redactBody, redactHeaders, redactUrlEncoded } from '../../src/log/redact.js';

const policy = { headers: new Set(['authorization', 'cookie']), fields: ['password', 'token', 'secret'] };

describe('redaction for the traffic log', () => {
  it('redacts credential headers and keeps the others', () => {
    expect(redactHeaders([['Authorization', 'Bearer abc'], ['Accept', '*/*'], ['Cookie', 'sid=1']], policy)).toEqual({
      authorization: REDACTED,
      accept: '*/*',
      cookie: REDACTED,
    });
  });

  it('redacts secret-named query and form fields, keeping the rest byte-for-byte', () => {
    expect(redactUrlEncoded('user=ann&new_password=hunter2&q=a%20b', policy)).toBe(`user=ann&new_password=${encodeURIComponent(REDACTED)}&q=a%20b`);
    expect(redactUrlEncoded('q=a%20b&x', policy)).toBe('q=a%20b&x');
  });

  it('redacts secret-named JSON keys at any depth', () => {
    const out = JSON.parse(redactBody('{"user":{"name":"ann","accessToken":"t"},"items":[{"secretAnswer":"x"}]}', 'application/json', policy));
    expect(out).toEqual({ user: { name: 'ann', accessToken: REDACTED }, items: [{ secretAnswer: REDACTED }] });
  });

  it('keeps a malformed JSON body as it is', () => {
    expect(redactBody('{"password": ', 'application/json', policy)).toBe('{"password": ');
  });
});
