import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { connect as h2connect } from 'node:http2';
import { connect as tlsConnect, type PeerCertificate } from 'node:tls';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNginx, type NginxUpstream } from '../helpers/nginx.js';
import { startTestWarden } from '../helpers/warden.js';
import { CertificateDir, type PemPair, type TestCa } from '../helpers/certificates.js';
import type { RunningWarden } from '../../src/warden.js';

const run = promisify(execFile);

let nginx: NginxUpstream;
let certs: CertificateDir;
let serverCa: TestCa;
let clientCa: TestCa;
let alice: PemPair;
let w: RunningWarden & { logFile: string };
let port: number;

const rulesOnly = { model: { enabled: false }, decision: { minimumConfidence: 'medium' } };
const attackPath = '/echo/search?q=1%27+UNION+SELECT+password+FROM+users--';

beforeAll(async () => {
  certs = new CertificateDir();
  serverCa = certs.ca('server');
  const api = serverCa.issue('api', ['api.test', '127.0.0.1']);
  const www = serverCa.issue('www', ['www.test', '*.www.test']);
  clientCa = certs.ca('clients');
  alice = clientCa.issue('alice', ['alice'], { clientAuth: true });
  nginx = await startNginx();
  w = await startTestWarden(nginx.origin, {
    ...rulesOnly,
    tls: {
      certificates: [api, www],
      hsts: { maxAgeSeconds: 600, includeSubDomains: true },
      clientCertificates: { ca: clientCa.cert, require: false },
    },
    redirectHttp: { listen: '127.0.0.1:0' },
    access: { routes: [{ match: { pathPrefix: '/echo/mtls-only' }, require: { anyOf: ['clientCertificate'] } }] },
    logging: { logAllowed: true },
  });
  port = Number(w.address.split(':').pop());
}, 60_000);

afterAll(async () => {
  await w?.close();
  await nginx?.stop();
  certs?.remove();
});

interface CurlResult {
  status: number;
  version: string;
  headers: string;
  body: string;
}

/** curl against the TLS listener by name (resolved to 127.0.0.1), verifying with the test CA. */
async function curl(host: string, path: string, extra: string[] = []): Promise<CurlResult> {
  const { stdout } = await run('curl', [
    '-sS', '--max-time', '10', '--cacert', serverCa.cert, '--resolve', `${host}:${port}:127.0.0.1`,
    '-D', '-', '-w', '\n%{http_code} %{http_version}', ...extra, `https://${host}:${port}${path}`,
  ]);
  const end = stdout.lastIndexOf('\n');
  const [status, version] = stdout.slice(end + 1).split(' ');
  const text = stdout.slice(0, end);
  const split = text.indexOf('\r\n\r\n');
  return { status: Number(status), version, headers: text.slice(0, split), body: text.slice(split + 4) };
}

