import { describe, expect, it } from 'vitest';
import { HEADER_AFTER_BREAK, headerAfterBreak, INJECTION_WORDS, INJECTION_WORDS_BY_FIRST_LETTER, globUrlOrigin, isLoneClosingTag, isMacroPlaceholder, mayCarryAttack, plainUrlFragment, proseEvidenceBlocks } from '../../src/model/screen.js';
import { isHostBlockRule, isInertImageTag, isMeasurement, isPunctuationOnly, isSpfRecord } from '../../src/model/value-shapes.js';
import { seededRandom } from '../../src/model/prng.js';

describe('a lone closing tag of a phrasing element (blind benign set 4: Elasticsearch post_tags)', () => {
  it('is not screened in: it ends an inline element and starts none', () => {
    for (const text of ['</em>', '</mark>', '</b>', '</ais-highlight>', '</STRONG>']) {
      expect(isLoneClosingTag(text), text).toBe(true);
      expect(mayCarryAttack(text), text).toBe(false);
    }
  });
  it('still screens a breakout or structure closer, a closing tag with anything around it, or an opening tag', () => {
    for (const text of ['</em><script>alert(1)</script>', '"></em><svg onload=alert(1)>', '</title><img src=x onerror=alert(1)>', '<em>', '</em >x', '</script>alert(1)', '<script>', '</script>', '</textarea>', '</title>', '</style>', '</xmp>', '</template>', '</head>', '</body>', '</form>', '</div>', '</svg:mask>']) {
      expect(isLoneClosingTag(text), text).toBe(false);
      expect(mayCarryAttack(text), text).toBe(true);
    }
  });
});

