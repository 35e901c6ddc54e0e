import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { checkTlsFiles } from '../../src/tls/check-files.js';
import { loadConfig } from '../../src/config/load-config.js';
import { CertificateDir, type PemPair, type TestCa } from '../helpers/certificates.js';

let certs: CertificateDir;
let ca: TestCa;
let api: PemPair;
let n = 0;

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A config file in the certificates' directory, so relative paths resolve against it as documented. */
function configWith(text: string): string {
  const file = join(certs.dir, `warden-${++n}.yaml`);
  writeFileSync(file, text);
  return file;
}

beforeAll(() => {
  certs = new CertificateDir();
  ca = certs.ca('check');
  api = ca.issue('api', ['api.test', '*.api.test']);
  ca.issue('www', ['www.test']);
  ca.issue('soon', ['soon.test'], { days: 5 });
  writeFileSync(join(certs.dir, 'not-pem.pem'), 'this is not a certificate\n');
  copyFileSync(api.cert, join(certs.dir, 'api-copy.pem'));
}, 60_000);

afterAll(() => certs?.remove());

describe('warden config check reads the TLS files as serve does', () => {
  it('lists each certificate with its SAN names and end date, the client and upstream CAs too, and exits 0', async () => {
    const file = configWith(
      [
        'upstream: https://127.0.0.1:8443',
        'tls:',
        '  certificates:',
        '    - { cert: api.pem, key: api.key }',
        '    - { cert: www.pem, key: www.key }',
        '  clientCertificates: { ca: check.pem }',
        'upstreamTls: { ca: check.pem }',
        '',
      ].join('\n'),
    );
    const { code, out, err } = await run(['config', 'check', file]);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toMatch(/^tls\.certificates\[0\]: \S+api\.pem: CN=api\.test, O=Warden tests; names api\.test, \*\.api\.test; valid until 20\d\d-\S+ \((29|30) days left\)$/m);
    expect(out).toMatch(/^tls\.certificates\[1\]: \S+www\.pem: .*names www\.test;/m);
    expect(out).toMatch(/^tls\.clientCertificates\.ca: \S+check\.pem: CN=check test CA, O=Warden tests;/m);
    expect(out).toMatch(/^upstreamTls\.ca: \S+check\.pem: /m);
  });

  it('refuses with each problem at once, its code and the key path: missing file, not PEM, a key of another certificate, a CA that is no certificate (exit 1)', async () => {
    const file = configWith(
      [
        'upstream: https://127.0.0.1:8443',
        'tls:',
        '  certificates:',
        '    - { cert: missing.pem, key: api.key }',
        '    - { cert: not-pem.pem, key: www.key }',
        '    - { cert: api-copy.pem, key: www.key }',
        '    - { cert: www.pem, key: not-pem.pem }',
        '  clientCertificates: { ca: not-pem.pem }',
        'upstreamTls: { ca: gone-ca.pem }',
        '',
      ].join('\n'),
    );
    const { code, out, err } = await run(['config', 'check', file]);
    expect(code).toBe(1);
    expect(out).toBe('');
    const lines = err.split('\n');
    expect(lines).toHaveLength(6);
    expect(lines[0]).toMatch(/^warden config: WARDEN_TLS_FILE_UNREADABLE: tls\.certificates\[0\]\.cert: cannot read the certificate \S+missing\.pem: ENOENT$/);
    expect(lines[1]).toMatch(/^warden config: WARDEN_TLS_CERT_INVALID: tls\.certificates\[1\]: \S+not-pem\.pem is not a usable PEM certificate/);
    expect(lines[2]).toMatch(/^warden config: WARDEN_TLS_KEY_MISMATCH: tls\.certificates\[2\]: the private key \S+www\.key does not belong to the certificate \S+api-copy\.pem$/);
    expect(lines[3]).toMatch(/^warden config: WARDEN_TLS_KEY_INVALID: tls\.certificates\[3\]: \S+not-pem\.pem is not a usable PEM private key/);
    expect(lines[4]).toMatch(/^warden config: WARDEN_TLS_CA_INVALID: tls\.clientCertificates\.ca: \S+not-pem\.pem holds no usable CA certificate/);
    expect(lines[5]).toMatch(/^warden config: WARDEN_TLS_FILE_UNREADABLE: upstreamTls\.ca: cannot read the upstream CA \S+gone-ca\.pem: ENOENT$/);
    expect(err).not.toMatch(/\n\s+at /);
  });

  it('warns about a certificate within expiryWarningDays of its end, and still exits 0', async () => {
    const file = configWith('tls:\n  certificates: [{ cert: soon.pem, key: soon.key }, { cert: api.pem, key: api.key }]\n');
    const { code, err } = await run(['config', 'check', file]);
    expect(code).toBe(0);
    expect(err).toMatch(/^warden config: warning WARDEN_TLS_CERT_EXPIRING: tls\.certificates\[0\]: \S+soon\.pem expires in [45] days \(20\S+\)$/);
    expect(err.split('\n')).toHaveLength(1);
    const quiet = configWith('tls:\n  certificates: [{ cert: soon.pem, key: soon.key }]\n  expiryWarningDays: 3\n');
    expect((await run(['config', 'check', quiet])).err).toBe('');
  });

  it('reports an expired certificate (or CA) as WARDEN_TLS_CERT_EXPIRED', async () => {
    const config = await loadConfig(configWith('upstream: https://127.0.0.1:8443\ntls:\n  certificates: [{ cert: api.pem, key: api.key }]\nupstreamTls: { ca: check.pem }\n'));
    const report = await checkTlsFiles(config, Date.now() + 40 * 86_400_000);
    expect(report.problems).toEqual([]);
    expect(report.warnings.map((w) => [w.code, w.message.split(':')[0]])).toEqual([
      ['WARDEN_TLS_CERT_EXPIRED', 'tls.certificates[0]'],
      ['WARDEN_TLS_CERT_EXPIRED', 'upstreamTls.ca'],
    ]);
    expect(report.certificates[0].daysLeft).toBeLessThan(0);
  });
});

