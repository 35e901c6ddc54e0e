import { describe, expect, it } from 'vitest';
import { validateWardenConfig } from '../../src/config/load-config.js';
import { configSchema } from '../../src/config/schema.js';
import { HOT_RELOAD_KEYS, keysNeedingRestart } from '../../src/config/hot-reload.js';

const base = (extra: Record<string, unknown> = {}) => validateWardenConfig({ upstream: 'http://127.0.0.1:8080', ...extra });

describe('keysNeedingRestart', () => {
  it('lets mode, routes, exceptions, decision, block, failure, body, rules, model, schema and the log level change', () => {
    const fresh = base({
      mode: 'detect',
      routes: [{ match: { pathPrefix: '/health' }, mode: 'off' }],
      exceptions: [{ match: { pathPrefix: '/cms' }, rules: ['1000001'] }],
      decision: { minimumConfidence: 'medium' },
      block: { status: 406, format: 'json' },
      failure: { gateErrors: 'closed' },
      body: { limit: 2048, overLimit: 'inspect-prefix' },
      rules: { bundled: false },
      model: { enabled: false },
      logging: { level: 'debug', logAllowed: true },
      alerts: { sinks: [{ type: 'syslog', address: '127.0.0.1:514' }], rules: [{ id: 'r', when: 'reload-failed' }] },
    });
    expect(keysNeedingRestart(base(), fresh)).toEqual([]);
  });

  it('names each changed key that needs a restart, dotted inside a partly hot section', () => {
    const fresh = base({
      upstream: 'http://127.0.0.1:9090',
      listen: '127.0.0.1:9000',
      workers: 4,
      mode: 'detect',
      logging: { level: 'warn', decisions: '/var/log/warden.log' },
      admin: { listen: '127.0.0.1:9001' },
    });
    expect(keysNeedingRestart(base(), fresh).sort()).toEqual(['admin', 'listen', 'logging.decisions', 'upstream', 'workers']);
  });

  it('lets the offload size threshold and timeout change, and names a change of its thread count', () => {
    const running = base({ offload: { threads: 1 } });
    expect(keysNeedingRestart(running, base({ offload: { threads: 1, minBodyBytes: 1024, timeoutMs: 500 } }))).toEqual([]);
    expect(keysNeedingRestart(running, base({ offload: { threads: 2 } }))).toEqual(['offload.threads']);
  });

  it('ignores the order of keys in the file', () => {
    const a = base({ timeouts: { connectMs: 100, clientBodyMs: 200 } });
    const b = base({ timeouts: { clientBodyMs: 200, connectMs: 100 } });
    expect(keysNeedingRestart(a, b)).toEqual([]);
  });

  it('treats every config key it does not list as hot as one that needs a restart', () => {
    const schemaKeys = Object.keys(configSchema.properties);
    for (const key of HOT_RELOAD_KEYS) expect(schemaKeys).toContain(key.split('.')[0]);
    const running = base() as unknown as Record<string, unknown>;
    for (const key of schemaKeys.filter((k) => !HOT_RELOAD_KEYS.has(k) && k !== 'logging' && k !== 'offload')) {
      const fresh = { ...running, [key]: { changed: true } };
      expect(keysNeedingRestart(base(), fresh as never)).toEqual([key]);
    }
  });
});