describe('mayCarryAttack (lexical screen)', () => {
  it('never lets plain identifiers, numbers, UUIDs, hex, base64 or ordinary words through', () => {
    for (const v of [
      'p', 'id', 'password', 'JSESSIONID', '42', '-17', '3.14159', '2024-01-05', '550e8400-e29b-41d4-a716-446655440000',
      'deadbeefcafebabe0123456789abcdef', 'dGhpcyBpcyBiYXNlNjQ=', 'QUJDREVGRw==', 'hello world', 'New York',
      'user_name', 'en-US', 'image.png', 'GA1.2.1234567.89', 'select', 'union', 'cat',
      'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc-_def', 'gzip, deflate, br', 'keep-alive', 'no-cache',
    ]) {
      expect(mayCarryAttack(v), v).toBe(false);
    }
  });

  it('lets through anything holding attack-capable characters', () => {
    for (const v of ["1' or '1'='1", '<script>', 'a;id', '$(id)', '`id`', '{{7*7}}', '${jndi:ldap://x}', 'a|b', '%27', 'a\r\nSet-Cookie: x', "x' --", '1 or 1=1', '8+order+by+1--']) {
      expect(mayCarryAttack(v), v).toBe(true);
    }
  });

  it('lets through traversal, sensitive paths and open-redirect shapes without special characters', () => {
    for (const v of [
      '../../etc/passwd', '/etc/passwd', 'c:/boot.ini', 'file:/etc/passwd', '//evil.example/', '/https://evil.example', '/\\evil.example',
      '/usr/local/apache2/conf/httpd.conf', '/php/php.ini', '/bin/./sh', 'php://filter/read=string.rot13/resource=index.php', 'expect://id',
      'https:evil.example', '/%09/evil.example', '/\t/evil.example', 'https://\t/evil.example',
    ]) {
      expect(mayCarryAttack(v), v).toBe(true);
    }
  });

  it('lets through SSRF targets: metadata hosts, cluster names, admin ports and IPv4 in odd notations, but not development URLs', () => {
    for (const v of [
      'http://169.254.169.254/latest/meta-data/', 'http://2852039166/latest/user-data', 'http://0xa9fea9fe/', 'http://0251.0376.0251.0376/', 'http://[::ffff:a9fe:a9fe]/',
      'http://169.254.43518/', 'http://192.0.192/v2/credentials/', 'gopher://metadata.google.internal/computeMetadata/v1/', 'http://kubernetes.default.svc/api/v1/secrets',
      'http://redis.prod.svc.cluster.local:6379/', 'http://vault:8200/v1/secret/data/', 'http://127.0.0.1:2375/containers/json', 'http://a9fea9fe.nip.io/latest/',
      'https://x@host.docker.internal/', 'HTTP://2852039166%2flatest%2fuser-data', 'http://0/', 'http://0:8080/admin',
    ]) {
      expect(mayCarryAttack(v), v).toBe(true);
    }
    for (const v of ['http://localhost:8080/admin', 'http://127.0.0.1:3000/callback', 'http://0.0.0.0:8000/', 'http://192.168.1.20:8080/', 'https://app.local/', 'https://api.example.com/metadata/v1', '/api/metadata/items', 'https://shop.example/p/12345678901', 'https://shop.example/0/']) {
      expect(mayCarryAttack(v), v).toBe(false);
    }
  });

  it("lets through serialized-object magic anywhere in a value, but not gzip, Rails' Marshal cookies or ASP.NET view state", () => {
    for (const v of ['rO0ABXNyABFqYXZhLnV0aWwuSGFzaE1hcA', 'x=rO0ABXNy', 'ACED00057372', 'AAEAAAD/////AQAAAAAAAAAMAgAAA', 'gASVJQAAAAAAAACMBXBvc2l4lIwGc3lzdGVtlJOU']) {
      expect(mayCarryAttack(v), v).toBe(true);
    }
    for (const v of ['H4sIAAAAAAAAA0tMTgYAAAD', 'BAh7CEkiD3Nlc3Npb25faWQGOgZFVEki', '/wEPDwUKMTIzNDU2Nzg5MA']) {
      expect(mayCarryAttack(v), v).toBe(false);
    }
  });

  it('lets through keyword-only injections that need spaces', () => {
    for (const v of ['1 union select 2', '-1 order by 3', 'sleep 5', 'net user hacker pass /add', '1 or true', '1\n crontab -l', ' systeminfo ']) {
      expect(mayCarryAttack(v), v).toBe(true);
    }
  });

  it('never sends content negotiation lists, whose ; and * are grammar', () => {
    for (const v of [
      'text/html,application/xhtml+xml,*/*;q=0.8', 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8', '*/*',
      'application/json, text/plain, */*', 'en-US,en;q=0.9', 'de-CH,de;q=0.9,en;q=0.8,*;q=0.5', 'gzip, deflate, br, zstd', 'gzip;q=1.0, identity; q=0.5, *;q=0',
    ]) {
      expect(mayCarryAttack(v), v).toBe(false);
    }
    // The same characters outside that grammar still pass.
    for (const v of ['text/html;id', "en-US;q=0.9' or 1=1", 'gzip; rm -rf /', '*/*;q=0.8<script>', 'etc/passwd;q=1']) expect(mayCarryAttack(v), v).toBe(true);
  });

  it('never sends a record of numbers and hashes joined by separators, but sends a word, an operator or a short hex word in one', () => {
    for (const v of [
      '65695||1740082273||1740078673||c43b920051795ab91012f998d9f59184', '3$1756179179:76.11009989::', '1|1727000000123|2|1',
      '12;34;56', '1,2,3', '||', '5~1727000000~ABCDEF0123456789ABCDEF', '0.5|1.25',
    ]) {
      expect(mayCarryAttack(v), v).toBe(false);
    }
    for (const v of ['1||id', '1|dd', '1;reboot', '1||sleep(5)', '1|1=1', '1$((1+1))', '0x41|0x42', '1.|2', '1.2.3|4', 'abc|1', '1;--', '1|$IFS']) {
      expect(mayCarryAttack(v), v).toBe(true);
    }
  });

  it('never sends one- or two-character values (delimiters, quote settings)', () => {
    for (const v of [';', "'", '"', '<', '|', '--', "1'", '${']) expect(mayCarryAttack(v), v).toBe(false);
  });

  it('treats tab and line breaks as whitespace, not as attack syntax on their own', () => {
    for (const v of ['\n', 'line one\nline two', '\tindented']) expect(mayCarryAttack(v), JSON.stringify(v)).toBe(false);
    for (const v of ['\r\nSet-Cookie: a=b', 'x\nBcc: victim@example.com', 'a\nid', 'a\u0000b']) expect(mayCarryAttack(v), JSON.stringify(v)).toBe(true);
  });

  it('lets bare key=value and ordinary percent-encoding by, but not escapes that hide syntax', () => {
    for (const v of ['YWJjZA==', 'max-age=0', 'sha1=1b7323e06358dd8b', 'u=1', 'Europe%2FBerlin', 'caf%C3%A9%20au%20lait']) expect(mayCarryAttack(v), v).toBe(false);
    for (const v of ['%27%20or%201', '%3Cscript%3E', '%250a', '%u0027', '%c0%af', 'a = b']) expect(mayCarryAttack(v), v).toBe(true);
  });
});

