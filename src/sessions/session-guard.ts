import type { SessionAction, SessionsConfig } from './config.js';
import { isCookieHeader, SessionCookieNames } from './cookie-names.js';
import { collectSessionCookies, withoutPairs, type SessionCookie } from './cookie-header.js';
import { deletedCookieName, parseSetCookie } from './set-cookie.js';
import { sessionDigest } from './session-digest.js';
import type { IssuedRecord, SessionRegistry } from './registry.js';

/** What a request's session cookies came to: `issued` all known; `warmup` some unknown while the warm-up runs; `unavailable` the registry did not answer. */
export type SessionOutcome = 'issued' | 'unissued' | 'warmup' | 'unavailable';

export interface SessionCheck {
  outcome: SessionOutcome;
  /** The cookies whose ids the upstream never issued (outcome `unissued` only; else empty). */
  unissued: SessionCookie[];
  /** First 12 characters of each unissued cookie's digest: the same planted id shows the same tag on every victim. */
  tags: string[];
  /**
   * With `action: strip`, the request's Cookie headers without those cookies, by index among its
   * Cookie headers (null: nothing left, the header goes); for `rewriteCookieHeaders`.
   */
  rewritten: Map<number, string | null> | null;
  /** Every looked-up cookie's name (lower-case) and digest: what a logout in the answer ends. */
  presented: { name: string; digest: string }[];
}

/**
 * Session cookies of one request that are digested and looked up. A browser sends a handful at most;
 * a Cookie header stuffed with thousands of `sid=x` pairs would otherwise cost a keyed hash each (and
 * a Redis script over as many keys). The ones past it are taken for unissued without a lookup (once
 * the warm-up is over and the registry answered), so stuffing cannot hide a planted id behind them.
 */
export const MAX_LOOKED_UP = 32;

/** RFC 6265bis: a browser keeps no cookie longer than 400 days, whatever its Max-Age or Expires says. */
export const MAX_COOKIE_LIFETIME_MS = 400 * 24 * 3_600_000;

export interface SessionGuardHooks {
  checked?(outcome: SessionOutcome): void;
  recorded?(count: number): void;
}

/**
 * The session-fixation guard on the request path. `check` looks at a request's Cookie headers and,
 * only when one of the configured session cookies is there, asks the registry whether the upstream
 * ever issued its value; `recordIssued` reads an upstream response's Set-Cookie lines and records
 * the session ids it issues. Ids are never stored or logged, only their keyed digests. Neither
 * throws: a registry that does not answer lets the request pass untouched (fail-open).
 */
export class SessionGuard {
  readonly action: SessionAction;
  private readonly names: SessionCookieNames;
  private readonly ttlMs: number;
  private readonly checkedHook: (outcome: SessionOutcome) => void;
  private readonly recordedHook: (count: number) => void;

  constructor(
    config: SessionsConfig,
    private readonly key: string,
    readonly registry: SessionRegistry,
    hooks: SessionGuardHooks = {},
  ) {
    this.action = config.action;
    this.names = new SessionCookieNames(config.cookies);
    this.ttlMs = config.ttlSeconds * 1000;
    this.checkedHook = hooks.checked ?? (() => undefined);
    this.recordedHook = hooks.recorded ?? (() => undefined);
  }

  /** The session cookies of a request's Cookie headers (null: none, and nothing was allocated). */
  sessionCookies(rawHeaders: readonly string[]): SessionCookie[] | null {
    let found: SessionCookie[] | null = null;
    let header = 0;
    for (let i = 0; i < rawHeaders.length; i += 2) {
      if (!isCookieHeader(rawHeaders[i])) continue;
      found = collectSessionCookies(rawHeaders[i + 1], header++, this.names, found);
    }
    return found;
  }

  /** Null when the request carries none of the configured session cookies (no lookup, nothing allocated). */
  check(rawHeaders: readonly string[], now = Date.now()): Promise<SessionCheck> | null {
    const cookies = this.sessionCookies(rawHeaders);
    if (cookies === null) return null;
    return this.judge(cookies, rawHeaders, now);
  }

