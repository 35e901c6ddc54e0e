/**
 * The lexical screen in front of the payload model: a text reaches the model only when it holds a
 * character or token that can carry an attack. Plain identifiers, numbers, UUIDs, hex/base64 tokens and
 * ordinary words never pay for inference, and — because the model never sees them — can never be
 * blocked by it: an unfamiliar value needs attack-capable syntax before the model is even asked.
 *
 * What passes (texts of three characters or more):
 * - any of ' " < > ; | & $ ` ( ) { } [ ] \ * ! #, a control character other than tab/CR/LF, or a % escape
 *   of one of them (or of `%` itself, or a %u / overlong form);
 * - a line break with a `:` after it (CRLF / mail header injection);
 * - `--` (SQL comment), and `=` in text that also has a space or `+` (`1 or 1=1`); a bare `key=value`
 *   (`max-age=0`, `sha1=<hex>`) carries nothing an injection needs;
 * - `..` (traversal), or a path that names a sensitive file/dir (etc/passwd, win.ini, system32, web-inf,
 *   usr/local, a .conf/.ini/.log file...), or a stream wrapper (`php://`, `expect://`, `file://`);
 * - a URL shape used for open redirects (`//host`, `/\host`, `/http…`, `user@host/`, `https:host`, `/%09/host`);
 * - text with spaces (or `+`, a space in a query) holding a SQL/shell word that injection needs
 *   (`1 union select 2`, `8+order+by+1`, `sleep 5`);
 * - a URL whose host is a cloud metadata service or a cluster-internal name, an infrastructure admin
 *   port (Docker, etcd, kubelet, Redis, Elasticsearch, Consul, Vault...), or an IPv4 address in a
 *   notation nobody types (one integer, two or three parts, hex, octal, IPv4-mapped IPv6): SSRF
 *   targets, not links;
 * - the magic of a serialized object in Java (`rO0AB`, `aced0005`), .NET BinaryFormatter
 *   (`AAEAAAD/////`) or Python pickle (`gASV`) anywhere in the value. (Not gzip's `H4sI`, Rails'
 *   Marshal cookies `BAh…` or ASP.NET `/wEP…` view state: ordinary traffic is full of them.)
 */

import { isNegotiationList } from '../inspect/negotiation-list.js';
import { hexByteAt } from '../inspect/text/hex.js';

/** Characters whose presence alone sends a text to the model. */
const STRONG = new Uint8Array(128);
for (const ch of `'"<>;|&$\`(){}[]\\*!#`) STRONG[ch.charCodeAt(0)] = 1;
// Control characters pass, except tab, CR and LF: those are whitespace in ordinary multi-line text
// (a lone "\n" is a rich-text editor's paragraph) and count as spaces below; CRLF injection is caught
// by the header shape that must follow them (`\r\nSet-Cookie:`), see mayCarryAttack.
for (let c = 0; c < 32; c++) if (c !== 9 && c !== 10 && c !== 13) STRONG[c] = 1;
STRONG[127] = 1;

const SENSITIVE_PATH =
  /(?:etc|proc|windows|winnt|system32|inetpub|web-inf|boot\.ini|win\.ini|\.htaccess|\.htpasswd|\.env|\.git|\.svn|\.ssh|\.aws|\.docker|passwd|shadow|c:|var\/www|var\/log|usr\/local|opt|root|xampp|lampp)(?:[/\\]|$)|(?:passwd|shadow|boot\.ini|win\.ini|\.htaccess|\.htpasswd|id_rsa|environ|hosts|httpd\.conf|(?:access|error)[._]log|web\.xml|web\.config|global\.asa|\.bash\w*|\.profile|\w\.(?:conf|cnf|ini|log))\b|\bbin[/\\](?:\.[/\\])*(?:ba|z|c)?sh\b/i;

/** Stream wrappers and schemes that turn a file parameter into an inclusion or an SSRF. */
const WRAPPER = /\b(?:php|expect|phar|zip|file|jar|netdoc|gopher|dict|glob|compress\.zlib|ldap|tftp):\/\//i;

/** Redirect shapes a URL parser reads as another host: `https:host`, `/%09/host`, `/%5chost`. */
const REDIRECT_SHAPE = /^(?:https?:(?!\/\/)|https?:\/\/\s+\/|\/%(?:09|0a|0d|5c|2f)|\/[\t\r\n]+\/)/i;

/**
 * A URL (with a scheme, or `//`) whose host is a metadata endpoint, a cluster-internal service name,
 * a DNS-rebinding wildcard, or an IPv4 address written as one integer, in hex or octal, or mapped
 * into IPv6. Development hosts (`localhost`, `127.0.0.1`, `[::1]`, `0.0.0.0`, LAN, `*.local`) are not
 * here: a Referer or redirect_uri on them is everyday traffic.
 */