/**
 * Which characters the screen's pass reacts to, as it read them before its table (a chain of comparisons
 * per char). The table-driven pass must agree: texts that differ from a plain word only in one such
 * character pass or not exactly as that character decides (issue 14 speed change, no behaviour change).
 */
describe('unexpanded macro placeholders (ad servers, tag managers)', () => {
  it('does not send a lone upper-case placeholder to the model', () => {
    for (const text of ['${SITE_ID}', '{PLACEMENT_ID}', '{{APP_BUNDLE}}', '[TIMESTAMP]', '%%VIDEO_ID%%', '${GDPR_CONSENT_755}']) {
      expect(isMacroPlaceholder(text), text).toBe(true);
      expect(mayCarryAttack(text), text).toBe(false);
    }
  });
  it("does not send a marketing tool's unexpanded merge tag to the model", () => {
    for (const text of ['{{contact.id}}', '{{ customer.first_name }}', '{{person.email}}', '{{order.shipping.city}}']) {
      expect(isMacroPlaceholder(text), text).toBe(true);
      expect(mayCarryAttack(text), text).toBe(false);
    }
  });
  it("still screens template probes dressed as merge tags: the engine's state, secrets, calls, underscores", () => {
    for (const text of ['{{config.items}}', '{{request.environ}}', '{{settings.secret_key}}', '{{app.config.x}}', '{{self.__init__}}', '{{user.password}}', '{{config.items()}}', '{{contact.id}}|id', '{{ contact.id }}{{7*7}}', '{{craft.app.config.general.securityKey}}', '{{lipsum.globals}}', '{{x._y}}']) {
      expect(isMacroPlaceholder(text), text).toBe(false);
      expect(mayCarryAttack(text), text).toBe(true);
    }
  });
  it('still screens in lookups, expressions, lower-case names and anything around the braces', () => {
    for (const text of ['${jndi:ldap://203.0.113.9/a}', '{{config}}', '${7*7}', '${IFS}cat', '{{SITE_ID}}|id', '${env:AWS_SECRET}', '[X] or 1=1', '${T(java.lang.Runtime)}', '{{7*7}}', `\${${'A'.repeat(60)}}`]) {
      expect(isMacroPlaceholder(text), text).toBe(false);
      expect(mayCarryAttack(text), text).toBe(true);
    }
  });
});

