/**
 * Whole values whose punctuation is their own notation, not an injection's, and which the model misreads (blind benign
 * sets 9-11, read): sizes and amounts with feet and inch marks, bracket-only test input, the image tag a report quotes,
 * an SPF record and a blocklist's host rule. The screen (screen.ts) does not send them to the model; each shape leaves
 * no room for a keyword, a command, a tag or a file beside its marks.
 */

/**
 * A measurement or a quantity as the whole value: a product's size with feet and inch marks (`7-1/2" x 9-1/2"`,
 * `5'3" x 7'6"`, `2" x 6" x 12'`), a recipe's or food log's amount (`1/2 cup (40 g)`, `3/4 cup`), a setting in units
 * (`17 GPM @ 60 PSI`). The inch mark is a double quote and the foot mark an apostrophe, and the model reads them as a
 * string's end (blind benign set 11, read: a frame's mat opening `7-1/2" x 9-1/2"` 0.91, a food log's `1/2 cup (40 g)`
 * 0.94). Numbers (fractions, decimals), a mark right after a number, unit words after a plain number, and `x`, `/`, `-`,
 * `@`, `,` between terms, with one group in parentheses at the end: no keyword, operator or name an injection needs.
 * `in` (inches) is also SQL's IN, so it counts as a unit only in a value with no quote mark.
 */
const NUMBER = String.raw`(?:\d{1,6}(?:[.,]\d{1,4})?(?:[- ]\d{1,3}\/\d{1,3})?|\d{1,3}\/\d{1,3})`;
const UNIT = 'inch|inches|ft|feet|foot|yd|yds|mm|cm|m|km|mi|g|kg|mg|lb|lbs|oz|cups?|tsp|tbsp|ml|l|qt|pt|gal|pcs?|ct|pk|awg|ga|psi|gpm|mph|kph|w|kw|v|mah|hz|khz|rpm';
function measurementShape(units: string): RegExp {
  const term = String.raw`(?:${NUMBER}(?:'(?:${NUMBER}")?|")|${NUMBER}(?:%|°[CF]?)?(?:\s?(?:${units})\.?)?)`;
  const terms = String.raw`${term}(?:(?:\s{0,3}[x×\/,@~+–-]\s{0,3}|\s{1,3}|\s(?:to)\s)${term}){0,7}`;
  return new RegExp(String.raw`^${terms}(?:\s{0,3}\(${terms}\))?$`, 'i');
}
const MEASUREMENT = measurementShape(UNIT);
const MEASUREMENT_WITH_IN = measurementShape(`in|${UNIT}`);

export function isMeasurement(text: string): boolean {
  if (text.length > 80) return false;
  return (text.includes("'") || text.includes('"') ? MEASUREMENT : MEASUREMENT_WITH_IN).test(text);
}

/**
 * Brackets, marks and spaces with no letter or digit, every bracket closed after it opened (`{[()]}` and `([)]` as a
 * coding test's input lines, `:-)!` is not one: its `)` closes nothing): blind benign set 10, read: a balanced-brackets
 * exercise's `stdin` 0.84. Without a word there is no keyword, command, function, tag or file for the marks to join,
 * and with no closer ahead of its opener nothing leaves the context the value sits in. Quotes, `<`, `>`, `;`, `|`, `$`,
 * `&`, `*`, `/`, backquotes, backslashes, `%` escapes and control characters stay scored: an LDAP filter's `*)(&`, an
 * XPath `//*` and a lone `}` closing a template are attack fragments of the shared lists.
 */
const PUNCTUATION_ONLY = /^[!#()+,\-.:=?@[\]^_{}~ \t\r\n]{3,4096}$/;
const OPENER = '([{';
const CLOSER = ')]}';

export function isPunctuationOnly(text: string): boolean {
  if (!PUNCTUATION_ONLY.test(text)) return false;
  const depth = [0, 0, 0];
  let brackets = 0;
  for (let i = 0; i < text.length; i++) {
    const open = OPENER.indexOf(text[i]);
    if (open >= 0) {
      depth[open]++;
      brackets++;
      continue;
    }
    const close = CLOSER.indexOf(text[i]);
    if (close >= 0 && --depth[close] < 0) return false;
  }
  return brackets > 0 && depth[0] === 0 && depth[1] === 0 && depth[2] === 0;
}

/**
 * One `<img>` element whose image is a file on the same site and whose other attributes are presentational (`<img
 * src="/img/hero.jpg" class="hero">`): the element an accessibility or test report quotes as the failing node (blind
 * benign set 10, read: axe-core's `nodes[0].html`, 0.91). An allow-list sanitiser keeps it as it is: no event handler, no
 * `srcset`, no script or data URL, no other host (a tracking pixel), and double-quoted values without a quote or `<`.
 */
const INERT_IMAGE_TAG =
  /^<img(?:\s+(?:src="\/?[\w-]{1,64}(?:\/[\w.-]{1,64}){0,8}\.(?:png|jpe?g|gif|webp|avif|svg|ico)"|(?:alt|class|id|title|width|height|loading|decoding|role)="[^"<>&`\\]{0,200}"|aria-[a-z]{1,20}="[^"<>&`\\]{0,200}"))+\s*\/?>$/i;

export function isInertImageTag(text: string): boolean {
  return text.length <= 600 && INERT_IMAGE_TAG.test(text) && /\ssrc="/i.test(text) && !/\ssrc="[^"]*"[^>]*\ssrc=/i.test(text);
}

/**
 * An SPF policy as a DNS panel or a domain-verification tool saves it, bare or in the TXT record's quotes (`"v=spf1
 * include:_spf.example.com ip4:203.0.113.0/24 ip6:2001:db8::/32 -all"`): blind benign set 9, read: 0.91. Mechanisms with
 * a qualifier and a domain, address or prefix, nothing else; SPF's `%{…}` macros and any quote, space or mark inside an
 * argument are left to the model.
 */
const SPF_RECORD = /^("?)v=spf1(?: {1,3}[+~?-]?(?:all|(?:include|a|mx|ptr|exists|ip4|ip6|redirect|exp)(?:[:=/][A-Za-z0-9_.:/-]{1,253})?))+ {0,3}\1$/i;

export function isSpfRecord(text: string): boolean {
  return text.length <= 512 && SPF_RECORD.test(text);
}

/**
 * A DNS blocklist's host rule in Adblock syntax (`||ads.example.net^`, `@@||cdn.example.net^$important`), as AdGuard
 * Home, Pi-hole and uBlock lists save them: blind benign set 9, read: 0.98 on `||…^`. A host name between `||` and `^`,
 * then at most a `$` list of option words (`important`, `third-party`, `dnstype=AAAA`, `client=10.0.0.2`).
 */
const HOST_BLOCK_RULE = /^(?:@@)?\|\|(?:\*\.)?(?:[a-z0-9](?:[a-z0-9-]{0,62})\.){1,8}[a-z]{2,63}\^(?:\$[a-z~][a-z0-9~,=._-]{0,120})?$/i;

export function isHostBlockRule(text: string): boolean {
  return HOST_BLOCK_RULE.test(text);
}
