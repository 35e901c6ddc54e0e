/**
 * A Referer naming a page of the site the request goes to is where the operator clicked, not an address the
 * server is asked to fetch (issue 14, session 26's admin-save families: an admin panel on a private address or
 * localhost whose own settings page is the Referer — `http://172.24.…:2083/cpsess…/filemanager/editit.html?
 * file=…&dir=%2Fetc` 1.0, `http://192.168.88.83/ui/ids#rules` 0.94, kubectl proxy's Dashboard URL 0.99 — the
 * model reads a private host and a bare path as an SSRF or a file read). The request's own host is no SSRF
 * target: the server already is it. What an attack puts in a Referer that the server logs or an analytics
 * job reads is in its query (`?id=1' or '1'='1`), so that is what stays scored.
 *
 * `sameOriginRefererParts(referer, host)`: null unless the Referer is `http(s)://` the request's Host (same
 * host and port, no user info) followed by a plain path (segments of letters, digits, `_ . ~ + - , :` and
 * `@`, percent escapes of those, no `..`) and an optional query and fragment. Else each query value
 * (decoded) and, for a single-page app's `#/route?x=y` fragment, each of its values: the texts to score. A
 * value that is a bare path (path-mention.ts `isMentionablePath`: no traversal, never a credential file) is a
 * file manager's or editor's page naming the file it shows, and is left out; SQL, markup, a traversal or a
 * wrapper in any value is scored as before, and a Referer with anything else in its path is scored whole.
 */
import { decodeFormComponent } from '../inspect/decoders/url.js';
import { isMentionablePath } from './path-mention.js';

const MAX_CHARS = 2048;
const ORIGIN = /^https?:\/\/([^/?#@\s\\]{1,255})(?=[/?#]|$)/i;
/** A plain path: no quote, markup, backslash, `..` segment or encoded byte outside letters, digits and separators. */
const PLAIN_PATH = /^(?:\/(?:[\w.~+,:@-]|%(?:2[dDfF]|3[0-9aA]|[46][1-9a-fA-F]|[57][0-9aA]|5[fF]))*)*$/;
/** A fragment route of a single-page app (`#/pod?namespace=x`, `#rules`), before its own query. */
const FRAGMENT_ROUTE = /^[\w/.~+,:@!-]*$/;

function normalHost(authority: string, https: boolean): string {
  const a = authority.toLowerCase();
  return https ? a.replace(/:443$/, '') : a.replace(/:80$/, '');
}

function queryValues(query: string, out: string[]): void {
  for (const pair of query.split('&')) {
    const eq = pair.indexOf('=');
    const raw = eq < 0 ? pair : pair.slice(eq + 1);
    if (raw === '') continue;
    const value = decodeFormComponent(raw);
    if (!isMentionablePath(value)) out.push(value);
  }
}

/** The texts of a same-origin Referer to score (see above), or null when it is to be scored whole. */
export function sameOriginRefererParts(referer: string, host: string): string[] | null {
  if (referer.length > MAX_CHARS || !host) return null; // a test's or an HTTP/1.0 request's inspection may have no Host
  const origin = ORIGIN.exec(referer);
  if (origin === null) return null;
  const https = referer.charCodeAt(4) === 115 || referer.charCodeAt(4) === 83; // http[s]
  if (normalHost(origin[1], https) !== normalHost(host, https)) return null;
  const rest = referer.slice(origin[0].length);
  const hash = rest.indexOf('#');
  const beforeHash = hash < 0 ? rest : rest.slice(0, hash);
  const q = beforeHash.indexOf('?');
  const path = q < 0 ? beforeHash : beforeHash.slice(0, q);
  if (!PLAIN_PATH.test(path) || /(?:^|\/)\.\.?(?:\/|$)/.test(path)) return null;
  const parts: string[] = [];
  if (q >= 0) queryValues(beforeHash.slice(q + 1), parts);
  if (hash >= 0) {
    const fragment = rest.slice(hash + 1);
    const fq = fragment.indexOf('?');
    const route = fq < 0 ? fragment : fragment.slice(0, fq);
    if (!FRAGMENT_ROUTE.test(route) || route.includes('..')) return null;
    if (fq >= 0) queryValues(fragment.slice(fq + 1), parts);
  }
  return parts;
}
