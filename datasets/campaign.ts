/**
 * A campaign corpus for measuring source reputation (`warden eval --reputation ...`): request records
 * in time order, each with the `clientIp` it came from, where whole sessions matter, not single
 * requests.
 *
 *   npx tsx datasets/campaign.ts --out /tmp/campaign.ndjson [--seed 1] [--scale 1]
 *
 * Sessions (ids `campaign/<session>/<n>`, so a verdict can be traced to its session):
 * - `browser-N` / `api-N`: benign sessions from their own address: one client (user agent, session
 *   cookie or bearer token) whose requests are drawn from the benign generator families, the
 *   hand-written hard-benign family included (category `session`).
 * - `scanner-N`: an attack campaign from its own address: ten low-evidence probes (dotfiles, admin
 *   panels, backups, a stray quote), then payloads from the attack grammar, most of them obfuscated
 *   (case, comments, whitespace, double encoding, prose around them, split command words)
 *   (categories `probe`, `payload`, `obfuscated-payload`).
 * - `nat-N-*`: a shared address (carrier-grade NAT, office proxy): several benign sessions and one
 *   campaign behind the same `clientIp`; every second campaign rotates its user agent on every
 *   request (category `shared-session` for the benign sessions; the attacks as above). Source field
 *   `campaign/shared-address` for these, `campaign/own-address` for the rest.
 * Same seed and scale, same bytes. Attack texts come from our grammar
 * (`src/model/training-data/attack-grammar.ts`), not from any public list.
 */
import { writeFileSync } from 'node:fs';
import type { RequestRecord } from '../src/eval/record.js';
import { synthesizeAttacks, type SynthesizedAttack } from '../src/model/training-data/attack-grammar.js';
import { familyByName, iterateFamily } from './loaders.js';
import { Rng } from './lib/rng.js';
import { pickBrowser, pickAppUa, sessionCookie } from './lib/clients.js';

export interface CampaignOptions {
  seed?: number;
  scale?: number;
}

type Draft = Omit<RequestRecord, 'id' | 'source' | 'clientIp'>;
interface Timed {
  at: number;
  session: string;
  source: string;
  clientIp: string;
  draft: Draft;
}

const BROWSER_FAMILIES = ['browser-page', 'search-listing', 'form-contact', 'form-auth', 'analytics-beacon', 'link-values', 'rich-text', 'hard-benign'];
const API_FAMILIES = ['json-api', 'graphql', 'webhook', 'tokens'];

const PROBES: readonly string[] = [
  '/.env', '/.git/config', '/wp-login.php', '/phpmyadmin/index.php', '/server-status', '/config.php.bak', '/admin/',
  '/actuator/env', '/.DS_Store', '/backup.sql', '/.aws/credentials', '/wp-content/debug.log', '/api/v1/users?id=1%27',
  '/search?q=%27%22%3E', '/login.action', '/.svn/entries', '/web.config', '/console/', '/debug/pprof/', '/.htpasswd',
];

const SCANNER_UAS: readonly string[] = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
  'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
  'python-requests/2.32.3',
  'Go-http-client/1.1',
  'curl/8.5.0',
];

/** Counted over the benign families' records at this scale, so a session draws from a big enough pool. */
function benignPool(families: readonly string[], seed: number, scale: number): Draft[] {
  const out: Draft[] = [];
  for (const name of families) {
    const family = familyByName(name);
    if (family === undefined) throw new Error(`campaign: no benign family ${name}`);
    for (const r of iterateFamily(family, seed, scale)) {
      const { id: _id, source: _source, ...draft } = r;
      out.push(draft);
    }
  }
  return out;
}

const CLIENT_HEADERS = new Set(['user-agent', 'cookie', 'authorization']);

/** The record as one client sends it: its user agent, its session cookie or token, nobody else's. */
function asClient(draft: Draft, client: Record<string, string>): Draft {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(draft.headers)) if (!CLIENT_HEADERS.has(k.toLowerCase())) headers[k] = v;
  return { ...draft, headers: { ...headers, ...client } };
}

// --- obfuscation: what an attacker does once the plain payload is blocked -------------------------

function mixedCase(rng: Rng, text: string): string {
  let out = '';
  for (const c of text) out += /[a-z]/i.test(c) && rng.chance(0.5) ? (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()) : c;
  return out;
}

