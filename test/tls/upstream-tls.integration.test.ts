import { readFileSync } from 'node:fs';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer, type ClientOptions } from 'ws';
import { freePort, startNginx, type NginxUpstream } from '../helpers/nginx.js';
import { startTestWarden } from '../helpers/warden.js';
import { waitForLogLine, type LogLine } from '../helpers/log-lines.js';
import { CertificateDir, opensslPin, type PemPair, type TestCa } from '../helpers/certificates.js';

let nginx: NginxUpstream;
let certs: CertificateDir;
let upstreamCa: TestCa;
let rogueCa: TestCa;
let leaf: PemPair;
let wss: WebSocketServer;
const started: { close(): Promise<void> }[] = [];

// Inspection is not under test here: no rules, no model, so each Warden starts in a moment.
const bare = { model: { enabled: false }, rules: { bundled: false } };

beforeAll(async () => {
  certs = new CertificateDir();
  upstreamCa = certs.ca('upstream');
  rogueCa = certs.ca('rogue');
  leaf = upstreamCa.issue('nginx', ['app.internal', '127.0.0.1']);
  const wsPort = await freePort();
  wss = new WebSocketServer({ host: '127.0.0.1', port: wsPort });
  wss.on('connection', (ws) => ws.on('message', (m) => ws.send(`echo:${m.toString()}`)));
  nginx = await startNginx({ tls: leaf, wsPort });
}, 60_000);

afterAll(async () => {
  for (const w of started) await w.close();
  await nginx?.stop();
  wss?.close();
  certs?.remove();
});

async function through(upstreamTls: Record<string, unknown>, path: string) {
  const w = await startTestWarden(nginx.origin, { ...bare, upstreamTls });
  started.push(w);
  const res = await request(`${w.origin}${path}`, { headers: { accept: 'application/json' } });
  const body = await res.body.text();
  return { status: res.statusCode, incident: res.headers['x-warden-incident'] as string | undefined, body, logFile: w.logFile };
}

/** The decision-log line of an incident (the shared poll: a file pino has not created yet, or a line still being written, is waited for). */
const logLine = (file: string, incidentId: string): Promise<LogLine> => waitForLogLine(file, (l) => l.incidentId === incidentId);

describe('TLS to the upstream, verified by default', () => {
  it('forwards to an upstream whose certificate chains to the given CA', async () => {
    const ok = await through({ ca: upstreamCa.cert }, '/echo/verified');
    expect(ok.status).toBe(200);
    expect(await nginx.logged((l) => l.uri === '/echo/verified')).toBeDefined();
  });

  it('answers 502 with an incident id, and logs why, when the certificate does not chain to the given CA (or to the system roots)', async () => {
    for (const [config, path] of [[{ ca: rogueCa.cert }, '/echo/rogue-ca'], [{}, '/echo/system-roots']] as const) {
      const bad = await through(config, path);
      expect(bad.status).toBe(502);
      expect(bad.incident).toMatch(/^[0-9a-z]{18}$/);
      expect(JSON.parse(bad.body)).toMatchObject({ error: 'upstream_unavailable', incidentId: bad.incident });
      const line = await logLine(bad.logFile, bad.incident!);
      expect(line).toMatchObject({ event: 'upstream-error', code: 'WARDEN_TLS_UPSTREAM_UNVERIFIED', status: 502 });
      expect(line.msg).toMatch(/failed TLS verification: (UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT_LOCALLY)/);
    }
    expect(nginx.accessLog().some((l) => l.uri === '/echo/rogue-ca' || l.uri === '/echo/system-roots')).toBe(false);
  });

  it('checks the certificate against serverName (and sends it as SNI)', async () => {
    expect((await through({ ca: upstreamCa.cert, serverName: 'app.internal' }, '/echo/named')).status).toBe(200);
    const wrong = await through({ ca: upstreamCa.cert, serverName: 'billing.internal' }, '/echo/misnamed');
    expect(wrong.status).toBe(502);
    expect((await logLine(wrong.logFile, wrong.incident!)).msg).toMatch(/ERR_TLS_CERT_ALTNAME_INVALID/);
  });

  it('with pins, forwards only when a key of the chain is pinned (leaf or CA), and answers 502 on a pin mismatch', async () => {
    expect((await through({ ca: upstreamCa.cert, pinSha256: [opensslPin(leaf.cert)] }, '/echo/pinned-leaf')).status).toBe(200);
    expect((await through({ ca: upstreamCa.cert, pinSha256: [opensslPin(upstreamCa.cert)] }, '/echo/pinned-ca')).status).toBe(200);
    const mismatch = await through({ ca: upstreamCa.cert, pinSha256: [opensslPin(rogueCa.cert)] }, '/echo/pin-mismatch');
    expect(mismatch.status).toBe(502);
    const line = await logLine(mismatch.logFile, mismatch.incident!);
    expect(line).toMatchObject({ code: 'WARDEN_TLS_UPSTREAM_UNVERIFIED' });
    expect(line.msg).toMatch(/ERR_WARDEN_UPSTREAM_PIN_MISMATCH: no certificate in the chain has a pinned key/);
    expect(nginx.accessLog().some((l) => l.uri === '/echo/pin-mismatch')).toBe(false);
  });

  it('relays a WebSocket from a wss:// client through the TLS listener to the https upstream, with the same verification', async () => {
    const serverCa = certs.ca('front-ca');
    const front = serverCa.issue('front', ['ws.test']);
    const open = async (upstreamTls: Record<string, unknown>): Promise<{ outcome: string; incident?: string; body?: string; logFile: string }> => {
      const w = await startTestWarden(nginx.origin, { ...bare, tls: { certificates: [front] }, upstreamTls });
      started.push(w);
      const ws = new WebSocket(`wss://127.0.0.1:${w.address.split(':').pop()}/ws`, { ca: readFileSync(serverCa.cert), servername: 'ws.test' } as ClientOptions);
      try {
        return await new Promise((resolve) => {
          ws.on('open', () => ws.send('ping'));
          ws.on('message', (m) => resolve({ outcome: m.toString(), logFile: w.logFile }));
          ws.on('unexpected-response', (_req, res) => {
            let body = '';
            res.on('data', (c: Buffer) => (body += c.toString()));
            res.on('end', () => resolve({ outcome: `status ${res.statusCode}`, incident: res.headers['x-warden-incident'] as string, body, logFile: w.logFile }));
          });
          ws.on('error', (err) => resolve({ outcome: `error ${err.message}`, logFile: w.logFile }));
        });
      } finally {
        ws.terminate();
      }
    };
    expect((await open({ ca: upstreamCa.cert })).outcome).toBe('echo:ping');
    // A failed verification is answered and logged as the pooled requests' is: 502, incident id, the reason in the log only.
    const refused = await open({ ca: rogueCa.cert });
    expect(refused.outcome).toBe('status 502');
    expect(refused.incident).toMatch(/^[0-9a-z]{18}$/);
    expect(JSON.parse(refused.body!)).toMatchObject({ error: 'upstream_unavailable', incidentId: refused.incident });
    expect(refused.body).not.toMatch(/UNABLE_TO|verification/);
    const line = await waitForLogLine(refused.logFile, (l) => l.incidentId === refused.incident && l.event === 'upstream-error');
    expect(line).toMatchObject({ code: 'WARDEN_TLS_UPSTREAM_UNVERIFIED', status: 502, request: { method: 'GET', url: '/ws' } });
    expect(line.msg).toMatch(/failed TLS verification: (UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT_LOCALLY)/);
  });
});