  private async judge(cookies: SessionCookie[], rawHeaders: readonly string[], now: number): Promise<SessionCheck> {
    const looked = cookies.length > MAX_LOOKED_UP ? cookies.slice(0, MAX_LOOKED_UP) : cookies;
    const digests = looked.map((c) => sessionDigest(this.key, c.name, c.value));
    let outcome: SessionOutcome = 'unavailable';
    const unissued: SessionCookie[] = [];
    const tags: string[] = [];
    try {
      const answer = await this.registry.lookup(digests, now);
      if (answer !== null) {
        cookies.forEach((c, i) => {
          if (i >= digests.length || answer.issued[i] !== true) {
            unissued.push(c);
            tags.push(i < digests.length ? digests[i].slice(0, 12) : 'not-looked-up');
          }
        });
        outcome = unissued.length === 0 ? 'issued' : answer.warm ? 'unissued' : 'warmup';
      }
    } catch {
      // A registry never throws by contract; if one did, the state is unknown: pass.
      outcome = 'unavailable';
    }
    this.checkedHook(outcome);
    const presented = looked.map((c, i) => ({ name: c.name, digest: digests[i] }));
    if (outcome !== 'unissued') return { outcome, unissued: [], tags: [], rewritten: null, presented };
    return { outcome, unissued, tags, rewritten: this.action === 'strip' ? strippedHeaders(rawHeaders, unissued) : null, presented };
  }

  /**
   * Records the session ids a response's Set-Cookie lines issue; null (nothing to wait for) when it
   * sets none of the configured cookies. The answer's head waits for it, within the registry's
   * budget, so the client's next request (to any worker or instance) finds the id.
   */
  recordIssued(headers: Record<string, string | string[] | undefined>, now = Date.now(), presented?: SessionCheck['presented']): Promise<void> | null {
    const setCookie = headers['set-cookie'];
    if (setCookie === undefined) return null;
    let records: IssuedRecord[] | null = null;
    let ended: string[] | null = null;
    for (const line of typeof setCookie === 'string' ? [setCookie] : setCookie) {
      const cookie = parseSetCookie(line, now);
      if (cookie === null) {
        // A logout: the application deleted the cookie, so the id the request presented under that name is over.
        const deleted = presented === undefined || presented.length === 0 ? null : deletedCookieName(line, now);
        if (deleted !== null && this.names.matches(deleted)) {
          const name = deleted.toLowerCase();
          for (const p of presented!) if (p.name === name) (ended ??= []).push(p.digest);
        }
        continue;
      }
      if (!this.names.matches(cookie.name)) continue;
      // A cookie meant to outlive the TTL (a "remember me" session) is kept as long as it says.
      const ttlMs = cookie.lifetimeMs !== null && cookie.lifetimeMs > this.ttlMs ? Math.min(cookie.lifetimeMs, MAX_COOKIE_LIFETIME_MS) : this.ttlMs;
      (records ??= []).push({ digest: sessionDigest(this.key, cookie.name.toLowerCase(), cookie.value), ttlMs });
    }
    if (records === null && ended === null) return null;
    if (records !== null) this.recordedHook(records.length);
    const recording = records === null ? Promise.resolve() : this.registry.record(records, now);
    const forgetting = ended === null ? Promise.resolve() : this.registry.forget(ended);
    return Promise.all([recording, forgetting]).then(
      () => undefined,
      () => undefined,
    );
  }

  close(): Promise<void> {
    return this.registry.close();
  }
}

/** The request's Cookie headers that held unissued cookies, without them. */
function strippedHeaders(rawHeaders: readonly string[], unissued: readonly SessionCookie[]): Map<number, string | null> {
  const byHeader = new Map<number, Set<number>>();
  for (const c of unissued) {
    const pairs = byHeader.get(c.header);
    if (pairs === undefined) byHeader.set(c.header, new Set([c.pair]));
    else pairs.add(c.pair);
  }
  const rewritten = new Map<number, string | null>();
  let header = 0;
  for (let i = 0; i < rawHeaders.length; i += 2) {
    if (!isCookieHeader(rawHeaders[i])) continue;
    const pairs = byHeader.get(header);
    if (pairs !== undefined) rewritten.set(header, withoutPairs(rawHeaders[i + 1], pairs));
    header++;
  }
  return rewritten;
}
