import { afterEach, describe, expect, it } from 'vitest';
import { sampleAlert, type Alert } from '../../src/alerts/alert.js';
import { validateWardenConfig } from '../../src/config/load-config.js';
import type { AlertSinkConfig, AlertsConfig } from '../../src/alerts/config.js';
import { createSinks } from '../../src/alerts/dispatcher.js';
import { checkAlertSecrets } from '../../src/alerts/header-secrets.js';
import { loadConfig } from '../../src/config/load-config.js';
import { main } from '../../src/cli/main.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AlertSink } from '../../src/alerts/sink.js';
import { parseCef, parseRfc5424 } from './syslog-parsers.js';
import { closedPort, startTcpSyslog, startUdpSyslog, startWebhook, waitUntil } from './receivers.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length > 0) await closers.pop()!();
});

function alertsWith(sinks: Record<string, unknown>[], extra: Record<string, unknown> = {}): AlertsConfig {
  return validateWardenConfig({ alerts: { sinks, ...extra } }).alerts;
}

function sinkFor(sink: Record<string, unknown>): AlertSink {
  const [s] = createSinks(alertsWith([sink]));
  closers.push(() => s.close());
  return s;
}

const signal = (): AbortSignal => AbortSignal.timeout(3_000);

/** An alert whose fields need every escape: quotes, brackets, backslashes, `=`, `|`, a newline, non-ASCII. */
function trickyAlert(): Alert {
  const a = sampleAlert('test-host', Date.UTC(2026, 11, 3, 23, 0, 0, 123));
  return {
    ...a,
    rule: 'spike-from-source',
    when: 'source-rate',
    severity: 'high',
    key: '203.0.113.7',
    counts: { requests: 1260, ratePerSecond: 42, baselinePerSecond: 3.5 },
    suppressed: { count: 2, since: '2026-12-03T22:55:00.000Z' },
    examples: ['01kbaaaaaaaaaaaaaa', '01kbbbbbbbbbbbbbbb'],
    summary: 'Source 203.0.113.7 at 42 req/s = 12x "baseline" [a|b] c:\\d — ünïcode',
  };
}

describe('syslog sink, RFC 5424', () => {
  it('sends one datagram per alert over UDP whose every field parses (PRI, version, time, host, app, procid, msgid, SD, MSG)', async () => {
    const rx = await startUdpSyslog();
    closers.push(rx.close);
    const sink = sinkFor({ type: 'syslog', address: rx.address, protocol: 'udp', format: 'rfc5424', facility: 'local3', hostname: 'edge-1' });
    const alert = trickyAlert();
    await sink.deliver(alert, signal());
    await waitUntil(() => rx.messages.length === 1, 3_000, 'the datagram');
    const m = parseRfc5424(rx.messages[0]);
    expect(m.version).toBe(1);
    expect(m.facility).toBe(19); // local3
    expect(m.severity).toBe(3); // high → error
    expect(m.timestamp).toBe('2026-12-03T23:00:00.123Z');
    expect(m.hostname).toBe('edge-1');
    expect(m.appName).toBe('warden');
    expect(m.procId).toBe(String(process.pid));
    expect(m.msgId).toBe('source-rate');
    const params = m.sd.get('warden@32473')!;
    const get = (k: string) => params.filter(([n]) => n === k).map(([, v]) => v);
    expect(get('rule')).toEqual(['spike-from-source']);
    expect(get('key')).toEqual(['203.0.113.7']);
    expect(get('severity')).toEqual(['high']);
    expect(get('windowSeconds')).toEqual(['60']);
    expect(get('suppressed')).toEqual(['2']);
    expect(get('requests')).toEqual(['1260']);
    expect(get('baselinePerSecond')).toEqual(['3.5']);
    expect(get('incident')).toEqual(alert.examples);
    expect(m.sd.get('origin')).toContainEqual(['software', 'warden']);
    // Non-ASCII MSG is MSG-UTF8: BOM first, and the text arrives intact.
    expect(m.bom).toBe(true);
    expect(m.msg).toBe(alert.summary);
  });

  it('frames TCP messages by octet counting, so a newline inside a value stays inside its message', async () => {
    const rx = await startTcpSyslog();
    closers.push(rx.close);
    const sink = sinkFor({ type: 'syslog', address: rx.address, protocol: 'tcp' });
    const first = { ...trickyAlert(), key: 'tenant "a"]\\\nsecond line', summary: 'plain ascii summary' };
    const second = { ...trickyAlert(), rule: 'block-surge', when: 'block-rate' as const, key: '*', severity: 'medium' as const };
    await sink.deliver(first, signal());
    await sink.deliver(second, signal());
    await waitUntil(() => rx.messages.length === 2, 3_000, 'two frames');
    expect(rx.framingErrors).toEqual([]);
    const a = parseRfc5424(rx.messages[0]);
    expect(a.sd.get('warden@32473')!.find(([n]) => n === 'key')![1]).toBe('tenant "a"]\\\nsecond line');
    expect(a.bom).toBe(false);
    expect(a.msg).toBe('plain ascii summary');
    expect(a.facility).toBe(16); // local0 by default
    const b = parseRfc5424(rx.messages[1]);
    expect(b.msgId).toBe('block-rate');
    expect(b.severity).toBe(4); // medium → warning
  });

  it('fails fast while the TCP collector is down and reconnects once it listens again on the same port', async () => {
    const rx = await startTcpSyslog();
    const sink = sinkFor({ type: 'syslog', address: rx.address, protocol: 'tcp' });
    await sink.deliver(trickyAlert(), signal());
    await waitUntil(() => rx.messages.length === 1);
    await rx.close();
    // The collector's FIN reaches the sink's socket (a write before that is taken by the kernel and lost: TCP's own limit).
    await new Promise((r) => setTimeout(r, 100));
    await expect(sink.deliver(trickyAlert(), signal())).rejects.toMatchObject({ code: 'WARDEN_ALERTS_DELIVERY_FAILED' });
    const again = await startTcpSyslog(Number(rx.address.split(':')[1]));
    closers.push(again.close);
    await sink.deliver({ ...trickyAlert(), rule: 'after-restart' }, signal());
    await waitUntil(() => again.messages.length === 1, 3_000, 'the message after the restart');
    expect(parseRfc5424(again.messages[0]).sd.get('warden@32473')).toContainEqual(['rule', 'after-restart']);
  });
});

