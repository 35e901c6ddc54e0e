import { isDeepStrictEqual } from 'node:util';
import type { WardenConfig } from './types.js';

/**
 * Config keys a reload applies to a running Warden. Everything else (listen, upstream, workers,
 * timeouts, forwarding, reputation, admin, the log destinations, and any key added later until it is
 * listed here) needs a restart: a reload that changes one is refused as a whole, naming the keys.
 * - rules, model, schema, access: the gates are rebuilt;
 * - rateLimits: the rules are recompiled; the counter store is kept unless its settings changed;
 * - mode, routes, exceptions, decision, inspection, block.status, failure: the route policies are recompiled;
 * - body, block.format, logging.logAllowed, offload.minBodyBytes, offload.timeoutMs: read per request from the config in force;
 * - websocket: read when a WebSocket connection opens (connections already open keep theirs)
 *   (offload.threads needs a restart; the threads load every reload's rules and model before it is put in force);
 * - logging.level: set on the running logger;
 * - alerts: sinks and rules are rebuilt (windows, baselines and throttling start again), where the rules are evaluated;
 * - tls.certificates: the certificate files are re-read (on every reload, changed paths or not).
 */
export const HOT_RELOAD_KEYS: ReadonlySet<string> = new Set([
  'mode',
  'routes',
  'exceptions',
  'decision',
  'block',
  'failure',
  'inspection',
  'access',
  'rateLimits',
  'body',
  'websocket',
  'offload.minBodyBytes',
  'offload.timeoutMs',
  'rules',
  'model',
  'schema',
  'alerts',
  'logging.level',
  'logging.logAllowed',
  'tls.certificates',
]);

const isMapping = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function hasHotChild(key: string): boolean {
  for (const k of HOT_RELOAD_KEYS) if (k.startsWith(`${key}.`)) return true;
  return false;
}

/** The changed keys of `fresh` a reload cannot apply (dotted where only part of a section is hot); empty when all is hot. */
export function keysNeedingRestart(running: WardenConfig, fresh: WardenConfig): string[] {
  const out: string[] = [];
  const a = running as unknown as Record<string, unknown>;
  const b = fresh as unknown as Record<string, unknown>;
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (HOT_RELOAD_KEYS.has(key) || isDeepStrictEqual(a[key], b[key])) continue;
    const before = a[key];
    const after = b[key];
    if (hasHotChild(key) && isMapping(before) && isMapping(after)) {
      for (const sub of new Set([...Object.keys(before), ...Object.keys(after)])) {
        const path = `${key}.${sub}`;
        if (!HOT_RELOAD_KEYS.has(path) && !isDeepStrictEqual(before[sub], after[sub])) out.push(path);
      }
    } else {
      out.push(key);
    }
  }
  return out;
}
