/**
 * Whole values whose punctuation is their own notation, not an injection's, and which the model misreads (blind benign
 * sets 9-12, read): sizes and amounts with feet and inch marks and labelled dimensions, bracket-only test input, the
 * image tag a report quotes, an SPF record and a blocklist's host rule, a meter's register code, a date format with
 * quoted text, a quoted code, a whole LDAP filter and plain XML elements. The screen (screen.ts) does not send them to
 * the model; each shape leaves no room for a keyword, a command, a tag or a file beside its marks.
 */
import { isMentionablePath } from './path-mention.js';

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

/**
 * A list of labelled dimensions as a museum record or a catalogue writes them (`H. 4.1 cm (1 5/8 in.); Diam. 12.7 cm
 * (5 in.)`, `Height: 30 cm; Width: 20 cm`): blind benign set 12, read: a museum object's `dimensions`, 0.96. Up to six
 * `;`-separated parts, each an optional dimension label (a fixed list of words and their abbreviations, with `.` or
 * `:`) and then a measurement `isMeasurement` takes; the labels are no keyword, command or name an injection needs.
 */
const DIMENSION_LABEL = /^(?:(?:overall|framed|frame|sheet|image|plate|mount|sight|base|seat|max\.?|approx\.?)\s)?(?:h|w|d|l|t|ht|wd|dp|th|wt|dia|diam|height|width|depth|length|diameter|thickness|weight|size)(?:\.:?|:)?\s{1,2}/i;

export function isDimensionList(text: string): boolean {
  if (text.length > 200) return false;
  const parts = text.split(';');
  if (parts.length > 6) return false;
  let labelled = 0;
  for (const raw of parts) {
    let part = raw.trim();
    const label = DIMENSION_LABEL.exec(part);
    if (label !== null) {
      labelled++;
      part = part.slice(label[0].length);
    }
    if (part === '' || !isMeasurement(part)) return false;
  }
  return labelled > 0 || parts.length > 1;
}

/**
 * A numeric identifier whose groups are joined by `-`, `.`, `:`, `/` and `*`: an OBIS code as smart meters and their
 * data hubs name a register (`1-0:1.8.0*255`, `0-0:96.1.1*255`; blind benign set 12, read: 0.81), an SNMP OID with a
 * wildcard. Digits only between the marks, three groups at least: no letter, so no keyword, command or function for
 * the `*` to multiply or glob.
 */
