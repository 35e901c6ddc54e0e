/**
 * Security tools' rule editors: detection rules saved as text through their admin APIs and consoles — Wazuh
 * rule and decoder XML, Suricata and Snort signatures (OPNsense/pfSense custom rules, Security Onion),
 * Sigma YAML, YARA, CrowdSec scenarios, fail2ban filters, a WAF console's exclusion — each quoting, as
 * rules do, the strings attacks send: system files, traversals, SQL keywords, scanner names, shell names,
 * often hex-escaped (`|3a|`) or as regular expressions. Issue 14's model-side false positives of session 26:
 * a Wazuh rule's `/etc/passwd|/proc/self/environ|win.ini` (1.0), Suricata rule texts.
 */
import type { Family } from '../lib/family.js';
import { browserHeaders, pickBrowser } from '../lib/clients.js';
import type { Rng } from '../lib/rng.js';
import { encodePairs, withBody, type WireRequest } from '../lib/wire.js';
import { panelOrigin } from './config-editor.js';

/** What rules look for, as rules write it. */
const FILES = ['/etc/passwd', '/etc/shadow', '/proc/self/environ', 'win.ini', 'boot.ini', '/.git/config', '/.env', 'wp-config.php', '/.aws/credentials', '/WEB-INF/web.xml', 'id_rsa', '/etc/hosts'];
const TRAVERSALS = ['../', '..%2f', '%2e%2e%2f', '..\\', '%252e%252e', '....//'];
const SQL = ['union select', 'UNION ALL SELECT', 'information_schema', 'sleep(', 'benchmark(', 'waitfor delay', 'xp_cmdshell', 'load_file(', 'into outfile', 'or 1=1'];
const SCANNERS = ['sqlmap', 'nikto', 'nuclei', 'masscan', 'zgrab', 'wpscan', 'gobuster', 'ffuf', 'dirbuster', 'Nmap Scripting Engine', 'acunetix', 'w3af'];
const SHELLS = ['/bin/sh', '/bin/bash', 'cmd.exe', 'powershell', 'whoami', 'uname -a', 'nc -e', 'wget ', 'curl ', 'chmod +x'];
const XSS = ['<script', 'javascript:', 'onerror=', 'onload=', 'document.cookie', 'alert('];
const WEB = ['/wp-login.php', '/xmlrpc.php', '/phpmyadmin/', '/cgi-bin/', '/actuator/', '/server-status', '/HNAP1', '/boaform/admin/formLogin', '/vendor/phpunit/', '/solr/admin/'];

const hexColon = (s: string): string => s.replace(/:/g, '|3a|').replace(/ /g, '|20|');
const escRe = (s: string): string => s.replace(/[.\\/()?*+|[\]{}^$]/g, (c) => `\\${c}`);

function indicator(rng: Rng): { kind: string; value: string } {
  const [kind, values] = rng.pick<readonly [string, readonly string[]]>([['file', FILES], ['trav', TRAVERSALS], ['sql', SQL], ['scanner', SCANNERS], ['shell', SHELLS], ['xss', XSS], ['web', WEB]]);
  return { kind, value: rng.pick(values) };
}

const MSG: Record<string, string[]> = {
  file: ['Sensitive file requested', 'Attempt to read system file', 'Local file disclosure attempt'],
  trav: ['Directory traversal attempt', 'Path traversal in URI', 'Encoded traversal'],
  sql: ['SQL injection attempt', 'SQLi keyword in query string', 'Time-based SQL injection'],
  scanner: ['Web scanner user agent', 'Known scanner', 'Reconnaissance tool detected'],
  shell: ['Command injection attempt', 'Web shell command', 'Shell command in parameter'],
  xss: ['Cross-site scripting attempt', 'XSS payload in parameter', 'Script tag in request'],
  web: ['Probe of admin endpoint', 'CMS login brute force', 'Known vulnerable endpoint probe'],
};

