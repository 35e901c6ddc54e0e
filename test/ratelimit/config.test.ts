import { describe, expect, it } from 'vitest';
import { validateWardenConfig } from '../../src/config/load-config.js';
import { compileRateLimitRules } from '../../src/ratelimit/rate-limits.js';
import { WardenError } from '../../src/errors.js';
import { keysNeedingRestart } from '../../src/config/hot-reload.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';

const rule = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({ id: 'login', key: 'ip', limit: 5, windowSeconds: 60, ...extra });

function schemaProblems(rateLimits: unknown): string[] {
  try {
    validateWardenConfig({ rateLimits });
  } catch (err) {
    expect((err as WardenError).code).toBe('WARDEN_CONFIG_INVALID');
    return (err as WardenError).message.split('\n').slice(1).map((l) => l.replace(/^\s+- /, ''));
  }
  return [];
}

function compileError(rateLimits: unknown, access: Record<string, unknown> = {}): WardenError {
  const config = validateWardenConfig({ rateLimits, access });
  try {
    compileRateLimitRules(config.rateLimits, { apiKey: config.access.apiKeys !== null, jwt: config.access.jwt !== null });
  } catch (err) {
    return err as WardenError;
  }
  throw new Error('compiled without error');
}

describe('rateLimits config', () => {
  it('takes the shape of issue 20 and fills every default', () => {
    const config = validateWardenConfig({
      rateLimits: {
        store: 'memory',
        rules: [
          { id: 'login', match: { pathPrefix: '/login', methods: ['POST'] }, key: 'ip', limit: 5, windowSeconds: 60, burst: 2 },
          { id: 'api', match: { pathPrefix: '/api/' }, key: ['ip', 'header:X-Tenant', 'route'], limit: 600, windowSeconds: 60 },
        ],
        onStoreDown: 'local',
      },
    });
    expect(config.rateLimits.redis).toEqual({ url: null, keyPrefix: 'warden:rl:', timeoutMs: 50, retryAfterMs: 1000 });
    expect(config.rateLimits.headers).toBe(false);
    expect(config.rateLimits.rules[1].burst).toBe(0);
    const rules = compileRateLimitRules(config.rateLimits, { apiKey: false, jwt: false });
    expect(rules.map((r) => r.spec)).toEqual([
      { id: 'login', limit: 5, windowSeconds: 60, burst: 2, burstWindowSeconds: 600 },
      { id: 'api', limit: 600, windowSeconds: 60, burst: 0, burstWindowSeconds: 600 },
    ]);
  });

  it('names the path of each key the schema refuses', () => {
    expect(schemaProblems({ store: 'redsi' })).toEqual(['rateLimits.store: must be one of "memory", "redis"']);
    expect(schemaProblems({ onStoreDown: 'fail' })).toEqual(['rateLimits.onStoreDown: must be one of "local", "open", "closed"']);
    expect(schemaProblems({ rules: [rule({ limit: 0 })] })).toEqual(['rateLimits.rules[0].limit: must be >= 1']);
    expect(schemaProblems({ rules: [rule({ windowSeconds: 1.5 })] })).toEqual(['rateLimits.rules[0].windowSeconds: must be integer']);
    expect(schemaProblems({ rules: [rule({ id: 'has space' })] })[0]).toMatch(/^rateLimits\.rules\[0\]\.id: must match pattern/);
    expect(schemaProblems({ rules: [rule({ key: 5 })] })).toEqual(['rateLimits.rules[0].key: must be string,array']);
    expect(schemaProblems({ rules: [rule({ key: [] })] })).toEqual(['rateLimits.rules[0].key: must NOT have fewer than 1 items']);
    expect(schemaProblems({ rules: [{ id: 'x', key: 'ip', windowSeconds: 60 }] })).toEqual(['rateLimits.rules[0]: missing required key "limit"']);
    expect(schemaProblems({ rules: [rule({ window: 60 })] })).toEqual(['rateLimits.rules[0].window: unknown key']);
    expect(schemaProblems({ rules: [rule({ match: { prefix: '/x' } })] })).toEqual(['rateLimits.rules[0].match.prefix: unknown key']);
    expect(schemaProblems({ redis: { url: 'http://127.0.0.1:6379' } })[0]).toMatch(/^rateLimits\.redis\.url: must be a redis:\/\/ or rediss:\/\/ URL/);
  });

  it('names the key part that does not exist, and lists the ones that do', () => {
    const err = compileError({ rules: [rule(), rule({ id: 'api', key: ['ip', 'apikey'] })] });
    expect(err.code).toBe('WARDEN_RATELIMIT_CONFIG_INVALID');
    expect(err.message).toBe('invalid rateLimits config at rateLimits.rules[1].key[1]: "apikey" is not a key part (one of ip, apiKey, jwt.sub, clientCert, route, global, connection, header:<Name>)');
    expect(compileError({ rules: [rule({ key: 'header:' })] }).message).toMatch(/at rateLimits\.rules\[0\]\.key: "header:": a header name/);
    expect(compileError({ rules: [rule({ key: ['ip', 'ip'] })] }).message).toMatch(/at rateLimits\.rules\[0\]\.key\[1\]: "ip" is listed twice/);
  });

  it('takes rules counting WebSocket messages, and refuses a connection key or RateLimit fields where they mean nothing', () => {
    expect(schemaProblems({ rules: [rule({ counts: 'messages' })] })).toEqual(['rateLimits.rules[0].counts: must be one of "requests", "websocketMessages"']);
    const config = validateWardenConfig({ rateLimits: { rules: [rule(), rule({ id: 'chat', counts: 'websocketMessages', key: ['connection'] })] } });
    expect(config.rateLimits.rules.map((r) => r.counts)).toEqual(['requests', 'websocketMessages']);
    expect(compileRateLimitRules(config.rateLimits, { apiKey: false, jwt: false }).map((r) => [r.counts, r.refusals === null])).toEqual([
      ['requests', false],
      ['websocketMessages', true],
    ]);
    const err = compileError({ rules: [rule({ key: ['ip', 'connection'] })] });
    expect(err.code).toBe('WARDEN_RATELIMIT_CONFIG_INVALID');
    expect(err.message).toBe('invalid rateLimits config at rateLimits.rules[0].key[1]: "connection" counts the messages of one WebSocket connection: only a rule with counts: websocketMessages has one');
    expect(compileError({ rules: [rule({ counts: 'websocketMessages', headers: true })] }).message).toBe(
      'invalid rateLimits config at rateLimits.rules[0].headers: a rule counting WebSocket messages has no HTTP answer to carry RateLimit fields',
    );
  });

  it('refuses a duplicate rule id, naming the first', () => {
    const err = compileError({ rules: [rule(), rule()] });
    expect(err.message).toBe('invalid rateLimits config at rateLimits.rules[1].id: "login" is already the id of rateLimits.rules[0]');
  });

  it('refuses identity keys nobody verifies', () => {
    expect(compileError({ rules: [rule({ key: ['apiKey', 'ip'] })] }).message).toMatch(/rules\[0\]\.key\[0\]: "apiKey" counts keys access control verified, but access\.apiKeys is not configured/);
    expect(compileError({ rules: [rule({ key: 'jwt.sub' })] }).message).toMatch(/rules\[0\]\.key: "jwt\.sub" .* access\.jwt is not configured/);
    expect(compileError({ rules: [rule({ key: 'clientCert' })] }).message).toMatch(/rules\[0\]\.key: "clientCert" .* tls\.clientCertificates is not configured/);
    const withKeys = validateWardenConfig({ access: { apiKeys: { header: 'X-API-Key', keys: [] } }, rateLimits: { rules: [rule({ key: ['apiKey', 'ip'] })] } });
    expect(compileRateLimitRules(withKeys.rateLimits, { apiKey: true, jwt: false })).toHaveLength(1);
  });

  it('refuses a burst window shorter than the window', () => {
    expect(compileError({ rules: [rule({ burst: 2, burstWindowSeconds: 10 })] }).message).toMatch(/rules\[0\]\.burstWindowSeconds: must be at least windowSeconds \(60\)/);
  });

  it('is hot: a reload may change rateLimits', () => {
    const a = validateWardenConfig({});
    const b = validateWardenConfig({ rateLimits: { store: 'redis', rules: [rule()] } });
    expect(keysNeedingRestart(a, b)).toEqual([]);
  });

  it('is checked by warden config check as serve builds it: exit 1 with the code and the path, no stack trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'warden-rl-config-'));
    const file = join(dir, 'warden.yaml');
    writeFileSync(file, 'rateLimits:\n  rules:\n    - { id: api, key: [apiKey, ip], limit: 600, windowSeconds: 60 }\n');
    const err: string[] = [];
    const code = await main(['config', 'check', file], { out: () => undefined, err: (s) => err.push(s) });
    expect(code).toBe(1);
    expect(err.join('\n')).toMatch(/WARDEN_RATELIMIT_CONFIG_INVALID: invalid rateLimits config at rateLimits\.rules\[0\]\.key\[0\]: "apiKey"/);
    expect(err.join('\n')).not.toMatch(/\n\s+at /);
  });
});