describe('syslog sink, CEF', () => {
  it.each(['udp', 'tcp'] as const)('sends a CEF line in an RFC 5424 frame over %s, header and extension parsed field by field', async (protocol) => {
    const rx = protocol === 'udp' ? await startUdpSyslog() : await startTcpSyslog();
    closers.push(rx.close);
    const sink = sinkFor({ type: 'syslog', address: rx.address, protocol, format: 'cef', hostname: 'edge-1' });
    const alert = trickyAlert();
    await sink.deliver(alert, signal());
    await waitUntil(() => rx.messages.length === 1, 3_000, 'the message');
    const frame = parseRfc5424(rx.messages[0]);
    expect(frame.sd.size).toBe(0);
    expect(frame.msgId).toBe('source-rate');
    const cef = parseCef(frame.msg);
    expect(cef.version).toBe('0');
    expect(cef.vendor).toBe('Warden');
    expect(cef.product).toBe('Warden WAF');
    expect(cef.deviceVersion).toMatch(/^\d+\.\d+\.\d+/);
    expect(cef.signatureId).toBe('source-rate');
    expect(cef.name).toBe('Source request rate above its baseline');
    expect(cef.severity).toBe('8');
    const x = cef.extension;
    expect(x.msg).toBe(alert.summary);
    expect(Number(x.rt)).toBe(Date.parse(alert.at));
    expect(Number(x.start)).toBe(Date.parse(alert.window.from));
    expect(Number(x.end)).toBe(Date.parse(alert.window.to));
    expect(x.dvchost).toBe('edge-1');
    expect([x.cs1Label, x.cs1]).toEqual(['rule', 'spike-from-source']);
    expect([x.cs2Label, x.cs2]).toEqual(['key', '203.0.113.7']);
    expect([x.cs3Label, x.cs3]).toEqual(['incidents', alert.examples.join(' ')]);
    expect([x.cs4Label, x.cs4]).toEqual(['counts', 'requests:1260 ratePerSecond:42 baselinePerSecond:3.5']);
    expect([x.cn1Label, x.cn1]).toEqual(['windowSeconds', '60']);
    expect([x.cn2Label, x.cn2]).toEqual(['suppressed', '2']);
    expect(x.src).toBe('203.0.113.7');
  });

  it('escapes | and \\ in header fields and = and line breaks in extension values', async () => {
    const rx = await startUdpSyslog();
    closers.push(rx.close);
    const sink = sinkFor({ type: 'syslog', address: rx.address, format: 'cef' });
    const alert = { ...trickyAlert(), when: 'rate-limited' as const, key: 'tenant=a|b\\c\nd' };
    await sink.deliver(alert, signal());
    await waitUntil(() => rx.messages.length === 1);
    const cef = parseCef(parseRfc5424(rx.messages[0]).msg);
    expect(cef.extension.cs2).toBe('tenant=a|b\\c\nd');
    expect(cef.extension.src).toBeUndefined(); // only a source-rate key is a client address
  });
});

