import { spawn, execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Ports handed out below Linux's ephemeral range (32768–60999 by default), where no client
 * connection's source port and no `listen(0)` server lands, in a block of their own per vitest worker.
 * A port taken with `listen(0)` and released could be reused as a source port by another test's
 * connection, or by another file's `listen(0)`, before the process under test bound it (a `--workers 2`
 * test failed with EADDRINUSE in CI that way).
 */
const FIRST_PORT = 20_000;
const BLOCK = 2_000;
const POOLS = 6;
let nextInBlock = 0;

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

/** A TCP port on 127.0.0.1 nothing listens on (probed), from this vitest worker's own block. */
export async function freePort(): Promise<number> {
  const pool = Number(process.env.VITEST_POOL_ID ?? '1');
  const base = FIRST_PORT + ((Number.isInteger(pool) && pool > 0 ? pool - 1 : 0) % POOLS) * BLOCK;
  for (let tries = 0; tries < BLOCK; tries++) {
    const port = base + (nextInBlock++ % BLOCK);
    if (await canListen(port)) return port;
  }
  throw new Error(`no free port in ${base}..${base + BLOCK - 1}`);
}

export interface NginxUpstream {
  port: number;
  origin: string;
  dir: string;
  /** Lines of the JSON access log written so far (what NGINX really received). */
  accessLog(): Record<string, string>[];
  /** The first access-log line that fits, waiting up to 2 s: NGINX may log just after responding. */
  logged(fits: (line: Record<string, string>) => boolean): Promise<Record<string, string> | undefined>;
  stop(): Promise<void>;
}

