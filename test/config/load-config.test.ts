import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, validateWardenConfig } from '../../src/config/load-config.js';
import { WardenError } from '../../src/errors.js';

function problemsOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(WardenError);
    expect((err as WardenError).code).toBe('WARDEN_CONFIG_INVALID');
    return (err as Error).message;
  }
  throw new Error('expected the config to be refused');
}

describe('config', () => {
  it('fills every default when no file is given', async () => {
    const config = await loadConfig(null);
    expect(config.listen).toBe('127.0.0.1:8000');
    expect(config.mode).toBe('prevent');
    expect(config.body.limit).toBe(1048576);
    expect(config.body.overLimit).toBe('reject');
    expect(config.body.decompress.maxRatio).toBe(100);
    expect(config.block.status).toBe(403);
    expect(config.forwarding.xForwardedFor).toBe('append');
    expect(config.decision.minimumConfidence).toBe('high');
    expect(config.logging.traffic.redactHeaders).toContain('authorization');
  });

  it('names the path of each bad key and what was expected', () => {
    const message = problemsOf(() =>
      validateWardenConfig({ mode: 'block', body: { limit: -1, overlimit: 'x' }, routes: [{ match: { pathPrefix: 'api' }, mode: 'fast' }] }),
    );
    expect(message).toContain('mode: must be one of "prevent", "detect"');
    expect(message).toContain('body.limit: must be >= 0');
    expect(message).toContain('body.overlimit: unknown key');
    expect(message).toContain('routes[0].match.pathPrefix: must be a path starting with /');
    expect(message).toContain('routes[0].mode: must be one of');
  });

  it('says what a pattern means instead of printing the regex', () => {
    const message = problemsOf(() => validateWardenConfig({ listen: 'notaport', upstream: 'ftp://x', reputation: { redis: { url: 'http://x' } } }));
    expect(message).toContain('listen: must be HOST:PORT (127.0.0.1:8000, [::1]:8000)');
    expect(message).toContain('upstream: must be an http:// or https:// URL');
    expect(message).toContain('reputation.redis.url: must be a redis:// or rediss:// URL');
    expect(message).not.toMatch(/must match pattern/);
  });

  it('names what is wrong in the alternative the value took, not every alternative of an anyOf', () => {
    // Before: rules.files[0]: must be string / ...actions.alert: must be one of ... / rules.files[0]: must match a schema in anyOf.
    const lines = (config: unknown): string[] => problemsOf(() => validateWardenConfig(config)).split('\n').slice(1).map((l) => l.replace(/^ {2}- /, ''));
    expect(lines({ rules: { files: [{ path: 'x.rules', actions: { alert: 'explode' } }, 3] } })).toEqual([
      'rules.files[0].actions.alert: must be one of "suspicious", "block", "allow"',
      'rules.files[1]: must be string or object',
    ]);
    expect(lines({ schema: { spec: 'api.yaml', mode: 'enforcing' } })).toEqual(['schema.mode: must be one of "enforce", "report"']);
    // A nested anyOf (null, or a { file } or { env } secret) the value fits none of: one line.
    expect(lines({ admin: { token: 'abc' } })).toEqual(['admin.token: must be null or object']);
    expect(lines({ access: { routes: [{ match: { pathPrefix: '/x' }, require: { anyOf: ['apikey'] } }] } })).toEqual([
      'access.routes[0].require.anyOf[0]: must be one of "apiKey", "jwt", "clientCertificate"',
    ]);
  });

  it('bounds inspection by a CPU and a memory budget by default, and refuses a memory budget that is not positive', async () => {
    const config = await loadConfig(null);
    expect(config.inspection.cpuBudgetMs).toBe(200);
    expect(config.inspection.memoryBudgetMb).toBe(32);
    expect(problemsOf(() => validateWardenConfig({ inspection: { memoryBudgetMb: 0 } }))).toContain('inspection.memoryBudgetMb: must be > 0');
  });

  it('sends bodies from 64 KiB to inspection threads per the config, and refuses bad offload values with their path', async () => {
    const config = await loadConfig(null);
    expect(config.offload).toEqual({ threads: 1, minBodyBytes: 65536, timeoutMs: 10000, maxHeapMb: 2048 });
    const message = problemsOf(() => validateWardenConfig({ offload: { threads: -1, minBodyBytes: 'big', timeoutMs: 10, maxHeapMb: 16, spare: 1 } }));
    expect(message).toContain('offload.threads: must be >= 0');
    expect(message).toContain('offload.minBodyBytes: must be integer');
    expect(message).toContain('offload.timeoutMs: must be >= 100');
    expect(message).toContain('offload.maxHeapMb: must be >= 64');
    expect(message).toContain('offload.spare: unknown key');
  });

  it('reads YAML files and lets CLI overrides win', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'warden-config-'));
    const file = join(dir, 'warden.yaml');
    writeFileSync(file, 'upstream: http://127.0.0.1:9999\nmode: detect\nblock:\n  status: 406\n');
    const config = await loadConfig(file, { mode: 'prevent' });
    expect(config.upstream).toBe('http://127.0.0.1:9999');
    expect(config.mode).toBe('prevent');
    expect(config.block.status).toBe(406);
  });

  it('says which file is unreadable or not YAML', async () => {
    await expect(loadConfig('/nonexistent/warden.yaml')).rejects.toMatchObject({ code: 'WARDEN_CONFIG_UNREADABLE' });
    const dir = mkdtempSync(join(tmpdir(), 'warden-config-'));
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'mode: [unclosed\n');
    await expect(loadConfig(file)).rejects.toMatchObject({ code: 'WARDEN_CONFIG_UNPARSABLE' });
  });
});