describe('webhook sink', () => {
  it('posts the Slack incoming-webhook shape: text is the summary (with &, <, > escaped), blocks carry counts and incidents', async () => {
    const rx = await startWebhook();
    closers.push(rx.close);
    const sink = sinkFor({ type: 'webhook', url: rx.url, format: 'slack' });
    const alert = { ...trickyAlert(), summary: 'block share 12% > 5% <b> & more' };
    await sink.deliver(alert, signal());
    const body = rx.bodies[0] as { text: string; blocks: { type: string; text?: { text: string }; elements?: { text: string }[] }[] };
    expect(body.text).toBe('block share 12% &gt; 5% &lt;b&gt; &amp; more');
    expect(body.blocks[0].text!.text).toBe(alert.summary);
    const context = body.blocks.flatMap((b) => b.elements ?? []).map((e) => e.text).join('\n');
    expect(context).toContain('rule spike-from-source (source-rate)');
    expect(context).toContain('requests 1,260');
    expect(context).toContain('suppressed 2');
    expect(context).toContain('`01kbaaaaaaaaaaaaaa`');
    // The sink names its target without the URL path, where a Slack webhook keeps its secret.
    expect(sink.target).toBe(`http://127.0.0.1:${rx.port}`);
  });

  it('posts the alert object itself in the json format', async () => {
    const rx = await startWebhook();
    closers.push(rx.close);
    const sink = sinkFor({ type: 'webhook', url: rx.url, headers: { authorization: 'Bearer t' } });
    const alert = trickyAlert();
    await sink.deliver(alert, signal());
    expect(rx.bodies).toEqual([alert]);
  });

  it('fails with the status and the start of the body on a non-2xx answer, and with the error code on a closed port', async () => {
    const rx = await startWebhook('fail');
    closers.push(rx.close);
    await expect(sinkFor({ type: 'webhook', url: rx.url }).deliver(trickyAlert(), signal())).rejects.toMatchObject({
      code: 'WARDEN_ALERTS_DELIVERY_FAILED',
      message: 'alert sink webhook#1: HTTP 500: receiver is down for maintenance',
    });
    const port = await closedPort();
    await expect(sinkFor({ type: 'webhook', url: `http://127.0.0.1:${port}/x` }).deliver(trickyAlert(), signal())).rejects.toMatchObject({
      code: 'WARDEN_ALERTS_DELIVERY_FAILED',
      message: 'alert sink webhook#1: ECONNREFUSED',
    });
  });
});