function decisions(): Record<string, unknown>[] {
  return readFileSync(w.logFile, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

async function decisionFor(fits: (l: Record<string, unknown>) => boolean): Promise<Record<string, unknown> | undefined> {
  for (let waited = 0; waited <= 2000; waited += 50) {
    const line = decisions().find(fits);
    if (line !== undefined) return line;
    await new Promise((r) => setTimeout(r, 50));
  }
  return undefined;
}

/** The certificate the listener serves for an SNI name (none: no SNI extension sent). */
function servedCertificate(servername: string | undefined): Promise<PeerCertificate> {
  return new Promise((resolve, reject) => {
    const s = tlsConnect({ host: '127.0.0.1', port, ...(servername !== undefined ? { servername } : {}), ca: readFileSync(serverCa.cert), checkServerIdentity: () => undefined }, () => {
      resolve(s.getPeerCertificate());
      s.end();
    });
    s.on('error', reject);
  });
}

async function sClient(flag: string): Promise<{ ok: boolean; out: string }> {
  // SECLEVEL=0 lets the client itself offer TLS 1.1, so a failure is the server's refusal.
  try {
    const { stdout, stderr } = await run('bash', ['-c', `openssl s_client -connect 127.0.0.1:${port} -servername api.test ${flag} -cipher DEFAULT@SECLEVEL=0 </dev/null`]);
    return { ok: /Protocol *: *TLSv1\.[23]|New, TLSv1\.[23]/.test(stdout), out: stdout + stderr };
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string };
    return { ok: false, out: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

describe('TLS termination', () => {
  it('refuses TLS 1.1 and accepts TLS 1.2 and 1.3 (openssl s_client)', async () => {
    const old = await sClient('-tls1_1');
    expect(old.ok).toBe(false);
    expect(old.out).toMatch(/alert protocol version|unsupported protocol|no protocols available|wrong version/i);
    expect((await sClient('-tls1_2')).ok).toBe(true);
    expect((await sClient('-tls1_3')).ok).toBe(true);
  });

  it('serves the certificate whose names match the SNI name, wildcards included, and the first one otherwise', async () => {
    expect((await servedCertificate('api.test')).subject.CN).toBe('api.test');
    expect((await servedCertificate('www.test')).subject.CN).toBe('www.test');
    expect((await servedCertificate('cdn.www.test')).subject.CN).toBe('www.test');
    expect((await servedCertificate('a.b.www.test')).subject.CN).toBe('api.test');
    expect((await servedCertificate('unknown.example')).subject.CN).toBe('api.test');
    expect((await servedCertificate(undefined)).subject.CN).toBe('api.test');
  });

  it('inspects HTTP/1.1 and HTTP/2 alike: a benign request passes, an attack gets 403 with an incident id', async () => {
    for (const version of ['--http1.1', '--http2']) {
      const ok = await curl('api.test', '/echo/hello?x=1', [version]);
      expect(ok.status).toBe(200);
      expect(ok.version).toBe(version === '--http2' ? '2' : '1.1');
      const blocked = await curl('www.test', attackPath, [version, '-H', 'accept: application/json']);
      expect(blocked.status).toBe(403);
      expect(blocked.version).toBe(version === '--http2' ? '2' : '1.1');
      expect(JSON.parse(blocked.body)).toMatchObject({ error: 'request_blocked' });
      expect(blocked.headers).toMatch(/x-warden-incident: [0-9a-z]{18}/i);
    }
  });

  it('blocks an attack inside a JSON body sent over HTTP/2, and forwards a benign one with its body intact', async () => {
    const before = nginx.accessLog().length;
    const bad = await curl('api.test', '/echo/items', ['--http2', '-H', 'content-type: application/json', '--data-binary', JSON.stringify({ name: 'x', filter: "1' UNION SELECT password FROM users--" })]);
    expect(bad.status).toBe(403);
    expect(bad.version).toBe('2');
    const good = await curl('api.test', '/echo/items', ['--http2', '-H', 'content-type: application/json', '--data-binary', JSON.stringify({ name: 'plain http2 body' })]);
    expect(good.status).toBe(200);
    const line = await nginx.logged((l) => l.body.includes('plain http2 body'));
    expect(line).toBeDefined();
    expect(nginx.accessLog().slice(before).some((l) => l.body.includes('UNION'))).toBe(false);
  });

  it('reads an HTTP/2 body sent without content-length (stream framing only)', async () => {
    const session = h2connect(`https://127.0.0.1:${port}`, { ca: readFileSync(serverCa.cert), servername: 'api.test' });
    try {
      const status = await new Promise<number>((resolve, reject) => {
        const req = session.request({ ':method': 'POST', ':path': '/echo/streamed', 'content-type': 'text/plain' });
        req.on('response', (h) => resolve(Number(h[':status'])));
        req.on('error', reject);
        req.write('first half, ');
        setTimeout(() => req.end('second half without a length'), 50);
        req.resume();
      });
      expect(status).toBe(200);
      expect(await nginx.logged((l) => l.body === 'first half, second half without a length')).toBeDefined();
    } finally {
      session.close();
    }
  });

  it('forwards :authority as Host and sets X-Forwarded-Proto: https; no pseudo-header is inspected or forwarded', async () => {
    const res = await curl('www.test', '/echo/proto-check', ['--http2']);
    expect(res.status).toBe(200);
    const line = await nginx.logged((l) => l.uri === '/echo/proto-check');
    expect(line).toMatchObject({ xfp: 'https', host: `www.test:${port}` });
    const decision = await decisionFor((l) => (l.request as { path?: string } | undefined)?.path === '/echo/proto-check');
    expect(decision).toBeDefined();
    expect((decision!.request as { host?: string }).host).toBe(`www.test:${port}`);
    expect(JSON.stringify(decision)).not.toMatch(/:authority|:path|:scheme/);
  });

  it('refuses an HTTP/2 request whose Host differs from :authority with 400', async () => {
    const session = h2connect(`https://127.0.0.1:${port}`, { ca: readFileSync(serverCa.cert), servername: 'api.test' });
    try {
      const [status, body] = await new Promise<[number, string]>((resolve, reject) => {
        const req = session.request({ ':path': '/echo/two-hosts', ':authority': 'api.test', host: 'evil.test' });
        let text = '';
        let code = 0;
        req.on('response', (h) => (code = Number(h[':status'])));
        req.setEncoding('utf8');
        req.on('data', (d: string) => (text += d));
        req.on('end', () => resolve([code, text]));
        req.on('error', reject);
        req.end();
      });
      expect(status).toBe(400);
      expect(body).toMatch(/authority_mismatch/);
    } finally {
      session.close();
    }
  });

  it('adds Strict-Transport-Security to answers over TLS', async () => {
    const res = await curl('api.test', '/echo/hsts', ['--http1.1']);
    expect(res.headers).toMatch(/strict-transport-security: max-age=600; includeSubDomains/i);
  });

  it('puts a verified client certificate subject on the request source (decision log identity), and serves clients without one', async () => {
    const anonymous = await curl('api.test', '/echo/anon-client', ['--http2']);
    expect(anonymous.status).toBe(200);
    const withCert = await curl('api.test', '/echo/alice-client', ['--http2', '--cert', alice.cert, '--key', alice.key]);
    expect(withCert.status).toBe(200);
    const line = await decisionFor((l) => (l.request as { path?: string } | undefined)?.path === '/echo/alice-client');
    expect((line?.source as { identity?: unknown }).identity).toMatchObject({ method: 'clientCertificate', subject: expect.stringMatching(/CN=alice/) });
    const anon = await decisionFor((l) => (l.request as { path?: string } | undefined)?.path === '/echo/anon-client');
    expect((anon?.source as { identity?: unknown }).identity).toBeUndefined();
  });

  it('lets an access route require a client certificate: 401 without, 200 with, and the subject goes upstream', async () => {
    expect((await curl('api.test', '/echo/mtls-only/a', ['--http2'])).status).toBe(401);
    const ok = await curl('api.test', '/echo/mtls-only/b', ['--http2', '--cert', alice.cert, '--key', alice.key]);
    expect(ok.status).toBe(200);
    const line = await nginx.logged((l) => l.uri === '/echo/mtls-only/b');
    expect(line).toMatchObject({ wauth: 'client-certificate' });
    expect(decodeURIComponent(line!.wsubject)).toMatch(/CN=alice/);
    expect(nginx.accessLog().some((l) => l.uri === '/echo/mtls-only/a')).toBe(false);
    // Routes that do not name it stay open to clients without a certificate.
    expect((await curl('api.test', '/echo/open', ['--http2'])).status).toBe(200);
  });

  it('with clientCertificates.require, refuses the handshake of a client without a certificate the CA signed', async () => {
    const strict = await startTestWarden(nginx.origin, {
      model: { enabled: false },
      rules: { bundled: false },
      tls: { certificates: [serverCa.issue('strict', ['strict.test'])], clientCertificates: { ca: clientCa.cert, require: true } },
    });
    try {
      const strictPort = Number(strict.address.split(':').pop());
      const args = ['-sS', '--max-time', '10', '--cacert', serverCa.cert, '--resolve', `strict.test:${strictPort}:127.0.0.1`, '-o', '/dev/null', '-w', '%{http_code}'];
      // curl's wording of the refusal varies with the TLS version (a TLS 1.3 server refuses after its Finished): a failure is what counts.
      await expect(run('curl', [...args, `https://strict.test:${strictPort}/echo/no-cert`])).rejects.toThrow(/curl: \([0-9]+\)/);
      const rogue = serverCa.issue('rogue-client', ['mallory'], { clientAuth: true });
      await expect(run('curl', [...args, '--cert', rogue.cert, '--key', rogue.key, `https://strict.test:${strictPort}/echo/wrong-ca`])).rejects.toThrow(/curl: \([0-9]+\)/);
      const { stdout } = await run('curl', [...args, '--cert', alice.cert, '--key', alice.key, `https://strict.test:${strictPort}/echo/with-cert`]);
      expect(stdout).toBe('200');
      expect(nginx.accessLog().some((l) => l.uri === '/echo/no-cert' || l.uri === '/echo/wrong-ca')).toBe(false);
    } finally {
      await strict.close();
    }
  });

  it('answers the plain redirect listener with 308 to the same host and path over https', async () => {
    const redirectPort = Number(w.redirectAddress!.split(':').pop());
    const { stdout } = await run('curl', ['-sS', '-o', '/dev/null', '-w', '%{http_code} %{redirect_url}', '-H', 'Host: api.test', '-X', 'POST', '--data', 'a=1', `http://127.0.0.1:${redirectPort}/echo/x?y=1`]);
    expect(stdout).toBe(`308 https://api.test:${port}/echo/x?y=1`);
  });
});
