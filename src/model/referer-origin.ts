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

function queryValues(query: string, out: string[], mentions: boolean): void {
  for (const pair of query.split('&')) {
    const eq = pair.indexOf('=');
    const raw = eq < 0 ? pair : pair.slice(eq + 1);
    if (raw === '') continue;
    const value = decodeFormComponent(raw);
    if (!mentions || !isMentionablePath(value)) out.push(value);
  }
}

/**
 * A host by name on another site (a Grafana dashboard that queries a data source through the cluster's proxy:
 * `https://grafana.internal/d/bYjhjyxaf/rabbitmq?orgId=1&var-namespace=istio-system`, 0.91 whole): a DNS name whose
 * last label is letters, an optional port; no IP literal, no `localhost`, no cloud metadata name.
 */
const NAMED_HOST = /^[a-z][a-z0-9-]{0,62}(?:\.[a-z0-9-]{1,63}){0,6}\.[a-z]{2,24}(?::\d{1,5})?$/i;

/** The texts of a same-origin Referer to score (see above), or null when it is to be scored whole. */
export function sameOriginRefererParts(referer: string, host: string): string[] | null {
  if (referer.length > MAX_CHARS || !host) return null; // a test's or an HTTP/1.0 request's inspection may have no Host
  const origin = ORIGIN.exec(referer);
  if (origin === null) return null;
  const https = referer.charCodeAt(4) === 115 || referer.charCodeAt(4) === 83; // http[s]
  if (normalHost(origin[1], https) !== normalHost(host, https)) return null;
  return plainAddressParts(referer.slice(origin[0].length), false);
}

/**
 * The texts of a Referer naming a page of another site by host name (NAMED_HOST) to score: its path and every query
 * value (bare paths too: that page's server is not the one asked), or null when it is to be scored whole. The
 * address itself is no SSRF target of this request's server, which only receives it.
 */
export function namedHostRefererParts(referer: string): string[] | null {
  if (referer.length > MAX_CHARS) return null;
  const origin = ORIGIN.exec(referer);
  if (origin === null || !NAMED_HOST.test(origin[1]) || /metadata|localhost|instance-data/i.test(origin[1])) return null;
  const parts = plainAddressParts(referer.slice(origin[0].length), true);
  // Only values of plain words (`orgId=1&var-namespace=istio-system`, `from=now-6h`) are taken apart: a search
  // engine's referrer (`?q=select+union`, `images?q=http://%60www.google.com/`) measured fewer false positives whole
  // (3 of the apache log's blocked as parts), and a value with a space, quote, bracket or markup is scored in it as before.
  return parts === null || parts.some((p, k) => k > 0 && !PLAIN_VALUE.test(p)) ? null : parts;
}
const PLAIN_VALUE = /^[\w.,~+@-]{0,200}$/;

/** A plain path's query and fragment values (with the path itself when `crossSite`), or null for anything else in the path. */
function plainAddressParts(rest: string, crossSite: boolean): string[] | null {
  const hash = rest.indexOf('#');
  const beforeHash = hash < 0 ? rest : rest.slice(0, hash);
  const q = beforeHash.indexOf('?');
  const path = q < 0 ? beforeHash : beforeHash.slice(0, q);
  if (!PLAIN_PATH.test(path) || /(?:^|\/)\.\.?(?:\/|$)/.test(path)) return null;
  const parts: string[] = [];
  if (crossSite) parts.push(path); // first, so the caller tells it from the values
  if (q >= 0) queryValues(beforeHash.slice(q + 1), parts, !crossSite);
  if (hash >= 0) {
    const fragment = rest.slice(hash + 1);
    const fq = fragment.indexOf('?');
    const route = fq < 0 ? fragment : fragment.slice(0, fq);
    if (!FRAGMENT_ROUTE.test(route) || route.includes('..')) return null;
    if (fq >= 0) queryValues(fragment.slice(fq + 1), parts, !crossSite);
  }
  return parts;
}
