import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) }, out, err };
}

const records = [
  { id: 'a1', source: 'unit', label: 'attack', category: 'sqli', method: 'GET', path: '/search', query: 'q=1%27+UNION+SELECT+password+FROM+users--', headers: {} },
  { id: 'a2', source: 'unit', label: 'attack', category: 'xss', method: 'POST', path: '/comment', query: '', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'text=%3Cscript%3Ealert(1)%3C%2Fscript%3E' },
  { id: 'b1', source: 'unit', label: 'benign', category: 'search', method: 'GET', path: '/search', query: 'q=blue+shoes&page=2', headers: {} },
  { id: 'b2', source: 'unit', label: 'benign', category: 'json', method: 'POST', path: '/api/users', query: '', headers: { 'Content-Type': 'application/json' }, body: '{"name":"Zoë O\'Neil"}' },
];

function corpus(lines: string[]): { file: string; config: string } {
  const dir = mkdtempSync(join(tmpdir(), 'warden-eval-'));
  const file = join(dir, 'corpus.ndjson');
  writeFileSync(file, `${lines.join('\n')}\n`);
  const config = join(dir, 'warden.yaml');
  writeFileSync(config, 'decision: { minimumConfidence: medium }\nmodel: { enabled: false }\n');
  return { file, config };
}

