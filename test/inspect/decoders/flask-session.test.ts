import { describe, expect, it } from 'vitest';
import { decodeFlaskSession, PUBLISHED_FLASK_SECRET_KEYS, PUBLISHED_KEY_MARKER } from '../../../src/inspect/decoders/flask-session.js';
import { scanTriggers, TRIGGER_SIGNED_SESSION_SHAPE } from '../../../src/inspect/decoders/triggers.js';
import { freshContext } from './context.js';
import { flaskSession } from './flask-cookie.js';

const SUPERSET_1 = PUBLISHED_FLASK_SECRET_KEYS[0][1];

describe('flask-session decoder', () => {
  it('says which published key signed a forged Superset session (CVE-2023-27524), and decodes it', () => {
    const cookie = flaskSession(SUPERSET_1, { _user_id: 1, user_id: 1 });
    expect(scanTriggers(cookie) & TRIGGER_SIGNED_SESSION_SHAPE).not.toBe(0);
    expect(decodeFlaskSession(cookie, freshContext())).toBe(`${PUBLISHED_KEY_MARKER}superset-default-1\n{"_user_id":1,"user_id":1}`);
  });

  it('inflates a compressed session (a leading dot) and checks its signature over the dotted payload', () => {
    const cookie = flaskSession('CHANGE_ME_TO_A_COMPLEX_RANDOM_SECRET', { _user_id: 2, _fresh: true, _id: 'f'.repeat(128) }, true);
    expect(cookie.startsWith('.eJ')).toBe(true);
    expect(scanTriggers(cookie) & TRIGGER_SIGNED_SESSION_SHAPE).not.toBe(0);
    expect(decodeFlaskSession(cookie, freshContext())).toMatch(new RegExp(`^${PUBLISHED_KEY_MARKER}superset-default-2\\n\\{"_user_id":2,`));
  });

  it('decodes a session signed with the app\'s own key without the published-key line', () => {
    const cookie = flaskSession('k3y-0nly-th1s-deployment-kn0ws-9a7f', { _user_id: 1, csrf_token: 'abc' }, true);
    expect(decodeFlaskSession(cookie, freshContext())).toBe('{"_user_id":1,"csrf_token":"abc"}');
  });

  it('takes a published key\'s payload with a wrong signature for an ordinary session', () => {
    const cookie = flaskSession(SUPERSET_1, { _user_id: 1 });
    const tampered = `${cookie.slice(0, -4)}AAAA`;
    expect(decodeFlaskSession(tampered, freshContext())).toBe('{"_user_id":1}');
  });

  it('leaves values that only look like one alone: a JWT with a 43-character signature, a host name, a dotted version', () => {
    const jwtLike = `${Buffer.from('{"alg":"HS256"}').toString('base64url')}.${Buffer.from('{"sub":"a"}').toString('base64url')}.${'A'.repeat(43)}`;
    expect(decodeFlaskSession(jwtLike, freshContext())).toBe(jwtLike);
    expect(scanTriggers('www.example.com') & TRIGGER_SIGNED_SESSION_SHAPE).toBe(0);
    expect(decodeFlaskSession('.eJwrSS0uAQAEXQH.ZW1abc.not-a-signature', freshContext())).toBe('.eJwrSS0uAQAEXQH.ZW1abc.not-a-signature');
  });

  it('returns the value itself for a compressed payload that is not zlib', () => {
    const bad = `.eJ${'x'.repeat(30)}.ZW1abc.${'A'.repeat(27)}`;
    expect(decodeFlaskSession(bad, freshContext())).toBe(bad);
  });
});
