/**
 * The hand-written hard-benign set (datasets/hard-benign/*.yaml): values that look like attacks but
 * are benign where they arrive. Each entry is emitted as a request with the value in its field,
 * surrounded by the other fields and headers that request would really carry.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { Family, GenContext } from '../lib/family.js';
import { browserHeaders, cookieJar, pickBrowser, pickServerUa } from '../lib/clients.js';
import { LOCALE_MIX, makePerson } from '../lib/people.js';
import { csrfToken, jwt } from '../lib/secrets.js';
import { webHost } from '../lib/sites.js';
import { cookieHeader, encodePairs, multipartBody, pickQueryStyle, withBody, type WireRequest } from '../lib/wire.js';

export type HardBenignLocation = 'query' | 'form' | 'json' | 'cookie' | 'header' | 'path' | 'multipart';

export interface HardBenignEntry {
  /** The benign value, exactly as the user or client meant it (before any wire encoding). */
  value: string;
  /** Where it arrives: query parameter, form field, JSON key (dotted), cookie, header, whole path, multipart field. */
  in: HardBenignLocation;
  /** Field name (dotted path for nested JSON). */
  name: string;
  /** Method and path of the request it arrives in, e.g. "POST /support/tickets". */
  at: string;
  /** Why it is benign there. */
  why: string;
  /** Source file under datasets/hard-benign/. */
  file: string;
}

interface Group {
  at: string;
  in: HardBenignLocation;
  name: string;
  why?: string;
  /** Set on values whose shape is the attack itself (a traversal, a system path in a file parameter): neither benign nor attack, so not emitted. */
  ambiguous?: string;
  values: string[];
}

/** A hand-written value left out of the benign set because its shape is an attack's, with the reason. */
export interface AmbiguousEntry extends HardBenignEntry {
  ambiguous: string;
}

const LOCATIONS = new Set<HardBenignLocation>(['query', 'form', 'json', 'cookie', 'header', 'path', 'multipart']);
export const HARD_BENIGN_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'hard-benign');
let cached: HardBenignEntry[] | undefined;

/** All hand-written hard-benign entries, in file order (files sorted by name); ambiguous groups are not among them. */
export function loadHardBenign(dir = HARD_BENIGN_DIR): HardBenignEntry[] {
  if (cached && dir === HARD_BENIGN_DIR) return cached;
  const out: HardBenignEntry[] = readGroups(dir).filter((e) => e.ambiguous === undefined);
  if (dir === HARD_BENIGN_DIR) cached = out;
  return out;
}

/** The values the YAML marks `ambiguous` (an attack's shape in a benign story): neither emitted as benign nor relabelled. */
export function loadAmbiguous(dir = HARD_BENIGN_DIR): AmbiguousEntry[] {
  return readGroups(dir).filter((e): e is AmbiguousEntry => e.ambiguous !== undefined);
}

function readGroups(dir: string): Array<HardBenignEntry & { ambiguous?: string }> {
  const out: Array<HardBenignEntry & { ambiguous?: string }> = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
    const groups = parse(readFileSync(join(dir, file), 'utf8')) as Group[];
    groups.forEach((g, gi) => {
      if (!LOCATIONS.has(g.in) || typeof g.name !== 'string' || !/^[A-Z]+ \//.test(g.at) || !Array.isArray(g.values)) {
        throw new Error(`${file}: group ${gi + 1} needs at: "METHOD /path", in: one of ${[...LOCATIONS].join('|')}, name and values`);
      }
      for (const v of g.values) {
        if (typeof v !== 'string') throw new Error(`${file}: group ${gi + 1} has a non-string value ${JSON.stringify(v)}`);
        const entry = { value: v, in: g.in, name: g.name, at: g.at, why: g.why ?? '', file };
        out.push(typeof g.ambiguous === 'string' ? { ...entry, ambiguous: g.ambiguous } : entry);
      }
    });
  }
  return out;
}

function nest(name: string, value: unknown, into: Record<string, unknown>): void {
  const keys = name.split('.');
  let obj = into;
  for (const k of keys.slice(0, -1)) {
    if (typeof obj[k] !== 'object' || obj[k] === null) obj[k] = {};
    obj = obj[k] as Record<string, unknown>;
  }
  obj[keys[keys.length - 1]] = value;
}

