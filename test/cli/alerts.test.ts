import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { parseRfc5424 } from '../alerts/syslog-parsers.js';
import { closedPort, startTcpSyslog, startUdpSyslog, startWebhook, waitUntil, type SyslogReceiver, type WebhookReceiver } from '../alerts/receivers.js';

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

let dir: string;
let webhook: WebhookReceiver;
let failing: WebhookReceiver;
let udp: SyslogReceiver;
let tcp: SyslogReceiver;

function configFile(name: string, sinks: string[]): string {
  const file = join(dir, name);
  writeFileSync(file, ['alerts:', '  delivery: { timeoutMs: 1000 }', '  sinks:', ...sinks.map((s) => `    - ${s}`), ''].join('\n'));
  return file;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'warden-alerts-cli-'));
  [webhook, failing, udp, tcp] = await Promise.all([startWebhook(), startWebhook('fail'), startUdpSyslog(), startTcpSyslog()]);
});

afterAll(async () => {
  await Promise.all([webhook.close(), failing.close(), udp.close(), tcp.close()]);
});

describe('warden alerts test', () => {
  it('sends one sample alert to every sink and exits 0 when all delivered', async () => {
    const file = configFile('ok.yaml', [
      `{ type: webhook, url: "${webhook.url}", format: slack }`,
      `{ type: syslog, address: ${udp.address}, protocol: udp }`,
      `{ type: syslog, address: ${tcp.address}, protocol: tcp, format: cef, name: siem }`,
    ]);
    const { code, out } = await run(['alerts', 'test', '--config', file]);
    expect(code).toBe(0);
    expect(out).toMatch(/^webhook#1 http:\/\/127\.0\.0\.1:\d+: delivered \(\d+ ms\)$/m);
    expect(out).toMatch(/^syslog#2 udp:\/\/127\.0\.0\.1:\d+ \(rfc5424\): delivered/m);
    expect(out).toMatch(/^siem tcp:\/\/127\.0\.0\.1:\d+ \(cef\): delivered/m);
    expect(out).toContain('all 3 sink(s) delivered');
    // The webhook's secret path is never printed.
    expect(out).not.toContain('secret-token');
    expect((webhook.bodies.at(-1) as { text: string }).text).toMatch(/^Warden test alert from /);
    await waitUntil(() => udp.messages.length >= 1 && tcp.messages.length >= 1);
    expect(parseRfc5424(udp.messages.at(-1)!).sd.get('warden@32473')).toContainEqual(['rule', 'alerts-test']);
    expect(parseRfc5424(tcp.messages.at(-1)!).msg).toMatch(/^CEF:0\|Warden\|/);
  });

  it('exits 1 and names each failed sink with its code and reason, still trying the others', async () => {
    const port = await closedPort();
    const file = configFile('bad.yaml', [
      `{ type: webhook, url: "${failing.url}" }`,
      `{ type: syslog, address: 127.0.0.1:${port}, protocol: tcp }`,
      `{ type: webhook, url: "${webhook.url}" }`,
    ]);
    const before = webhook.bodies.length;
    const { code, out } = await run(['alerts', 'test', '--config', file, '--json']);
    expect(code).toBe(1);
    const report = JSON.parse(out) as { sink: string; delivered: boolean; code?: string; reason?: string }[];
    expect(report.map((r) => [r.sink, r.delivered, r.code])).toEqual([
      ['webhook#1', false, 'WARDEN_ALERTS_DELIVERY_FAILED'],
      ['syslog#2', false, 'WARDEN_ALERTS_DELIVERY_FAILED'],
      ['webhook#3', true, undefined],
    ]);
    expect(report[0].reason).toContain('HTTP 500');
    expect(report[1].reason).toContain('ECONNREFUSED');
    expect(webhook.bodies.length).toBe(before + 1);
  });

  it('exits 1 when the config has no sinks, and 1 with the key path when the config is invalid', async () => {
    const empty = join(dir, 'empty.yaml');
    writeFileSync(empty, 'mode: prevent\n');
    const none = await run(['alerts', 'test', '--config', empty]);
    expect(none.code).toBe(1);
    expect(none.err).toContain('WARDEN_ALERTS_NO_SINKS');
    const bad = configFile('invalid.yaml', ['{ type: syslog, address: 127.0.0.1:514, protocol: sctp }']);
    const invalid = await run(['alerts', 'test', '--config', bad]);
    expect(invalid.code).toBe(1);
    expect(invalid.err).toContain('alerts.sinks[0].protocol: must be one of "udp", "tcp"');
  });

  it('exits 2 without a subcommand or with an unknown one', async () => {
    expect((await run(['alerts'])).code).toBe(2);
    const r = await run(['alerts', 'send']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('unknown subcommand "send"');
  });
});