const SSRF_HOST =
  /(?:^|[^\w.-])(?:[a-z][a-z0-9+.-]*:[/\\]{1,2}|[/\\]{2})(?:[^/\\\s?#@]*@)?(?:169\.254\.\d|100\.100\.100\.200|192\.0\.0\.192|\d{8,10}(?:[:/?#%]|$)|\d{1,3}(?:\.\d{1,3})?\.\d{4,8}(?:[:/?#%]|$)|\d{1,3}(?:\.\d{1,3}){1,2}(?:[:/?#%]|$)|[\w.-]+:(?:2375|2376|2379|10250|10255|6379|9200|8500|8200|11211|5984|27017)(?:[/?#]|$)|0x[0-9a-f]{2}|0[0-7]{2,3}\.|\[(?:::ffff:|fd00:ec2)|metadata(?:\.google\.internal|\.azure\.com)?(?:[:/?#]|$)|instance-data|[\w.-]+\.svc(?:\.cluster\.local)?(?:[:/?#]|$)|kubernetes\.default|[\w-]+\.docker\.internal|docker\.for\.mac|[\w.-]+\.(?:nip|sslip)\.io)/i;

/** Serialized-object magic (see the header comment). Case matters in base64; hex is matched both ways. */
const SERIALIZED_MAGIC = /rO0AB|AAEAAAD\/\/\/\/\/|gASV|[aA][cC][eE][dD]0005/;

const INJECTION_WORDS =
  /\b(?:union|select|sleep|benchmark|waitfor|having|order[\s+]+by|group[\s+]+by|insert[\s+]+into|drop|exec|crontab|systeminfo|tasklist|certutil|bitsadmin|wmic|reg[\s+]+(?:add|query|delete)|perl|python|php|ruby|mkfifo|printenv|telnet|ncat|xp_\w+|information_schema|concat|char|ascii|substring|or[\s+]+\d+|and[\s+]+\d+|or[\s+]+true|or[\s+]+false|and[\s+]+true|and[\s+]+false|whoami|uname|netstat|netsh|ifconfig|ipconfig|wget|curl|ping|nslookup|net[\s+]+user|net[\s+]+localgroup|net[\s+]+view|cat|ls|dir|echo|nc|bash|sh|cmd|powershell|chmod|rm|id|pwd|passwd|shadow|script|alert|javascript|eval|jndi)\b/i;

/**
 * A percent escape matters when it hides an attack-capable character (`%27`, `%3c`, `%0a`), nests
 * another escape (`%25`), or is a %u / overlong UTF-8 trick. `%2F`, `%20`, `%C3%A9` are how ordinary
 * values travel, and their decoded forms are screened on their own.
 */
function isSuspiciousEscape(text: string, i: number): boolean {
  const c1 = text.charCodeAt(i + 1);
  if (c1 === 117 || c1 === 85) return true; // %u0027
  const byte = hexByteAt(text, i + 1);
  if (byte < 0) return false;
  if (byte === 0x25 || byte === 0xc0 || byte === 0xc1 || byte === 0xe0) return true;
  return byte < 128 && STRONG[byte] === 1;
}

/** True when `text` may carry an attack and should be scored by the model. */
export function mayCarryAttack(text: string): boolean {
  const n = text.length;
  // One or two characters are a delimiter, a quote-char setting or a probe, never an exploit on their
  // own: `;` as a CSV delimiter must not be blocked for looking like a shell separator.
  if (n < 3) return false;
  const c0 = text.charCodeAt(0);
  // Only lists start with a letter or `*`; the check is skipped for everything else.
  if ((c0 === 42 || ((c0 | 32) >= 97 && (c0 | 32) <= 122)) && isNegotiationList(text)) return false;
  let hasSpace = false;
  let hasSlash = false;
  let hasDotDot = false;
  let hasAt = false;
  let hasEquals = false;
  let hasLineBreak = false;
  let hasColon = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if (STRONG[c] === 1) return true;
      if (c === 37 /* % */) {
        if (isSuspiciousEscape(text, i)) return true;
      } else if (c === 61 /* = */) hasEquals = true;
      else if (c === 45 /* - */ && text.charCodeAt(i + 1) === 45) return true;
      else if (c === 32 || c === 43 /* + */) hasSpace = true;
      else if (c === 10 || c === 13 || c === 9) {
        hasSpace = true;
        if (c !== 9) hasLineBreak = true;
      } else if (c === 58 /* : */) hasColon = true;
      else if (c === 47) hasSlash = true;
      else if (c === 64) hasAt = true;
      else if (c === 46 && text.charCodeAt(i + 1) === 46) hasDotDot = true;
    } else if (c === 0xff07 || c === 0xff02 || c === 0xff1c || c === 0xff1e || c === 0x2018 || c === 0x2019 || c === 0x201c || c === 0x201d) {
      // Fullwidth and typographic quotes/brackets: some back ends fold them to ASCII.
      return true;
    }
  }
  if (hasDotDot) return true;
  // A line break followed somewhere by `Name:` is the shape of header/mail injection.
  if (hasLineBreak && hasColon) return true;
  if (hasEquals && hasSpace) return true;
  if (hasSlash || c0 === 46 /* . */) {
    const second = text.charCodeAt(1);
    if (c0 === 47 && (second === 47 || second === 92)) return true;
    if (c0 === 47 && /^\/+https?:/i.test(text)) return true;
    if (hasAt && hasSlash) return true;
    if (SENSITIVE_PATH.test(text)) return true;
    if (WRAPPER.test(text)) return true;
  }
  if ((hasColon || c0 === 47) && REDIRECT_SHAPE.test(text)) return true;
  if (hasSlash && SSRF_HOST.test(text)) return true;
  if (n >= 8 && SERIALIZED_MAGIC.test(text)) return true;
  if (hasSpace && INJECTION_WORDS.test(text)) return true;
  return false;
}
