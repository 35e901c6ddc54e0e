import { describe, expect, it } from 'vitest';
import { headRefusal } from '../../src/proxy/request-head.js';

describe('headRefusal', () => {
  it('lets an ordinary head through, repeated list fields included', () => {
    expect(headRefusal(['Host', 'shop.test', 'Accept', 'text/html', 'accept', '*/*', 'Cookie', 'a=1', 'Cookie', 'b=2', 'Content-Type', 'application/json'])).toBeNull();
    expect(headRefusal([])).toBeNull();
  });

  it('refuses a second Host in any case (RFC 9112 §3.2)', () => {
    expect(headRefusal(['Host', 'a.example', 'HOST', 'b.example'])).toMatchObject({ code: 'WARDEN_PROXY_BAD_HOST', status: 400, message: expect.stringMatching(/more than once/) });
  });

  it.each([
    ['Content-Type', 'content-type'],
    ['Authorization', 'AUTHORIZATION'],
  ])('refuses a second %s line, naming it', (first, second) => {
    expect(headRefusal(['Host', 'a.example', first, 'x', second, 'y'])).toMatchObject({ code: 'WARDEN_PROXY_REPEATED_FIELD', status: 400, message: `the ${second} header appears more than once` });
  });

  it('still checks the Host value itself', () => {
    expect(headRefusal(['Host', 'shop.test@evil.example'])).toMatchObject({ code: 'WARDEN_PROXY_BAD_HOST' });
  });
});
