/**
 * Rules on decoded forms, end to end on a real NGINX upstream: a pack rule's content that travels
 * base64, gzip+base64 or `\u`-escaped inside a JSON value is blocked by the proxy, and the decision log
 * names the decoding; the same rule on the raw request (pkt_data) does not see it, and a harmless
 * base64 value passes through to NGINX.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNginx, type NginxUpstream } from '../helpers/nginx.js';
import { startTestWarden } from '../helpers/warden.js';
import { waitForLogLine } from '../helpers/log-lines.js';
import type { RunningWarden } from '../../src/warden.js';

let nginx: NginxUpstream;
let warden: RunningWarden & { origin: string; logFile: string };

// Written for this test: a drop rule on the request body, and the same content on the raw request.
const RULES = [
  'drop http any any -> any any (msg:"TEST java exec in body"; flow:to_server; http.request_body; content:"getRuntime().exec("; sid:9100001; rev:1;)',
  'drop http any any -> any any (msg:"TEST java exec in raw"; flow:to_server; content:"Runtime.getRuntime"; sid:9100002; rev:1;)',
].join('\n');
const PAYLOAD = 'java.lang.Runtime.getRuntime().exec("touch /tmp/pwned")';
const b64 = (s: string | Buffer): string => Buffer.from(s).toString('base64');
const uEscaped = (s: string): string => [...s].map((ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');

beforeAll(async () => {
  nginx = await startNginx();
  const dir = mkdtempSync(join(tmpdir(), 'warden-decoded-'));
  writeFileSync(join(dir, 'test.rules'), `${RULES}\n`);
  warden = await startTestWarden(nginx.origin, { model: { enabled: false }, rules: { bundled: false, files: [{ path: join(dir, 'test.rules'), flavour: 'suricata' }] } });
}, 60_000);

afterAll(async () => {
  await warden?.close();
  await nginx?.stop();
});

async function postJson(body: string, id: string): Promise<number> {
  const res = await request(`${warden.origin}/api/jobs?case=${id}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  await res.body.text();
  return res.statusCode;
}

function reasonsOf(l: Record<string, unknown>): Array<{ ruleId: string; decoded?: string; target?: { name: string } }> {
  return ((l.reasons as Array<{ gate: string; ruleId: string; decoded?: string; target?: { name: string } }>) ?? []).filter((r) => r.gate === 'signatures');
}

describe('signature rules see decoded forms behind the proxy', () => {
  it.each([
    ['base64', 'b64', JSON.stringify({ name: 'nightly', state: b64(PAYLOAD) })],
    ['base64>gzip', 'gz', JSON.stringify({ name: 'nightly', state: b64(gzipSync(PAYLOAD)) })],
    ['json-body', 'uesc', `{"name":"nightly","state":"${uEscaped(PAYLOAD)}"}`],
  ])('blocks the body rule on a %s value, and the log names the decoding', async (via, id, body) => {
    expect(await postJson(body, id)).toBe(403);
    const line = await waitForLogLine(warden.logFile, (l) => l.action === 'block' && reasonsOf(l).some((r) => r.decoded === via));
    const reasons = reasonsOf(line);
    // Only the http_client_body rule matched: the raw request (pkt_data) holds the encoded spelling.
    expect(reasons.map((r) => [r.ruleId, r.decoded, r.target?.name])).toEqual([['1:9100001', via, 'state']]);
  });

  it('forwards a harmless base64 value to NGINX', async () => {
    expect(await postJson(JSON.stringify({ name: 'nightly', state: b64('{"step":3,"done":false}') }), 'ok')).toBe(200);
  });
});
