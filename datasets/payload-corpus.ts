/**
 * Turns a shared payload file (`{"text","label","category"}` per line) into `warden eval` request
 * records, so a source can be judged by the full pipeline rather than by the model alone:
 *
 *   npx tsx datasets/payload-corpus.ts ../shared/datasets/payloadsallthethings/attacks.payloads.ndjson > patt.ndjson
 *   warden eval --config heldout.yaml --corpus patt.ndjson
 *
 * Each payload travels where attacks arrive: most in a query parameter, every third in a JSON body
 * field and every fifth of the rest in a form field, each with a browser's headers.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { RequestRecord } from '../src/eval/record.js';

const HEADERS = {
  Host: 'shop.example.test',
  'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
  Accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
  'Accept-Language': 'en-US,en;q=0.5',
};

/**
 * Where each payload travels: `mixed` (the default: a search query, a JSON comment, a form message), or
 * `password` — the password of a login, as a form (`username=sam&password=…`) and, every other payload, as
 * JSON (`{"username":"sam","password":…}`): the field a login injection goes through; `upload-field` — a
 * multipart upload of an HTML page with the payload in its `title` field; `upload-page` — the payload inside
 * that uploaded page's body (issue 14, session 19).
 */
export type PayloadPlacement = 'mixed' | 'password' | 'upload-field' | 'upload-page';

/** An uploaded HTML page, as a site builder or a help-desk attachment sends it. */
const PAGE = (inside: string): string =>
  `<!doctype html><html><head><meta charset="utf-8"><title>Spring sale</title><script src="/assets/app.js"></script></head><body onload="init()"><h1>Spring sale</h1>${inside}</body></html>`;

/** multipart/form-data with a text field `title` and a file part `file` named page.html. */
function uploadBody(title: string, page: string): string {
  const b = '----WebKitFormBoundaryS19pAgE';
  return `--${b}\r\nContent-Disposition: form-data; name="title"\r\n\r\n${title}\r\n--${b}\r\nContent-Disposition: form-data; name="file"; filename="page.html"\r\nContent-Type: text/html\r\n\r\n${page}\r\n--${b}--\r\n`;
}

export function payloadRecords(file: string, placement: PayloadPlacement = 'mixed'): RequestRecord[] {
  const source = basename(dirname(file));
  const lines = readFileSync(file, 'utf8').split('\n');
  const out: RequestRecord[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() === '') continue;
    const p = JSON.parse(lines[i]) as { text?: unknown; label?: unknown; category?: unknown };
    if (typeof p.text !== 'string' || (p.label !== 'attack' && p.label !== 'benign') || typeof p.category !== 'string') {
      throw new Error(`${file}:${i + 1}: not a payload line {"text","label","category"}`);
    }
    const id = placement === 'mixed' ? `${source}/${i + 1}` : `${source}/${placement}/${i + 1}`;
    const base = { id, source, label: p.label, category: p.category } as const;
    const k = out.length;
    if (placement === 'upload-field' || placement === 'upload-page') {
      out.push({
        ...base,
        method: 'POST',
        path: '/admin/pages/upload',
        query: '',
        headers: { ...HEADERS, 'Content-Type': 'multipart/form-data; boundary=----WebKitFormBoundaryS19pAgE' },
        body: placement === 'upload-field' ? uploadBody(p.text, PAGE('<p>Up to 30 % off.</p>')) : uploadBody('Spring sale', PAGE(p.text)),
      });
    } else if (placement === 'password') {
      const json = k % 2 === 1;
      out.push({
        ...base,
        method: 'POST',
        path: '/login',
        query: '',
        headers: { ...HEADERS, 'Content-Type': json ? 'application/json' : 'application/x-www-form-urlencoded' },
        body: json ? JSON.stringify({ username: 'sam', password: p.text }) : `username=sam&password=${encodeURIComponent(p.text)}`,
      });
    } else if (k % 3 === 1) {
      out.push({ ...base, method: 'POST', path: '/api/comments', query: '', headers: { ...HEADERS, 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'Sam', comment: p.text }) });
    } else if (k % 5 === 2) {
      out.push({ ...base, method: 'POST', path: '/contact', query: '', headers: { ...HEADERS, 'Content-Type': 'application/x-www-form-urlencoded' }, body: `name=Sam&message=${encodeURIComponent(p.text)}` });
    } else {
      out.push({ ...base, method: 'GET', path: '/search', query: `q=${encodeURIComponent(p.text)}`, headers: HEADERS });
    }
  }
  return out;
}

const USAGE = `usage: npx tsx datasets/payload-corpus.ts [--as password] FILE.payloads.ndjson [...] > records.ndjson

Writes one warden eval request record per payload line ({"text","label","category"}): most in a search
query (q=), every third in a JSON body field (comment), every fifth of the rest in a form field (message).
  --as password      every payload as the password of a login instead (POST /login, a form, every other one JSON)
  --as upload-field  every payload in the title field of a multipart upload of an HTML page (page.html)
  --as upload-page   every payload inside that uploaded HTML page's body`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const as = args.indexOf('--as');
  const placement = as >= 0 ? args[as + 1] : 'mixed';
  const files = as >= 0 ? [...args.slice(0, as), ...args.slice(as + 2)] : args;
  if (files.includes('--help') || files.includes('-h')) {
    console.log(USAGE);
  } else if (files.length === 0 || !['mixed', 'password', 'upload-field', 'upload-page'].includes(placement)) {
    console.error(USAGE);
    process.exitCode = 2;
  } else {
    for (const f of files) for (const r of payloadRecords(f, placement as PayloadPlacement)) process.stdout.write(`${JSON.stringify(r)}\n`);
  }
}
