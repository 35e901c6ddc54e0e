/**
 * What is refused from the request head alone, before any gate: a Host that is not `host[:port]`
 * (host-header.ts), and a second Host, Content-Type or Authorization line. Node keeps the first of
 * each for the gates and access control, but the request goes upstream with every line, and what
 * stands behind may read them otherwise (a server that joins them, a framework that takes the last):
 * the body read as another type than the one inspected, a token other than the one verified. No
 * client sends two (RFC 9110 §5.3: none of them is a list), and RFC 9112 §3.2 asks for a 400 on two
 * Hosts, which Node's deduplicated `headers.host` hid (undici then refused the request: a 502).
 */
import { badHost, repeatedField } from './errors.js';
import { hostRefusal } from './host-header.js';
import type { WardenError } from '../errors.js';

const HOST = 1;
const CONTENT_TYPE = 2;
const AUTHORIZATION = 4;

/** One of the fields a request may carry once, by its name (any case), or 0. Lengths first: most names are none. */
function singleton(name: string): number {
  switch (name.length) {
    case 4:
      return name.toLowerCase() === 'host' ? HOST : 0;
    case 12:
      return name.toLowerCase() === 'content-type' ? CONTENT_TYPE : 0;
    case 13:
      return name.toLowerCase() === 'authorization' ? AUTHORIZATION : 0;
    default:
      return 0;
  }
}

/** The refusal of a request head (Node's `rawHeaders`: name, value, ...), or null when it may go on. */
export function headRefusal(rawHeaders: readonly string[]): WardenError | null {
  let seen = 0;
  let host: string | undefined;
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const field = singleton(rawHeaders[i]);
    if (field === 0) continue;
    if ((seen & field) !== 0) return field === HOST ? badHost('Host appears more than once') : repeatedField(rawHeaders[i]);
    seen |= field;
    if (field === HOST) host = rawHeaders[i + 1];
  }
  return hostRefusal(host);
}
