/**
 * RFC 9112 §3.2: a server MUST answer 400 to a request whose Host field value is invalid. A Host that is
 * not `host[:port]` — a user name before `@`, a path, a backslash, a space — is how password-reset and
 * cache-poisoning attacks make an application build links to another host; NGINX would pass some of
 * them on. Checked once per request on one header string, before anything else is read.
 */
import { badHost, clipped } from './errors.js';
import type { WardenError } from '../errors.js';

// reg-name (unreserved, pct-encoded, sub-delims) or an IP literal, then an optional port. Empty is valid
// (HTTP/1.0 without Host, or an authority-less target).
const HOST = /^(?:\[[0-9A-Fa-f:.]+(?:%25[\w.~-]+)?\]|[A-Za-z0-9._~!$&'()*+,;=%-]*)(?::\d{0,5})?$/;

/** The refusal for a Host field value that is not `host[:port]`, or null when it is (or absent). */
export function hostRefusal(host: string | undefined): WardenError | null {
  if (host === undefined) return null;
  return HOST.test(host) ? null : badHost(`"${clipped(host)}" is not host[:port]`);
}