function suricata(rng: Rng, snort: boolean): string {
  const ind = indicator(rng);
  const sid = rng.int(1000000, 9999999);
  const buf = rng.pick(snort ? ['http_uri;', 'http_header;', 'http_client_body;'] : ['http.uri;', 'http.user_agent;', 'http.request_body;', 'http.header;']);
  const v = rng.chance(0.4) ? hexColon(ind.value) : ind.value.replace(/"/g, '|22|').replace(/;/g, '|3b|');
  const opts = [`msg:"LOCAL ${rng.pick(MSG[ind.kind])}"`, 'flow:established,to_server', snort ? `content:"${v}"; ${buf}` : `${buf} content:"${v}"`, ...(rng.chance(0.6) ? ['nocase'] : []), ...(rng.chance(0.35) ? [`pcre:"/${escRe(ind.value)}/${rng.pick(['i', 'Ui', 'Pi'])}"`] : []), ...(rng.chance(0.3) ? [`threshold:type limit, track by_src, count ${rng.int(1, 5)}, seconds ${rng.pick([60, 300])}`] : []), `classtype:${rng.pick(['web-application-attack', 'attempted-recon', 'attempted-admin', 'misc-activity'])}`, `sid:${sid}`, `rev:${rng.int(1, 9)}`];
  return `${rng.pick(['alert', 'alert', 'drop', 'reject'])} ${snort ? 'tcp' : 'http'} ${rng.pick(['$EXTERNAL_NET', 'any'])} any -> ${rng.pick(['$HTTP_SERVERS', '$HOME_NET', 'any'])} ${rng.pick(['$HTTP_PORTS', 'any', '80', '[80,443,8080]'])} (${opts.join('; ')};)`;
}

function wazuh(rng: Rng): string {
  const id = rng.int(100100, 100999);
  const inds = Array.from({ length: rng.int(1, 4) }, () => indicator(rng));
  const kind = inds[0].kind;
  const field = rng.pick(['url', 'match', 'regex', 'field name="url"', 'field name="data.http.user_agent"']);
  const close = field.split(' ')[0];
  const value = field === 'regex' ? inds.map((i) => escRe(i.value)).join('|') : inds.map((i) => i.value).join('|');
  const xml = [`<group name="${rng.pick(['web,accesslog,', 'local,attack,', 'nginx,web_scan,'])}">`, `  <rule id="${id}" level="${rng.int(5, 12)}"${rng.chance(0.3) ? ' frequency="8" timeframe="120"' : ''}>`, `    <if_sid>${rng.pick(['31100', '31108', '31101', '86601'])}</if_sid>`, `    <${field}>${value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</${close}>`, `    <description>${rng.pick(MSG[kind])}: $(url)</description>`, `    <mitre>`, `      <id>${rng.pick(['T1190', 'T1083', 'T1595.002', 'T1059'])}</id>`, `    </mitre>`, `    <group>${rng.pick(['attack,', 'web_scan,recon,', 'pci_dss_6.5,'])}</group>`, `  </rule>`, `</group>`];
  return xml.join('\n');
}

function sigma(rng: Rng): string {
  const inds = Array.from({ length: rng.int(2, 5) }, () => indicator(rng));
  const mod = rng.pick(['|contains', '|contains|all', '|endswith', '|re']);
  return [`title: ${rng.pick(MSG[inds[0].kind])}`, `id: ${rng.uuid()}`, `status: ${rng.pick(['experimental', 'test', 'stable'])}`, `description: Detects ${rng.pick(MSG[inds[0].kind]).toLowerCase()} in web server logs`, `author: ${rng.pick(['SOC team', 'Detection Engineering', 'blue team'])}`, `date: 2026/${rng.int(1, 12)}/${rng.int(1, 28)}`, `logsource:`, `  category: webserver`, `detection:`, `  selection:`, `    ${rng.pick(['cs-uri-query', 'cs-uri-stem', 'c-useragent'])}${mod}:`, ...inds.map((i) => `      - '${mod === '|re' ? escRe(i.value) : i.value.replace(/'/g, "''")}'`), `  condition: selection`, `falsepositives:`, `  - ${rng.pick(['Vulnerability scanners run by the security team', 'Unknown', 'Legitimate admin tools'])}`, `level: ${rng.pick(['medium', 'high', 'critical'])}`].join('\n');
}

function yara(rng: Rng): string {
  const name = `${rng.pick(['Webshell', 'Suspicious', 'Hunt', 'MAL'])}_${rng.pick(['PHP', 'JSP', 'ASPX', 'Generic'])}_${rng.alnum(4)}`;
  const strs = rng.sample(['"eval(base64_decode("', '"system($_GET"', '"passthru("', '"shell_exec("', '"Runtime.getRuntime().exec("', '"cmd.exe /c"', '"<%@ Page Language=\\"C#\\""', '"move_uploaded_file("', '"assert($_POST"', '"uname -a"'], rng.int(2, 4));
  return [`rule ${name}`, `{`, `    meta:`, `        description = "${rng.pick(['Web shell patterns in uploaded files', 'Hunting rule for PHP backdoors', 'Suspicious server-side script'])}"`, `        author = "${rng.pick(['SOC', 'IR team', 'threat intel'])}"`, `        date = "2026-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}"`, `    strings:`, ...strs.map((s, i) => `        $s${i + 1} = ${s}${rng.chance(0.5) ? ' nocase' : ''} ascii`), `    condition:`, `        ${rng.pick(['filesize < 200KB and 2 of them', 'any of them', `uint16(0) == 0x3f3c and ${rng.int(1, 2)} of ($s*)`])}`, `}`].join('\n');
}

function crowdsec(rng: Rng): string {
  const inds = Array.from({ length: rng.int(1, 3) }, () => indicator(rng));
  return [`type: leaky`, `name: local/${rng.pick(['http-probing-sensitive', 'http-sqli-probing', 'http-bad-ua', 'http-traversal'])}`, `description: "${rng.pick(MSG[inds[0].kind])}"`, `filter: "evt.Meta.service == 'http' && (${inds.map((i) => `evt.Parsed.${rng.pick(['request', 'http_user_agent'])} contains '${i.value.replace(/'/g, "\\'")}'`).join(' || ')})"`, `groupby: "evt.Meta.source_ip"`, `capacity: ${rng.int(2, 10)}`, `leakspeed: ${rng.pick(['10s', '1m', '5m'])}`, `blackhole: ${rng.pick(['1m', '5m'])}`, `labels:`, `  remediation: true`].join('\n');
}