describe('values that cannot hold a payload: number arrays, one character reference', () => {
  it('does not send a JSON array of numbers and nulls, or one character reference, to the model', () => {
    for (const text of ['[null,null,"-7233085980638861000"]', '[1, 2.5, -3e+2, null, true]', '["42","43"]', '[ ]', '&sect;', '&#8212;', '&#x2014;', '&nbsp;', '&#x3c;']) {
      expect(mayCarryAttack(text), text).toBe(false);
    }
  });
  it('still screens arrays with words or operators and references beside anything else', () => {
    for (const text of ['[1,"1 or 1=1"]', '[null,"x\'"]', '[1];id', '[1,2]|id', '["-1)"]', '&lt;script&gt;', '&sect;|id', '&#60;svg onload=alert(1)&#62;']) {
      expect(mayCarryAttack(text), text).toBe(true);
    }
  });
});

describe('a plain URL ending in an empty fragment (ActivityPub JSON-LD namespaces, blind benign set 10)', () => {
  it('screens the URL without its empty fragment', () => {
    for (const text of ['http://ostatus.org#', 'http://joinmastodon.org/ns#', 'https://www.w3.org/ns/activitystreams#', 'http://schema.org#', 'https://w3id.org/security/v1#']) {
      expect(plainUrlFragment(text), text).toBe('');
      expect(mayCarryAttack(text), text).toBe(false);
    }
  });
  it('still sends a `#` with anything after it, beside a quote or a space, or on a URL the screen scores anyway', () => {
    for (const text of ["http://ostatus.org'#", "http://x.org/a'--#", 'http://x.org# or 1=1', 'http://x.org/#/../../etc/passwd', 'http://169.254.169.254/latest/meta-data/#', 'http://metadata.google.internal/computeMetadata/v1/#', '1 or 1=1#', "admin'#"]) {
      expect(mayCarryAttack(text), text).toBe(true);
    }
  });
});

describe('a plain URL ending in a fragment that is one name (XSD datatypes, puzzle kinds, page anchors: lead session 36)', () => {
  it('screens the URL without its fragment and the name on its own', () => {
    for (const [text, name] of [['http://www.w3.org/2001/XMLSchema#string', 'string'], ['http://ipuz.org/crossword#1', '1'], ['https://example.com/#top', 'top'], ['https://jsonapi.org/format/#fetching', 'fetching'], ['https://github.com/o/r/blob/main/a.ts#L10', 'L10']] as const) {
      expect(plainUrlFragment(text), text).toBe(name);
      expect(mayCarryAttack(text), text).toBe(false);
    }
  });
  it('still screens a fragment that is more than a name, and an address the screen scores anyway', () => {
    for (const text of ['http://x.org/#1%27', 'http://x.org/p#1 or 1=1', "http://x.org/p#1'", 'http://x.org/#/../../etc/passwd', 'http://x.org/#..%2f..%2fetc', 'http://x.org/#<svg/onload=alert(1)>', 'http://169.254.169.254/latest/meta-data#x', 'http://x.org/p#a#b', 'https://evil.example#trusted.example', 'https://evil.example/#.trusted.example']) {
      expect(mayCarryAttack(text), text).toBe(true);
    }
  });
});

describe('a web or bucket address whose path is a glob (a scan scope, a pipeline input: blind benign set 10)', () => {
  it('screens the address as its origin', () => {
    for (const text of ['https://www.example.org/*', 'https://shop.example/docs/**', 'gs://datasets/train/*.parquet', 's3://logs-archive/2026/*/access.log*', 'http://intranet.example:8080/wiki/*']) {
      expect(globUrlOrigin(text), text).not.toBeNull();
      expect(mayCarryAttack(text), text).toBe(false);
    }
  });
  it('still sends a glob beside an SQL word, a traversal, a never-mentioned file, a quote, or an internal or metadata host', () => {
    for (const text of ['https://x.example/*/union/*', 'https://x.example/*/../../etc/passwd', 'https://x.example/etc/passwd*', 'http://169.254.169.254/latest/*', 'http://metadata.google.internal/*', "https://x.example/*' or 1=1"]) {
      expect(mayCarryAttack(text), text).toBe(true);
    }
  });
});

