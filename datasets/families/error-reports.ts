/**
 * Error and telemetry reports that applications and browsers send home: Sentry envelopes and store
 * calls, Bugsnag and Rollbar notifications, OpenTelemetry log records (OTLP/JSON), browser `onerror`
 * beacons, CSP violation and Network Error Logging reports. They carry what looks most like an attack
 * to a lexical model and is not one: source lines around the failing frame (code with calls, quotes
 * and operators), ORM and driver messages quoting the SQL that failed, file paths of the server, shell
 * errors of a job runner, and the page's own inline script in a CSP `script-sample`.
 */
import type { Family, GenContext } from '../lib/family.js';
import { browserHeaders, pickBrowser, pickServerUa } from '../lib/clients.js';
import { LOCALE_MIX } from '../lib/people.js';
import type { Rng } from '../lib/rng.js';
import { apiHost, webHost } from '../lib/sites.js';
import { withBody, type WireRequest } from '../lib/wire.js';

type Lang = 'javascript' | 'python' | 'java' | 'ruby' | 'php' | 'go';

/** Application code lines a failing frame shows (written for this generator: ordinary handlers, queries, templates). */
const LINES: Record<Lang, readonly string[]> = {
  javascript: [
    'const items = await fetch(`/api/cart/${cartId}?expand=lines`).then((r) => r.json());',
    'return items.map((i) => <Item key={i.id} {...i} onRemove={() => remove(i.id)} />);',
    "document.querySelector('#checkout-form').addEventListener('submit', onSubmit);",
    'const total = lines.reduce((sum, l) => sum + l.price * l.qty, 0).toFixed(2);',
    "if (!user || user.role !== 'admin') throw new Error('forbidden');",
    "window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);}",
    'this.setState({ loading: false, error: err.message || String(err) });',
    "el.innerHTML = `<span class=\"badge\">${count}</span>`;",
    "const { data } = await axios.get('/api/orders', { params: { status: 'open', page } });",
    "localStorage.setItem('prefs', JSON.stringify({ theme, lang: navigator.language }));",
    'const match = location.pathname.match(/^\\/product\\/(\\d+)/);',
    "res.status(500).json({ error: 'db unavailable', detail: e.code });",
  ],
  python: [
    'user = db.session.execute(select(User).where(User.id == user_id)).scalar_one()',
    'rows = cursor.execute("SELECT id, email FROM users WHERE org_id = %s", (org_id,)).fetchall()',
    "with open(os.path.join(settings.MEDIA_ROOT, 'exports', f'{name}.csv'), 'w') as fh:",
    'return render(request, "orders/detail.html", {"order": order, "lines": order.lines.all()})',
    "total = sum(line.price * line.quantity for line in cart.lines if not line.removed)",
    "resp = requests.post(WEBHOOK_URL, json=payload, timeout=5)",
    "qs = Order.objects.filter(customer=request.user, status__in=['open', 'paid']).order_by('-created')",
    'subprocess.run(["convert", src, "-resize", "800x800", dst], check=True)',
    "config = yaml.safe_load(open('/etc/app/config.yml'))",
    "raise ValueError(f'invalid quantity: {qty!r}')",
  ],
  java: [
    'Order order = orderRepository.findById(id).orElseThrow(() -> new NotFoundException("order " + id));',
    'PreparedStatement ps = conn.prepareStatement("SELECT * FROM accounts WHERE iban = ?");',
    'return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", e.getMessage()));',
    'List<Item> items = cart.getItems().stream().filter(i -> i.getQty() > 0).collect(Collectors.toList());',
    'String template = Files.readString(Path.of("/opt/app/templates/invoice.html"));',
    'log.error("payment failed for order {}: {}", order.getId(), ex.toString());',
  ],
  ruby: [
    '@orders = current_user.orders.where(status: %w[open paid]).order(created_at: :desc).limit(20)',
    'render json: { error: e.message }, status: :unprocessable_entity',
    "File.read(Rails.root.join('config', 'settings.yml'))",
    'system("pdftotext", path, out) or raise "pdftotext failed"',
    'User.find_by!(email: params[:email].to_s.downcase)',
  ],
  php: [
    "$stmt = $pdo->prepare('SELECT * FROM products WHERE sku = :sku');",
    "return view('orders.show', ['order' => $order, 'lines' => $order->lines]);",
    "$config = require __DIR__ . '/../config/app.php';",
    "if (!isset($_SESSION['user_id'])) { header('Location: /login'); exit; }",
    "$total = array_sum(array_map(fn($l) => $l['price'] * $l['qty'], $lines));",
  ],
  go: [
    'rows, err := db.QueryContext(ctx, "SELECT id, name FROM teams WHERE org_id = $1", orgID)',
    'if err := json.NewDecoder(r.Body).Decode(&req); err != nil {',
    'f, err := os.Open(filepath.Join(cfg.DataDir, "exports", name))',
    'http.Error(w, fmt.Sprintf("upstream %s: %v", svc, err), http.StatusBadGateway)',
  ],
};

