import { DUPLICATE_SINGLETON_HEADER } from './findings.js';
import { latin1ToUtf8 } from './text/latin1-to-utf8.js';
import { isNegotiationList } from './negotiation-list.js';
import { forwardedPairs } from './forwarded-header.js';
import { basicUserId } from './basic-credentials.js';
import type { TargetCollector } from './target-collector.js';

export interface HeaderFields {
  headers: Array<readonly [string, string]>;
  headerMap: Map<string, string>;
  /** Cookie header values as sent, in order. */
  cookies: string[];
}

/** Headers a request carries once; two of them mean two parsers may disagree about the request (smuggling, host confusion). */
const SINGLETONS = new Set(['host', 'content-type', 'content-length', 'transfer-encoding', 'authorization']);

/**
 * Not targets: values whose format the HTTP parser has already validated, so no payload fits in them.
 * Everything else the client sends — User-Agent, Referer, X-Forwarded-For, custom headers — is a target.
 * Cookie is targeted per cookie instead.
 */
const NON_TARGET = new Set(['content-length', 'cookie']);

/** Content negotiation headers: when the value is a well-formed list it is a target, but not decoded. */
const NEGOTIATION = new Set(['accept', 'accept-language', 'accept-encoding', 'accept-charset', 'te']);

export function readHeaderFields(rawHeaders: readonly string[]): HeaderFields {
  const headers: Array<readonly [string, string]> = [];
  const headerMap = new Map<string, string>();
  const cookies: string[] = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i];
    const value = rawHeaders[i + 1];
    headers.push([name, value]);
    const lower = name.toLowerCase();
    const previous = headerMap.get(lower);
    if (lower === 'cookie') {
      cookies.push(value);
      headerMap.set(lower, previous === undefined ? value : `${previous}; ${value}`);
    } else headerMap.set(lower, previous === undefined ? value : `${previous}, ${value}`);
  }
  return { headers, headerMap, cookies };
}

/** Adds one target per attacker-controlled header value and reports repeated singleton headers. */
export function addHeaderTargets(collector: TargetCollector, headers: ReadonlyArray<readonly [string, string]>): void {
  let seen: Set<string> | null = null;
  for (const [name, value] of headers) {
    const lower = name.toLowerCase();
    if (SINGLETONS.has(lower)) {
      seen ??= new Set();
      if (seen.has(lower)) collector.report(DUPLICATE_SINGLETON_HEADER, [name], 'header', name);
      seen.add(lower);
    }
    if (NON_TARGET.has(lower) && (lower !== 'content-length' || /^\d+$/.test(value))) continue;
    if (lower === 'forwarded') {
      const pairs = forwardedPairs(latin1ToUtf8(value));
      if (pairs !== null) {
        for (const [key, pairValue] of pairs) collector.add('header', `${name}.${key}`, 'value', pairValue);
        continue;
      }
    }
    const decode = !(NEGOTIATION.has(lower) && isNegotiationList(value));
    collector.add('header', name, 'value', latin1ToUtf8(value), false, decode);
    if (lower === 'authorization') {
      const user = basicUserId(value);
      if (user !== null) collector.add('header', `${name}.user`, 'value', user);
    }
  }
}