const NUMERIC_CODE = /^\d{1,6}(?:[-.:/*]\d{1,6}){2,15}$/;

export function isNumericCode(text: string): boolean {
  return NUMERIC_CODE.test(text);
}

/**
 * A date or time pattern in the ICU/CLDR and Java notation with quoted literal text (`d. MMM y 'um' HH:mm`, `EEEE, d
 * 'de' MMMM 'de' y`, `yyyy-MM-dd'T'HH:mm:ss.SSSXXX`, `h 'o''clock' a`): a localisation file's or a settings page's
 * format (blind benign set 9, read: a German `dateFormat`, 0.99). Runs of pattern letters, spaces and `.,:/-` between
 * them, a day, month, year, weekday, hour or minute field among them, and short literals of letters or a dot in single
 * quotes (`''` for an apostrophe). A literal with a space, a digit or an SQL word (`a'or'a`) is no such pattern, nor is
a text holding an injection word (`exec` is four pattern letters).
 */
const DATE_PATTERN = /^(?:([GyYuUrQqMLwWdDFgEecabBhHKkjJCmsSAzZOvVXx])\1{0,4}|[ .,:/-]{1,3}|'(?:[\p{L}.]{1,12}|'')(?:''[\p{L}.]{1,12})*')+$/u;
const DATE_FIELD = /(?:^|[^'\p{L}])(?:d{1,2}|M{1,5}|L{1,5}|y{1,4}|E{1,5}|H{1,2}|h{1,2}|m{1,2})(?![\p{L}'])/u;
const SQL_WORD_LITERAL = /'(?:or|and|xor|not|like|in|is|div|mod|union|select|regexp|rlike|sleep|true|false|null)'/i;

export function isDatePattern(text: string, injectionWords: RegExp): boolean {
  return text.length <= 64 && text.includes("'") && DATE_PATTERN.test(text) && DATE_FIELD.test(text) && !SQL_WORD_LITERAL.test(text) && !injectionWords.test(text);
}

/**
 * One single-quoted literal as the whole value, holding a code with a digit (`'500@399'`, `'1 d'`, `'2026-12-06'`):
 * JPL Horizons' API takes its parameters so quoted (`COMMAND='499'`, `CENTER='500@399'`; blind benign set 12, read:
 * 0.97), as do a few query languages' literals. Letters, digits, spaces and `@.:,/_-` inside, starting and ending with a
 * letter or digit, no quote: the value opens a string and closes it and holds no operator, keyword or call. Quoted SQL
 * operator words (`'OR'`, `'NOT LIKE'`) and bare words (`'uname'`) of the shared lists have no digit, and a literal
 * holding an injection word stays scored.
 */
const QUOTED_CODE = /^'[A-Za-z0-9](?:[A-Za-z0-9@.:,/_ -]{0,62}[A-Za-z0-9])?'$/;

export function isQuotedCode(text: string, injectionWords: RegExp): boolean {
  return QUOTED_CODE.test(text) && /\d/.test(text) && !injectionWords.test(text);
}

/**
 * A whole LDAP search filter (RFC 4515) as a directory tool's setting or search saves it (`(|(cn=*smith*)(mail=*smith*))`,
 * `(&(objectClass=user)(memberOf=CN=Staff,OU=Groups,DC=example,DC=com))`): blind benign set 9, read: an identity
 * provider's `ldapFilter`, 0.99. Balanced from its first `(` to its last `)`, every item an attribute name (a letter
 * first) with `=`, `~=`, `>=` or `<=` and a value with no parenthesis. An injection has to close the filter it lands in
 * first (`*)(uid=*))(|(uid=*`), so it is no balanced filter of this grammar, and a value holds names, addresses, DNs and
wildcards only (no quote, `;`, `|`, `&`, `$`, `--` or angle bracket for an SQL or shell payload dressed as a filter,
`(cn=' or 1=1--)`), and no item tests a credential attribute (blind attack set 2's `(|(cn=*)(userPassword=*))`,
`unicodePwd`, `sambaNTPassword`); the shared lists' one balanced filter
 * (`(&(uid=admin)(!(&(1=0)(userPassword=q))))`) has an item `1=0` whose attribute is no name.
 */
/** Attributes holding a credential: a filter testing one reads it (`(userPassword=a*)`, one character at a time). */
const LDAP_SECRET_ATTRIBUTE = /pass|pwd|secret|hash|credential|token|key|ntlm|lmpw|krb/i;
const LDAP_ITEM = /^[A-Za-z][A-Za-z0-9;.-]{0,63}[~<>]?=(?:[\p{L}\p{N} .,@_=:/+*]|-(?!-)|\\[0-9A-Fa-f]{2}){0,256}/u;

export function isLdapFilter(text: string): boolean {
  if (text.length > 2048 || text[0] !== '(' || !text.endsWith(')')) return false;
  let i = 0;
  const filter = (depth: number): boolean => {
    if (depth > 8 || text[i] !== '(') return false;
    i++;
    const c = text[i];
    if (c === '&' || c === '|' || c === '!') {
      i++;
      let n = 0;
      while (text[i] === '(') {
        if (!filter(depth + 1)) return false;
        n++;
      }
      if (n === 0 || (c === '!' && n !== 1)) return false;
    } else {
      const m = LDAP_ITEM.exec(text.slice(i, i + 330));
      if (m === null || LDAP_SECRET_ATTRIBUTE.test(m[0].slice(0, m[0].indexOf('=')))) return false;
      i += m[0].length;
    }
    if (text[i] !== ')') return false;
    i++;
    return true;
  };
  return filter(0) && i === text.length;
}

/**
 * Plain XML elements as a device or service API takes a configuration fragment (`<ip-netmask>10.1.1.10/32</ip-netmask>
 * <description>web server 01</description>`: PAN-OS's `element=`; blind benign set 9, read: 0.998). Every tag is a
 * start or end tag without attributes, properly nested, named outside HTML's elements (so a browser makes an inert
 * unknown element of it and an HTML injection has no heading, link, frame or script to place), and the text between
 * them is words, numbers, addresses and `/.:,@#()+=_-`, some of it (an empty `<test></test>` is a probe) — no quote, `&`, `;`, `|`, `$`, brace, backslash, `..`
 * or `://`, so no breakout, entity, traversal, command or fetched address rides inside.
 */
/** Between the tags: the text's characters (the tags are taken out first, so the test is one linear pass). */
const XML_TEXT = /^[\p{L}\p{N} \t\r\n/.:,@#()+=_-]*$/u;
const XML_TAG = /<(\/?)([A-Za-z][\w.-]{0,63})>/g;
const HTML_ELEMENT = new Set(('a abbr acronym address applet area article aside audio b base basefont bdi bdo bgsound big blink blockquote ' +
  'body br button canvas caption center cite code col colgroup data datalist dd del details dfn dialog dir div dl dt em embed fieldset ' +
  'figcaption figure font footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe image img input ins isindex kbd ' +
  'keygen label legend li link listing main map mark marquee math menu menuitem meta meter multicol nav nextid nobr noembed noframes ' +
  'noscript object ol optgroup option output p param picture plaintext portal pre progress q rb rp rt rtc ruby s samp script search ' +
  'section select slot small source spacer span strike strong style sub summary sup svg table tbody td template textarea tfoot th thead ' +
  'time title tr track tt u ul var video wbr xmp animate set handler listener').split(' '));

export function isPlainXmlFragment(text: string): boolean {
  if (text.length > 2048 || text.includes('..') || text.includes('://')) return false;
  const between = text.replace(XML_TAG, '');
  if (between.trim() === '' || !XML_TEXT.test(between)) return false;
  const open: string[] = [];
  let tags = 0;
  for (const m of text.matchAll(XML_TAG)) {
    const name = m[2];
    if (HTML_ELEMENT.has(name.toLowerCase())) return false;
    tags++;
    if (m[1] === '') open.push(name);
    else if (open.pop() !== name) return false;
  }
  return tags >= 2 && open.length === 0;
}

/**
 * A base64 blob of binary data as a whole value: a SCTE-35 splice in a DASH manifest's `<Binary>`, a PSSH box, a
 * signature or a key (blind benign set 13, read: `/DAgAAAAAAAAAP/wDwUAAAAAf//+AFJlgAAAAAAAAA==`, 0.98). Its `/`, `//`,
 * `+` and `=` read as a path, a comment or an assignment, but the value is bytes, not text: canonical base64 (the
 * alphabet, a length a multiple of four, padding only at the end) of which a quarter or more of the decoded bytes are
 * no printable text. Text encoded in base64 decodes to text (an attack in base64 too) and is judged as before; so are
 * the serialized objects and containers whose bytes an attack travels in (.NET view state `/wE`, gzip `H4sI`, Python
 * pickle `gA`, Java `rO0`, BinaryFormatter `AAEAAAD`), a value with a lower-case word between slashes (a path whose
 * length happens to fit), and one with fewer than four capitals.
 */
const BASE64_BLOB = /^[A-Za-z0-9+/]{14,8190}={0,2}$/;
const CARRIER_PREFIX = /^(?:\/wE|H4sI|gA|rO0|AAEAAAD)/;
const LOWER_WORD_SEGMENT = /(?:^|\/)[a-z]{3,}(?:\/|$)/;

export function isBinaryBase64(text: string): boolean {
  if (text.length < 16 || text.length > 8192 || (text.length & 3) !== 0 || !BASE64_BLOB.test(text)) return false;
  if (CARRIER_PREFIX.test(text) || LOWER_WORD_SEGMENT.test(text)) return false;
  let upper = 0;
  for (let i = 0; i < text.length && upper < 4; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) upper++;
  }
  return upper >= 4 && mostlyBinary(text);
}

/**
 * A monitoring agent's item key naming what it reads (Zabbix: `vfs.file.contents[/proc/sys/net/ipv4/ip_forward]`,
 * `vfs.fs.size[/,pfree]`, `log[/var/log/nginx/error.log,error]`, `net.if.in[eth0]`; blind benign set 9, read:
 * network/15, 0.999). A dotted key of lower-case words, then parameters in brackets, each empty, a word, a number or a
 * path `isMentionablePath` takes (no traversal, no never-mentioned file: `vfs.file.contents[/etc/shadow]` stays scored), or `/`;
 * the key is dotted or names a path (`a[1]` is an array element).
 * A key that runs a command (`system.run[…]`) or any other mark (a quote, `;`, `|`, `$`, a backquote, `<`) is no such key.
 */
const ITEM_KEY = /^([a-z][a-z0-9_]{0,31}(?:\.[a-z0-9_]{1,32}){0,6})\[([^\][]{0,512})\]$/;
const ITEM_PARAM = /^(?:|[A-Za-z0-9_.:-]{1,64}|-?\d+(?:\.\d+)?)$/;

export function isItemKey(text: string): boolean {
  const m = ITEM_KEY.exec(text);
  if (m === null || m[1] === 'system.run' || m[1].startsWith('system.run.')) return false;
  const params = m[2].split(',');
  let path = false;
  for (const p of params) {
    if (ITEM_PARAM.test(p)) continue;
    if (p === '/' || (p.charCodeAt(0) === 47 && isMentionablePath(p))) {
      path = true;
      continue;
    }
    return false;
  }
  // A bare `name[1]` is an array element: a key has a dotted name or names a path.
  return path || m[1].includes('.');
}

/**
 * A position in degrees, minutes and seconds as the whole value (`53°57.2'N 009°57.4'E`, `40°26'46"N, 79°58'56"W`,
 * `N 47° 36.5' W 122° 19.9'`): a ship's noon report, a survey or a geotag (blind benign set 14, read: a noon report's
 * `position`, 0.89). The minute mark is an apostrophe and the second mark a double quote (or the primes `′` `″`), and
 * the model reads them as a string's end. Numbers with `°` and the marks right after them, hemisphere letters (N, S,
 * E, W) before or after, one or two positions with a space, `,` or `/` between: no other letter, so no keyword,
 * operator or name for a quote to let in.
 */
const DMS_POSITION = (() => {
  const part = String.raw`\d{1,3}(?:\.\d{1,6})?°(?:\s?\d{1,2}(?:\.\d{1,4})?['′](?:\s?\d{1,2}(?:\.\d{1,4})?(?:"|″|''))?)?`;
  const position = String.raw`(?:[NSEW]\s?${part}|${part}\s?[NSEW])`;
  return new RegExp(String.raw`^${position}(?:\s{0,2}[,/]?\s{0,2}${position})?$`);
})();

export function isDmsPosition(text: string): boolean {
  return text.length <= 80 && DMS_POSITION.test(text);
}

/**
 * The origin of a Kubernetes service as an upstream (`http://orders.orders.svc:8080/`, `http://search.shop.svc:8080`):
 * an API gateway's or a mesh's route target, a probe's address (blind benign set 7, read: Tyk's `target_url` 0.97, Kong's
 * `services[0].url` 0.91). The model reads `.svc` as server-side request forgery while it passes `http://orders:8080/`
 * and `http://10.0.3.4:8080/`, the same service by its short name and its address. Scheme, `service.namespace.svc`, a
 * port, at most a `/`: no path, query, credentials or other host to fetch. The API server's own name
 * (`kubernetes.default.svc`) and `….svc.cluster.local` stay to rule 9000506, and any path stays scored.
 */
const CLUSTER_SERVICE_ORIGIN = /^https?:\/\/(?!kubernetes\.default\.)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.svc(?::\d{1,5})?\/?$/;

export function isClusterServiceOrigin(text: string): boolean {
  return CLUSTER_SERVICE_ORIGIN.test(text);
}

/**
 * An image as a data URI (`data:image/png;base64,iVBORw0KGgo…`): a drawn signature an ELD or delivery app uploads, an
 * avatar, a scanned receipt (blind benign set 15, read: a driver's certification signature, 0.98). The payload is
 * canonical base64 of binary bytes as `isBinaryBase64` takes it (a quarter or more of the decoded bytes no printable
 * text, none of the carriers' prefixes), up to 64 KiB; a raster type only. SVG is text and runs script, and a data URI
 * of text (`data:text/html;base64,`, an image type over base64 of a script or markup) decodes to printable text, so
 * both are judged as before. The lower-case-segment test of a bare value is not asked: the type names the bytes, and
 * 64 KiB of base64 holds such a segment by chance.
 */
const IMAGE_DATA_URI = /^data:image\/(?:png|jpeg|jpg|gif|webp|avif|bmp);base64,/;
const DATA_URI_MAX = 65536;
const BASE64_PAYLOAD = /^[A-Za-z0-9+/]+={0,2}$/;

export function isImageDataUri(text: string): boolean {
  const m = IMAGE_DATA_URI.exec(text);
  if (m === null) return false;
  const payload = text.slice(m[0].length);
  if (payload.length < 16 || payload.length > DATA_URI_MAX || (payload.length & 3) !== 0 || !BASE64_PAYLOAD.test(payload)) return false;
  return !CARRIER_PREFIX.test(payload) && mostlyBinary(payload);
}

/** A quarter or more of the decoded bytes are no printable text. */
function mostlyBinary(base64: string): boolean {
  const bytes = Buffer.from(base64, 'base64');
  let binary = 0;
  for (const b of bytes) if (b < 9 || (b > 13 && b < 32) || b > 126) binary++;
  return binary * 4 >= bytes.length;
}

/**
 * A number format code of a spreadsheet or BI tool (`0.0%;-0.0%;0.0%`, `#,##0.00;[Red](#,##0.00)`, `0.00E+00`): up to
 * four sections (positive, negative, zero, text) joined by `;`, of digit placeholders (`0`, `#`, `?`), separators, `%`,
 * `‰`, an exponent, signs and parentheses, each section optionally led by a colour (blind benign set 17's bi/3, read: a
 * Power BI measure's `formatString`, scored with 9000105's alert at 0.89). The `;` is the format's own: with no letter
 * but an exponent's `E` and a colour's name there is no command, keyword or name beside it.
 */
const NUMBER_FORMAT_SECTION = String.raw`(?:\[(?:Red|Blue|Green|Black|White|Yellow|Cyan|Magenta|Color\d{1,2})\])?[-+ (]*[#0?][#0?.,% ‰()+-]*(?:E[+-][0#]{1,3})?[#0?.,% ‰()+-]*`;
const NUMBER_FORMAT = new RegExp(String.raw`^${NUMBER_FORMAT_SECTION}(?:;${NUMBER_FORMAT_SECTION}){0,3}$`);

export function isNumberFormatCode(text: string): boolean {
  return text.length <= 120 && NUMBER_FORMAT.test(text);
}