const FILES: Record<Lang, readonly string[]> = {
  javascript: ['webpack:///./src/components/Cart.jsx', 'app:///static/js/main.4f2c8a.js', 'https://cdn.{host}/assets/checkout-9b1d2e.js', '/srv/app/node_modules/express/lib/router/layer.js', '/usr/src/app/dist/server/routes/orders.js'],
  python: ['/app/api/views.py', '/usr/local/lib/python3.12/site-packages/sqlalchemy/engine/base.py', '/srv/shop/orders/tasks.py', '/opt/venv/lib/python3.11/site-packages/django/core/handlers/exception.py'],
  java: ['OrderService.java', 'PaymentController.java', 'JdbcTemplate.java', 'InvoiceRenderer.java'],
  ruby: ['app/controllers/orders_controller.rb', '/usr/local/bundle/gems/activerecord-7.1.3/lib/active_record/relation/finder_methods.rb', 'app/jobs/export_job.rb'],
  php: ['/var/www/html/app/Http/Controllers/OrderController.php', '/var/www/html/vendor/laravel/framework/src/Illuminate/Database/Connection.php', '/var/www/shop/includes/cart.php'],
  go: ['/build/internal/api/handlers.go', '/go/pkg/mod/github.com/jackc/pgx/v5@v5.5.0/conn.go', '/build/cmd/worker/main.go'],
};

