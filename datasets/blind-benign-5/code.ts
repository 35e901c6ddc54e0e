/**
 * Blind benign set 5: developers posting code — gist, paste and snippet saves in many languages, issue and
 * merge-request comments with stack traces, logs and reproduction steps, Q&A posts (security questions
 * with the safe code in them), and notebook saves.
 */
import type { Rng } from '../lib/rng.js';
import { alnum, browser, client, form, hex, json, type Draft } from '../blind-benign-4/wire.js';

/** Programs and files as developers paste them: [language, file name, text]. */
const SNIPPETS: readonly (readonly [string, string, string])[] = [
  ['go', 'main.go', 'package main\n\nimport (\n\t"fmt"\n\t"net/http"\n)\n\nfunc main() {\n\thttp.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) {\n\t\tfmt.Fprintln(w, "ok")\n\t})\n\thttp.ListenAndServe(":8080", nil)\n}\n'],
  ['rust', 'lib.rs', 'use std::collections::HashMap;\n\npub fn word_count(text: &str) -> HashMap<&str, usize> {\n    let mut counts = HashMap::new();\n    for word in text.split_whitespace() {\n        *counts.entry(word).or_insert(0) += 1;\n    }\n    counts\n}\n'],
  ['python', 'retry.py', 'import time\nimport requests\n\ndef get_with_retry(url, attempts=3):\n    for i in range(attempts):\n        try:\n            r = requests.get(url, timeout=5)\n            r.raise_for_status()\n            return r.json()\n        except requests.RequestException as e:\n            print(f"attempt {i + 1} failed: {e}")\n            time.sleep(2 ** i)\n    raise RuntimeError("gave up")\n'],
  ['ruby', 'user.rb', "class User < ApplicationRecord\n  has_many :orders, dependent: :destroy\n  validates :email, presence: true, uniqueness: { case_sensitive: false }\n\n  scope :active, -> { where(status: 'active') }\n\n  def display_name\n    \"#{first_name} #{last_name}\".strip\n  end\nend\n"],
  ['csharp', 'OrdersController.cs', '[ApiController]\n[Route("api/[controller]")]\npublic class OrdersController : ControllerBase\n{\n    private readonly AppDbContext _db;\n    public OrdersController(AppDbContext db) => _db = db;\n\n    [HttpGet("{id}")]\n    public async Task<ActionResult<Order>> Get(int id)\n    {\n        var order = await _db.Orders.FindAsync(id);\n        return order is null ? NotFound() : order;\n    }\n}\n'],
  ['kotlin', 'Retry.kt', 'suspend fun <T> retry(times: Int = 3, block: suspend () -> T): T {\n    repeat(times - 1) {\n        try { return block() } catch (e: IOException) { delay(1000L * (it + 1)) }\n    }\n    return block()\n}\n'],
  ['php', 'OrderController.php', "<?php\n\nnamespace App\\Http\\Controllers;\n\nuse App\\Models\\Order;\nuse Illuminate\\Http\\Request;\n\nclass OrderController extends Controller\n{\n    public function index(Request $request)\n    {\n        $orders = Order::where('user_id', $request->user()->id)\n            ->orderByDesc('created_at')\n            ->paginate(20);\n        return view('orders.index', compact('orders'));\n    }\n}\n"],
  ['bash', 'backup.sh', '#!/usr/bin/env bash\nset -euo pipefail\n\nSTAMP=$(date +%Y%m%d-%H%M)\nDEST="/mnt/backup/db-$STAMP.sql.gz"\npg_dump --no-owner "$DATABASE_URL" | gzip > "$DEST"\nfind /mnt/backup -name \'db-*.sql.gz\' -mtime +14 -delete\necho "wrote $DEST"\n'],
  ['powershell', 'cleanup.ps1', '$limit = (Get-Date).AddDays(-30)\nGet-ChildItem -Path "C:\\inetpub\\logs\\LogFiles" -Recurse -File |\n  Where-Object { $_.LastWriteTime -lt $limit } |\n  Remove-Item -Force -WhatIf\n'],
  ['sql', '20261205_add_index.sql', '-- migrate:up\nCREATE INDEX CONCURRENTLY IF NOT EXISTS idx_orders_customer_created\n  ON orders (customer_id, created_at DESC);\n\n-- migrate:down\nDROP INDEX CONCURRENTLY IF EXISTS idx_orders_customer_created;\n'],
  ['dockerfile', 'Dockerfile', 'FROM node:20-alpine AS build\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\n\nFROM node:20-alpine\nWORKDIR /app\nCOPY --from=build /app/dist ./dist\nCOPY --from=build /app/node_modules ./node_modules\nUSER node\nCMD ["node", "dist/server.js"]\n'],
  ['makefile', 'Makefile', '.PHONY: test lint build\n\ntest:\n\tgo test ./... -race -count=1\n\nlint:\n\tgolangci-lint run ./...\n\nbuild:\n\tCGO_ENABLED=0 go build -o bin/api ./cmd/api\n'],
  ['javascript', 'debounce.js', 'export function debounce(fn, wait = 200) {\n  let timer;\n  return (...args) => {\n    clearTimeout(timer);\n    timer = setTimeout(() => fn.apply(this, args), wait);\n  };\n}\n'],
  ['typescript', 'useFetch.ts', "import { useEffect, useState } from 'react';\n\nexport function useFetch<T>(url: string) {\n  const [data, setData] = useState<T | null>(null);\n  const [error, setError] = useState<Error | null>(null);\n  useEffect(() => {\n    const ctrl = new AbortController();\n    fetch(url, { signal: ctrl.signal })\n      .then((r) => r.json())\n      .then(setData)\n      .catch((e) => { if (e.name !== 'AbortError') setError(e); });\n    return () => ctrl.abort();\n  }, [url]);\n  return { data, error };\n}\n"],
  ['java', 'JdbcExample.java', 'String sql = "SELECT id, email FROM users WHERE status = ? AND created_at > ?";\ntry (PreparedStatement ps = conn.prepareStatement(sql)) {\n    ps.setString(1, "active");\n    ps.setTimestamp(2, Timestamp.from(Instant.now().minus(7, ChronoUnit.DAYS)));\n    try (ResultSet rs = ps.executeQuery()) {\n        while (rs.next()) {\n            System.out.println(rs.getLong("id") + " " + rs.getString("email"));\n        }\n    }\n}\n'],
  ['yaml', 'docker-compose.yml', 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: example\n    volumes:\n      - pgdata:/var/lib/postgresql/data\n  web:\n    build: .\n    ports:\n      - "8080:8080"\n    depends_on: [db]\nvolumes:\n  pgdata: {}\n'],
  ['regex', 'patterns.txt', '^(?<year>\\d{4})-(?<month>0[1-9]|1[0-2])-(?<day>0[1-9]|[12]\\d|3[01])$\n\\b[A-Z]{2}\\d{2}(?:\\s?\\d{4}){4,7}\\b\n^[\\w.+-]+@[\\w-]+\\.[\\w.]+$\n'],
  ['lua', 'rate_limit.lua', 'local key = KEYS[1]\nlocal limit = tonumber(ARGV[1])\nlocal current = redis.call("INCR", key)\nif current == 1 then\n  redis.call("EXPIRE", key, 60)\nend\nreturn current <= limit and 1 or 0\n'],
];

export function snippets(rng: Rng): Draft[] {
  return SNIPPETS.map(([lang, file, code], i): Draft => {
    switch (i % 4) {
      case 0:
        return { method: 'POST', path: '/gists', query: '', headers: client('api.github.example.com', 'gh/2.63.0', { Authorization: `token gho_${alnum(rng, 36)}`, 'Content-Type': 'application/json', Accept: 'application/vnd.github+json' }), body: json({ description: `${lang} example`, public: rng.chance(0.5), files: { [file]: { content: code } } }) };
      case 1:
        return { method: 'POST', path: '/api/v4/snippets', query: '', headers: browser(rng, 'gitlab.example.com', 'xhr', { 'Content-Type': 'application/json', 'X-CSRF-Token': alnum(rng, 88) }), body: json({ title: file, visibility: 'internal', files: [{ file_path: file, content: code }] }) };
      case 2:
        return { method: 'POST', path: '/', query: '', headers: browser(rng, 'paste.example.dev', 'form', { 'Content-Type': 'application/x-www-form-urlencoded' }), body: form([['code', code], ['lexer', lang], ['expiry', '1week'], ['filename', file]]) };
      default:
        return { method: 'PUT', path: `/api/v2/snippets/${alnum(rng, 6)}/${alnum(rng, 6)}`, query: '', headers: browser(rng, 'snippets.example.org', 'xhr', { 'Content-Type': 'application/json' }), body: json({ title: `${file} (draft)`, is_private: true, files: { [file]: { content: code, language: lang } } }) };
    }
  });
}

/** Issue and merge-request comments: traces, logs, reproduction steps. */
const COMMENTS = [
  'Getting this on startup since 2.14:\n\n```\nException in thread "main" java.lang.IllegalStateException: Failed to load ApplicationContext\n\tat org.springframework.test.context.cache.DefaultCacheAwareContextLoaderDelegate.loadContext(DefaultCacheAwareContextLoaderDelegate.java:132)\n\tat org.springframework.boot.SpringApplication.run(SpringApplication.java:1306)\nCaused by: java.lang.ClassNotFoundException: com.example.config.CacheConfig\n\tat java.base/jdk.internal.loader.BuiltinClassLoader.loadClass(BuiltinClassLoader.java:641)\n\tat java.base/java.lang.ClassLoader.loadClass(ClassLoader.java:525)\n```\n\nAny idea what changed?',
  'Traceback from the worker:\n\n```\nTraceback (most recent call last):\n  File "/app/worker/tasks.py", line 88, in process_upload\n    with open(path, "rb") as fh:\nFileNotFoundError: [Errno 2] No such file or directory: \'/tmp/uploads/7f3c/report.csv\'\n```\nLooks like the tmp volume is not shared between the pods.',
  '`npm ci` fails on CI only:\n\n```\nnpm ERR! code ERESOLVE\nnpm ERR! ERESOLVE unable to resolve dependency tree\nnpm ERR! Found: react@18.3.1\nnpm ERR! Could not resolve dependency:\nnpm ERR! peer react@"^17.0.0" from legacy-widget@2.1.0\n```\n`--legacy-peer-deps` works around it but I would rather bump the widget.',
  'Repro:\n1. `curl -i -X POST https://staging.example.com/api/v1/orders -H "Content-Type: application/json" -d \'{"items":[{"sku":"ABC-1","qty":2}]}\'`\n2. response is `500` with `{"error":"internal"}`\n3. logs show `TypeError: Cannot read properties of undefined (reading \'price\')` at `cart.ts:142`',
  'kubectl output, for the record:\n\n```\n$ kubectl get pods -n web\nNAME                   READY   STATUS             RESTARTS   AGE\napi-6d9f7c8b5d-x2kqz   0/1     CrashLoopBackOff   12         38m\n$ kubectl logs api-6d9f7c8b5d-x2kqz -n web --previous | tail -3\nError: listen EADDRINUSE: address already in use :::8080\n```',
  'The nginx error log has a lot of these since the CDN change:\n```\n2026/12/04 22:13:07 [error] 31#31: *4412 upstream timed out (110: Connection timed out) while reading response header from upstream, client: 10.2.0.14, server: shop.example.com, request: "GET /api/cart HTTP/1.1", upstream: "http://10.2.3.7:3000/api/cart"\n```',
  'Suggestion: instead of building the query with string concatenation (which is how the injection in #812 happened), use the query builder:\n\n```ts\nconst rows = await db(\'users\').where({ email }).select(\'id\', \'name\');\n```',
  'For the record, the security scanner flagged these paths in the access log last night: `/.env`, `/wp-login.php`, `/.git/config`, `/phpmyadmin/`. All 404 on our side, the WAF blocked the rest. Closing.',
  'Bisected it to a3f9c21. Before: `time ./bin/import data.csv` → 4.2s. After: 31s. The new code calls `JSON.parse` per line inside the loop.',
  'LGTM :+1: one nit: `if (user != null && user.isActive())` could be `if (user?.isActive)` now that we are on TS 5.',
  'Stack from Sentry (Node):\n```\nError: ECONNREFUSED 127.0.0.1:6379\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1607:16)\n    at RedisClient.connect (/srv/app/node_modules/redis/dist/index.js:212:19)\n```\nRedis was restarting during the deploy.',
  'Changing the crontab fixed it:\n```\n# before\n0 * * * * /usr/local/bin/report.sh\n# after\n0 * * * * flock -n /tmp/report.lock /usr/local/bin/report.sh >> /var/log/report.log 2>&1\n```',
  'Confirmed on Windows too: `C:\\Program Files\\Example\\bin\\example.exe --config "%APPDATA%\\Example\\config.json"` ignores the file when the path has a space.',
  'The Helm upgrade fails with:\n```\nError: UPGRADE FAILED: cannot patch "api" with kind Deployment: Deployment.apps "api" is invalid: spec.template.spec.containers[0].env[3].valueFrom: Invalid value: "": may not be specified when `value` is not empty\n```',
];

export function issues(rng: Rng): Draft[] {
  return COMMENTS.map((body, i): Draft => {
    if (i % 3 === 0) return { method: 'POST', path: `/repos/acme/${rng.pick(['web', 'api', 'infra'])}/issues/${rng.int(100, 9999)}/comments`, query: '', headers: client('api.github.example.com', 'octokit-rest.js/21.0.2', { Authorization: `Bearer ghp_${alnum(rng, 36)}`, 'Content-Type': 'application/json' }), body: json({ body }) };
    if (i % 3 === 1) return { method: 'POST', path: `/api/v4/projects/${rng.int(10, 900)}/merge_requests/${rng.int(1, 3000)}/notes`, query: '', headers: browser(rng, 'gitlab.example.com', 'xhr', { 'Content-Type': 'application/json', 'X-CSRF-Token': alnum(rng, 88) }), body: json({ body, internal: false }) };
    return { method: 'POST', path: `/rest/api/3/issue/WEB-${rng.int(100, 9999)}/comment`, query: '', headers: browser(rng, 'acme.atlassian.example.net', 'xhr', { 'Content-Type': 'application/json', 'X-Atlassian-Token': 'no-check' }), body: json({ body: { type: 'doc', version: 1, content: [{ type: 'codeBlock', content: [{ type: 'text', text: body }] }] } }) };
  });
}

/** Q&A posts: a title and a markdown body, some about security with the safe code in them. */
const QUESTIONS: readonly (readonly [string, string, string])[] = [
  ['How do I use a parameterized query with psycopg2 and an IN list?', 'I have a list of ids and want `WHERE id IN (...)`. This works but is it safe?\n\n```python\ncur.execute("SELECT id, name FROM products WHERE id = ANY(%s)", (ids,))\n```\nOr should I build the placeholders myself?', 'python postgresql'],
  ['Escaping user input in a React component', 'I render comments with `{comment.text}`. A colleague says I need `dangerouslySetInnerHTML` for links. Is it enough to sanitize with DOMPurify first?\n\n```jsx\n<div dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(html) }} />\n```', 'reactjs xss'],
  ['Why does my regex take minutes on long input?', 'The pattern is `^(a+)+$` and it hangs on `aaaaaaaaaaaaaaaaaaaaaaaa!`. I read about catastrophic backtracking; what is the fix?', 'regex performance'],
  ['Bash: difference between $(cmd) and `cmd`?', 'Both seem to do command substitution:\n\n```bash\nnow=$(date +%s)\nthen=`date +%s`\n```\nWhich one should I use in new scripts?', 'bash shell'],
  ['Nginx returns 502 after switching proxy_pass to a unix socket', 'Config:\n```nginx\nlocation /api/ {\n    proxy_pass http://unix:/run/gunicorn.sock:/;\n    proxy_set_header Host $host;\n}\n```\nError log: `connect() to unix:/run/gunicorn.sock failed (13: Permission denied)`', 'nginx gunicorn'],
  ['Is it safe to store JWT in localStorage?', 'Our SPA keeps the access token in `localStorage` and sends it as `Authorization: Bearer <token>`. Would an HttpOnly cookie with SameSite=Strict be better against XSS?', 'security jwt'],
  ['SQLAlchemy: select rows where a JSON column contains a key', '```python\nstmt = select(Event).where(Event.payload["type"].astext == "signup")\n```\nThis gives `AttributeError: Comparator object has no attribute astext` on SQLite.', 'sqlalchemy'],
  ['Go: how to read a file line by line with a large buffer?', '```go\nf, err := os.Open("/var/log/app/big.log")\nif err != nil { log.Fatal(err) }\ndefer f.Close()\nsc := bufio.NewScanner(f)\nsc.Buffer(make([]byte, 1024*1024), 10*1024*1024)\nfor sc.Scan() { process(sc.Text()) }\n```\nIs this the idiomatic way?', 'go'],
  ['PowerShell: pass an array to Invoke-Command', '`Invoke-Command -ComputerName $servers -ScriptBlock { param($names) Get-Service -Name $names } -ArgumentList (,$names)` — why the leading comma?', 'powershell'],
  ['What does `2>&1 | tee -a build.log` do exactly?', 'Seen in our CI: `./gradlew build 2>&1 | tee -a build.log`. Does the exit code of gradlew survive the pipe?', 'bash ci'],
  ['Prevent path traversal when serving user files in Express', 'I take a file name from the URL and serve it:\n```js\nconst safe = path.normalize(req.params.name).replace(/^(\\.\\.(\\/|\\\\|$))+/, \'\');\nres.sendFile(path.join(UPLOADS, safe));\n```\nIs `path.normalize` enough or should I check `startsWith(UPLOADS)`?', 'node.js express security'],
  ['MySQL: ERROR 1205 Lock wait timeout exceeded', 'Two jobs run `UPDATE inventory SET qty = qty - 1 WHERE sku = ?` in a transaction and one of them times out. How do I find the blocking query? `SHOW ENGINE INNODB STATUS` output is huge.', 'mysql innodb'],
];

export function qa(rng: Rng): Draft[] {
  return QUESTIONS.map(([title, body, tags], i): Draft => {
    if (i % 2 === 0) return { method: 'POST', path: '/questions/ask/submit', query: '', headers: browser(rng, 'qa.example.com', 'form', { 'Content-Type': 'application/x-www-form-urlencoded' }), body: form([['title', title], ['post-text', body], ['tagnames', tags], ['fkey', hex(rng, 32)], ['i1l', `${rng.int(1, 9)}`]]) };
    return { method: 'POST', path: '/posts.json', query: '', headers: browser(rng, 'discuss.example.org', 'xhr', { 'Content-Type': 'application/json', 'X-CSRF-Token': alnum(rng, 86) }), body: json({ title, raw: body, category: rng.int(2, 40), tags: tags.split(' '), archetype: 'regular' }) };
  });
}

/** A notebook cell list as Jupyter's contents API saves it. */
const NOTEBOOK_CELLS: readonly (readonly string[])[] = [
  ['import pandas as pd\ndf = pd.read_csv("data/orders.csv", parse_dates=["created_at"])\ndf.groupby(df.created_at.dt.month)["total"].sum()', '!pip install -q scikit-learn==1.5.2', "%%sql\nSELECT country, count(*) FROM customers GROUP BY country ORDER BY 2 DESC LIMIT 10"],
  ['import os\nDATA_DIR = os.environ.get("DATA_DIR", "/home/jovyan/data")\nfiles = sorted(os.listdir(DATA_DIR))\nfiles[:5]', '%%bash\nls -lh /home/jovyan/data | head\nwc -l /home/jovyan/data/*.csv', 'from sklearn.model_selection import train_test_split\nX_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=42)'],
  ['import matplotlib.pyplot as plt\nfig, ax = plt.subplots(figsize=(8, 4))\nax.plot(df["date"], df["signups"], label="signups")\nax.legend()\nplt.show()', 'df.query("status == \'paid\' and total > 100").head()'],
  ['import subprocess\nout = subprocess.run(["git", "log", "--oneline", "-5"], capture_output=True, text=True)\nprint(out.stdout)', 'import requests\nr = requests.get("https://api.example.com/v1/stats", params={"from": "2026-11-01"}, timeout=10)\nr.json()["total"]'],
];

export function notebook(rng: Rng): Draft[] {
  const out: Draft[] = [];
  NOTEBOOK_CELLS.forEach((cells, i) => {
    const nb = { type: 'notebook', format: 'json', content: { nbformat: 4, nbformat_minor: 5, metadata: { kernelspec: { name: 'python3', display_name: 'Python 3 (ipykernel)', language: 'python' } }, cells: cells.map((source) => ({ cell_type: 'code', id: hex(rng, 8), metadata: {}, execution_count: null, outputs: [], source })) } };
    out.push({ method: 'PUT', path: `/user/${rng.pick(['ana', 'jo', 'kim'])}/api/contents/work/analysis-${i + 1}.ipynb`, query: '', headers: browser(rng, 'hub.example.edu', 'xhr', { 'Content-Type': 'application/json', 'X-XSRFToken': alnum(rng, 40), Authorization: `token ${hex(rng, 32)}` }), body: json(nb) });
    for (const code of cells) {
      // Databricks' command execution API (1.2): a cell run on a cluster's execution context.
      out.push({ method: 'POST', path: '/api/1.2/commands/execute', query: '', headers: client('dbc-7f3a2c1e.cloud.databricks.example.com', 'databricks-sdk-py/0.38.0', { 'Content-Type': 'application/json', Authorization: `Bearer dapi${hex(rng, 32)}` }), body: json({ language: 'python', clusterId: `1205-${rng.int(100000, 999999)}-${alnum(rng, 8).toLowerCase()}`, contextId: String(rng.int(1e17, 1e18)), command: code }) });
    }
  });
  return out;
}
