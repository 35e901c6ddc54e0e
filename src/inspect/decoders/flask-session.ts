import { createHmac, timingSafeEqual } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import type { DecodeContext, Decoder } from './decoder.js';
import { decodedTextOrNull } from './base64.js';
import { MAX_INFLATED_BYTES } from './gzip-payload.js';
import { TRIGGER_SIGNED_SESSION_SHAPE } from './triggers.js';

/**
 * Flask's session cookie is itsdangerous' URL-safe timed serializer: `payload.timestamp.signature`,
 * the payload base64url JSON, or `.` + base64url zlib of it; the signature HMAC-SHA1 over
 * `payload.timestamp` with a key derived from the app's SECRET_KEY and the salt `cookie-session`.
 * Whoever knows SECRET_KEY can sign any session (`{"_user_id": 1}` logs in as the first user): apps
 * deployed with a key their vendor published — Apache Superset's shipped defaults (CVE-2023-27524), the
 * keys of its Docker and Helm examples, the Flask tutorial's `dev` — accept a session the client wrote.
 * This decoder hands on the session's JSON (so rules and the model read its claims), and when the
 * signature verifies with one of those published keys, a first line saying so: the cookie was signed
 * with a key anyone has, which an issued session of a correctly deployed app never is.
 */

/** Secret keys published as defaults or copy-paste examples, by where they were published. */
export const PUBLISHED_FLASK_SECRET_KEYS: readonly (readonly [label: string, key: string])[] = [
  ['superset-default-1', '\x02\x01thisismyscretkey\x01\x02\\e\\y\\y\\h'],
  ['superset-default-2', 'CHANGE_ME_TO_A_COMPLEX_RANDOM_SECRET'],
  ['superset-docker', 'thisISaSECRET_1234'],
  ['superset-docs', 'YOUR_OWN_RANDOM_GENERATED_SECRET_KEY'],
  ['superset-helm-test', 'TEST_NON_DEV_SECRET'],
  ['flask-tutorial', 'dev'],
];

/** What the first line of a verified session's decoded form starts with (bundled rule 9001344 looks for it). */
export const PUBLISHED_KEY_MARKER = 'flask-session-signed-with-published-key:';

const SALT = 'cookie-session';

/** itsdangerous' `key_derivation='hmac'`: HMAC(secret, salt); computed once per published key. */
const DERIVED_KEYS: readonly (readonly [string, Buffer])[] = PUBLISHED_FLASK_SECRET_KEYS.map(([label, key]) => [label, createHmac('sha1', Buffer.from(key, 'latin1')).update(SALT).digest()]);

/** payload (optionally `.`-prefixed), timestamp, 20-byte signature in base64url without padding. */
const SIGNED_SESSION = /^(\.?[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]{4,12})\.([A-Za-z0-9_-]{27})$/;

/** The published key that signed `signed` (`payload.timestamp`), or null. */
export function publishedKeyOf(signed: string, signature: Buffer): string | null {
  if (signature.length !== 20) return null;
  for (const [label, key] of DERIVED_KEYS) {
    if (timingSafeEqual(createHmac('sha1', key).update(signed).digest(), signature)) return label;
  }
  return null;
}

/** The session JSON of an itsdangerous-signed value (inflated when `.`-prefixed), or null when it is not one. */
function sessionText(payload: string): string | null {
  const compressed = payload.startsWith('.');
  let bytes = Buffer.from(compressed ? payload.slice(1) : payload, 'base64url');
  if (compressed) {
    try {
      bytes = inflateSync(bytes, { maxOutputLength: MAX_INFLATED_BYTES });
    } catch {
      return null;
    }
  }
  const text = decodedTextOrNull(bytes);
  return text !== null && text.startsWith('{') ? text : null;
}

export function decodeFlaskSession(s: string, _context: DecodeContext): string {
  const m = SIGNED_SESSION.exec(s);
  if (m === null) return s;
  const signed = m[1];
  const payload = signed.slice(0, signed.lastIndexOf('.'));
  const text = sessionText(payload);
  if (text === null) return s;
  const key = publishedKeyOf(signed, Buffer.from(m[2], 'base64url'));
  return key === null ? text : `${PUBLISHED_KEY_MARKER}${key}\n${text}`;
}

export const flaskSessionDecoder: Decoder = {
  name: 'flask-session',
  triggers: TRIGGER_SIGNED_SESSION_SHAPE,
  decode: decodeFlaskSession,
};