/** Other fields the same request would carry, so the value is not alone in a synthetic shell. */
function siblings(ctx: GenContext, e: HardBenignEntry): [string, string][] {
  const { rng } = ctx;
  const p = makePerson(rng, ctx.fakers, rng.weighted(LOCALE_MIX));
  const path = e.at.split(' ')[1];
  if (/contact|support|ticket/.test(path)) return [['name', p.fullName], ['email', p.email], ['subject', rng.pick(['Question', 'Order', 'Help', 'Account'])]];
  if (/register/.test(path)) return [['first_name', p.firstName], ['email', p.email], ['password', ctx.en.internet.password({ length: 14 })]];
  if (/checkout/.test(path)) return [['shipping[first_name]', p.firstName], ['shipping[city]', p.city], ['shipping[zip]', p.zip]];
  if (/comments|reviews/.test(path)) return [['author', p.fullName], ['email', p.email], ['post_id', String(rng.int(1, 9999))]];
  if (/search|hotels|articles|items|products|files|download/.test(path)) return rng.chance(0.5) ? [['page', String(rng.skewed(5))]] : [['lang', rng.pick(['en', 'de', 'fr'])]];
  return rng.chance(0.5) ? [['id', String(rng.int(1, 99999))]] : [];
}

function build(ctx: GenContext, e: HardBenignEntry): WireRequest {
  const { rng, en } = ctx;
  const [method, target] = e.at.split(' ');
  const [path, fixedQuery = ''] = target.split('?');
  const locale = rng.weighted(LOCALE_MIX);
  const host = webHost(rng, en);
  const api = e.in === 'json' && rng.chance(0.3);
  const headers = api
    ? { Host: host, 'User-Agent': pickServerUa(rng), Accept: 'application/json', Authorization: `Bearer ${jwt(rng)}` }
    : browserHeaders(rng, pickBrowser(rng, locale), host, method === 'GET' ? 'document' : e.in === 'json' ? 'xhr' : 'form', {
      referer: `https://${host}${path}`,
      origin: method === 'GET' ? undefined : `https://${host}`,
      site: 'same-origin',
      cookie: cookieHeader(cookieJar(rng, { session: method !== 'GET', locale })),
    });
  const req: WireRequest = { method, path, query: fixedQuery, headers };
  const others = siblings(ctx, e);
  const withValue = (): [string, string][] => {
    const pairs = others.slice();
    pairs.splice(rng.int(0, pairs.length), 0, [e.name, e.value]);
    return pairs;
  };
  switch (e.in) {
    case 'path':
      req.path = e.value;
      return req;
    case 'header':
      req.headers[e.name] = e.value;
      return req;
    case 'cookie': {
      const jar = cookieJar(rng, { session: true, locale });
      jar.splice(rng.int(0, jar.length), 0, [e.name, e.value]);
      req.headers.Cookie = cookieHeader(jar);
      return req;
    }
    case 'query':
      req.query = encodePairs(withValue(), pickQueryStyle(rng));
      return req;
    case 'form': {
      const pairs = withValue();
      if (rng.chance(0.7)) pairs.unshift([rng.pick(['_token', 'csrf_token', 'authenticity_token']), csrfToken(rng)]);
      return withBody(req, 'application/x-www-form-urlencoded', encodePairs(pairs, 'form'));
    }
    case 'multipart': {
      const mp = multipartBody(rng, withValue().map(([name, value]) => ({ name, value })));
      return withBody(req, mp.contentType, mp.body);
    }
    case 'json': {
      const obj: Record<string, unknown> = {};
      for (const [k, v] of others) obj[k] = /^\d+$/.test(v) ? Number(v) : v;
      nest(e.name, e.value, obj);
      return withBody(req, 'application/json', JSON.stringify(obj));
    }
  }
}

export const hardBenign: Family = {
  name: 'hard-benign',
  summary: 'The hand-written hard-benign set: values that look like attacks (SQL words, markup, shell, ../, quotes, templates, filters) in the field they really arrive in; each entry in several request variants.',
  perScale: 0,
  count: (scale) => loadHardBenign().length * Math.max(1, Math.round(3 * scale)),
  make(ctx, i) {
    const entries = loadHardBenign();
    return build(ctx, entries[i % entries.length]);
  },
};
