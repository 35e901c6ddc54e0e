/**
 * `warden_lookalike_host` (Warden's own keyword, no value): the address the content or pcre before it
 * matched (the first `//`, `\/` or `/\` and the authority after it, as `warden_foreign_host` reads it)
 * names a host that starts with the request's own Host and goes on past it: `shop.example.test.evil.example`
 * or `shop.example.test-login.example` for Host `shop.example.test` (for a `www.` Host, the site without it
 * too). A subdomain of the site ends with its name, so such a host is never the site; it is the
 * spelling that passes a return-link check written as `startsWith("https://shop.example.test")`, the
 * open-redirect bypass exploits use. Holds only when the match names such a host; the request's own Host,
 * its subdomains and any other host fail it. Before a pcre it also tries that pcre's later matches.
 */
import { addressHost } from './foreign-host.js';
import type { OptionKeyword } from './option-keyword.js';

export const lookalikeHost: OptionKeyword = {
  names: ['warden_lookalike_host'],
  value: 'none',
  apply(_value, rule) {
    rule.detection.push({ kind: 'foreignHost', buffer: rule.currentBuffer(), lookalike: true });
  },
};

/** Whether `text` names, after its first `//`, `\/` or `/\`, a host that extends `own` past a `.` or `-` (module comment). */
export function namesLookalikeHost(text: string, own: string): boolean {
  if (own === '') return false;
  const host = addressHost(text);
  if (host === null) return false;
  const sites = own.startsWith('www.') && own.slice(4).includes('.') ? [own, own.slice(4)] : [own];
  return sites.some((site) => host !== site && !host.endsWith(`.${site}`) && (host.startsWith(`${site}.`) || host.startsWith(`${site}-`)));
}
