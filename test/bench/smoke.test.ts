import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finalStatus, replayRecords, requestBytes } from '../../src/eval/http-replay.js';
import type { RequestRecord } from '../../src/eval/record.js';
import { Scoreboard, rates } from '../../src/eval/scoreboard.js';
import { benchChartSvg } from '../../bench/lib/bench-chart.js';
import { loadTableRows, formatLoadTable, statusSummary } from '../../bench/lib/load-table.js';
import { median, percentile } from '../../bench/lib/load-result.js';
import { escapeXml, niceScale, renderBarChart } from '../../bench/lib/svg-chart.js';
import { buildScenarios, jsonBody1k } from '../../bench/lib/scenarios.js';
import { payloadToRecord } from '../../bench/lib/payload-records.js';
import { luaString, wrkScript } from '../../bench/lib/wrk-load.js';

function record(id: string, label: 'attack' | 'benign', path: string, query = '', extra: Partial<RequestRecord> = {}): RequestRecord {
  return { id, source: 'smoke', label, category: label === 'attack' ? 'sqli' : 'query', method: 'GET', path, query, headers: { 'User-Agent': 'smoke' }, ...extra };
}

describe('http replay client against a local server', () => {
  let server: Server;
  let origin = '';
  const seen: { url: string; body: string; host: string | undefined }[] = [];
  let inFlight = 0;
  let maxInFlight = 0;

  beforeAll(async () => {
    server = createServer((req, res) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        seen.push({ url: req.url ?? '', body: Buffer.concat(chunks).toString('utf8'), host: req.headers.host });
        // Hold each answer briefly so concurrent requests overlap and the bound is observable.
        setTimeout(() => {
          inFlight--;
          res.statusCode = (req.url ?? '').includes('attack') ? 403 : (req.url ?? '').includes('teapot') ? 418 : 200;
          res.end('ok');
        }, 15);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sends path and query byte for byte, counts 403 as blocked, keeps input order and bounds concurrency', async () => {
    const records = [
      record('a1', 'attack', '/attack/../etc/passwd', 'x=%%41&y=%zz&z=1+2'),
      record('b1', 'benign', '/shop/%2e%2e/list', 'q=running%20shoes'),
      record('b2', 'benign', '/form', '', { method: 'POST', body: 'name=Ann&note=caf\u00e9', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }),
      ...Array.from({ length: 12 }, (_, i) => record(`b${i + 3}`, 'benign', `/page/${i}`)),
      record('t1', 'attack', '/teapot'),
    ];
    const results = await replayRecords(records, { target: origin, concurrency: 3 });
    expect(results.map((r) => r.id)).toEqual(records.map((r) => r.id));
    expect(seen.map((s) => s.url)).toContain('/attack/../etc/passwd?x=%%41&y=%zz&z=1+2');
    expect(seen.map((s) => s.url)).toContain('/shop/%2e%2e/list?q=running%20shoes');
    expect(seen.find((s) => s.url === '/form')?.body).toBe('name=Ann&note=caf\u00e9');
    expect(seen[0].host).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(results[0]).toMatchObject({ status: 403, blocked: true });
    expect(results[1]).toMatchObject({ status: 200, blocked: false });
    expect(results.at(-1)).toMatchObject({ status: 418, blocked: false });
    expect(maxInFlight).toBeLessThanOrEqual(3);

    const board = new Scoreboard();
    for (const r of results) board.add(r.source, r.category, r.label, r.blocked);
    expect(rates(board.total)).toMatchObject({ tpr: 0.5, tnr: 1 });

    const custom = await replayRecords([record('t2', 'attack', '/teapot')], { target: origin, concurrency: 1, blockedStatuses: [403, 418] });
    expect(custom[0].blocked).toBe(true);
  });

  it('accepts an async iterable and turns connection failures into results', async () => {
    async function* two(): AsyncGenerator<RequestRecord> {
      yield record('x1', 'benign', '/one');
      yield record('x2', 'benign', '/two');
    }
    expect((await replayRecords(two(), { target: origin, concurrency: 2 })).map((r) => r.status)).toEqual([200, 200]);
    // Port 1 on loopback: nothing listens there.
    const refused = await replayRecords([record('r1', 'attack', '/')], { target: 'http://127.0.0.1:1', concurrency: 1, timeoutMs: 2000 });
    expect(refused[0]).toMatchObject({ status: null, blocked: false });
    expect(refused[0].error).toBeTruthy();
  });

  it('writes framing only where the record lacks it and skips interim responses', () => {
    const bytes = requestBytes(record('h', 'benign', '/p', 'a=1', { method: 'POST', body: '{}', headers: { host: 'app.test', 'X-Case': 'Kept' } }), '127.0.0.1:9').toString();
    expect(bytes).toBe('POST /p?a=1 HTTP/1.1\r\nhost: app.test\r\nX-Case: Kept\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}');
    expect(finalStatus(Buffer.from('HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n'))).toBe(403);
    expect(finalStatus(Buffer.from('HTTP/1.1 200 OK\r\nContent-Le'))).toBeUndefined();
    expect(() => finalStatus(Buffer.from('SSH-2.0-OpenSSH\r\n\r\n'))).toThrow(/not an HTTP response/);
  });
});

describe('bench reporting', () => {
  it('renders a self-contained SVG chart with escaped labels and one bar per value', () => {
    const svg = renderBarChart({
      title: 'A <b> & "c"',
      series: [
        { name: 'one', color: '#111' },
        { name: 'two', color: '#222' },
      ],
      panels: [{ title: 'req/s', format: (v) => v.toFixed(0), groups: [{ label: 'g1', values: [10, null] }, { label: 'g2', values: [3, 7] }] }],
      footnote: 'shared cores',
    });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg).toContain('A &lt;b&gt; &amp; &quot;c&quot;');
    expect(svg.match(/<rect [^>]*><title>/g)).toHaveLength(3);
    expect(svg).not.toMatch(/NaN|undefined|<script/);
    expect(escapeXml(`'`)).toBe('&apos;');
    expect(niceScale(37)).toEqual({ max: 37, step: 10 });
    expect(niceScale(0)).toEqual({ max: 1, step: 0.25 });
  });

  it('builds the scenarios, the table with ratios and the chart from one set of results', async () => {
    const scenarios = await buildScenarios();
    expect(scenarios.map((s) => s.name)).toEqual(['get-query', 'json-1k', 'form', 'multipart', 'attack-mix']);
    expect(Buffer.byteLength(jsonBody1k())).toBe(1024);
    expect(scenarios.at(-1)!.requests.length).toBeGreaterThanOrEqual(24);
    const cell = (rps: number, p99: number, cpu: number) => ({ runs: [], rps, p50Ms: p99 / 3, p99Ms: p99, serverCpuUs: cpu, statuses: { '200': 90, '403': 10 }, errors: 0 });
    const results = Object.fromEntries(scenarios.map((s) => [s.name, { 'warden-off': cell(2000, 30, 120), 'warden-full': cell(1500, 40, 200), 'modsec-crs': cell(500, 80, Number.NaN) }]));
    const rows = loadTableRows(scenarios, ['warden-off', 'warden-full', 'modsec-crs'], results);
    const full = rows.find((r) => r.scenario === 'form' && r.target === 'warden-full')!;
    expect(full.rpsVsOff).toBeCloseTo(0.75);
    expect(full.cpuVsOff).toBeCloseTo(0.6);
    expect(rows.find((r) => r.target === 'modsec-crs')!.cpuVsOff).toBeNull();
    expect(full.rpsVsModsec).toBeCloseTo(3);
    expect(formatLoadTable(rows)).toContain('3.00x');
    expect(statusSummary({ '200': 90, '403': 10 }, 2)).toBe('200 90%, 403 10%, 2 err');
    const svg = benchChartSvg({ scenarios, targets: ['warden-off', 'warden-full', 'modsec-crs'], results, subtitle: 's', footnote: 'f' });
    expect(svg.match(/<rect [^>]*><title>/g)).toHaveLength(scenarios.length * 3 * 2);
    expect(median([3, 1, 2, Number.NaN])).toBe(2);
    expect(percentile(Float64Array.from([1, 2, 3, 4]), 0.5)).toBe(2);
  });

  it('writes wrk scripts whose strings survive any byte', () => {
    expect(luaString('a"b\\c\r\n\u00e9')).toBe('"a\\034b\\092c\\013\\010\\195\\169"');
    const script = wrkScript([{ method: 'POST', path: '/x?a=1', headers: { 'Content-Type': 'text/plain' }, body: ']]' }]);
    expect(script).toContain('init = function(args)');
    expect(script).toContain('wrk.format("POST", "/x?a=1", { ["Content-Type"] = "text/plain" }, "]]")');
  });

  it('wraps a bare payload into a replayable GET record', () => {
    const r = payloadToRecord({ text: "1' OR '1'='1", label: 'attack', category: 'sqli' }, 'libinjection', 'libinjection/7');
    expect(r.query).toBe("q=1'%20OR%20'1'%3D'1");
    expect(r.path).toBe('/search');
  });
});
