/**
 * The code technical users quote in ordinary text fields: whole SQL statements, shell command lines,
 * Python/Java/JS lines that call the system, regexes, CMS block markup and log queries — drawn from a
 * small grammar written here (tables, columns, paths and commands recombined) and from the fenced code
 * blocks of the installed packages' READMEs (`text.ts`).
 *
 * What is deliberately left out, because it would be attack material and not a quotation: README code of
 * packages whose documentation demonstrates the attack they defend against (`EXCLUDED_PACKAGES`), and any
 * README block holding an attack demonstration's marker (`ATTACK_DEMO`: a `__proto__`/`constructor.prototype`
 * key, an inline `<script>` body, an event-handler attribute, `javascript:`, a JNDI lookup, an external
 * entity, a quote closed into a boolean tautology or comment). The grammar below writes statements and
 * programs whole — a statement as a developer pastes it, never a value that closes a quote and appends a
 * statement. /usr/share/doc is not read: it differs between machines, and a family must give the same
 * bytes for a seed on every clean clone.
 */
import type { CodeBlock, TextCorpus } from './text.js';
import type { Rng } from './rng.js';

/** Packages whose README shows attack payloads (the attack the package defends against). */
export const EXCLUDED_PACKAGES: ReadonlySet<string> = new Set([
  'secure-json-parse', // prototype-poisoning payloads ({"__proto__": …, "constructor": {"prototype": …}})
  'safe-regex2', // catastrophic-backtracking regexes as examples
  'dunder-proto', // __proto__ manipulation as the package's subject
  'get-proto',
]);

/** A README block demonstrating an attack rather than using a library. */
export const ATTACK_DEMO = /__proto__|constructor["'\]]?\s*[:.[]\s*\{?\s*["']?prototype|<script\b[^>]*>\s*[^<\s]|\bon(?:error|load|mouseover|focus)\s*=|javascript:|\$\{jndi|<!ENTITY|['"]\s*(?:or|and)\s+['"\d][^'"]*['"]?\s*=|['"]\s*;?\s*--\s*$|\.\.\/\.\.\/\.\.\//im;

let readmeCache: { corpus: TextCorpus; blocks: CodeBlock[] } | undefined;

/** The README code blocks fit to quote: neither from an excluded package nor an attack demonstration. */
export function quotableReadmeCode(text: TextCorpus): CodeBlock[] {
  if (readmeCache?.corpus === text) return readmeCache.blocks;
  const blocks = text.code.filter((b) => !EXCLUDED_PACKAGES.has(b.from) && !ATTACK_DEMO.test(b.code));
  readmeCache = { corpus: text, blocks };
  return blocks;
}

const TABLES = ['orders', 'customers', 'users', 'invoices', 'events', 'page_views', 'products', 'sessions', 'payments', 'subscriptions', 'audit_log', 'tickets'];
const COLUMNS = ['id', 'email', 'created_at', 'status', 'total', 'user_id', 'country', 'plan', 'amount', 'updated_at', 'name', 'sku'];
const STATUSES = ['paid', 'cancelled', 'active', 'pending', 'refunded', 'trial'];
const WORDS = ['shoe', 'berlin', 'invoice', 'refund', 'black friday', 'kaffee', 'ninja', 'test'];

function col(rng: Rng): string {
  return rng.pick(COLUMNS);
}