/** Error messages with the parts a real one quotes: SQL, paths, commands, hosts. */
function errorMessage(rng: Rng, lang: Lang): { type: string; value: string } {
  const table = rng.pick(['users', 'orders', 'order_lines', 'invoices', 'sessions', 'products']);
  const col = rng.pick(['email', 'status', 'customer_id', 'sku', 'created_at']);
  const path = rng.pick(['/etc/app/config.yml', '/var/www/html/storage/logs/laravel.log', '/srv/app/uploads/tmp/upload_8f2a.png', 'C:\\inetpub\\wwwroot\\App_Data\\cache.db', '/home/deploy/.cache/pip', '/tmp/export-2026-12.csv']);
  const byLang: Record<Lang, Array<() => { type: string; value: string }>> = {
    javascript: [
      () => ({ type: 'TypeError', value: `Cannot read properties of undefined (reading '${rng.pick(['map', 'length', 'id', 'price'])}')` }),
      () => ({ type: 'SyntaxError', value: `Unexpected token '<', "<!DOCTYPE "... is not valid JSON` }),
      () => ({ type: 'Error', value: `ENOENT: no such file or directory, open '${path}'` }),
      () => ({ type: 'ChunkLoadError', value: `Loading chunk ${rng.int(100, 999)} failed.\n(error: https://cdn.example.com/assets/${rng.int(100, 999)}.js)` }),
      () => ({ type: 'error', value: `duplicate key value violates unique constraint "${table}_${col}_key"` }),
    ],
    python: [
      () => ({ type: 'OperationalError', value: `(psycopg2.OperationalError) could not connect to server: Connection refused\n\tIs the server running on host "db" (172.18.0.${rng.int(2, 9)}) and accepting TCP/IP connections on port 5432?\n[SQL: SELECT ${table}.id, ${table}.${col} FROM ${table} WHERE ${table}.id = %(id_1)s]` }),
      () => ({ type: 'IntegrityError', value: `(sqlite3.IntegrityError) UNIQUE constraint failed: ${table}.${col}\n[SQL: INSERT INTO ${table} (${col}, created_at) VALUES (?, ?)]\n[parameters: ('x', '2026-12-05 04:00:00')]` }),
      () => ({ type: 'FileNotFoundError', value: `[Errno 2] No such file or directory: '${path}'` }),
      () => ({ type: 'CalledProcessError', value: `Command '['convert', '/tmp/in.png', '-resize', '800x800', '/tmp/out.png']' returned non-zero exit status 1.` }),
      () => ({ type: 'KeyError', value: `'${col}'` }),
    ],
    java: [
      () => ({ type: 'org.springframework.dao.DataIntegrityViolationException', value: `could not execute statement; SQL [n/a]; constraint [${table}_pkey]; nested exception is org.hibernate.exception.ConstraintViolationException` }),
      () => ({ type: 'java.sql.SQLSyntaxErrorException', value: `Unknown column '${col}' in 'where clause' (SELECT * FROM ${table} WHERE ${col} = ?)` }),
      () => ({ type: 'java.nio.file.NoSuchFileException', value: path }),
      () => ({ type: 'java.lang.NullPointerException', value: `Cannot invoke "String.length()" because "${col}" is null` }),
    ],
    ruby: [
      () => ({ type: 'ActiveRecord::RecordNotFound', value: `Couldn't find Order with 'id'=${rng.int(1, 99999)}` }),
      () => ({ type: 'ActiveRecord::StatementInvalid', value: `PG::UndefinedColumn: ERROR:  column ${table}.${col}_x does not exist\nLINE 1: SELECT "${table}".* FROM "${table}" WHERE "${table}"."${col}_x" = $1` }),
      () => ({ type: 'Errno::ENOENT', value: `No such file or directory @ rb_sysopen - ${path}` }),
    ],
    php: [
      () => ({ type: 'Illuminate\\Database\\QueryException', value: `SQLSTATE[23000]: Integrity constraint violation: 1062 Duplicate entry 'x@example.com' for key '${table}.${col}' (SQL: insert into \`${table}\` (\`${col}\`) values (x@example.com))` }),
      () => ({ type: 'ErrorException', value: `file_get_contents(${path}): Failed to open stream: No such file or directory` }),
      () => ({ type: 'TypeError', value: `array_map(): Argument #2 ($array) must be of type array, null given` }),
    ],
    go: [
      () => ({ type: '*pgconn.PgError', value: `ERROR: relation "${table}_archive" does not exist (SQLSTATE 42P01)` }),
      () => ({ type: '*fs.PathError', value: `open ${path}: permission denied` }),
      () => ({ type: '*url.Error', value: `Post "http://payments.internal:8080/v1/charge": dial tcp 10.0.${rng.int(0, 9)}.${rng.int(2, 250)}:8080: connect: connection refused` }),
    ],
  };
  return rng.pick(byLang[lang])();
}

function frames(ctx: GenContext, rng: Rng, lang: Lang, host: string): Array<Record<string, unknown>> {
  const n = rng.int(2, 6);
  const out: Array<Record<string, unknown>> = [];
  for (let k = 0; k < n; k++) {
    const readmeCode = lang === 'javascript' && ctx.text.code.length > 0 && rng.chance(0.4) ? rng.pick(ctx.text.code).code.split('\n').filter((l) => l.trim().length > 8) : [];
    const line = readmeCode.length > 0 ? rng.pick(readmeCode).slice(0, 200) : rng.pick(LINES[lang]);
    const frame: Record<string, unknown> = {
      filename: rng.pick(FILES[lang]).replace('{host}', host),
      function: rng.pick(['handle', 'render', 'onSubmit', 'get_user', 'placeOrder', 'process', 'run', '<anonymous>', 'Cart']),
      lineno: rng.int(3, 900),
      in_app: rng.chance(0.6),
    };
    if (rng.chance(0.7)) {
      frame.context_line = line;
      if (rng.chance(0.6)) frame.pre_context = rng.sample(LINES[lang], 2);
      if (rng.chance(0.4)) frame.post_context = rng.sample(LINES[lang], 1);
    }
    if (lang === 'javascript') frame.colno = rng.int(1, 120);
    out.push(frame);
  }
  return out;
}