const OBFUSCATIONS: readonly ((rng: Rng, a: SynthesizedAttack) => string)[] = [
  (rng, a) => mixedCase(rng, a.text),
  (_rng, a) => (a.category === 'sqli' ? a.text.replace(/ /g, '/**/') : a.text.replace(/ /g, '\t')),
  (rng, a) => `${rng.pick(['Hi, when I type', 'Order note:', 'My username is', 'Search for'])} ${a.text} ${rng.pick(['it breaks', 'thanks!', 'please help', ''])}`.trim(),
  (_rng, a) => encodeURIComponent(a.text),
  (_rng, a) => a.text.replace(/\b(cat|ls|id|whoami|wget|curl|sleep|select|union|script|alert)\b/gi, (w) => `${w[0]}''${w.slice(1)}`),
  (_rng, a) => a.text.replace(/[<>'"]/g, (c) => `&#x${c.charCodeAt(0).toString(16)};`),
];

function obfuscate(rng: Rng, attack: SynthesizedAttack): string {
  const first = rng.pick(OBFUSCATIONS);
  const text = first(rng, attack);
  return rng.chance(0.3) ? rng.pick(OBFUSCATIONS)(rng, { ...attack, text }) : text;
}

/** Where an attack travels: a query parameter, a JSON field or a form field, as payload-corpus.ts places them. */
function attackDraft(rng: Rng, text: string, category: string, ua: string): Draft {
  const headers = { Host: 'shop.example.test', 'User-Agent': ua, Accept: '*/*' };
  const where = rng.int(0, 4);
  if (where === 0) return { label: 'attack', category, method: 'POST', path: '/api/comments', query: '', headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'Sam', comment: text }) };
  if (where === 1) return { label: 'attack', category, method: 'POST', path: '/contact', query: '', headers: { ...headers, 'Content-Type': 'application/x-www-form-urlencoded' }, body: `name=Sam&message=${encodeURIComponent(text)}` };
  return { label: 'attack', category, method: 'GET', path: rng.pick(['/search', '/products', '/api/items']), query: `${rng.pick(['q', 'id', 'filter', 'page'])}=${encodeURIComponent(text)}`, headers };
}

function probeDraft(path: string, ua: string): Draft {
  const q = path.indexOf('?');
  return {
    label: 'attack',
    category: 'probe',
    method: 'GET',
    path: q < 0 ? path : path.slice(0, q),
    query: q < 0 ? '' : path.slice(q + 1),
    headers: { Host: 'shop.example.test', 'User-Agent': ua, Accept: '*/*' },
  };
}

interface Attacks {
  next(): SynthesizedAttack;
}

function attackStream(seed: number): Attacks {
  const list = synthesizeAttacks(seed, 4000);
  let i = 0;
  return { next: () => list[i++ % list.length] };
}

/** One campaign: ten probes, then payloads, two thirds of them obfuscated; `rotate` gives every request its own user agent. */
function campaignRequests(rng: Rng, attacks: Attacks, payloads: number, rotate: boolean): Draft[] {
  const fixedUa = rng.pick(SCANNER_UAS);
  const ua = (): string => (rotate ? `${rng.pick(SCANNER_UAS)} (${rng.alnum(6)})` : fixedUa);
  const out: Draft[] = rng.shuffle([...PROBES]).slice(0, 10).map((p) => probeDraft(p, ua()));
  for (let i = 0; i < payloads; i++) {
    const a = attacks.next();
    const obfuscated = rng.chance(2 / 3);
    out.push(attackDraft(rng, obfuscated ? obfuscate(rng, a) : a.text, obfuscated ? 'obfuscated-payload' : 'payload', ua()));
  }
  return out;
}

function browserSession(rng: Rng, pool: Draft[], length: number): Draft[] {
  const [name, value] = sessionCookie(rng);
  const client = { 'User-Agent': pickBrowser(rng, 'en_US').userAgent, Cookie: `${name}=${value}` };
  return Array.from({ length }, () => asClient(rng.pick(pool), client));
}

function apiSession(rng: Rng, pool: Draft[], length: number): Draft[] {
  const client = { 'User-Agent': pickAppUa(rng), Authorization: `Bearer ${rng.base64(48, true)}` };
  return Array.from({ length }, () => asClient(rng.pick(pool), client));
}

/** Spreads a session's requests over time from `start`, `gap` seconds apart on average. */
function timed(rng: Rng, drafts: Draft[], start: number, gap: [number, number], meta: Omit<Timed, 'at' | 'draft'>): Timed[] {
  let at = start;
  return drafts.map((draft) => {
    at += rng.int(gap[0], gap[1]);
    return { ...meta, at, draft };
  });
}

