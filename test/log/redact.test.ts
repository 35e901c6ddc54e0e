import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDecisionLogger } from '../../src/log/decision-log.js';
import {
  DEFAULT_REDACTED_FIELDS,
  DEFAULT_REDACTED_HEADERS,
  REDACTED,
  luhnValid,
  redactBody,
  redactHeaders,
  redactUrlEncoded,
  redactValues,
  redactionPolicyOf,
  secretField,
} from '../../src/log/redact.js';

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

  it('redacts a malformed or truncated JSON body as text', () => {
    expect(redactBody('{"password": "hunter2", "user": "ann', 'application/json', policy)).toBe(`{"password": "${REDACTED}", "user": "ann`);
  });
});

const defaults = redactionPolicyOf({ redactHeaders: DEFAULT_REDACTED_HEADERS, redactFields: DEFAULT_REDACTED_FIELDS });

describe('secret names (default list)', () => {
  it.each(['password', 'newPassword', 'pass', 'passwd', 'pwd', 'client_secret', 'x-auth-token', 'cardNumber', 'payment[cc_number]', 'cvv', 'ssn', 'api_key', 'user.apiKey'])(
    'redacts %s',
    (name) => expect(secretField(name, defaults)).toBe(true),
  );

  it.each(['passenger', 'compass', 'author', 'cardinal', 'title', 'comment', 'description', 'q'])('keeps %s', (name) => expect(secretField(name, defaults)).toBe(false));

  it('redacts X-Auth-Token, X-Api-Key, Authorization and cookies, and a JWT in any other header', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
    expect(redactHeaders([['X-Auth-Token', 'abc'], ['X-Api-Key', 'k'], ['Authorization', 'Basic eDp5'], ['Cookie', 'sid=1'], ['X-Trace', jwt], ['Accept', '*/*']], defaults)).toEqual({
      'x-auth-token': REDACTED,
      'x-api-key': REDACTED,
      authorization: REDACTED,
      cookie: REDACTED,
      'x-trace': REDACTED,
      accept: '*/*',
    });
  });
});

describe('secret values, wherever they are', () => {
  it('redacts Luhn-valid card numbers, plain or grouped, and keeps other long numbers', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(redactValues('card 4111 1111 1111 1111 ok')).toBe(`card ${REDACTED} ok`);
    expect(redactValues('order 4111111111111112 ok')).toBe('order 4111111111111112 ok');
  });

  it('redacts JWTs, bearer credentials, PEM private keys and AWS access key ids', () => {
    expect(redactValues('t=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abcdef')).toBe(`t=${REDACTED}`);
    expect(redactValues('Authorization was Bearer 9f8e7d6c5b4a39281706')).toBe(`Authorization was Bearer ${REDACTED}`);
    expect(redactValues('-----BEGIN PRIVATE KEY-----\nMIIEvQ\n-----END PRIVATE KEY----- after')).toBe(`${REDACTED} after`);
    expect(redactValues('key AKIAIOSFODNN7EXAMPLE here')).toBe(`key ${REDACTED} here`);
  });

  it('keeps prose that merely mentions an auth scheme', () => {
    expect(redactValues('Basic authentication is discouraged; use a Bearer token instead')).toBe('Basic authentication is discouraged; use a Bearer token instead');
  });

  it('redacts multipart, XML and text bodies by field name', () => {
    const multipart = '--B\r\nContent-Disposition: form-data; name="password"\r\n\r\nhunter2\r\n--B\r\nContent-Disposition: form-data; name="card"\r\n\r\n4111\r\n--B--\r\n';
    expect(redactBody(multipart, 'multipart/form-data', defaults)).not.toMatch(/hunter2|4111/);
    expect(redactBody('<login><user>ann</user><pwd>hunter2</pwd></login>', 'application/xml', defaults)).toBe(`<login><user>ann</user><pwd>${REDACTED}</pwd></login>`);
    expect(redactBody('user: ann\npassword: hunter2\n', 'text/plain', defaults)).toBe(`user: ann\npassword: ${REDACTED}\n`);
  });
});

describe('the decision log', () => {
  it('writes every line through the redaction stage', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'decision-redact-')), 'decisions.log');
    const log = createDecisionLogger(file, 'info', defaults);
    log.warn({ event: 'refused', request: { url: '/login?user=ann&password=hunter2' }, reasons: [{ target: { location: 'body', name: 'password' }, message: 'payload score 0.9 (hunter2)' }] }, 'refused');
    log.flush();
    await new Promise((r) => setTimeout(r, 200));
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('user=ann');
    expect(text).not.toContain('hunter2');
  });
});