/** A whole SQL statement, as pasted into a question, a BI editor or a gist. */
export function sqlStatement(rng: Rng): string {
  const t = rng.pick(TABLES);
  const t2 = rng.pick(TABLES.filter((x) => x !== t));
  const where = rng.weighted<() => string>([
    [() => `status = '${rng.pick(STATUSES)}'`, 3],
    [() => `${rng.pick(['name', 'email', 'sku'])} LIKE '%${rng.pick(WORDS)}%'`, 2],
    [() => `created_at >= now() - interval '${rng.int(1, 90)} days'`, 2],
    [() => `${col(rng)} IN (${rng.int(1, 99)}, ${rng.int(100, 999)}, ${rng.int(1000, 9999)})`, 1],
    [() => `user_id = ${rng.int(1, 99999)}`, 2],
    [() => `${col(rng)} IS NULL`, 1],
    [() => `total > ${rng.int(10, 500)} AND country = '${rng.pick(['DE', 'US', 'FR', 'KR', 'JP', 'BR'])}'`, 1],
  ] as const);
  return rng.weighted<() => string>([
    [() => `SELECT ${rng.sample(COLUMNS, rng.int(1, 3)).join(', ')} FROM ${t} WHERE ${where()} ORDER BY ${col(rng)} ${rng.pick(['DESC', 'ASC'])} LIMIT ${rng.pick([10, 20, 50, 100])};`, 4],
    [() => `SELECT count(*) FROM ${t}${rng.chance(0.5) ? ` WHERE ${where()}` : ''}`, 3],
    [() => `SELECT ${t}.id, ${t2}.${col(rng)}\nFROM ${t}\n${rng.pick(['JOIN', 'LEFT JOIN'])} ${t2} ON ${t2}.${t.replace(/s$/, '')}_id = ${t}.id\nWHERE ${t}.${where()};`, 2],
    [() => `SELECT date_trunc('${rng.pick(['day', 'week', 'month'])}', created_at) AS d, sum(${rng.pick(['total', 'amount'])}) FROM ${t} GROUP BY 1 ORDER BY 1;`, 2],
    [() => `SELECT table_name FROM information_schema.tables WHERE table_schema = '${rng.pick(['public', 'app', 'analytics'])}';`, 1],
    [() => `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '${t}' ORDER BY ordinal_position;`, 1],
    [() => `SELECT relname, n_live_tup FROM pg_catalog.pg_stat_user_tables ORDER BY n_live_tup DESC LIMIT 10;`, 0.5],
    [() => `EXPLAIN ANALYZE SELECT * FROM ${t} WHERE ${where()};`, 1],
    [() => `UPDATE ${t} SET status = '${rng.pick(STATUSES)}' WHERE id = ${rng.int(1, 99999)};`, 1],
    [() => `DELETE FROM ${t} WHERE created_at < now() - interval '${rng.int(30, 400)} days';`, 0.5],
    [() => `CREATE INDEX idx_${t}_${col(rng)} ON ${t} (${col(rng)});`, 1],
    [() => `ALTER TABLE ${t} ADD COLUMN ${rng.pick(['deleted_at', 'notes', 'source'])} ${rng.pick(['timestamptz', 'text', 'varchar(64)'])};`, 0.5],
    [() => `SELECT ${col(rng)} FROM ${t} WHERE ${where()}\nUNION ALL\nSELECT ${col(rng)} FROM ${t2} WHERE ${where()};`, 0.5],
  ] as const)();
}

const PATHS = ['/var/www/html', '/srv/app', '~/projects/api', '/opt/backup', './dist', '/var/log/nginx', '/data/exports'];

/** A shell command line as quoted in a bug report or a chat. */
export function shellLine(rng: Rng): string {
  const p = rng.pick(PATHS);
  return rng.weighted<() => string>([
    [() => `tar -czf backup-$(date +%F).tar.gz ${p}`, 2],
    [() => `cp config.yml config.yml.$(date +%s).bak`, 1],
    [() => `find ${p} -name "*.log" -mtime +${rng.int(3, 60)} -delete`, 1],
    [() => `grep -rn "${rng.pick(['TODO', 'timeout', 'deprecated', 'ECONNRESET'])}" ${rng.pick(['src/', 'lib/', '.'])} | head -${rng.int(5, 50)}`, 2],
    [() => `awk '{print $1}' ${rng.pick(['access.log', '/var/log/nginx/access.log'])} | sort | uniq -c | sort -rn | head`, 2],
    [() => `docker exec -it ${rng.pick(['db', 'postgres', 'app-db-1'])} psql -U postgres -c "SELECT count(*) FROM ${rng.pick(TABLES)};"`, 1],
    [() => `kubectl -n ${rng.pick(['prod', 'staging', 'payments'])} rollout restart deploy/${rng.pick(['api', 'web', 'worker'])}`, 1],
    [() => `for f in *.${rng.pick(['png', 'jpg', 'csv'])}; do echo "$f"; done`, 1],
    [() => `export NODE_OPTIONS="--max-old-space-size=${rng.pick([2048, 4096, 8192])}" && npm run build`, 1],
    [() => `rsync -avz --delete ${p}/ deploy@${rng.pick(['10.0.0.12', 'build-01', 'staging.internal'])}:${p}/`, 1],
    [() => `ssh -L 5432:localhost:5432 ${rng.pick(['bastion', 'jump.example.net', 'db-proxy'])}`, 1],
    [() => `curl -s "https://api.example.com/v1/items?page=${rng.int(1, 9)}" | jq '.data[] | .id'`, 1],
    [() => `VERSION=$(git describe --tags --abbrev=0) && echo "$VERSION"`, 1],
    [() => `sudo journalctl -u ${rng.pick(['nginx', 'postgresql', 'app'])} --since "${rng.int(5, 60)} min ago" | tail -n ${rng.int(20, 200)}`, 1],
    [() => `python3 -m venv .venv && . .venv/bin/activate && pip install -r requirements.txt`, 1],
  ] as const)();
}