describe('warden eval', () => {
  it('judges an uploaded HTML page as a document by default, and as any uploaded text with model.htmlUploads: inspect', async () => {
    const boundary = '----WebKitFormBoundaryHtmlUp';
    const upload = (id: string, label: 'attack' | 'benign', inside: string) => {
      const page = `<!doctype html><html><head><meta charset="utf-8"><title>Spring sale</title></head><body><h1>Spring sale</h1>${inside}</body></html>`;
      const body = `--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nSpring sale\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="page.html"\r\nContent-Type: text/html\r\n\r\n${page}\r\n--${boundary}--\r\n`;
      return JSON.stringify({ id, source: 'unit', label, category: 'page', method: 'POST', path: '/admin/pages/upload', query: '', headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` }, body });
    };
    const { file } = corpus([upload('plain', 'benign', '<p>Up to 30 % off. <a href="/shop">Shop now</a></p>'), upload('planted', 'attack', '<img src=x onerror=alert(document.domain)>')]);
    const verdicts = async (yaml: string) => {
      const config = join(mkdtempSync(join(tmpdir(), 'warden-eval-')), 'warden.yaml');
      writeFileSync(config, yaml);
      const { io, out } = capture();
      expect(await main(['eval', '--corpus', file, '--config', config, '--per-request'], io)).toBe(0);
      return Object.fromEntries(out.map((l) => JSON.parse(l) as { id: string; verdict: string }).map((v) => [v.id, v.verdict]));
    };
    // The page's own markup is its content: an XSS rule's hit on it alerts, the model does not score it.
    expect(await verdicts('model: { htmlUploads: document }\n')).toEqual({ plain: 'allow', planted: 'allow' });
    expect(await verdicts('model: { htmlUploads: inspect }\n')).toEqual({ plain: 'allow', planted: 'block' });
  });

  it('prints one verdict line per record and TPR/TNR per source and category', async () => {
    const { file, config } = corpus(records.map((r) => JSON.stringify(r)));
    const { io, out, err } = capture();
    expect(await main(['eval', '--corpus', file, '--config', config, '--per-request'], io)).toBe(0);
    const verdicts = out.map((l) => JSON.parse(l) as { id: string; verdict: string });
    expect(verdicts.map((v) => v.id)).toEqual(['a1', 'a2', 'b1', 'b2']);
    expect(verdicts.find((v) => v.id === 'a1')?.verdict).toBe('block');
    expect(verdicts.find((v) => v.id === 'b1')?.verdict).toBe('allow');
    // A block names what it rests on; a request nothing scored names nothing.
    const by = Object.fromEntries(out.map((l) => JSON.parse(l) as { id: string; by?: string[] }).map((v) => [v.id, v.by]));
    expect(by.a1?.length).toBeGreaterThan(0);
    expect(by.a1?.every((b) => /^(?:signatures \d+:\d+|model|reputation|inspect|schema|policy)/.test(b))).toBe(true);
    expect(by.b1).toBeUndefined();
    const report = err.join('\n');
    expect(report).toContain('attack/sqli');
    expect(report).toContain('benign/search');
    expect(report).toMatch(/balanced accuracy: \d+\.\d+%/);
    // What judged the records, so a run on re2js (some rules refused) is not mistaken for the proxy's.
    expect(report).toMatch(/judged by: rules \d+ rules \(\d+ accepted.*; model off; schema off; regex engine (re2 \(native\)|re2js)/);
  });

  it('gives the summary as JSON', async () => {
    const { file, config } = corpus(records.map((r) => JSON.stringify(r)));
    const { io, out } = capture();
    expect(await main(['eval', '--corpus', file, '--config', config, '--json'], io)).toBe(0);
    const summary = JSON.parse(out.join('')) as { total: { attacks: number; benign: number; tnr: number }; judgedBy: { regexEngine: string; model: string } };
    expect(summary.judgedBy).toMatchObject({ model: 'off', regexEngine: (await import('../../src/signatures/safe-regex.js')).regexEngine });
    expect(summary.total.attacks).toBe(2);
    expect(summary.total.benign).toBe(2);
    expect(summary.total.tnr).toBe(1);
  });

  it('reads a base64 body as its bytes and undoes its Content-Encoding as the proxy does; a corrupt one is refused', async () => {
    const json = { 'Content-Type': 'application/json' };
    const gz = (text: string) => gzipSync(Buffer.from(text)).toString('base64');
    const lines = [
      { id: 'gz-attack', source: 'unit', label: 'attack', category: 'sqli', method: 'POST', path: '/api', query: '', headers: { ...json, 'Content-Encoding': 'gzip' }, bodyEncoding: 'base64', body: gz('{"q":"1\' UNION SELECT password FROM users--"}') },
      { id: 'gz-benign', source: 'unit', label: 'benign', category: 'json', method: 'POST', path: '/api', query: '', headers: { ...json, 'Content-Encoding': 'gzip' }, bodyEncoding: 'base64', body: gz('{"q":"blue shoes"}') },
      { id: 'gz-corrupt', source: 'unit', label: 'benign', category: 'json', method: 'POST', path: '/api', query: '', headers: { ...json, 'Content-Encoding': 'gzip' }, body: '{"q":"not gzip"}' },
    ];
    const { file, config } = corpus(lines.map((r) => JSON.stringify(r)));
    const { io, out } = capture();
    expect(await main(['eval', '--corpus', file, '--config', config, '--per-request'], io)).toBe(0);
    const verdicts = out.map((l) => JSON.parse(l) as { id: string; verdict: string; refused?: string; status?: number });
    expect(verdicts).toEqual([
      expect.objectContaining({ id: 'gz-attack', verdict: 'block' }),
      expect.objectContaining({ id: 'gz-benign', verdict: 'allow' }),
      { id: 'gz-corrupt', verdict: 'block', refused: 'WARDEN_PROXY_CORRUPT_CONTENT_ENCODING', status: 400 },
    ]);
  });

  it('refuses a record whose Host is not host[:port], or with two Content-Types, as the proxy does (400)', async () => {
    const lines = [
      { id: 'bad-host', source: 'unit', label: 'attack', category: 'host', method: 'GET', path: '/reset', query: '', headers: { Host: 'shop.example.test:80@evil.example' } },
      { id: 'good-host', source: 'unit', label: 'benign', category: 'host', method: 'GET', path: '/reset', query: '', headers: { Host: 'shop.example.test:8443' } },
      { id: 'two-types', source: 'unit', label: 'attack', category: 'host', method: 'POST', path: '/save', query: '', headers: { 'Content-Type': 'text/plain', 'content-type': 'application/json' }, body: '{"a":1}' },
    ];
    const { file, config } = corpus(lines.map((r) => JSON.stringify(r)));
    const { io, out } = capture();
    expect(await main(['eval', '--corpus', file, '--config', config, '--per-request'], io)).toBe(0);
    expect(out.map((l) => JSON.parse(l) as Record<string, unknown>)).toEqual([
      { id: 'bad-host', verdict: 'block', refused: 'WARDEN_PROXY_BAD_HOST', status: 400 },
      expect.objectContaining({ id: 'good-host', verdict: 'allow' }),
      { id: 'two-types', verdict: 'block', refused: 'WARDEN_PROXY_REPEATED_FIELD', status: 400 },
    ]);
  });

  it('names invalid records by file and line and exits non-zero', async () => {
    const { file, config } = corpus([JSON.stringify(records[0]), '{"id":"x"}', 'not json']);
    const { io, err } = capture();
    expect(await main(['eval', '--corpus', file, '--config', config], io)).toBe(1);
    // Every problem of the record at once, not the first of them (a hand-written record took a run per missing key).
    expect(err.join('\n')).toMatch(
      /corpus\.ndjson:2: skipped: "source" must be a string; "category" must be a string; "method" must be a string; "path" must be a string; "query" must be a string; "label" must be "attack" or "benign"; "headers" must be an object\n/,
    );
    expect(err.join('\n')).toMatch(/corpus\.ndjson:3: skipped/);
  });

  // An empty corpus (a generator that wrote nothing, the wrong file) printed a table of zeros and exited 0.
  it('refuses a corpus with no valid record instead of printing a table of zeros and exit 0', async () => {
    for (const lines of [[], ['not json']]) {
      const { file, config } = corpus(lines);
      const { io, out, err } = capture();
      expect(await main(['eval', '--corpus', file, '--config', config], io)).toBe(1);
      expect(err.join('\n')).toMatch(/WARDEN_CLI_EVAL_NO_RECORDS: no valid request record in .*corpus\.ndjson/);
      expect(out.join('\n')).not.toMatch(/balanced accuracy/);
    }
  });
});

describe('warden eval --errors', () => {
  // A benign record carrying a textbook UNION SELECT (flagged) and an "attack" that is plain text (allowed).
  const mislabelled = [
    { id: 'fp1', source: 'unit', label: 'benign', category: 'search', method: 'GET', path: '/search', query: 'q=1%27+UNION+SELECT+password+FROM+users--', headers: {} },
    { id: 'fn1', source: 'unit', label: 'attack', category: 'sqli', method: 'GET', path: '/search', query: 'q=blue+shoes', headers: {} },
    records[2],
  ];

  it('lists each false positive with its field and value, and each false negative', async () => {
    const { file, config } = corpus(mislabelled.map((r) => JSON.stringify(r)));
    const { io, out } = capture();
    expect(await main(['eval', '--corpus', file, '--config', config, '--errors'], io)).toBe(0);
    const text = out.join('\n');
    expect(text).toContain('misclassified: 1 false positives, 1 false negatives');
    expect(text).toMatch(/^FP \d\.\d{4} \S+ +unit\/search fp1$/m);
    expect(text).toMatch(/query q = "1' UNION SELECT password FROM users--"|query q = "1%27\+UNION/);
    expect(text).toMatch(/signatures \d+:\d+/);
    expect(text).toMatch(/^FN 0\.\d{4} none +unit\/sqli fn1$/m);
    expect(text).not.toContain('b1');
  });

  it('gives the errors as the JSON summary\'s "errors" array, cut to the N worst of each kind', async () => {
    const { file, config } = corpus(mislabelled.map((r) => JSON.stringify(r)));
    const { io, out } = capture();
    expect(await main(['eval', '--corpus', file, '--config', config, '--json', '--errors', '1'], io)).toBe(0);
    const summary = JSON.parse(out.join('')) as { errors: { kind: string; id: string; target: { location: string; name: string } | null }[] };
    expect(summary.errors.map((e) => [e.kind, e.id])).toEqual([
      ['false-positive', 'fp1'],
      ['false-negative', 'fn1'],
    ]);
    expect(summary.errors[0].target).toMatchObject({ location: 'query', name: 'q' });
  });

  it('rejects a count that is not a number', async () => {
    const { file, config } = corpus(mislabelled.map((r) => JSON.stringify(r)));
    const { io, err } = capture();
    expect(await main(['eval', '--corpus', file, '--config', config, '--errors', 'all'], io)).toBe(2);
    expect(err.join('\n')).toContain('--errors: must be an integer >= 0 (got "all")');
  });
});

describe('warden eval --target', () => {
  it('replays the records over HTTP and scores a live Warden by its 403s', async () => {
    const { startNginx } = await import('../helpers/nginx.js');
    const { startTestWarden } = await import('../helpers/warden.js');
    const nginx = await startNginx();
    const warden = await startTestWarden(nginx.origin, { model: { enabled: false }, decision: { minimumConfidence: 'medium' } });
    try {
      const { file } = corpus(records.map((r) => JSON.stringify(r)));
      const { io, out, err } = capture();
      expect(await main(['eval', '--corpus', file, '--target', warden.origin, '--per-request'], io)).toBe(0);
      const verdicts = new Map(out.map((l) => JSON.parse(l) as { id: string; verdict: string; status: number }).map((v) => [v.id, v]));
      expect(verdicts.get('a1')).toMatchObject({ verdict: 'block', status: 403 });
      expect(verdicts.get('b1')).toMatchObject({ verdict: 'allow', status: 200 });
      expect(verdicts.get('b2')).toMatchObject({ verdict: 'allow', status: 200 });
      expect(err.join('\n')).toContain('benign/json');
    } finally {
      await warden.close();
      await nginx.stop();
    }
  });
});