describe('a measurement with feet and inch marks, a quantity (catalogues, food logs: blind benign set 11)', () => {
  it('is not sent to the model', () => {
    for (const text of ['7-1/2" x 9-1/2"', '5\'3" x 7\'6"', '2" x 6" x 12\'', '1/4"-20 x 1-1/2"', '1/2 cup (40 g)', '3/4 cup', '17 GPM @ 60 PSI', '12 in x 18 in', '11" x 14"']) {
      expect(isMeasurement(text), text).toBe(true);
      expect(mayCarryAttack(text), text).toBe(false);
    }
  });
  it("still sends a word, an operator or markup beside the marks, and SQL's IN beside a quote", () => {
    for (const text of ['1" or "1"="1', "1' or '1'='1", "1' in (1)", "1' x 1 in (1)", '1"; drop table x', "1'--", '1" --', '5 cups; id', '1/2 cup (40 g) or 1=1', '7" x 9"<svg onload=alert(1)>']) {
      expect(isMeasurement(text), text).toBe(false);
      expect(mayCarryAttack(text), text).toBe(true);
    }
  });
});

describe('brackets without a word, each closed after it opened (a coding test\'s input lines: blind benign set 10)', () => {
  it('is not sent to the model', () => {
    for (const text of ['{[()]}\n([)]\n', '(())\n()()\n', '()[]{}', '{{}}', '[ ( ) ]', '{}-{}']) {
      expect(isPunctuationOnly(text), JSON.stringify(text)).toBe(true);
      expect(mayCarryAttack(text), JSON.stringify(text)).toBe(false);
    }
  });
  it('still sends quotes, angle brackets, separators, escapes, traversals, a closer ahead of its opener and the shared lists\' fragments', () => {
    for (const text of ['\'"><', '{[()]}\'', ')));', '(|)', '${}', '`()`', '{\\}', '%27))', '../../', '{[()]}>', '*)(&', '//*', '    }', ')((', ':-) !!', '***']) {
      expect(isPunctuationOnly(text), JSON.stringify(text)).toBe(false);
      expect(mayCarryAttack(text), JSON.stringify(text)).toBe(true);
    }
  });
});

describe("the image tag an accessibility report quotes (axe-core's nodes[].html: blind benign set 10)", () => {
  it('is not sent to the model', () => {
    for (const text of ['<img src="/img/hero.jpg" class="hero">', '<img src="assets/logo.svg" width="120" height="40">', '<img class="avatar" src="/u/42/a.png" alt="">', '<img src="/a.webp" aria-hidden="true" />']) {
      expect(isInertImageTag(text), text).toBe(true);
      expect(mayCarryAttack(text), text).toBe(false);
    }
  });
  it('still sends a handler, a script or data URL, another host, srcset, an unquoted value or a second src', () => {
    for (const text of ['<img src="/a.png" onerror="alert(1)">', '<img src="javascript:alert(1)">', '<img src="data:image/svg+xml,x">', '<img src="https://evil.example/x.png">', '<img src="/a.png" srcset="x">', '<img src=/a.png onerror=alert(1)>', '<img src="/a.png" src="javascript:x">', '<img class="a" alt="b">', '<img src="/a.png" alt="x"><script>alert(1)</script>']) {
      expect(isInertImageTag(text), text).toBe(false);
      expect(mayCarryAttack(text), text).toBe(true);
    }
  });
});

