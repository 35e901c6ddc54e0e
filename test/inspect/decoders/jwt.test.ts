import { describe, expect, it } from 'vitest';
import { decodeJwtParts } from '../../../src/inspect/decoders/jwt.js';
import { scanTriggers, TRIGGER_JWT_SHAPE } from '../../../src/inspect/decoders/triggers.js';
import { freshContext } from './context.js';

const part = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url');

describe('jwt decoder', () => {
  const token = `${part({ alg: 'HS256', kid: "1' UNION SELECT 'key' --" })}.${part({ sub: 'alice' })}.c2lnbmF0dXJl`;

  it('decodes header and payload of a JWT (kid injection lives in the header)', () => {
    expect(decodeJwtParts(token, freshContext())).toBe(`{"alg":"HS256","kid":"1' UNION SELECT 'key' --"}\n{"sub":"alice"}`);
  });

  it('accepts a Bearer prefix', () => {
    expect(scanTriggers(`Bearer ${token}`) & TRIGGER_JWT_SHAPE).not.toBe(0);
    expect(decodeJwtParts(`Bearer ${token}`, freshContext())).toContain('UNION SELECT');
  });

  it('does not take host names for JWTs', () => {
    expect(scanTriggers('www.example.com') & TRIGGER_JWT_SHAPE).toBe(0);
  });
});
