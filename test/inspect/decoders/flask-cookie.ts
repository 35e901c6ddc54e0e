import { createHmac } from 'node:crypto';
import { deflateSync } from 'node:zlib';

/** A Flask session cookie as itsdangerous signs it (salt cookie-session, HMAC key derivation, SHA-1). */
export function flaskSession(secret: string, session: object, compress = false): string {
  const json = JSON.stringify(session);
  const payload = compress ? `.${deflateSync(Buffer.from(json)).toString('base64url')}` : Buffer.from(json).toString('base64url');
  const stamp = Buffer.from([0x67, 0x51, 0x2a, 0x10]).toString('base64url');
  const key = createHmac('sha1', Buffer.from(secret, 'latin1')).update('cookie-session').digest();
  return `${payload}.${stamp}.${createHmac('sha1', key).update(`${payload}.${stamp}`).digest('base64url')}`;
}