describe('warden config check prints no secret', () => {
  const secrets = ['Bearer s3cr3t-hook-token', 'T000/B000/XXXXslacksecret', 'redis-pa55word', 'rl-pa55word', 'jwks-query-token', 'sig-k3y'];

  it('prints [REDACTED] for webhook header values and URL paths, API key hashes, URL passwords and query values; keeps paths and env names', async () => {
    const hash = `sha256:${'ab'.repeat(32)}`;
    const file = configWith(
      [
        'alerts:',
        '  sinks:',
        '    - { type: webhook, url: "https://hooks.slack.com/services/T000/B000/XXXXslacksecret", format: slack }',
        '    - { type: webhook, url: "https://alerts.example/hook?sig=sig-k3y", headers: { Authorization: "Bearer s3cr3t-hook-token" } }',
        '  rules: [{ id: reloads, when: reload-failed }]',
        'reputation: { store: redis, redis: { url: "redis://:redis-pa55word@127.0.0.1:6379" } }',
        'rateLimits: { store: redis, redis: { url: "redis://warden:rl-pa55word@127.0.0.1:6380/2" } }',
        'access:',
        `  apiKeys: { keys: [{ id: ci, hash: "${hash}" }] }`,
        '  jwt: { jwks: { url: "https://id.example/jwks.json?token=jwks-query-token" }, secret: { env: JWT_HMAC_SECRET }, algorithms: [RS256] }',
        'tls:',
        '  certificates: [{ cert: api.pem, key: api.key }]',
        '',
      ].join('\n'),
    );
    for (const argv of [['config', 'check', file], ['config', 'check', file, '--json']]) {
      const { code, out, err } = await run(argv);
      expect(err).toBe('');
      expect(code).toBe(0);
      for (const s of [...secrets, hash]) expect(out).not.toContain(s);
      const config = JSON.parse(argv.includes('--json') ? out : out.slice(out.indexOf('\n{') + 1));
      expect(config.alerts.sinks[0].url).toBe('https://hooks.slack.com/[REDACTED]');
      expect(config.alerts.sinks[1]).toMatchObject({ url: 'https://alerts.example/[REDACTED]', headers: { Authorization: '[REDACTED]' } });
      expect(config.reputation.redis.url).toBe('redis://[REDACTED]@127.0.0.1:6379');
      expect(config.rateLimits.redis.url).toBe('redis://[REDACTED]@127.0.0.1:6380/2');
      expect(config.access.apiKeys.keys[0]).toEqual({ id: 'ci', hash: '[REDACTED]' });
      expect(config.access.jwt.jwks.url).toBe('https://id.example/jwks.json?token=[REDACTED]');
      expect(config.access.jwt.secret).toEqual({ env: 'JWT_HMAC_SECRET' });
      expect(config.tls.certificates[0].key).toMatch(/api\.key$/);
      expect(config.upstream).toBe('http://127.0.0.1:8080');
    }
  });
});
