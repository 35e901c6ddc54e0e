import { describe, expect, it } from 'vitest';
import { redactUrl } from '../../src/config/redact-secrets.js';

describe('redactUrl', () => {
  it('leaves a URL that carries no credential exactly as written', () => {
    for (const u of ['http://127.0.0.1:8080', 'redis://127.0.0.1:6379', 'https://id.example/.well-known/jwks.json', 'https://[::1]:8443/x', 'not a url']) expect(redactUrl(u)).toBe(u);
  });

  it('replaces userinfo and query values, keeping scheme, host, port, path and parameter names', () => {
    expect(redactUrl('redis://:pw@10.0.0.7:6379/0')).toBe('redis://[REDACTED]@10.0.0.7:6379/0');
    expect(redactUrl('rediss://user:pw@[::1]:6380')).toBe('rediss://[REDACTED]@[::1]:6380');
    expect(redactUrl('https://token@git.example/x')).toBe('https://[REDACTED]@git.example/x');
    expect(redactUrl('https://id.example/jwks?token=abc&token=def&v=1')).toBe('https://id.example/jwks?token=[REDACTED]&v=[REDACTED]');
  });

  it('with wholePath, keeps only the origin of a webhook URL (the path is the secret)', () => {
    expect(redactUrl('https://hooks.slack.com/services/T0/B0/s3cret', true)).toBe('https://hooks.slack.com/[REDACTED]');
    expect(redactUrl('https://u:p@alerts.example:8443/hook?sig=1', true)).toBe('https://[REDACTED]@alerts.example:8443/[REDACTED]');
    expect(redactUrl('https://alerts.example/', true)).toBe('https://alerts.example/');
  });
});
