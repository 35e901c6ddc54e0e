import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNginx, type NginxUpstream } from '../helpers/nginx.js';
import { startTestWarden } from '../helpers/warden.js';

let nginx: NginxUpstream;
let warden: Awaited<ReturnType<typeof startTestWarden>>;

beforeAll(async () => {
  nginx = await startNginx();
  warden = await startTestWarden(nginx.origin, { admin: { enabled: true, listen: '127.0.0.1:0' } });
});

afterAll(async () => {
  await warden?.close();
  await nginx?.stop();
});

describe('admin listener', () => {
  it('answers health and readiness', async () => {
    const health = await request(`http://${warden.adminAddress}/healthz`);
    expect(await health.body.json()).toEqual({ ok: true });
    const ready = (await (await request(`http://${warden.adminAddress}/readyz`)).body.json()) as { ok: boolean; upstream: string };
    expect(ready).toMatchObject({ ok: true, upstream: nginx.origin });
  });

  it('serves Prometheus metrics that count requests by action', async () => {
    for (let i = 0; i < 3; i++) await (await request(`${warden.origin}/echo/metrics-${i}`)).body.text();
    const res = await request(`http://${warden.adminAddress}/metrics`);
    expect(res.headers['content-type']).toMatch(/text\/plain/);
    const text = await res.body.text();
    expect(text).toMatch(/warden_requests_total\{action="allow"\} [3-9]/);
    expect(text).toContain('warden_inspection_seconds_bucket');
    // Per gate and for the normalizer: every request reached the signature gate and was normalized.
    expect(text).toMatch(/warden_gate_seconds_count\{gate="signatures"\} [3-9]/);
    expect(text).toMatch(/warden_normalize_seconds_count [3-9]/);
  });

  it('reloads on POST /reload and counts it', async () => {
    const res = await request(`http://${warden.adminAddress}/reload`, { method: 'POST' });
    expect(res.statusCode).toBe(200);
    expect(((await res.body.json()) as { ok: boolean }).ok).toBe(true);
    const text = await (await request(`http://${warden.adminAddress}/metrics`)).body.text();
    expect(text).toMatch(/warden_reloads_total\{what="gates",outcome="ok"\} 1/);
  });

  it('is not reachable through the proxied port', async () => {
    const before = nginx.accessLog().length;
    const res = await request(`${warden.origin}/metrics`);
    await res.body.text();
    // The request went to the upstream, not to the admin listener. NGINX writes its access log line
    // after the response has gone out, so wait for it rather than read at once.
    await expect.poll(() => nginx.accessLog().length, { timeout: 2000, interval: 20 }).toBe(before + 1);
  });

  it('answers POST /labels with 409 traffic_log_disabled, not a bare 404, when traffic logging is off', async () => {
    const res = await request(`http://${warden.adminAddress}/labels`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ incidentId: '01hq3k5d2m7x9c4b8r', label: 'benign' }),
    });
    expect(res.statusCode).toBe(409);
    expect(await res.body.json()).toMatchObject({ ok: false, error: 'traffic_log_disabled', code: 'WARDEN_RETRAIN_TRAFFIC_LOG_DISABLED' });
  });
});
