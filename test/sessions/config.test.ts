import { describe, expect, it } from 'vitest';
import { loadConfig, validateWardenConfig } from '../../src/config/load-config.js';
import { keysNeedingRestart } from '../../src/config/hot-reload.js';
import { DEFAULT_SESSION_COOKIES } from '../../src/sessions/config.js';
import { WardenError } from '../../src/errors.js';

function problemsOf(raw: unknown): string {
  try {
    validateWardenConfig(raw);
  } catch (err) {
    expect((err as WardenError).code).toBe('WARDEN_CONFIG_INVALID');
    return (err as Error).message;
  }
  throw new Error('expected the config to be refused');
}

describe('sessions config', () => {
  it('is off unless configured', async () => {
    expect((await loadConfig(null)).sessions).toBeNull();
  });

  it('fills every default for `sessions: {}`', () => {
    expect(validateWardenConfig({ sessions: {} }).sessions).toEqual({
      cookies: [...DEFAULT_SESSION_COOKIES],
      action: 'strip',
      ttlSeconds: 1209600,
      warmupSeconds: 86400,
      store: 'memory',
      redis: { url: null, keyPrefix: 'warden:sess:', timeoutMs: 50, retryAfterMs: 1000 },
      hashKey: null,
      maxEntries: 500000,
      primaryTimeoutMs: 100,
    });
  });

  it('names the path of each bad key and what was expected', () => {
    const message = problemsOf({ sessions: { action: 'drop', cookies: ['sid', 'a b', 'x*y'], ttlSeconds: 10, colour: 1 } });
    expect(message).toContain('sessions.action: must be one of "strip", "block", "detect"');
    expect(message).toContain('sessions.cookies[1]: must match pattern');
    expect(message).toContain('sessions.cookies[2]: must match pattern');
    expect(message).toContain('sessions.ttlSeconds: must be >= 60');
    expect(message).toContain('sessions.colour: unknown key');
    expect(message).not.toContain('sessions.cookies[0]');
  });

  it('requires a hash key with Redis, and refuses a name listed twice in another case', () => {
    expect(problemsOf({ sessions: { store: 'redis' } })).toContain('sessions.hashKey: required with store: redis');
    expect(problemsOf({ sessions: { cookies: ['sid', 'SID'] } })).toContain('sessions.cookies[1]: "SID" repeats sessions.cookies[0]');
    expect(validateWardenConfig({ sessions: { store: 'redis', hashKey: { env: 'SESSION_KEY' } } }).sessions?.hashKey).toEqual({ env: 'SESSION_KEY' });
  });

  it('needs a restart to change', () => {
    const before = validateWardenConfig({});
    const after = validateWardenConfig({ sessions: {} });
    expect(keysNeedingRestart(before, after)).toEqual(['sessions']);
  });
});