export function generateCampaign(opts: CampaignOptions = {}): RequestRecord[] {
  const seed = opts.seed ?? 1;
  const scale = opts.scale ?? 1;
  const rng = Rng.derive(seed, 'campaign');
  const browserPool = benignPool(BROWSER_FAMILIES, seed, 0.01);
  const apiPool = benignPool(API_FAMILIES, seed, 0.01);
  const attacks = attackStream(seed);
  const n = (count: number): number => Math.max(1, Math.round(count * scale));
  const span = 3600;
  const all: Timed[] = [];
  const own = 'campaign/own-address';
  const shared = 'campaign/shared-address';

  for (let i = 0; i < n(40); i++) {
    all.push(...timed(rng, browserSession(rng, browserPool, rng.int(10, 25)), rng.int(0, span), [5, 60], { session: `browser-${i + 1}`, source: own, clientIp: `198.51.100.${(i % 250) + 1}` }));
  }
  for (let i = 0; i < n(15); i++) {
    all.push(...timed(rng, apiSession(rng, apiPool, rng.int(10, 20)), rng.int(0, span), [5, 60], { session: `api-${i + 1}`, source: own, clientIp: `198.51.${101 + Math.floor(i / 250)}.${(i % 250) + 1}` }));
  }
  for (let i = 0; i < n(12); i++) {
    all.push(...timed(rng, campaignRequests(rng, attacks, 25, false), rng.int(0, span), [1, 4], { session: `scanner-${i + 1}`, source: own, clientIp: `203.0.113.${(i % 250) + 1}` }));
  }
  for (let i = 0; i < n(6); i++) {
    const clientIp = `100.64.${Math.floor(i / 250)}.${(i % 250) + 1}`;
    for (let s = 0; s < 6; s++) {
      const drafts = s % 3 === 2 ? apiSession(rng, apiPool, rng.int(10, 20)) : browserSession(rng, browserPool, rng.int(10, 25));
      all.push(...timed(rng, drafts.map((d) => ({ ...d, category: 'shared-session' })), rng.int(0, span), [5, 60], { session: `nat-${i + 1}-user-${s + 1}`, source: shared, clientIp }));
    }
    all.push(...timed(rng, campaignRequests(rng, attacks, 25, i % 2 === 1), rng.int(0, span), [1, 4], { session: `nat-${i + 1}-scanner`, source: shared, clientIp }));
  }

  all.sort((a, b) => a.at - b.at || (a.session < b.session ? -1 : a.session > b.session ? 1 : 0));
  const counters = new Map<string, number>();
  return all.map((t) => {
    const k = (counters.get(t.session) ?? 0) + 1;
    counters.set(t.session, k);
    // Benign drafts keep their family in the id; the category says which scenario the request belongs to.
    const category = t.draft.label === 'benign' && t.draft.category !== 'shared-session' ? 'session' : t.draft.category;
    return { id: `campaign/${t.session}/${String(k).padStart(3, '0')}`, source: t.source, clientIp: t.clientIp, ...t.draft, category };
  });
}

/** The session a campaign record belongs to (`campaign/<session>/<n>` → `<session>`). */
export function sessionOf(id: string): string {
  return id.split('/')[1] ?? '';
}

const USAGE = `Usage: npx tsx datasets/campaign.ts --out FILE.ndjson [--seed N] [--scale S]

Writes a campaign corpus (warden eval records with clientIp, in time order): benign sessions,
attack campaigns (ten probes, then plain and obfuscated payloads) and shared addresses with several
benign sessions and one campaign behind them. Same seed and scale, same bytes.
Measure it with: warden eval --corpus FILE.ndjson --reputation off|per-source|single-source`;

function main(argv: string[]): number {
  const get = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  if (argv.includes('--help') || get('out') === undefined) {
    console.error(USAGE);
    return argv.includes('--help') ? 0 : 2;
  }
  const seed = Number(get('seed') ?? 1);
  const scale = Number(get('scale') ?? 1);
  if (!Number.isInteger(seed) || !(scale > 0)) {
    console.error('campaign: --seed takes an integer and --scale a positive number');
    return 2;
  }
  const records = generateCampaign({ seed, scale });
  writeFileSync(get('out')!, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  console.error(`${records.length} records → ${get('out')}`);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = main(process.argv.slice(2));