/** A short program as quoted in a question, a gist or a review: Python, Java, JS, Go, PHP. */
export function programSnippet(rng: Rng): { lang: string; code: string } {
  return rng.weighted<() => { lang: string; code: string }>([
    [() => ({ lang: 'python', code: `import os\n\ndef cleanup(tmpdir):\n    # TODO: use shutil.rmtree instead\n    os.system("rm -rf " + tmpdir)` }), 1],
    [() => ({ lang: 'python', code: `import subprocess\n\nout = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True)\nprint(out.stdout.strip())` }), 1],
    [() => ({ lang: 'python', code: `cur.execute("SELECT id, ${col(rng)} FROM ${rng.pick(TABLES)} WHERE ${col(rng)} = %s", (value,))\nrows = cur.fetchall()` }), 1],
    [() => ({ lang: 'python', code: `with open(os.path.join(BASE_DIR, "${rng.pick(['config.json', 'settings.toml', 'data.csv'])}")) as fh:\n    data = ${rng.pick(['json.load(fh)', 'fh.read()', 'list(csv.reader(fh))'])}` }), 1],
    [() => ({ lang: 'java', code: `try (InputStream in = getClass().getClassLoader().getResourceAsStream("${rng.pick(['application.properties', 'config/app.properties', 'schema.sql'])}")) {\n    Properties p = new Properties();\n    p.load(in);\n}` }), 1],
    [() => ({ lang: 'java', code: `Class.forName("${rng.pick(['org.postgresql.Driver', 'com.mysql.cj.jdbc.Driver'])}");\nConnection conn = DriverManager.getConnection(url, user, password);\nPreparedStatement ps = conn.prepareStatement("SELECT * FROM ${rng.pick(TABLES)} WHERE id = ?");` }), 1],
    [() => ({ lang: 'java', code: `ProcessBuilder pb = new ProcessBuilder("git", "log", "-1", "--format=%H");\npb.redirectErrorStream(true);\nProcess p = pb.start();` }), 0.5],
    [() => ({ lang: 'js', code: `const re = /${rng.pick(['(["\'])(.*?)\\1', '(\\w)\\1', '(cat|dog)\\1', '^(\\d{3})-\\1$', '<(h[1-6])>.*?<\\/\\1>'])}/${rng.pick(['', 'g', 'i'])};\nconsole.log(re.test(${rng.pick(["'catcat'", "'\"hi\"'", "'aa'", "'<h2>x</h2>'"])}));` }), 1],
    [() => ({ lang: 'js', code: `const { execFile } = require('child_process');\nexecFile('git', ['status', '--porcelain'], (err, stdout) => {\n  if (err) throw err;\n  console.log(stdout);\n});` }), 0.5],
    [() => ({ lang: 'js', code: `const params = new URLSearchParams(location.search);\nconst q = params.get('q') ?? '';\ndocument.querySelector('#results').textContent = q;` }), 1],
    [() => ({ lang: 'go', code: `out, err := exec.Command("git", "rev-parse", "HEAD").Output()\nif err != nil {\n\tlog.Fatal(err)\n}\nfmt.Println(strings.TrimSpace(string(out)))` }), 0.5],
    [() => ({ lang: 'php', code: `<?php\n$stmt = $pdo->prepare('SELECT * FROM ${rng.pick(TABLES)} WHERE ${col(rng)} = ?');\n$stmt->execute([$id]);\n$row = $stmt->fetch(PDO::FETCH_ASSOC);` }), 0.5],
    [() => ({ lang: 'regex', code: rng.pick(['^(?:[a-z0-9!#$%&\'*+/=?^_`{|}~-]+(?:\\.[a-z0-9!#$%&\'*+/=?^_`{|}~-]+)*)@example\\.com$', '(\\d{1,3}\\.){3}\\d{1,3}', '\\b(\\w+)\\s+\\1\\b', '^\\/api\\/v(\\d+)\\/(users|orders)\\/(\\d+)$']) }), 1],
    [() => ({ lang: 'sql', code: sqlStatement(rng) }), 2],
    [() => ({ lang: 'bash', code: shellLine(rng) }), 2],
  ] as const)();
}

/** A unified diff hunk of a snippet: some lines removed, their replacement added, context kept. */
export function diffHunk(rng: Rng, before: string, after: string): string {
  const start = rng.int(1, 300);
  const a = before.split('\n');
  const b = after.split('\n');
  const context = rng.pick(['', '    # keep in sync with deploy.sh', '  // see #42', '        }']);
  return `@@ -${start},${a.length + 1} +${start},${b.length + 1} @@\n ${context}\n${a.map((l) => `-${l}`).join('\n')}\n${b.map((l) => `+${l}`).join('\n')}`;
}

/**
 * Code-review pairs: the line a reviewer comments on and the fix they suggest. Left out on purpose: a line
 * that is an attack's exact shape however it is quoted (`__import__('os').popen('…')`, Bobby Tables'
 * `Robert'); DROP TABLE Students;--`): a drop rule blocks those by mechanism, and a generated family must
 * not hold what a drop rule rightly blocks (DEVELOPERS.md); the hand-written blind benign set 3 measures them.
 */