const LANG_WEIGHTS: readonly (readonly [Lang, number])[] = [['javascript', 5], ['python', 3], ['java', 2], ['ruby', 1], ['php', 2], ['go', 1]];

export const errorReports: Family = {
  name: 'error-reports',
  summary: 'Error and telemetry reports: Sentry envelopes/store, Bugsnag, Rollbar, OTLP/JSON logs, browser onerror beacons, CSP and NEL reports — source lines of the failing frame, ORM messages quoting SQL, server paths, job-runner shell errors.',
  perScale: 2_500,
  make(ctx): WireRequest {
    const { rng, en } = ctx;
    const lang = rng.weighted(LANG_WEIGHTS);
    const site = webHost(rng, en);
    const err = errorMessage(rng, lang);
    const b = pickBrowser(rng, rng.weighted(LOCALE_MIX));
    const pageUrl = `https://${site}/${rng.pick(['cart', 'checkout', 'account/orders', 'search', 'product/' + rng.int(1, 9999)])}${rng.chance(0.4) ? `?ref=${rng.pick(['email', 'ads', 'home'])}&utm_source=${rng.pick(['newsletter', 'google'])}` : ''}`;
    const fromBrowser = lang === 'javascript';
    const headers = (host: string): Record<string, string> =>
      fromBrowser ? browserHeaders(rng, b, host, 'xhr', { origin: `https://${site}`, referer: pageUrl, site: 'cross-site' }) : { Host: host, 'User-Agent': rng.pick([pickServerUa(rng), 'sentry.python/2.19.0', 'sentry-ruby/5.21.0', 'bugsnag-php/3.29', 'sentry.java/7.14.0']), Accept: '*/*' };
    const event = {
      event_id: rng.hex(32),
      timestamp: `2026-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}T${String(rng.int(0, 23)).padStart(2, '0')}:${String(rng.int(10, 59))}:${String(rng.int(10, 59))}.${rng.int(100, 999)}Z`,
      platform: lang,
      level: rng.pick(['error', 'error', 'fatal', 'warning']),
      environment: rng.pick(['production', 'staging']),
      release: `${rng.pick(['web', 'api', 'shop'])}@${rng.int(1, 9)}.${rng.int(0, 40)}.${rng.int(0, 20)}`,
      exception: { values: [{ type: err.type, value: err.value, stacktrace: { frames: frames(ctx, rng, lang, site) } }] },
      request: { url: pageUrl, method: rng.pick(['GET', 'POST']), headers: { 'User-Agent': b.userAgent } },
      user: rng.chance(0.5) ? { id: String(rng.int(1, 999999)), ip_address: '{{auto}}' } : undefined,
      breadcrumbs: rng.chance(0.6)
        ? { values: [
            { category: 'fetch', data: { method: 'GET', url: `/api/${rng.pick(['cart', 'orders', 'products'])}?select=id,name,price&order=created_at.desc`, status_code: rng.pick([200, 500, 404]) } },
            { category: 'ui.click', message: rng.pick(['button#checkout > span.label', 'form.search-form > input[name="q"]', 'a.nav-link[href="/account"]']) },
            { category: 'console', level: 'warning', message: rng.pick(['Warning: Each child in a list should have a unique "key" prop.', '[HMR] Waiting for update signal from WDS...', 'deprecated: use fetchOrders() instead']) },
          ] }
        : undefined,
    };
    switch (rng.int(0, 5)) {
      case 0: {
        // Sentry envelope: three JSON lines, sent as text/plain so the browser needs no preflight.
        const host = rng.pick([`o${rng.int(100000, 999999)}.ingest.sentry.io`, `sentry.${site}`]);
        const key = rng.hex(32);
        const body = `${JSON.stringify({ event_id: event.event_id, sent_at: event.timestamp, sdk: { name: `sentry.${lang}`, version: '8.42.0' } })}\n${JSON.stringify({ type: 'event' })}\n${JSON.stringify(event)}\n`;
        return withBody({ method: 'POST', path: `/api/${rng.int(2, 4500000)}/envelope/`, query: `sentry_key=${key}&sentry_version=7&sentry_client=sentry.javascript.browser%2F8.42.0`, headers: headers(host) }, 'text/plain;charset=UTF-8', body);
      }
      case 1:
        return withBody({ method: 'POST', path: `/api/${rng.int(2, 99999)}/store/`, query: '', headers: { ...headers(`sentry.${site}`), 'X-Sentry-Auth': `Sentry sentry_version=7, sentry_client=sentry.${lang}/2.19.0, sentry_key=${rng.hex(32)}` } }, 'application/json', JSON.stringify(event));
      case 2: {
        // Bugsnag: the code around the line as a {lineNumber: source} map.
        const frame = event.exception.values[0].stacktrace.frames[0];
        const lineNumber = Number(frame.lineno);
        const code: Record<string, string> = {};
        for (let k = -2; k <= 2; k++) code[String(lineNumber + k)] = rng.pick(LINES[lang]);
        const body = { apiKey: rng.hex(32), payloadVersion: '5', notifier: { name: `Bugsnag ${lang}`, version: '7.25.0', url: 'https://github.com/bugsnag' }, events: [{ exceptions: [{ errorClass: err.type, message: err.value, stacktrace: [{ file: frame.filename, lineNumber, method: frame.function, code, inProject: true }] }], severity: 'error', unhandled: rng.chance(0.7), context: new URL(pageUrl).pathname, app: { releaseStage: event.environment, version: event.release.split('@')[1] } }] };
        return withBody({ method: 'POST', path: '/', query: '', headers: { ...headers('notify.bugsnag.com'), 'Bugsnag-Api-Key': body.apiKey, 'Bugsnag-Payload-Version': '5', 'Bugsnag-Sent-At': event.timestamp } }, 'application/json', JSON.stringify(body));
      }
      case 3: {
        // OpenTelemetry logs over OTLP/HTTP JSON from a collector or SDK: log lines as they were printed.
        const lines = [
          `${err.type}: ${err.value}`,
          `${rng.pick(['10.0.3.17', '172.18.0.5', '192.168.1.20'])} - - [05/Dec/2026:04:0${rng.int(0, 9)}:1${rng.int(0, 9)} +0000] "GET /api/orders?status=open&page=${rng.int(1, 9)} HTTP/1.1" ${rng.pick([200, 500, 502])} ${rng.int(100, 9000)} "-" "${b.userAgent}"`,
          `duration: ${rng.int(500, 9000)}.${rng.int(100, 999)} ms  statement: SELECT o.id, o.total FROM orders o JOIN customers c ON c.id = o.customer_id WHERE c.email = $1 ORDER BY o.created_at DESC LIMIT 20`,
          `job ${rng.pick(['export', 'thumbnail', 'backup'])} failed: sh: 1: ${rng.pick(['convert', 'pg_dump', 'ffmpeg'])}: not found (exit status 127)`,
          `\tat com.example.shop.${rng.pick(['OrderService.place(OrderService.java:88)', 'PaymentClient.charge(PaymentClient.java:142)'])}\n\tat java.base/java.lang.Thread.run(Thread.java:1583)\nCaused by: java.sql.SQLException: Connection is not available, request timed out after 30000ms.`,
        ];
        const records = rng.sample(lines, rng.int(1, 3)).map((text) => ({ timeUnixNano: String(1733370000000000000 + rng.int(0, 999999999)), severityText: rng.pick(['ERROR', 'WARN']), body: { stringValue: text }, attributes: [{ key: 'code.filepath', value: { stringValue: rng.pick(FILES[lang]).replace('{host}', site) } }] }));
        const body = { resourceLogs: [{ resource: { attributes: [{ key: 'service.name', value: { stringValue: rng.pick(['checkout', 'orders-api', 'worker']) } }, { key: 'k8s.pod.name', value: { stringValue: `orders-api-${rng.alnum(10).toLowerCase()}-${rng.alnum(5).toLowerCase()}` } }] }, scopeLogs: [{ scope: { name: 'app' }, logRecords: records }] }] };
        return withBody({ method: 'POST', path: '/v1/logs', query: '', headers: { Host: `otel-collector.${apiHost(rng, en)}`, 'User-Agent': rng.pick(['OTel-OTLP-Exporter-Python/1.28.2', 'OTel-OTLP-Exporter-JavaScript/0.55.0', 'opentelemetry-collector-contrib/0.114.0']), Accept: '*/*' } }, 'application/json', JSON.stringify(body));
      }
      case 4: {
        // A page's own window.onerror beacon: message, source, line and a short stack in the query.
        const frame = event.exception.values[0].stacktrace.frames[0];
        const stack = `${err.type}: ${err.value.split('\n')[0]}\n    at ${frame.function} (${frame.filename}:${frame.lineno}:${rng.int(1, 80)})`;
        const query = new URLSearchParams({ msg: `Uncaught ${err.type}: ${err.value.split('\n')[0]}`, url: pageUrl, line: String(frame.lineno), col: String(rng.int(1, 80)), stack, v: event.release }).toString();
        return { method: 'GET', path: rng.pick(['/log/js-error', '/jserr.gif', '/api/client-errors']), query, headers: browserHeaders(rng, b, site, 'image', { referer: pageUrl, site: 'same-origin' }) };
      }
      default: {
        // CSP violation (with the inline script's first 40 characters) or a Network Error Logging report.
        if (rng.chance(0.6)) {
          const sample = rng.pick(LINES.javascript).slice(0, 40);
          const report = { 'csp-report': { 'document-uri': pageUrl, referrer: '', 'violated-directive': rng.pick(['script-src-elem', 'style-src-attr', 'img-src']), 'effective-directive': 'script-src-elem', 'original-policy': `default-src 'self'; script-src 'self' 'nonce-${rng.alnum(16)}' https://www.googletagmanager.com; report-uri /csp-report`, disposition: 'enforce', 'blocked-uri': rng.pick(['inline', 'eval', 'https://connect.facebook.net/en_US/fbevents.js', 'data']), 'line-number': rng.int(1, 400), 'source-file': pageUrl, 'script-sample': sample, 'status-code': 200 } };
          return withBody({ method: 'POST', path: rng.pick(['/csp-report', '/api/csp', '/_/csp']), query: '', headers: browserHeaders(rng, b, site, 'xhr', { site: 'same-origin' }) }, 'application/csp-report', JSON.stringify(report));
        }
        const nel = [{ age: rng.int(0, 60000), type: 'network-error', url: pageUrl, user_agent: b.userAgent, body: { sampling_fraction: 1.0, referrer: `https://${site}/`, server_ip: `203.0.113.${rng.int(1, 254)}`, protocol: rng.pick(['h2', 'http/1.1', 'h3']), method: 'GET', status_code: 0, elapsed_time: rng.int(10, 30000), type: rng.pick(['tcp.timed_out', 'dns.name_not_resolved', 'http.protocol.error', 'tcp.reset']) } }];
        return withBody({ method: 'POST', path: '/nel', query: '', headers: { ...browserHeaders(rng, b, `report.${site}`, 'xhr', { site: 'cross-site' }) } }, 'application/reports+json', JSON.stringify(nel));
      }
    }
  },
};