describe('webhook header secrets', () => {
  const dir = mkdtempSync(join(tmpdir(), 'warden-hook-secret-'));

  it('sends a header read from an environment variable or a file (trimmed), and one written inline as is', async () => {
    const rx = await startWebhook();
    closers.push(rx.close);
    const file = join(dir, 'signing.key');
    writeFileSync(file, 'k3y-from-file\n');
    process.env.WARDEN_TEST_WEBHOOK_TOKEN = ' tok-from-env ';
    try {
      const sink = sinkFor({ type: 'webhook', url: rx.url, headers: { Authorization: { env: 'WARDEN_TEST_WEBHOOK_TOKEN' }, 'X-Signing-Key': { file }, 'X-Team': 'sre' } });
      await sink.deliver(trickyAlert(), signal());
    } finally {
      delete process.env.WARDEN_TEST_WEBHOOK_TOKEN;
    }
    expect(rx.headers[0]).toMatchObject({ authorization: 'tok-from-env', 'x-signing-key': 'k3y-from-file', 'x-team': 'sre' });
  });

  it('refuses, with the path of the key, a variable that is not set, a missing or empty file, and a line break in a file', () => {
    const empty = join(dir, 'empty');
    writeFileSync(empty, '  \n');
    const twoLines = join(dir, 'two-lines');
    writeFileSync(twoLines, 'abc\nX-Injected: 1\n');
    const cases: [Record<string, unknown>, string][] = [
      [{ env: 'WARDEN_TEST_UNSET_VARIABLE' }, 'alerts.sinks[0].headers.Authorization.env: environment variable WARDEN_TEST_UNSET_VARIABLE is not set or empty'],
      [{ file: join(dir, 'missing') }, `alerts.sinks[0].headers.Authorization.file: ${join(dir, 'missing')}: cannot be read`],
      [{ file: empty }, `alerts.sinks[0].headers.Authorization.file: ${empty}: the file is empty`],
      [{ file: twoLines }, 'alerts.sinks[0].headers.Authorization.file: the value holds a line break or another control character'],
    ];
    for (const [value, message] of cases) {
      const config = alertsWith([{ type: 'webhook', url: 'http://127.0.0.1:1/', headers: { Authorization: value } }]);
      expect(() => createSinks(config)).toThrow(expect.objectContaining({ code: 'WARDEN_ALERTS_SECRET_UNAVAILABLE', message: expect.stringContaining(message) }));
      expect(() => checkAlertSecrets(config)).toThrow(expect.objectContaining({ code: 'WARDEN_ALERTS_SECRET_UNAVAILABLE' }));
    }
  });

  it('validates the shape in the JSON Schema: a string, or exactly one of env / file', () => {
    const bad = (headers: Record<string, unknown>): string => {
      try {
        alertsWith([{ type: 'webhook', url: 'http://127.0.0.1:1/', headers }]);
        return 'accepted';
      } catch (err) {
        return (err as Error).message;
      }
    };
    expect(bad({ Authorization: { env: 'lower-case-dash' } })).toContain('alerts.sinks[0].headers.Authorization.env: must be an environment variable name');
    expect(bad({ Authorization: { env: 'A', file: 'b' } })).toContain('alerts.sinks[0].headers.Authorization: must NOT have more than 1 properties');
    expect(bad({ Authorization: 'a\r\nX-Injected: 1' })).toContain('alerts.sinks[0].headers.Authorization: must match pattern');
    expect(bad({ Authorization: { env: 'WARDEN_WEBHOOK_TOKEN' } })).toBe('accepted');
  });

  it('takes a secret file relative to the config file, and warden config check prints the reference, never the secret', async () => {
    const file = join(dir, 'warden.yaml');
    writeFileSync(join(dir, 'hook.token'), 'file-secret-value\n');
    writeFileSync(file, `alerts:\n  sinks:\n    - { type: webhook, url: "http://127.0.0.1:1/hook", headers: { Authorization: { env: WARDEN_TEST_HOOK_ENV }, X-Key: { file: hook.token }, X-Inline: inline-secret-value } }\n  rules: [{ id: r, when: reload-failed }]\n`);
    const config = await loadConfig(file);
    expect((config.alerts.sinks[0] as { headers: Record<string, unknown> }).headers['X-Key']).toEqual({ file: join(dir, 'hook.token') });
    process.env.WARDEN_TEST_HOOK_ENV = 'env-secret-value';
    const out: string[] = [];
    try {
      expect(await main(['config', 'check', file], { out: (s) => out.push(s), err: (s) => out.push(s) })).toBe(0);
    } finally {
      delete process.env.WARDEN_TEST_HOOK_ENV;
    }
    const printed = out.join('\n');
    expect(printed).toContain('WARDEN_TEST_HOOK_ENV');
    expect(printed).not.toContain('env-secret-value');
    expect(printed).not.toContain('file-secret-value');
    expect(printed).not.toContain('inline-secret-value');
  });
});

describe('sink names', () => {
  it('are <type>#<position> unless named, and a duplicate name is a config error naming both', () => {
    const sinks: AlertSinkConfig[] = alertsWith([{ type: 'webhook', url: 'http://127.0.0.1:1/' }, { type: 'syslog', address: '127.0.0.1:514', name: 'siem' }]).sinks;
    const built = createSinks({ ...alertsWith([]), sinks });
    expect(built.map((s) => s.name)).toEqual(['webhook#1', 'siem']);
    expect(() => alertsWith([{ type: 'webhook', url: 'http://127.0.0.1:1/', name: 'a' }, { type: 'syslog', address: '127.0.0.1:514', name: 'a' }])).toThrow(
      /alerts\.sinks\[1\]\.name: "a" is already the name of alerts\.sinks\[0\]/,
    );
  });
});
