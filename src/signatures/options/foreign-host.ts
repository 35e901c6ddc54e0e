/**
 * `warden_foreign_host` (Warden's own keyword, no value): the address the content or pcre before it
 * matched — the first `//`, `\/` or `/\` in the match and the authority after it, up to `/`, `?`, `#`, `\`,
 * `&` or a space — names a host that is not the request's own: not its Host (port aside), not a subdomain
 * of it, and, when the Host starts with `www.`, not the site without it or a subdomain of that. A
 * protocol-relative return link to the site itself (`returnUrl=//www.example-shop.com/p/1` on that host)
 * is not an open redirect; `//evil.example/`, `//www.example-shop.com.evil.example/` and
 * `//www.example-shop.com:x@evil.example/` are. When the match names no host that can be read (no
 * slashes, a percent escape or another character no host has) the option holds: it only ever removes a
 * match on the request's own host. Before a pcre it also tries that pcre's later matches in the same
 * text, so an own-host copy of a parameter does not hide a foreign one (`?next=//own/&next=//evil.example/`).
 */
import type { OptionKeyword } from './option-keyword.js';

export const foreignHost: OptionKeyword = {
  names: ['warden_foreign_host'],
  value: 'none',
  apply(_value, rule) {
    rule.detection.push({ kind: 'foreignHost', buffer: rule.currentBuffer() });
  },
};

/** The host of a Host header value, lower case, without its port or a trailing dot; '' when none. */
export function hostOfHeader(value: string): string {
  let host = value.trim().toLowerCase();
  if (host.startsWith('[')) {
    const close = host.indexOf(']');
    host = close < 0 ? host : host.slice(0, close + 1);
  } else {
    const colon = host.indexOf(':');
    if (colon >= 0) host = host.slice(0, colon);
  }
  return host.endsWith('.') ? host.slice(0, -1) : host;
}

const HOST_CHARS = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])$/;

/**
 * Whether `text` (a match and what follows it in its buffer) names, after its first `//`, `\/` or `/\`,
 * a host that is `own` or under it (see the module comment). False when it names none or `own` is ''.
 */
export function namesOwnHost(text: string, own: string): boolean {
  if (own === '') return false;
  const host = addressHost(text);
  if (host === null) return false;
  if (host === own || host.endsWith(`.${own}`)) return true;
  if (!own.startsWith('www.')) return false;
  const site = own.slice(4);
  return site.includes('.') && (host === site || host.endsWith(`.${site}`));
}

/**
 * The host `text` names after its first `//`, `\/` or `/\` (the authority up to `/`, `?`, `#`, `\`, `&` or
 * a space, user info and port dropped, lower case); null when there is none or it is not a host name or
 * bracketed address.
 */
export function addressHost(text: string): string | null {
  const slashes = /[/\\]{2}/.exec(text);
  if (slashes === null) return null;
  const from = slashes.index + 2;
  let end = from;
  while (end < text.length && !'/?#\\& \t\r\n'.includes(text[end])) end++;
  let authority = text.slice(from, end).toLowerCase();
  const at = authority.lastIndexOf('@');
  if (at >= 0) authority = authority.slice(at + 1);
  const host = hostOfHeader(authority);
  return host !== '' && HOST_CHARS.test(host) ? host : null;
}