describe("an SPF record and a blocklist's host rule (a DNS panel, a DNS filter: blind benign set 9)", () => {
  it('is not sent to the model', () => {
    for (const text of ['v=spf1 include:_spf.google.example.com include:mailgun.example.org ip4:203.0.113.0/24 ip6:2001:db8::/32 -all', '"v=spf1 mx a:mail.example.com ~all"', 'v=spf1 redirect=_spf.example.net']) {
      expect(isSpfRecord(text), text).toBe(true);
      expect(mayCarryAttack(text), text).toBe(false);
    }
    for (const text of ['||ads.example.net^', '@@||cdn.example.net^$important', '||*.tracker.example.org^$dnstype=AAAA', '||telemetry.example-tv.com^$client=10.0.0.2']) {
      expect(isHostBlockRule(text), text).toBe(true);
      expect(mayCarryAttack(text), text).toBe(false);
    }
  });
  it('still sends a quote, a macro, a separator or markup inside, and a rule beyond a host', () => {
    for (const text of ['v=spf1 include:x.example -all\' or 1=1--', 'v=spf1 exists:%{i}.spf.example.com -all', '"v=spf1 -all', 'v=spf1 a;id', 'v=spf1 include:<script>']) {
      expect(isSpfRecord(text), text).toBe(false);
      expect(mayCarryAttack(text), text).toBe(true);
    }
    for (const text of ['||x.example^|id', '||x.example^$redirect=<svg onload=alert(1)>', '||x.example/path^', '|| cat /etc/passwd', '||x.example^;id', "||x.example^$'"]) {
      expect(isHostBlockRule(text), text).toBe(false);
      expect(mayCarryAttack(text), text).toBe(true);
    }
  });
});

describe("the screen's character pass", () => {
  it('lets a text through for each attack-capable character, a doubled - or ., an escape hiding syntax, wherever it sits', () => {
    for (const ch of `'"<>;|&$\`(){}[]\\*!#\u0000\u0001\u001f\u007f\uff07\uff02\uff1c\uff1e\u2018\u2019\u201c\u201d`) {
      for (const text of [`abc${ch}def`, `${ch}abcdef`, `abcdef${ch}`]) expect(mayCarryAttack(text), JSON.stringify(text)).toBe(true);
    }
    for (const text of ['abc--def', 'abc..def', 'abc%27def', 'abc%2527', 'abc%u0027', 'abc%c0%af']) expect(mayCarryAttack(text), text).toBe(true);
  });

  it('lets nothing through for a character that only counts with another (space, =, :, /, @, line break) or for non-ASCII letters', () => {
    for (const ch of [' ', '+', '\t', '\n', '\r', '=', ':', '/', '@', '-', '.', '%20', '%2F', 'é', 'ß', '\u00e9', '\u4e2d', '\u0131']) {
      for (const text of [`abc${ch}def`, `abcdef${ch}`]) expect(mayCarryAttack(text), JSON.stringify(text)).toBe(false);
    }
  });

  it('combines what it saw: = with a space, a line break before a colon, @ with a slash', () => {
    expect(mayCarryAttack('a b=c')).toBe(true);
    expect(mayCarryAttack('a\tb=c')).toBe(true);
    expect(mayCarryAttack('a+b=c')).toBe(true);
    expect(mayCarryAttack('a=b')).toBe(false);
    expect(mayCarryAttack('line one\nName: x')).toBe(true);
    expect(mayCarryAttack('line one\tName: x')).toBe(false);
    expect(mayCarryAttack('user@host/path')).toBe(true);
    expect(mayCarryAttack('user@host.example')).toBe(false);
  });
});

