/**
 * A session id no issuer writes: a session cookie whose value is one short unit repeated
 * (`f213f213f213f213f213f213`, `35d77b` six times, `888888888888888888`). Frameworks and session
 * libraries draw ids from a CSPRNG (OWASP asks for 64 bits of entropy); the chance that a random id of
 * 12 or more characters is a unit of at most 8 repeated is below 16^-6 (one in 16 million) for hex and
 * far less for longer ids or larger alphabets, so such an id was typed or built by whoever sent it: the
 * id an attacker plants to fix a victim's session. A rule cannot say "repeated" (RE2 has no
 * backreferences), so the inspector says it: the cookie's target gets one more form, `MARKER` and the
 * cookie's name, which bundled rule 9001219 reads in `http_cookie`. The same id as a query or form
 * parameter of a session name (`?sid=deadbeefdeadbeef`, a login form's `session_id=`: PHP's trans-sid and
 * frameworks that accept the id from the URL or the body) gets the form too, read by 9001291 in
 * `http_uri` and `http_client_body` (rev 2026-12-07q).
 */
import type { TargetCollector } from './target-collector.js';
import type { TargetLocation } from './types.js';


/** What the added form starts with (bundled rule 9001219 looks for it); the cookie's name follows. */
export const REPEATED_UNIT_SESSION_MARKER = 'session-id-repeated-unit:';

/** The decoder chain the decision log names for a hit on that form (`decoded: session-id`). */
export const SESSION_ID_VIA = 'session-id';

/** Shortest value judged, longest unit: 12 and 8 keep a random id's chance of the shape under 16^-6. */
const MIN_LENGTH = 12;
const MAX_UNIT = 8;

/**
 * Session cookie names, framework and generic, compared without regard to case: any name holding
 * `sess` (PHPSESSID, JSESSIONID, ASPSESSIONID…, ASP.NET_SessionId, laravel_session, sessionid,
 * session_id, ci_session, rack.session, beaker.session.id, SESSION), `sid` and `*.sid` (connect.sid,
 * sails.sid, koa.sid), ColdFusion's CFID and CFTOKEN; (rev 2026-12-18e) a short name ending in `sid`
 * (osCommerce's osCsid, bsid, gsid) and Zen Cart's zenid, applications that take the id from the URL.
 */
const SESSION_COOKIE = /^(?:[\w.-]{0,40}sess[\w.-]{0,40}|[a-z]{0,8}sid|[\w-]{1,20}\.sid|cfid|cftoken|zenid)$/i;

export function isSessionCookieName(name: string): boolean {
  return SESSION_COOKIE.test(name);
}

/** The unit's length when `value` (letters and digits only, 12 characters or more) is a unit of at most 8 repeated; else 0. */
export function repeatedUnitLength(value: string): number {
  const n = value.length;
  if (n < MIN_LENGTH || !/^[A-Za-z0-9]+$/.test(value)) return 0;
  for (let p = 1; p <= MAX_UNIT && p * 2 <= n; p++) {
    if (n % p !== 0) continue;
    let same = true;
    for (let i = p; i < n && same; i++) same = value.charCodeAt(i) === value.charCodeAt(i - p);
    if (same) return p;
  }
  return 0;
}

/** A padded id is judged from 12 to 64 characters (session ids; longer values are encoded stores) by a run of 8. */
const MAX_PADDED_LENGTH = 64;
const MIN_PADDING_RUN = 8;

/**
 * Whether `value` (letters and digits, 12 to 64 characters, at least one letter) holds one character eight
 * times in a row: a word padded to an id's length (`FIXED0000000000000000000000000000`, blind attack set 6).
 * A random hex id of 64 has such a run with a chance near 16^-7 × 57 (2 in 10 million), an alphanumeric one
 * far less; all-digit values are left out, since sequence and timestamp ids (`20241207000000123`) pad with
 * zeros on their own.
 */
export function hasPaddingRun(value: string): boolean {
  const n = value.length;
  if (n < MIN_LENGTH || n > MAX_PADDED_LENGTH || !/^[A-Za-z0-9]+$/.test(value) || !/[A-Za-z]/.test(value)) return false;
  let run = 1;
  for (let i = 1; i < n; i++) {
    run = value.charCodeAt(i) === value.charCodeAt(i - 1) ? run + 1 : 1;
    if (run >= MIN_PADDING_RUN) return true;
  }
  return false;
}

/**
 * The form to add to a cookie's target, or null when the cookie is not a session cookie holding such an id:
 * one short unit repeated, or (rev 2026-12-16i) a word padded by a run of one character; the marker keeps its
 * name, read by 9001219, 9001291 and 9001292 as before.
 */
export function repeatedUnitSessionForm(name: string, value: string): string | null {
  return (repeatedUnitLength(value) > 0 || hasPaddingRun(value)) && isSessionCookieName(name) ? `${REPEATED_UNIT_SESSION_MARKER}${name}` : null;
}

/**
 * Adds the repeated-unit form to the value target just made for `name` at `location`, when `value` is
 * such a session id and the collector made that target (limits may leave it to the raw buffers).
 */
export function markRepeatedUnitSession(collector: TargetCollector, location: TargetLocation, name: string, value: string): void {
  const form = repeatedUnitSessionForm(name, value);
  if (form === null) return;
  const t = collector.targets.at(-1);
  if (t === undefined || t.location !== location || t.role !== 'value' || t.name !== name || t.raw !== value) return;
  const via = t.decodedVia ?? [];
  if (via.length !== t.decoded.length) return;
  // `decoded` may be a shared frozen empty array: a new one, with its chain beside it.
  t.decodedVia = [...via, SESSION_ID_VIA];
  t.decoded = [...t.decoded, form];
}
