import { X509Certificate } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { get as httpsGet } from 'node:https';
import { connect as h2connect } from 'node:http2';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TLSSocket } from 'node:tls';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startNginx, type NginxUpstream } from '../helpers/nginx.js';
import { runCli, waitFor, type CliProcess } from '../helpers/cli-process.js';
import { CertificateDir, type PemPair, type TestCa } from '../helpers/certificates.js';

// One Warden with two workers sharing the TLS port; model and bundled rules off so workers start fast.
let nginx: NginxUpstream;
let warden: CliProcess;
let certs: CertificateDir;
let ca: TestCa;
let live: PemPair;
let port: number;
let admin: string;
let decisions: string;
let configFile: string;

const fingerprint = (file: string): string => new X509Certificate(readFileSync(file)).fingerprint256;

/** A request on a new TLS connection (so the primary's round robin spreads them): status and served certificate. */
function fresh(path: string): Promise<{ status: number; fingerprint: string }> {
  return new Promise((resolve, reject) => {
    const req = httpsGet({ host: '127.0.0.1', port, path, servername: 'api.test', ca: readFileSync(ca.cert), agent: false, timeout: 10_000 }, (res) => {
      const fp = (res.socket as TLSSocket).getPeerCertificate().fingerprint256;
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, fingerprint: fp }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
  });
}

beforeAll(async () => {
  certs = new CertificateDir();
  ca = certs.ca('cluster');
  const first = ca.issue('first', ['api.test']);
  live = { cert: join(certs.dir, 'live.pem'), key: join(certs.dir, 'live.key') };
  copyFileSync(first.cert, live.cert);
  copyFileSync(first.key, live.key);
  nginx = await startNginx();
  const dir = mkdtempSync(join(tmpdir(), 'warden-tls-cluster-'));
  port = await freePort();
  admin = `127.0.0.1:${await freePort()}`;
  decisions = join(dir, 'decisions.log');
  writeFileSync(join(dir, 'drop.rules'), 'drop http any any -> any any (msg:"tls cluster"; content:"tls-cluster-attack"; http_uri; sid:1000101; rev:1;)\n');
  configFile = join(dir, 'warden.yaml');
  writeFileSync(
    configFile,
    [
      `upstream: ${nginx.origin}`,
      `listen: 127.0.0.1:${port}`,
      'workers: 2',
      `admin: { enabled: true, listen: ${admin} }`,
      'model: { enabled: false }',
      'rules: { bundled: false, files: [drop.rules] }',
      `tls: { certificates: [{ cert: ${live.cert}, key: ${live.key} }] }`,
      `logging: { decisions: ${decisions}, logAllowed: true }`,
      '',
    ].join('\n'),
  );
  warden = runCli(['serve', '--config', configFile]);
  await waitFor(warden.output, /listening on https:[\s\S]*listening on https:/, 110_000);
}, 120_000);

afterAll(async () => {
  warden?.child.kill('SIGKILL');
  await nginx?.stop();
  certs?.remove();
});

describe('TLS with --workers 2', () => {
  it('serves TLS from both workers on the shared port, HTTP/1.1 and HTTP/2, attacks blocked', async () => {
    for (let i = 0; i < 12; i++) expect((await fresh(`/echo/cluster-${i}`)).status).toBe(200);
    expect((await fresh('/x?q=tls-cluster-attack')).status).toBe(403);
    const session = h2connect(`https://127.0.0.1:${port}`, { ca: readFileSync(ca.cert), servername: 'api.test' });
    const status = await new Promise<number>((resolve, reject) => {
      const req = session.request({ ':path': '/echo/cluster-h2' });
      req.on('response', (h) => resolve(Number(h[':status'])));
      req.on('error', reject);
      req.end();
      req.resume();
    });
    session.close();
    expect(status).toBe(200);
    const pids = () =>
      existsSync(decisions)
        ? new Set(
            readFileSync(decisions, 'utf8')
              .split('\n')
              .filter((l) => l.includes('/echo/cluster-'))
              .map((l) => (JSON.parse(l) as { pid: number }).pid),
          ).size
        : 0;
    await expect.poll(pids, { timeout: 3_000 }).toBe(2);
  });

  it('reloads the certificates in every worker on POST /reload', async () => {
    const next = ca.issue('second', ['api.test']);
    copyFileSync(next.key, `${live.key}.tmp`);
    copyFileSync(next.cert, `${live.cert}.tmp`);
    renameSync(`${live.key}.tmp`, live.key);
    renameSync(`${live.cert}.tmp`, live.cert);
    const res = await request(`http://${admin}/reload`, { method: 'POST' });
    const body = (await res.body.json()) as { ok: boolean; reloaded: Record<string, string> };
    expect(res.statusCode).toBe(200);
    expect(body.reloaded.workers).toBe('2 of 2 applied');
    for (let i = 0; i < 8; i++) expect((await fresh(`/echo/after-${i}`)).fingerprint).toBe(fingerprint(next.cert));
  });
  it('switches every worker at once when the files change: the primary watches and broadcasts, and no connection after the first new certificate gets the old one', async () => {
    const switched = () => (warden.output().match(/TLS certificates reloaded after a file change, in 2 worker\(s\) at once/g) ?? []).length;
    // The /reload test above replaced the files too: wait for the primary's reload of that change first.
    await waitFor(warden.output, /TLS certificates reloaded after a file change/, 20_000);
    const before = switched();
    const old = fingerprint(live.cert);
    const next = ca.issue('third', ['api.test']);
    copyFileSync(next.key, `${live.key}.tmp`);
    copyFileSync(next.cert, `${live.cert}.tmp`);
    renameSync(`${live.key}.tmp`, live.key);
    renameSync(`${live.cert}.tmp`, live.cert);
    // Sequential new connections through the switch: old ones, then only new ones, whichever worker serves.
    const seen: string[] = [];
    const deadline = Date.now() + 30_000;
    while (!seen.includes(fingerprint(next.cert)) && Date.now() < deadline) seen.push((await fresh(`/echo/switch-${seen.length}`)).fingerprint);
    for (let i = 0; i < 16; i++) seen.push((await fresh(`/echo/switched-${i}`)).fingerprint);
    const firstNew = seen.indexOf(fingerprint(next.cert));
    expect(firstNew).toBeGreaterThanOrEqual(0);
    expect(seen.slice(0, firstNew).every((f) => f === old)).toBe(true);
    expect(seen.slice(firstNew).every((f) => f === fingerprint(next.cert))).toBe(true);
    await expect.poll(switched, { timeout: 5_000 }).toBeGreaterThan(before);
  });

  it('keeps the certificates in force in every worker when a changed file is bad, and each worker logs why', async () => {
    const inForce = fingerprint(live.cert);
    const other = ca.issue('fourth', ['api.test']);
    copyFileSync(other.key, `${live.key}.tmp`);
    renameSync(`${live.key}.tmp`, live.key);
    await waitFor(warden.output, /TLS certificates not reloaded after a file change, the previous ones stay in force: WARDEN_TLS_KEY_MISMATCH/, 20_000);
    for (let i = 0; i < 6; i++) expect((await fresh(`/echo/kept-${i}`)).fingerprint).toBe(inForce);
    const failedIn = () =>
      new Set(
        readFileSync(decisions, 'utf8')
          .split('\n')
          .filter((l) => l.includes('"what":"tls"') && l.includes('WARDEN_TLS_KEY_MISMATCH'))
          .map((l) => (JSON.parse(l) as { pid: number }).pid),
      ).size;
    await expect.poll(failedIn, { timeout: 5_000 }).toBe(2);
  });
  it('on POST /reload of a config naming other files, every worker switches once all have reloaded', async () => {
    const other = ca.issue('fifth', ['api.test']);
    writeFileSync(configFile, readFileSync(configFile, 'utf8').replace(/tls: .*\n/, `tls: { certificates: [{ cert: ${other.cert}, key: ${other.key} }] }\n`));
    const res = await request(`http://${admin}/reload`, { method: 'POST' });
    expect(res.statusCode).toBe(200);
    expect(((await res.body.json()) as { reloaded: Record<string, string> }).reloaded).toMatchObject({ workers: '2 of 2 applied', tls: '1 certificates' });
    for (let i = 0; i < 8; i++) expect((await fresh(`/echo/reconfigured-${i}`)).fingerprint).toBe(fingerprint(other.cert));
  });
});
