/**
 * Blind payload probes: attack payloads written by hand from what is known about each class, before
 * reading the rules or the model's scores for them, rendered the way a WAF comparison sends them — the
 * payload as the query value `?p=` and as a form's `p=` (a path probe as the request path, a Shellshock
 * string also as the User-Agent). What the first measurement of a set says is how detection carries to
 * payloads nobody tuned for; once its misses have been read (and rules written for them) it is one more
 * optimistic set, and the next set must be written before looking (datasets/README.md, "Blind payload probes").
 *
 *   npx tsx datasets/blind-probes.ts --out /tmp/blind-1.ndjson [--set 1]
 *   warden eval --corpus /tmp/blind-1.ndjson            # TPR per class (category)
 *
 * Records: `source: blind-<set>`, `label: attack`, `category: <class>`, ids `blind<set>/<class>/<n>/<q|f|path|ua>`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { RequestRecord } from '../src/eval/record.js';

const HEADERS = {
  Host: 'shop.example.test',
  'User-Agent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36',
  Accept: 'text/html,application/xhtml+xml,*/*;q=0.8',
  'Accept-Language': 'en-US,en;q=0.9',
};

/** A payload that already holds percent-escapes was encoded by its writer: sent as written. */
const OWN_ESCAPES = /%[02357ceE]/;

/** Every character but `A-Za-z0-9_.-~` percent-encoded, as a client library's strict encoder does. */
function strictEncode(text: string, form: boolean): string {
  const encoded = encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return form ? encoded.replace(/%20/g, '+') : encoded;
}

/** The classes of a set file: `## class` headings, one payload per line; `#` comment lines only before the first heading. */
export function parseProbeSet(text: string): Map<string, string[]> {
  const classes = new Map<string, string[]>();
  let current: string[] | null = null;
  for (const line of text.split('\n')) {
    if (line.startsWith('## ')) {
      current = [];
      classes.set(line.slice(3).trim(), current);
    } else if (current !== null && line.trim() !== '') current.push(line); // a payload may start with # (#{7*7}, #set)
  }
  return classes;
}

export function probeRecords(classes: Map<string, string[]>, set: string): RequestRecord[] {
  const records: RequestRecord[] = [];
  for (const [category, payloads] of classes) {
    payloads.forEach((payload, n) => {
      const base = { source: `blind-${set}`, label: 'attack' as const, category };
      const id = (where: string): string => `blind${set}/${category}/${n}/${where}`;
      if (category === 'files') {
        records.push({ ...base, id: id('path'), method: 'GET', path: payload, query: '', headers: HEADERS });
        return;
      }
      if (category === 'shellshock') records.push({ ...base, id: id('ua'), method: 'GET', path: '/cgi-bin/status', query: '', headers: { ...HEADERS, 'User-Agent': payload } });
      const raw = payload.includes('%') && OWN_ESCAPES.test(payload);
      records.push({ ...base, id: id('q'), method: 'GET', path: '/', query: `p=${raw ? payload : strictEncode(payload, false)}`, headers: HEADERS });
      records.push({
        ...base,
        id: id('f'),
        method: 'POST',
        path: '/',
        query: '',
        headers: { ...HEADERS, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: `p=${raw ? payload : strictEncode(payload, true)}`,
      });
    });
  }
  return records;
}

function main(): void {
  const { values } = parseArgs({ options: { out: { type: 'string' }, set: { type: 'string', default: '1' } } });
  if (values.out === undefined) {
    process.stderr.write('usage: npx tsx datasets/blind-probes.ts --out FILE.ndjson [--set 1]\n');
    process.exit(2);
  }
  const file = new URL(`./blind-probes/set-${values.set}.txt`, import.meta.url);
  const records = probeRecords(parseProbeSet(readFileSync(file, 'utf8')), values.set);
  writeFileSync(values.out, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  process.stderr.write(`${records.length} records → ${values.out}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
