import { describe, expect, it } from 'vitest';
import { validateWardenConfig } from '../../src/config/load-config.js';
import type { SessionsConfig } from '../../src/sessions/config.js';
import { MemorySessionRegistry, type LookupAnswer, type SessionRegistry } from '../../src/sessions/registry.js';
import { MAX_LOOKED_UP, SessionGuard, type SessionOutcome } from '../../src/sessions/session-guard.js';
import { sessionDigest } from '../../src/sessions/session-digest.js';

const T0 = 1_700_000_000_000;
const HOUR = 3_600_000;
const KEY = 'k'.repeat(32);

function sessionsConfig(extra: Record<string, unknown> = {}): SessionsConfig {
  return validateWardenConfig({ sessions: { warmupSeconds: 3600, ...extra } }).sessions!;
}

function guarded(extra: Record<string, unknown> = {}, registry?: SessionRegistry) {
  const config = sessionsConfig(extra);
  const memory = new MemorySessionRegistry({ ttlMs: config.ttlSeconds * 1000, warmupMs: config.warmupSeconds * 1000, maxEntries: 1000, startedAt: T0 });
  const outcomes: SessionOutcome[] = [];
  const guard = new SessionGuard(config, KEY, registry ?? memory, { checked: (o) => outcomes.push(o) });
  return { guard, memory, outcomes };
}