describe('proseEvidenceBlocks (where a long text is worth scoring)', () => {
  const prose =
    "Day 3: rain in the morning, sun after lunch; walked 18 km along the ridge to the hut. Don't forget: the " +
    "guide (Anna) said \"bring water\" twice! Tom & Jerry's café cost $12, l'oréal ‘quoted’ and “quoted” too.\n";
  const letter = prose.repeat(12);

  it('finds nothing in prose whose punctuation stands where prose puts it', () => {
    expect(letter.length).toBeGreaterThan(2048);
    expect(mayCarryAttack(letter)).toBe(true); // as a value of its own it passes: the first and last window are scored
    expect([...proseEvidenceBlocks(letter, 256)].every((b) => b === 0)).toBe(true);
  });

  it('flags the block where an injection sits in a long letter, wherever it is placed', () => {
    const payloads = [
      "x' or 'x' like 'x", 'a;id', 'sleep(5)', '<script>', '$(id)', '${jndi:ldap://x/a}', '1 union select 2', 'x\r\nSet-Cookie: a=b',
      '../../etc/passwd', 'rO0ABXNyABFqYXZh', 'http://169.254.169.254/latest/', '%27%20or', 'admin\' --', 'a | nc x 4444', '`id`', 'php://filter/resource=x',
      '“x” ＜svg＞', '{{7*7}}', 'a && b', "don't'",
    ];
    for (const payload of payloads) {
      for (const at of [700, 1023, 1024, 1500]) {
        const text = letter.slice(0, at) + ' ' + payload + ' ' + letter.slice(at);
        const blocks = proseEvidenceBlocks(text, 256);
        expect(blocks[((at + 1) / 256) | 0] === 1 || blocks[((at + payload.length) / 256) | 0] === 1, `${payload} at ${at}`).toBe(true);
      }
    }
  });

  it('marks both blocks of a match that straddles their border', () => {
    const text = 'a'.repeat(249) + ' order by 3 ' + 'b'.repeat(600); // `order by` from 250 to 257
    const blocks = proseEvidenceBlocks(text, 256);
    expect([blocks[0], blocks[1], blocks[2]]).toEqual([1, 1, 0]);
  });

  it('marks the blocks of INJECTION_WORDS\' matches and no lead inside a word, short and long texts alike (200 random texts each)', () => {
    // Only letters, digits, `_` and spaces: no marked char, path or serialized object, so the blocks are the words' alone.
    const pieces = ['or', 'or 1', 'xor 1', 'morning', 'lunch', 'nc', 'ridge', 'id', '_id', 'id_', 'id2', '2id', 'union', 'reunion', 'select',
      'cat', 'catalog', 'ls', 'rls', 'sh', 'bash', 'fresh', 'and true', 'band true', 'x', 'the', '42', ' ', '  ', ' '];
    const next = seededRandom(32);
    for (const length of [120, 700, 5000]) {
      for (let t = 0; t < 200; t++) {
        let text = '';
        while (text.length < length) text += pieces[Math.floor(next() * pieces.length)] + (next() < 0.7 ? ' ' : '');
        const want = new Uint8Array(((text.length + 63) / 64) | 0);
        const re = new RegExp(INJECTION_WORDS.source, 'g');
        for (let m = re.exec(text); m !== null; m = re.exec(text)) {
          want[(m.index / 64) | 0] = 1;
          want[((m.index + m[0].length - 1) / 64) | 0] = 1;
        }
        expect([...proseEvidenceBlocks(text, 64)], JSON.stringify(text)).toEqual([...want]);
      }
    }
  });

  it('marks a doubled `.` or `-` (both blocks when it straddles their border), never a single one', () => {
    const filler = 'word '.repeat(200);
    for (const mark of ['..', '--', '...']) {
      const text = filler.slice(0, 255) + mark + filler;
      expect([...proseEvidenceBlocks(text, 256)].slice(0, 3), mark).toEqual([1, 1, 0]);
    }
    for (const single of ['.', '-', '.-', '-.', '. .', '\u012e.']) {
      const text = filler.slice(0, 255) + single + filler;
      expect([...proseEvidenceBlocks(text, 256)].every((b) => b === 0), JSON.stringify(single)).toBe(true);
    }
  });

  it('finds keywords at their place when lower-casing changes the text length (İ)', () => {
    const text = 'İ'.repeat(300) + ' ' + 'words '.repeat(60) + 'then 1 UNION SELECT 2 here ' + 'more words '.repeat(40);
    const at = text.indexOf('UNION');
    expect(proseEvidenceBlocks(text, 256)[(at / 256) | 0]).toBe(1);
  });
});