function fail2ban(rng: Rng): string {
  const inds = Array.from({ length: rng.int(1, 3) }, () => indicator(rng));
  return [`[Definition]`, `failregex = ^<HOST> -.*"(GET|POST|HEAD) [^"]*(?:${inds.map((i) => escRe(i.value)).join('|')})[^"]*" (?:404|403|400)`, `            ^<HOST> -.*"[^"]*" \\d+ \\d+ "[^"]*" "[^"]*(?:${SCANNERS.slice(0, rng.int(2, 6)).join('|')})[^"]*"$`, `ignoreregex =`, `datepattern = {^LN-BEG}%%d/%%b/%%Y:%%H:%%M:%%S`].join('\n');
}

export const securityRules: Family = {
  name: 'security-rules',
  summary: 'Security tools\' rule editors saving detection rules that quote attack strings: Wazuh rule XML, Suricata and Snort signatures (OPNsense/pfSense, Security Onion), Sigma YAML, YARA, CrowdSec scenarios, fail2ban filters and a WAF console exclusion, through their admin APIs and forms.',
  perScale: 3_000,
  make(ctx): WireRequest {
    const { rng } = ctx;
    const b = pickBrowser(rng, rng.pick(['en-US', 'en-GB', 'de-DE', 'es-ES', 'pt-BR']));
    const tool = rng.int(0, 8);
    const origin = tool === 0 || tool === 1 ? panelOrigin(rng, [443, 55000]) : tool <= 4 ? panelOrigin(rng, [443, 80, 8443]) : `https://${rng.pick(['siem', 'soc', 'detect', 'security'])}.${rng.pick(['example.com', 'corp.example', 'example.io'])}`;
    const host = origin.replace(/^https?:\/\//, '');
    const cookie = rng.pick([`PHPSESSID=${rng.alnum(26).toLowerCase()}`, `session=${rng.alnum(40)}`, `sid=${rng.hex(32)}`]);
    const xhr = (referer: string): Record<string, string> => browserHeaders(rng, b, host, 'xhr', { origin, referer, site: 'same-origin', cookie });
    const bearer = `Bearer ${rng.alnum(36)}.${rng.alnum(150)}.${rng.alnum(43)}`;
    switch (tool) {
      case 0:
        return withBody({ method: 'PUT', path: `/rules/files/${rng.pick(['local_rules.xml', '0900-custom_web_rules.xml', 'web_probes.xml'])}`, query: 'overwrite=true&pretty=true', headers: { Host: host, 'User-Agent': rng.pick(['python-requests/2.32.3', 'Wazuh-Dashboard/4.9.0']), Accept: 'application/json', Authorization: bearer } }, 'application/octet-stream', wazuh(rng));
      case 1:
        return withBody({ method: 'POST', path: '/api/request', query: '', headers: { ...xhr(`${origin}/app/wazuh-ruleset#/manager/?tab=rules`), 'osd-xsrf': 'kibana' } }, 'application/json', JSON.stringify({ method: 'PUT', path: `/rules/files/local_rules.xml?overwrite=true`, body: { body: wazuh(rng), origin: 'raw' }, id: rng.hex(8) }));
      case 2: {
        const rules = Array.from({ length: rng.int(1, 4) }, () => suricata(rng, false)).join('\n');
        return withBody({ method: 'POST', path: '/api/ids/settings/set', query: '', headers: { ...xhr(`${origin}/ui/ids#rules`), 'X-CSRFToken': rng.alnum(32) } }, 'application/json', JSON.stringify({ ids: { userDefinedRules: { rule: rules } } }));
      }
      case 3: {
        const rules = Array.from({ length: rng.int(1, 4) }, () => suricata(rng, true)).join('\n');
        return withBody({ method: 'POST', path: rng.pick(['/snort/snort_rules.php', '/suricata/suricata_rules.php']), query: `id=${rng.int(0, 3)}`, headers: browserHeaders(rng, b, host, 'form', { origin, referer: `${origin}/snort/snort_rules.php?id=0&openruleset=custom.rules`, site: 'same-origin', cookie }) }, 'application/x-www-form-urlencoded', encodePairs([['__csrf_magic', `sid:${rng.hex(40)},${rng.int(1700000000, 1760000000)}`], ['id', '0'], ['openruleset', 'custom.rules'], ['customrules', rules], ['save', 'Save']], 'form'));
      }
      case 4:
        return withBody({ method: 'POST', path: '/connect/so/detection', query: '', headers: { ...xhr(`${origin}/#/detection/create`), 'X-Srv-Token': rng.alnum(32) } }, 'application/json', JSON.stringify({ publicId: String(rng.int(1000000, 9999999)), title: rng.pick(MSG.web), severity: rng.pick(['low', 'medium', 'high']), engine: 'suricata', language: 'suricata', content: suricata(rng, false), isEnabled: rng.chance(0.8), description: '' }));
      case 5:
        return withBody({ method: 'POST', path: rng.pick(['/api/v1/rules/sigma', '/api/detections/sigma/import', '/api/rules']), query: '', headers: { ...xhr(`${origin}/detections/rules/new`), 'X-CSRF-Token': rng.alnum(40) } }, 'application/json', JSON.stringify({ format: 'sigma', enabled: rng.chance(0.7), tags: ['attack.initial_access', 'attack.t1190'], rule: sigma(rng) }));
      case 6:
        return withBody({ method: 'POST', path: rng.pick(['/api/v3/intelligence/hunting_rulesets', '/api/yara/rules', '/api/v2/rulesets']), query: '', headers: { Host: host, 'User-Agent': rng.pick(['python-requests/2.32.3', 'vt-py/0.18.3']), Accept: 'application/json', 'x-apikey': rng.hex(64) } }, 'application/json', JSON.stringify({ data: { type: 'hunting_ruleset', attributes: { name: `${rng.pick(['webshells', 'php-backdoors', 'ir-case'])}-${rng.int(1, 99)}`, enabled: true, limit: 100, rules: yara(rng) } } }));
      case 7:
        return rng.chance(0.5)
          ? withBody({ method: 'PUT', path: `/v1/hub/scenarios/local/${rng.pick(['http-probing-sensitive', 'http-sqli-probing', 'http-bad-ua'])}`, query: '', headers: { Host: host, 'User-Agent': 'crowdsec-console/1.0', Authorization: bearer, Accept: 'application/json' } }, 'application/x-yaml', crowdsec(rng))
          : withBody({ method: 'POST', path: '/filesystem/write', query: encodePairs([['path', `/etc/fail2ban/filter.d/${rng.pick(['nginx-probe', 'web-scan', 'apache-badbots'])}.conf`]], 'component'), headers: xhr(`${origin}/fail2ban/filters`) }, 'text/plain;charset=UTF-8', fail2ban(rng));
      default: {
        const ind = indicator(rng);
        return withBody({ method: 'POST', path: '/api/waf/exclusions', query: '', headers: { ...xhr(`${origin}/waf/policies/${rng.int(1, 40)}/exclusions`), 'X-CSRF-Token': rng.alnum(40) } }, 'application/json', JSON.stringify({ name: `${rng.pick(['Allow', 'Exclude'])} ${rng.pick(['docs search', 'SIEM rule editor', 'ticket bodies'])}`, match: { path: rng.pick(['/api/search', '/tickets/*/comments', '/rules/files/*']), parameter: rng.pick(['q', 'body', 'content']) }, ruleIds: [rng.int(942100, 942999), rng.int(930100, 930130)], note: `False positives on "${ind.value}" in ${rng.pick(['analyst notes', 'rule texts', 'runbook pages'])}` }));
      }
    }
  },
};