describe('SessionGuard', () => {
  it('costs nothing for a request without a configured session cookie: no lookup, no promise', () => {
    const { guard, outcomes } = guarded();
    expect(guard.check(['Host', 'a', 'Accept', '*/*'], T0)).toBeNull();
    expect(guard.check(['Host', 'a', 'Cookie', '_ga=1; theme=dark', 'cookie', 'lang=en'], T0)).toBeNull();
    expect(outcomes).toEqual([]);
  });

  it('knows an id the upstream issued in Set-Cookie, under the same name in any case', async () => {
    const { guard } = guarded();
    await guard.recordIssued({ 'set-cookie': ['theme=dark; Path=/', 'PHPSESSID=s3cr3t; path=/; HttpOnly'] }, T0);
    const check = await guard.check(['Cookie', 'theme=dark; phpsessid=s3cr3t'], T0 + 2 * HOUR);
    expect(check?.outcome).toBe('issued');
    expect(check?.rewritten).toBeNull();
  });

  it('lets an unknown id pass during the warm-up, and strips it afterwards, keeping the other cookies', async () => {
    const { guard } = guarded();
    const headers = ['Host', 'shop', 'Cookie', 'theme=dark; PHPSESSID=attackerchosen; lang=en'];
    const early = await guard.check(headers, T0 + HOUR - 1);
    expect(early).toMatchObject({ outcome: 'warmup', unissued: [], rewritten: null });
    const late = await guard.check(headers, T0 + HOUR);
    expect(late?.outcome).toBe('unissued');
    expect(late?.unissued.map((c) => c.sentName)).toEqual(['PHPSESSID']);
    expect([...late!.rewritten!]).toEqual([[0, 'theme=dark; lang=en']]);
    // The tag is the digest's, never the id.
    expect(late?.tags).toEqual([sessionDigest(KEY, 'phpsessid', 'attackerchosen').slice(0, 12)]);
  });

  it('strips only the unissued one of two duplicates (cookie tossing) and drops a header left empty', async () => {
    const { guard } = guarded({ warmupSeconds: 0 });
    await guard.recordIssued({ 'set-cookie': 'JSESSIONID=good' }, T0);
    const check = await guard.check(['Cookie', 'JSESSIONID=good; JSESSIONID=evil', 'Cookie', 'JSESSIONID=evil2'], T0 + 1);
    expect(check?.outcome).toBe('unissued');
    expect([...check!.rewritten!]).toEqual([
      [0, 'JSESSIONID=good'],
      [1, null],
    ]);
  });

  it('reports without rewriting under action block and detect', async () => {
    for (const action of ['block', 'detect']) {
      const { guard } = guarded({ warmupSeconds: 0, action });
      const check = await guard.check(['Cookie', 'sid=1; sessionid=planted'], T0);
      expect(check?.outcome).toBe('unissued');
      expect(check?.unissued.map((c) => c.name)).toEqual(['sessionid']);
      expect(check?.rewritten).toBeNull();
    }
  });

  it('never strips on an unknown registry state: a registry that gives no answer or throws', async () => {
    const silent: SessionRegistry = { kind: 'redis', lookup: async (): Promise<LookupAnswer> => null, record: async () => undefined, forget: async () => undefined, close: async () => undefined };
    const broken: SessionRegistry = { ...silent, lookup: () => Promise.reject(new Error('boom')) };
    for (const registry of [silent, broken]) {
      const { guard, outcomes } = guarded({ warmupSeconds: 0 }, registry);
      const check = await guard.check(['Cookie', 'PHPSESSID=x'], T0);
      expect(check).toMatchObject({ outcome: 'unavailable', rewritten: null, unissued: [] });
      expect(outcomes).toEqual(['unavailable']);
    }
  });

  it('records nothing for other cookies and deletions, and keeps a remember-me session as long as it says', async () => {
    const { guard } = guarded({ warmupSeconds: 0, ttlSeconds: 3600 });
    expect(guard.recordIssued({}, T0)).toBeNull();
    expect(guard.recordIssued({ 'set-cookie': ['theme=dark', 'PHPSESSID=deleted; Max-Age=0'] }, T0)).toBeNull();
    await guard.recordIssued({ 'set-cookie': 'sessionid=long; Max-Age=2592000' }, T0);
    expect((await guard.check(['Cookie', 'sessionid=long'], T0 + 29 * 24 * HOUR))?.outcome).toBe('issued');
  });

  it('forgets the ids a request presented under a cookie its answer deletes (a logout), and only those', async () => {
    const { guard } = guarded({ warmupSeconds: 0 });
    await guard.recordIssued({ 'set-cookie': ['PHPSESSID=one', 'JSESSIONID=two'] }, T0);
    const check = await guard.check(['Cookie', 'PHPSESSID=one; JSESSIONID=two'], T0);
    expect(check?.outcome).toBe('issued');
    // Without what the request presented, a deletion ends nothing.
    expect(guard.recordIssued({ 'set-cookie': 'PHPSESSID=deleted; Max-Age=0' }, T0)).toBeNull();
    await guard.recordIssued({ 'set-cookie': 'PHPSESSID=deleted; Max-Age=0; Path=/' }, T0, check!.presented);
    const after = await guard.check(['Cookie', 'PHPSESSID=one; JSESSIONID=two'], T0 + 1);
    expect(after?.unissued.map((c) => c.sentName)).toEqual(['PHPSESSID']);
  });

  it('takes a percent-escaped name for the session cookie PHP would read', async () => {
    const { guard } = guarded({ warmupSeconds: 0 });
    const check = await guard.check(['Cookie', 'PHP%53ESSID=planted'], T0);
    expect(check?.outcome).toBe('unissued');
    expect([...check!.rewritten!]).toEqual([[0, null]]);
  });

  it('looks up at most MAX_LOOKED_UP ids of one request and takes the rest for unissued (a stuffed header hides nothing)', async () => {
    let asked = 0;
    const memory = new MemorySessionRegistry({ ttlMs: HOUR, warmupMs: 0, maxEntries: 1000, startedAt: T0 });
    const counting: SessionRegistry = { kind: 'memory', lookup: (d, now) => ((asked = d.length), memory.lookup(d, now)), record: (r, now) => memory.record(r, now), forget: (d) => memory.forget(d), close: async () => undefined };
    const { guard } = guarded({ warmupSeconds: 0, cookies: ['sid'] }, counting);
    await guard.recordIssued({ 'set-cookie': 'sid=mine' }, T0);
    const stuffed = [...Array.from({ length: 500 }, (_, i) => `sid=junk${i}`), 'sid=mine'].join('; ');
    const check = await guard.check(['Cookie', `theme=dark; ${stuffed}`], T0);
    expect(asked).toBe(MAX_LOOKED_UP);
    expect(check?.outcome).toBe('unissued');
    expect(check?.unissued).toHaveLength(501);
    expect([...check!.rewritten!]).toEqual([[0, 'theme=dark']]);
  });

  it('keeps no id longer than a browser would keep its cookie (400 days)', async () => {
    let kept = 0;
    const registry: SessionRegistry = { kind: 'memory', lookup: async () => null, record: async (r) => void (kept = r[0].ttlMs), forget: async () => undefined, close: async () => undefined };
    const { guard } = guarded({ cookies: ['sid'] }, registry);
    await guard.recordIssued({ 'set-cookie': 'sid=forever; Max-Age=999999999999' }, T0);
    expect(kept).toBe(400 * 24 * HOUR);
  });
});