export function nginxBinary(): string | null {
  for (const p of ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx']) if (existsSync(p)) return p;
  try {
    return execFileSync('which', ['nginx']).toString().trim() || null;
  } catch {
    return null;
  }
}

async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const { connect } = await import('node:net');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = connect(port, '127.0.0.1');
      s.once('connect', () => {
        s.destroy();
        resolve(true);
      });
      s.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`nothing listening on 127.0.0.1:${port} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** NGINX answering CORS for `/`: preflights itself, the Origin echoed on the rest. */
const CORS_BLOCK = `if ($request_method = OPTIONS) {
        add_header Access-Control-Allow-Origin $http_origin always; add_header Access-Control-Allow-Methods "GET, POST" always;
        add_header Access-Control-Allow-Headers "authorization, content-type" always; add_header Access-Control-Max-Age 5 always; return 204;
      }
      add_header Access-Control-Allow-Origin $http_origin always;`;

/**
 * Starts a real NGINX on 127.0.0.1 under a private prefix. Locations:
 * - `/` and `/echo/*`: body read by proxying to an inner `return 200`, so the JSON access log records
 *   method, request-target, headers and body exactly as NGINX received them;
 * - `/static/*`: files from `<dir>/html` (large streamed responses);
 * - `/status/NNN` (201, 404, 418, 503): that status; `/trailer`: a chunked response with a trailer;
 * - `/ws`: proxied to `wsPort` with Upgrade (when given).
 * With `cors`, `/` answers CORS as an API would: a preflight (OPTIONS) 204 with the allow headers, and
 * `Access-Control-Allow-Origin` (the request's Origin) on every answer.
 * With `tls`, the outer server speaks TLS with that certificate (`origin` is then https://).
 */
export async function startNginx(options: { wsPort?: number; extraHtml?: Record<string, Buffer | string>; tls?: { cert: string; key: string }; cors?: boolean } = {}): Promise<NginxUpstream> {
  const bin = nginxBinary();
  if (bin === null) throw new Error('nginx is not installed (apt-get install nginx)');
  const dir = mkdtempSync(join(tmpdir(), 'warden-nginx-'));
  // NGINX workers drop root privileges: let them read the document root.
  chmodSync(dir, 0o755);
  const port = await freePort();
  const inner = await freePort();
  mkdirSync(join(dir, 'logs'));
  mkdirSync(join(dir, 'html', 'static'), { recursive: true });
  for (const [name, content] of Object.entries(options.extraHtml ?? {})) writeFileSync(join(dir, 'html', 'static', name), content);
  const wsBlock = options.wsPort
    ? `location /ws { proxy_pass http://127.0.0.1:${options.wsPort}; proxy_http_version 1.1;
         proxy_set_header Upgrade $http_upgrade; proxy_set_header Connection "upgrade"; }`
    : '';
  const conf = `
worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/logs/error.log warn;
events { worker_connections 256; }
http {
  client_body_temp_path ${dir}/client_body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  client_max_body_size 64m; client_body_buffer_size 16m;
  keepalive_requests 100000;
  log_format echo escape=json '{"method":"$request_method","uri":"$request_uri","status":"$status","body":"$request_body",'
    '"host":"$http_host","xff":"$http_x_forwarded_for","xfp":"$http_x_forwarded_proto","xfh":"$http_x_forwarded_host",'
    '"via":"$http_via","ua":"$http_user_agent","ct":"$content_type","cl":"$content_length","ce":"$http_content_encoding",'
    '"cookie":"$http_cookie","custom":"$http_x_custom","te":"$http_transfer_encoding","conn":"$http_connection",'
    '"keepalive":"$http_keep_alive","connreq":"$connection_requests","connection":"$connection",'
    '"wsubject":"$http_x_warden_subject","wauth":"$http_x_warden_auth","wforged":"$http_x_warden_forged","user":"$http_x_user",'
    '"fwd":"$http_forwarded","xfport":"$http_x_forwarded_port","xfprefix":"$http_x_forwarded_prefix","xrealip":"$http_x_real_ip"}';
  server {
    listen 127.0.0.1:${inner};
    access_log off;
    location / { return 200 '{"ok":true}'; default_type application/json; }
  }
  server {
    listen 127.0.0.1:${port}${options.tls ? ' ssl' : ''};
    ${options.tls ? `ssl_certificate ${options.tls.cert}; ssl_certificate_key ${options.tls.key};` : ''}
    access_log ${dir}/logs/access.json echo;
    root ${dir}/html;
    location / {
      ${options.cors ? CORS_BLOCK : ''}
      proxy_pass http://127.0.0.1:${inner}; proxy_set_header Host $host;
    }
    location /static/ { }
    location = /status/201 { return 201 'status 201\\n'; }
    location = /status/404 { return 404 'status 404\\n'; }
    location = /status/418 { return 418 'status 418\\n'; }
    location = /status/503 { return 503 'status 503\\n'; }
    location /trailer { default_type text/html; sub_filter 'with' 'with'; sub_filter_once off; add_trailer X-Checksum "abc123" always; return 200 'with trailer\\n'; }
    ${wsBlock}
  }
}
`;
  writeFileSync(join(dir, 'nginx.conf'), conf);
  const child = spawn(bin, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'logs', 'error.log')], { stdio: 'ignore' });
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  try {
    await waitForPort(port, 10_000);
  } catch (err) {
    const log = existsSync(join(dir, 'logs', 'error.log')) ? readFileSync(join(dir, 'logs', 'error.log'), 'utf8') : '';
    child.kill('SIGKILL');
    throw new Error(`${(err as Error).message}; nginx error log: ${log}`);
  }
  const accessLog = (): Record<string, string>[] => {
    const file = join(dir, 'logs', 'access.json');
    if (!existsSync(file)) return [];
    // Only whole lines: a line holding a large request body may be caught while NGINX is writing it.
    return readFileSync(file, 'utf8')
      .split('\n')
      .slice(0, -1)
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as Record<string, string>);
  };
  return {
    port,
    origin: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    dir,
    accessLog,
    async logged(fits) {
      for (let waited = 0; waited <= 2000; waited += 50) {
        const line = accessLog().find(fits);
        if (line !== undefined) return line;
        await new Promise((r) => setTimeout(r, 50));
      }
      return undefined;
    },
    async stop() {
      if (!exited) {
        const done = new Promise((r) => child.once('exit', r));
        child.kill('SIGQUIT');
        await Promise.race([done, new Promise((r) => setTimeout(r, 3000))]);
        if (!exited) child.kill('SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
