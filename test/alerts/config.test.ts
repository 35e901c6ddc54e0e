import { describe, expect, it } from 'vitest';
import { validateWardenConfig } from '../../src/config/load-config.js';

function problems(alerts: unknown): string[] {
  try {
    validateWardenConfig({ alerts });
    return [];
  } catch (err) {
    expect((err as { code: string }).code).toBe('WARDEN_CONFIG_INVALID');
    return (err as Error).message.split('\n  - ').slice(1);
  }
}

describe('the alerts section of the config', () => {
  it('fills every default: no sinks, no rules, a 300 s throttle, bounded delivery', () => {
    const { alerts } = validateWardenConfig({});
    expect(alerts).toEqual({ sinks: [], rules: [], throttleSeconds: 300, examples: 5, delivery: { queueSize: 1000, attempts: 4, backoffMs: 500, timeoutMs: 5000 } });
  });

  it('takes the shape of issue 20 and fills each sink and rule kind with its own defaults', () => {
    const { alerts } = validateWardenConfig({
      alerts: {
        sinks: [
          { type: 'webhook', url: 'http://127.0.0.1:9000/hook', format: 'slack' },
          { type: 'syslog', address: '127.0.0.1:514', protocol: 'udp', format: 'rfc5424' },
        ],
        rules: [
          { id: 'spike-from-source', when: 'source-rate', above: '10x-baseline', forSeconds: 30 },
          { id: 'block-surge', when: 'block-rate', above: '5%', forSeconds: 60 },
          { id: 'model-fallback', when: 'model-unavailable' },
          { id: 'reload-failed', when: 'reload-failed' },
        ],
        throttleSeconds: 300,
      },
    });
    expect(alerts.sinks[1]).toEqual({ type: 'syslog', address: '127.0.0.1:514', protocol: 'udp', format: 'rfc5424', facility: 'local0', enterpriseId: 32473 });
    expect(alerts.rules[0]).toEqual({ id: 'spike-from-source', when: 'source-rate', above: '10x-baseline', forSeconds: 30, minRate: 5, baselineSeconds: 600 });
    expect(alerts.rules[1]).toEqual({ id: 'block-surge', when: 'block-rate', above: '5%', forSeconds: 60, minRequests: 20 });
  });

  it('names the path of each bad key, per sink type and rule kind, without ajv noise', () => {
    const got = problems({
      sinks: [{ type: 'webhook', url: 'ftp://x', format: 'slak', extra: 1 }, { type: 'sislog' }, { type: 'syslog', address: 'x', protocol: 'sctp' }],
      rules: [{ id: 'a', when: 'block-rate', above: '5' }, { id: 'b', when: 'model-unavailable', forSeconds: 3 }, { id: 'c', when: 'blah' }],
    });
    expect(got).toEqual([
      'alerts.sinks[0].extra: unknown key',
      'alerts.sinks[0].format: must be one of "slack", "json"',
      'alerts.sinks[1].type: must be one of "webhook", "syslog"',
      'alerts.sinks[2].address: must be HOST:PORT (127.0.0.1:8000, [::1]:8000)',
      'alerts.sinks[2].protocol: must be one of "udp", "tcp"',
      'alerts.rules[1].forSeconds: unknown key',
      'alerts.rules[2].when: must be one of "source-rate", "block-rate", "model-unavailable", "reload-failed", "rate-limited", "ratelimit-store-down"',
    ]);
  });

  it('says what a threshold and a webhook URL must look like', () => {
    const got = problems({
      sinks: [{ type: 'webhook', url: 'ftp://x' }],
      rules: [{ id: 'a', when: 'block-rate', above: '5' }, { id: 'b', when: 'source-rate', above: '10x' }],
    });
    expect(got).toEqual([
      'alerts.rules[0].above: must be a percentage of decisions such as "5%" (got "5")',
      'alerts.rules[1].above: must be a multiple of the source\'s baseline such as "10x-baseline" (got "10x")',
      'alerts.sinks[0].url: must be an http:// or https:// URL with a host',
    ]);
  });

  it('refuses what the schema cannot see: a duplicate rule id, thresholds out of range, rules with no sink', () => {
    const sinks = [{ type: 'syslog', address: '127.0.0.1:514' }];
    expect(problems({ sinks, rules: [{ id: 'a', when: 'reload-failed' }, { id: 'a', when: 'model-unavailable' }] })).toEqual([
      'alerts.rules[1].id: "a" is already the id of alerts.rules[0]',
    ]);
    expect(problems({ sinks, rules: [{ id: 'b', when: 'block-rate', above: '100%' }, { id: 's', when: 'source-rate', above: '0.5x-baseline' }] })).toEqual([
      'alerts.rules[0].above: the block share must be more than 0% and less than 100% (got "100%")',
      'alerts.rules[1].above: the multiple of the baseline must be more than 1 (got "0.5x-baseline")',
    ]);
    expect(problems({ rules: [{ id: 'r', when: 'reload-failed' }] })).toEqual(['alerts.sinks: rules are configured but no sink would receive their alerts']);
  });
});