describe('the prose scan\'s header check, as HEADER_AFTER_BREAK finds it', () => {
  // Keywords, heads with and without their tails, near misses inside words, case, separators, non-ASCII.
  const PIECES = [
    'cat', 'catalog', 'Cat', 'CAT', 'ls', 'id', 'ID', 'rm', 'sh', 'bash', 'xp_cmdshell', 'xp_', 'XP_dirtree', 'information_schema', 'union', 'UNION',
    'order', 'order by', 'ORDER+BY', 'order  by', 'order byx', 'group by', 'insert into', 'reg add', 'reg query', 'reg', 'or', 'or 1', 'OR 12',
    'or 1x', 'or  7', 'or true', 'or false', 'or truex', 'and 2', 'and', 'and true', 'AND FALSE', 'net user', 'net view', 'net', 'netsh', 'netstat',
    '_id', 'id_', 'id2', '2id', 'ifconfig', 'jndi', 'eval', 'evaluate', 'x', 'the', 'rain', 'Day 3:', 'Set-Cookie:', 'K', '\u212a', 'İ', 'é',
    ' ', '  ', '+', '\t', '\n', '\r\n', '\u00a0', '\u2028', '.', ',', ';', ':', '-', '_', '/', '(', "'", '1', '42', '\n\nX-a-1:', '\nab',
  ];
  function randomText(next: () => number): string {
    let text = '';
    const parts = 1 + Math.floor(next() * 40);
    for (let k = 0; k < parts; k++) text += PIECES[Math.floor(next() * PIECES.length)] + (next() < 0.5 ? ' ' : '');
    return text;
  }
  it('finds the header shape HEADER_AFTER_BREAK finds at every line break, on 20,000 random texts', () => {
    const next = seededRandom(15);
    const sticky = new RegExp(HEADER_AFTER_BREAK.source, 'y');
    for (let t = 0; t < 20_000; t++) {
      const text = randomText(next);
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c !== 10 && c !== 13) continue;
        sticky.lastIndex = i;
        const m = sticky.exec(text);
        expect(headerAfterBreak(text, i), JSON.stringify([text, i])).toBe(m === null ? 0 : i + m[0].length);
      }
    }
  });
});

describe('INJECTION_WORDS grouped by first letter', () => {
  const matches = (re: RegExp, flags: string, text: string): string[] => {
    const g = new RegExp(re.source, flags);
    const out: string[] = [];
    for (let m = g.exec(text); m !== null; m = g.exec(text)) out.push(`${m.index}-${m.index + m[0].length}`);
    return out;
  };

  it('finds exactly the matches of the ungrouped regex, with and without i, over 3,000 texts of keyword pieces', () => {
    let seed = 2026;
    const next = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    // Keywords, their first words and near misses, and what the regex reads between words: `+` and
    // Unicode spaces ([\s+]), `_` and digits (\w), non-ASCII letters (\b is ASCII), the Kelvin sign.
    const pieces = ['or', 'and', 'order', 'by', 'group', 'net', 'user', 'view', 'reg', 'add', 'true', 'false', 'sh', 'id', 'xp_', 'cmd', 'union',
      'select', 'Select', 'UNION', 'OR', 'Net', 'stat', 'information_schema', 'cat', 'ls', 'e', 's', 'x', '1', '42', '_', ' ', ' ', '  ', '+',
      '\t', '\n', '\u00a0', '\u2028', ',', ';', '=', '-', 'é', 'İ', '\u212a', 'ſ'];
    let found = 0;
    for (let round = 0; round < 3000; round++) {
      const text = Array.from({ length: 1 + next(30) }, () => pieces[next(pieces.length)]).join('');
      for (const flags of ['g', 'gi']) {
        const want = matches(INJECTION_WORDS, flags, text);
        found += want.length;
        expect(matches(INJECTION_WORDS_BY_FIRST_LETTER, flags, text), `${flags} ${JSON.stringify(text)}`).toEqual(want);
      }
    }
    expect(found).toBeGreaterThan(2000);
  });
});
