import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { adminUnauthorized } from './errors.js';

const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();

/** Paths a load balancer or orchestrator probes without credentials. */
const OPEN_PATHS = new Set(['/healthz']);

/**
 * The admin API's bearer-token check, as one fastify onRequest hook (every route, present and future,
 * and 404s too). Digests of equal length go to `timingSafeEqual`, so the comparison time says nothing
 * about how much of a guess was right. With no token configured everything passes: the listener is
 * then bound to loopback only (see `adminBindAddress`).
 */
export function adminAuthHook(token: string | null): (req: FastifyRequest, reply: FastifyReply) => Promise<void> {
  const expected = token === null ? null : digest(token);
  return async (req, reply) => {
    if (expected === null) return;
    const path = req.url.split('?', 1)[0];
    if (OPEN_PATHS.has(path)) return;
    const header = req.headers.authorization ?? '';
    const presented = /^Bearer +(.+)$/i.exec(header.trim())?.[1] ?? '';
    if (presented !== '' && timingSafeEqual(digest(presented), expected)) return;
    const err = adminUnauthorized();
    await reply.status(err.status).header('www-authenticate', 'Bearer realm="warden-admin"').send({ ok: false, error: err.code, message: err.message });
  };
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/i;

/**
 * Where the admin listener may bind: anywhere with a token; without one, loopback only — an
 * unauthenticated `/reload` or `/labels` must not be reachable from the network. Returns the address
 * to bind and, when it had to move it, what to say at start-up.
 */
export function adminBindAddress(host: string, hasToken: boolean): { host: string; warning: string | null } {
  if (hasToken || LOOPBACK.test(host)) return { host, warning: null };
  return {
    host: host.includes(':') ? '::1' : '127.0.0.1',
    warning: `admin listener: no admin.token configured, so it binds to loopback only instead of ${host} (set admin.token: { file } or { env } to expose it)`,
  };
}
