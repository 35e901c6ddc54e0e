import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchProcesses } from './child-processes.js';
import { freeServedPort, waitForPort } from './ports.js';

export function nginxBinary(): string | null {
  for (const p of ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/local/nginx/sbin/nginx']) if (existsSync(p)) return p;
  try {
    return execFileSync('which', ['nginx'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim() || null;
  } catch {
    return null;
  }
}

export interface NginxInstance {
  port: number;
  origin: string;
  /** Process group of master and worker (the master's pid), for their CPU time (process-cpu.ts). */
  processGroup: number | null;
  errorLog(): string;
}

export interface NginxInstanceOptions {
  /** Directory the instance owns (prefix, temp paths, logs); must be readable by the worker user. */
  dir: string;
  /** Top-level directives before `events`, e.g. `load_module`. */
  main?: string;
  /** `http`-level directives (upstream blocks, modsecurity). */
  http?: string;
  /** The contents of the single `server` block; `listen` is added. */
  server: string;
}

/**
 * One NGINX master with one worker on 127.0.0.1 under a private prefix, in the foreground so the
 * bench owns it. One worker matches Warden's single process: the comparison is per core.
 */
export async function startNginx(processes: BenchProcesses, options: NginxInstanceOptions): Promise<NginxInstance> {
  const bin = nginxBinary();
  if (bin === null) throw new Error('nginx is not installed (apt-get install nginx)');
  const { dir } = options;
  // Often the upstream of a bench's Warden: a port its rules are read for (ports.ts).
  const port = await freeServedPort();
  mkdirSync(join(dir, 'logs'), { recursive: true });
  const errorLog = join(dir, 'logs', 'error.log');
  const conf = `
${options.main ?? ''}
worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${errorLog} warn;
events { worker_connections 4096; }
http {
  client_body_temp_path ${dir}/client_body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  access_log off;
  keepalive_requests 1000000;
  keepalive_timeout 75s;
  client_max_body_size 8m;
  client_body_buffer_size 1m;
  ${options.http ?? ''}
  server {
    listen 127.0.0.1:${port};
    ${options.server}
  }
}
`;
  const confFile = join(dir, 'nginx.conf');
  writeFileSync(confFile, conf);
  const child = processes.spawn(bin, ['-p', dir, '-c', confFile, '-e', errorLog], { stdio: 'ignore' });
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  const readErrorLog = (): string => (existsSync(errorLog) ? readFileSync(errorLog, 'utf8') : '');
  try {
    await waitForPort(port, 20_000, () => !exited);
  } catch (err) {
    throw new Error(`${(err as Error).message}; nginx error log:\n${readErrorLog()}`);
  }
  return { port, origin: `http://127.0.0.1:${port}`, processGroup: child.pid ?? null, errorLog: readErrorLog };
}

/** The bench's upstream: `return 200` with a small JSON document like an API's; bodies are read and discarded. */
export function startUpstream(processes: BenchProcesses, dir: string): Promise<NginxInstance> {
  return startNginx(processes, {
    dir,
    server: `location / { default_type application/json; return 200 '{"ok":true,"service":"bench-upstream"}'; }`,
  });
}