export function reviewChange(rng: Rng): { file: string; before: string; after: string } {
  return rng.pick([
    { file: 'scripts/cleanup.py', before: '    os.system(\'rm -rf \' + tmpdir)', after: '    shutil.rmtree(tmpdir, ignore_errors=True)' },
    { file: 'tools/release.py', before: '    version = os.popen(cmd).read().strip()', after: '    version = subprocess.check_output(["git", "describe", "--tags"], text=True).strip()' },
    { file: 'app/db.py', before: '    cur.execute("SELECT * FROM users WHERE email = \'%s\'" % email)', after: '    cur.execute("SELECT * FROM users WHERE email = %s", (email,))' },
    { file: 'src/main/java/com/acme/Config.java', before: '        InputStream in = new FileInputStream("src/main/resources/app.properties");', after: '        InputStream in = getClass().getClassLoader().getResourceAsStream("app.properties");' },
    { file: 'src/util/slug.js', before: "  return s.replace(/(\\w)\\1+/g, '$1');", after: "  return s.normalize('NFKD').replace(/[^\\w-]+/g, '-');" },
    { file: 'deploy/backup.sh', before: 'tar -czf /tmp/backup.tar.gz /var/www/html', after: 'tar -czf "/opt/backup/site-$(date +%F).tar.gz" /var/www/html' },
    { file: 'src/search.ts', before: "  const sql = `SELECT * FROM products WHERE name LIKE '%${term}%'`;", after: "  const sql = 'SELECT * FROM products WHERE name LIKE $1';" },
    { file: 'lib/render.js', before: '  el.innerHTML = comment.body;', after: '  el.textContent = comment.body;' },
  ]);
}

/** WordPress block-editor markup around prose and a code block (what Gutenberg saves). */
export function gutenbergPost(rng: Rng, paragraphs: readonly string[], code: { lang: string; code: string }): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const p = (s: string) => `<!-- wp:paragraph -->\n<p>${esc(s)}</p>\n<!-- /wp:paragraph -->`;
  const parts = paragraphs.map(p);
  parts.splice(rng.int(0, parts.length), 0, `<!-- wp:code -->\n<pre class="wp-block-code"><code${code.lang ? ` lang="${code.lang}" class="language-${code.lang}"` : ''}>${esc(code.code)}</code></pre>\n<!-- /wp:code -->`);
  if (rng.chance(0.3)) parts.unshift(`<!-- wp:heading {"level":${rng.int(2, 3)}} -->\n<h2 class="wp-block-heading">${esc(rng.pick(['Setup', 'The query', 'What I tried', 'Notes']))}</h2>\n<!-- /wp:heading -->`);
  return parts.join('\n\n');
}

const LOG_APPS = ['nginx', 'api', 'auth', 'worker', 'ingress-nginx', 'php-fpm'];
const LOG_TERMS = ['/etc/passwd', '/wp-login.php', '.env', '/var/log/nginx/error.log', 'connection refused', 'OOMKilled', 'status=500', '/.git/config', 'timeout', 'SQLSTATE', 'Permission denied'];

/** A log-search query in the back end's own language (LogQL, Lucene/KQL, SPL, Datadog). */
export function logQuery(rng: Rng): { backend: 'loki' | 'lucene' | 'splunk' | 'datadog'; query: string } {
  const app = rng.pick(LOG_APPS);
  const term = rng.pick(LOG_TERMS);
  return rng.weighted<() => { backend: 'loki' | 'lucene' | 'splunk' | 'datadog'; query: string }>([
    [() => ({ backend: 'loki', query: `{app="${app}"${rng.chance(0.5) ? `, namespace="${rng.pick(['prod', 'web'])}"` : ''}} |= "${term}"${rng.chance(0.4) ? ` | json | status >= ${rng.pick([400, 500])}` : ''}` }), 3],
    [() => ({ backend: 'loki', query: `sum by (status) (count_over_time({app="${app}"} |= "${term}" [${rng.pick(['5m', '1h', '24h'])}]))` }), 1],
    [() => ({ backend: 'lucene', query: `${rng.pick(['message', 'url.original', 'request'])}:"${term}" AND ${rng.pick(['host.name', 'kubernetes.container.name'])}:${app}` }), 2],
    [() => ({ backend: 'splunk', query: `search index=${rng.pick(['web', 'main', 'prod'])} sourcetype=${rng.pick(['access_combined', 'nginx:plus:access'])} "${term}" | stats count by clientip | sort -count` }), 1],
    [() => ({ backend: 'datadog', query: `service:${app} @http.url_details.path:"${term}" status:${rng.pick(['error', 'warn'])}` }), 1],
  ] as const)();
}
