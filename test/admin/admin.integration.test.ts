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
    // The request went to the upstream, not to the admin listener.
    expect(nginx.accessLog().length).toBe(before + 1);
  });
});
