import { copyFileSync, readFileSync, renameSync } from 'node:fs';
import { get as httpsGet } from 'node:https';
import { connect as h2connect } from 'node:http2';
import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNginx, type NginxUpstream } from '../helpers/nginx.js';
import { startTestWarden } from '../helpers/warden.js';
import { CertificateDir, type PemPair, type TestCa } from '../helpers/certificates.js';
import type { RunningWarden } from '../../src/warden.js';

let nginx: NginxUpstream;
let certs: CertificateDir;
let ca: TestCa;
let live: PemPair;
let w: RunningWarden & { logFile: string };
let port: number;

const fingerprint = (file: string): string => new X509Certificate(readFileSync(file)).fingerprint256;

/** Replaces the live pair the way deploy tools do: write beside, then rename over (the watcher sees a new inode). */
function install(pair: PemPair): void {
  copyFileSync(pair.cert, `${live.cert}.tmp`);
  copyFileSync(pair.key, `${live.key}.tmp`);
  renameSync(`${live.key}.tmp`, live.key);
  renameSync(`${live.cert}.tmp`, live.cert);
}

/** One request on a new TLS connection: its status and the certificate the handshake served. */
function freshRequest(path: string): Promise<{ status: number; fingerprint: string }> {
  return new Promise((resolve, reject) => {
    const req = httpsGet({ host: '127.0.0.1', port, path, servername: 'api.test', ca: readFileSync(ca.cert), agent: false, timeout: 10_000 }, (res) => {
      const fp = (res.socket as import('node:tls').TLSSocket).getPeerCertificate().fingerprint256;
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, fingerprint: fp }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
  });
}

function logLines(): Record<string, unknown>[] {
  return readFileSync(w.logFile, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

beforeAll(async () => {
  certs = new CertificateDir();
  ca = certs.ca('reload');
  const first = ca.issue('first', ['api.test']);
  live = { cert: `${certs.dir}/live.pem`, key: `${certs.dir}/live.key` };
  copyFileSync(first.cert, live.cert);
  copyFileSync(first.key, live.key);
  nginx = await startNginx();
  w = await startTestWarden(nginx.origin, { model: { enabled: false }, rules: { bundled: false }, tls: { certificates: [live] } });
  port = Number(w.address.split(':').pop());
}, 60_000);

afterAll(async () => {
  await w?.close();
  await nginx?.stop();
  certs?.remove();
});

describe('certificate reload', () => {
  it('serves the new certificate after /reload while requests run, with no failed request, and keeps established connections', async () => {
    const before = fingerprint(live.cert);
    const session = h2connect(`https://127.0.0.1:${port}`, { ca: readFileSync(ca.cert), servername: 'api.test' });
    const oldSessionCert = await new Promise<string>((resolve) => session.once('connect', () => resolve((session.socket as import('node:tls').TLSSocket).getPeerCertificate().fingerprint256)));
    expect(oldSessionCert).toBe(before);

    let stop = false;
    let ok = 0;
    const failures: string[] = [];
    const served = new Map<string, number>();
    const deadline = Date.now() + 20_000;
    const loop = async (n: number): Promise<void> => {
      for (let i = 0; !stop && Date.now() < deadline && i < 2_000; i++) {
        try {
          const r = await freshRequest(`/echo/load-${n}-${i}`);
          if (r.status === 200) ok++;
          else failures.push(`status ${r.status}`);
          served.set(r.fingerprint, (served.get(r.fingerprint) ?? 0) + 1);
        } catch (err) {
          failures.push((err as Error).message);
        }
      }
    };
    const until = async (done: () => boolean): Promise<void> => {
      while (!done() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    };
    const clients = [0, 1, 2, 3].map(loop);
    // The swap happens with requests running on both sides of it, however slow the machine is.
    await until(() => ok >= 10);
    const next = ca.issue('second', ['api.test']);
    install(next);
    const reloaded = await w.reload();
    expect(reloaded.tls).toBe('1 certificates');
    await until(() => (served.get(fingerprint(next.cert)) ?? 0) >= 10);
    stop = true;
    await Promise.all(clients);

    expect(failures).toEqual([]); // every request of the loop, before, during and after the swap, answered 200
    expect([...served.keys()].sort()).toEqual([before, fingerprint(next.cert)].sort());
    expect(served.get(before)).toBeGreaterThanOrEqual(10);
    expect(served.get(fingerprint(next.cert))).toBeGreaterThanOrEqual(10);
    expect((await freshRequest('/echo/after-reload')).fingerprint).toBe(fingerprint(next.cert));
    // The HTTP/2 connection opened before the reload still serves, on its old certificate.
    const status = await new Promise<number>((resolve, reject) => {
      const req = session.request({ ':path': '/echo/old-session' });
      req.on('response', (h) => resolve(Number(h[':status'])));
      req.on('error', reject);
      req.end();
      req.resume();
    });
    expect(status).toBe(200);
    expect((session.socket as import('node:tls').TLSSocket).getPeerCertificate().fingerprint256).toBe(before);
    session.close();
  }, 45_000);

  it('keeps the certificate in force, and says why, when the new pair does not match', async () => {
    const serving = (await freshRequest('/echo/before-bad')).fingerprint;
    const other = ca.issue('other', ['api.test']);
    copyFileSync(other.cert, live.cert); // the key is still the previous one: a mismatched pair
    await expect(w.reload()).rejects.toMatchObject({ code: 'WARDEN_TLS_KEY_MISMATCH' });
    expect((await freshRequest('/echo/after-bad')).fingerprint).toBe(serving);
    expect(logLines().some((l) => l.what === 'tls' && l.code === 'WARDEN_TLS_KEY_MISMATCH' && String(l.msg).includes('previous ones stay in force'))).toBe(true);
    copyFileSync(other.key, live.key);
  });

  it('picks up replaced files by itself, and warns about (and exports) a certificate close to expiry', async () => {
    const soon = ca.issue('soon', ['api.test'], { days: 5 });
    install(soon);
    let served = '';
    for (let waited = 0; waited < 5_000 && served !== fingerprint(soon.cert); waited += 100) {
      await new Promise((r) => setTimeout(r, 100));
      served = (await freshRequest('/echo/watch')).fingerprint;
    }
    expect(served).toBe(fingerprint(soon.cert));
    // pino writes asynchronously: the warning lands just after the swap.
    let warning: Record<string, unknown> | undefined;
    for (let waited = 0; waited <= 2_000 && warning === undefined; waited += 50) {
      warning = logLines().find((l) => l.event === 'tls-expiry');
      if (warning === undefined) await new Promise((r) => setTimeout(r, 50));
    }
    expect(warning).toMatchObject({ certificate: live.cert, names: ['api.test'] });
    expect(warning!.daysLeft).toBeGreaterThanOrEqual(4);
    expect(warning!.daysLeft).toBeLessThanOrEqual(5);
    const gauge = (await w.metrics.registry.getSingleMetric('warden_tls_certificate_expiry_seconds')!.get()).values;
    expect(gauge).toHaveLength(1);
    expect(gauge[0].labels).toEqual({ certificate: live.cert, name: 'api.test' });
    expect(gauge[0].value).toBeGreaterThan(4 * 86_400);
    expect(gauge[0].value).toBeLessThanOrEqual(5 * 86_400);
  });
});
