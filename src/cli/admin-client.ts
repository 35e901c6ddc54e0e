import { existsSync } from 'node:fs';
import { loadConfig } from '../config/load-config.js';
import { readSecret } from '../access/secret.js';
import { adminRequestFailed } from '../admin/errors.js';

/** The environment variable a CLI `--admin` action reads the admin token from, before the config. */
export const ADMIN_TOKEN_ENV = 'WARDEN_ADMIN_TOKEN';

/**
 * The bearer token for a running Warden's admin API: `WARDEN_ADMIN_TOKEN`, else `admin.token` of the
 * config (`--config`, or ./warden.yaml when present); null when neither has one.
 */
export async function adminToken(configFile: string | undefined): Promise<string | null> {
  const fromEnv = process.env[ADMIN_TOKEN_ENV]?.trim();
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  const file = configFile ?? (existsSync('warden.yaml') ? 'warden.yaml' : undefined);
  if (file === undefined) return null;
  const config = await loadConfig(file);
  return config.admin.token === null ? null : readSecret(config.admin.token, 'admin.token');
}

/** POSTs to the admin API with the token (if any); the JSON answer, or a precise error when refused. */
export async function postAdmin(admin: string, path: string, token: string | null, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const headers: Record<string, string> = {};
  if (token !== null) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(`http://${admin}${path}`, { method: 'POST', headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (err) {
    throw adminRequestFailed(admin, `cannot connect (${(err as Error).message})`);
  }
  const parsed = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (res.status === 401) {
    throw adminRequestFailed(admin, token === null ? `the admin API needs a token: set ${ADMIN_TOKEN_ENV} or admin.token in the config` : 'the admin token was refused');
  }
  return { status: res.status, body: parsed };
}

/**
 * ` (workers: 2 of 2 applied)` when the reload answer comes from a cluster's primary, else nothing: an
 * operator who promotes or imports into `serve --workers N` sees that every worker took it.
 */
export function workersApplied(reloaded: Record<string, string> | undefined): string {
  const workers = reloaded?.workers;
  return typeof workers === 'string' ? ` (workers: ${workers})` : '';
}
