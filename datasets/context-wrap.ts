/**
 * Context-wrapped training texts (session 34, mdl34, issue 14 "A model that can generalize further"): the model
 * scores a form of up to a window (512 chars) whole, so a sentence or two of ordinary prose around a payload pulls
 * its score under the block point (datasets/README.md, "Dilution carriers"). These texts put attack payloads of the
 * training material inside benign prose — before, after or around it, 5–400 chars of context — labelled attack,
 * and the same prose around benign technical values of the training material (and around nothing) labelled benign,
 * so that the prose's own features carry no attack evidence either way and the payload's do.
 *
 * Prose comes only from sources the dilution-carriers measurement does not use whole:
 * - `shakespeare`: tinyshakespeare lines of the shared corpora *after* the 4,000 lines the carriers draw from;
 * - `readme`: sentences of the installed packages' READMEs (`datasets/lib/text.ts`) whose FNV-1a hash is odd (the
 *   carriers draw from every sentence: half of theirs are seen here);
 * - `faker`: faker's English product descriptions, hacker phrases, catch phrases and lorem-free word sentences.
 * Held out of training on purpose: the carriers' support messages (`datasets/lib/phrases.ts` MESSAGES), and their
 * chat lines, code-review comments and notes (written in `datasets/dilution-carriers.ts`), so the carriers' figure
 * on those sources measures transfer to prose the model never saw.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Faker, base, en } from '@faker-js/faker';
import { Rng, hash32 } from './lib/rng.js';
import { loadTextCorpus } from './lib/text.js';
import { quotableReadmeCode, shellLine, sqlStatement } from './lib/discussion-code.js';

export const WRAP_SOURCES = ['shakespeare', 'readme', 'faker'] as const;
export type WrapSource = (typeof WRAP_SOURCES)[number];

/** The carriers (datasets/dilution-carriers.ts) read the first 4,000 qualifying lines; training reads the ones after. */
const CARRIER_SHAKESPEARE_LINES = 4000;
const MAX_LINES = 6000;

function shakespeareTail(root: string): string[] {
  const out: string[] = [];
  let qualifying = 0;
  try {
    for (const line of readFileSync(join(root, 'tinyshakespeare', 'benign.payloads.ndjson'), 'utf8').split('\n')) {
      if (line === '') continue;
      const text = (JSON.parse(line) as { text: string }).text;
      if (text.length < 20 || text.length > 160) continue;
      if (qualifying++ < CARRIER_SHAKESPEARE_LINES) continue;
      out.push(text);
      if (out.length >= MAX_LINES) break;
    }
  } catch {
    // No shared corpora: the other two sources carry the prose.
  }
  return out;
}

function fakerSentences(seed: number, n: number): string[] {
  const f = new Faker({ locale: [en, base] });
  f.seed(seed);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    switch (i % 5) {
      case 0:
        out.push(f.commerce.productDescription());
        break;
      case 1:
        out.push(f.hacker.phrase());
        break;
      case 2:
        out.push(`${f.company.catchPhrase()}.`);
        break;
      case 3:
        out.push(`${f.person.firstName()} said the ${f.commerce.productAdjective().toLowerCase()} ${f.commerce.product().toLowerCase()} arrived ${f.date.weekday()} and ${f.word.words({ count: { min: 3, max: 8 } })}.`);
        break;
      default:
        out.push(`${f.company.buzzPhrase()} for ${f.company.name()} in ${f.location.city()}.`);
    }
  }
  return out;
}

export type ProsePools = Record<WrapSource, readonly string[]>;

/** The training prose, by source (see the header for what is left out and why). */
export function prosePools(root: string, seed: number): ProsePools {
  const readme = loadTextCorpus().sentences.filter((s) => s.length >= 20 && s.length <= 200 && (hash32(s) & 1) === 1);
  const shakespeare = shakespeareTail(root);
  return { shakespeare: shakespeare.length > 0 ? shakespeare : readme, readme, faker: fakerSentences(seed, 2000) };
}

const LENGTHS: readonly (readonly [number, number])[] = [
  [5, 20],
  [21, 60],
  [61, 150],
  [151, 400],
];

function context(rng: Rng, sentences: readonly string[], length: number): string {
  let text = '';
  for (let i = 0; i < 20 && text.length < length; i++) text = text === '' ? rng.pick(sentences) : `${text}${rng.float() < 0.15 ? '\n' : ' '}${rng.pick(sentences)}`;
  if (text.length <= length) return text;
  const cut = text.lastIndexOf(' ', length);
  return cut >= 3 ? text.slice(0, cut) : text.slice(0, length);
}

/** `inner` inside prose of `source`: before, after or around it (split at a word), 5–400 chars of context. */
export function wrapInProse(rng: Rng, pools: ProsePools, inner: string, sources: readonly WrapSource[] = WRAP_SOURCES): { text: string; source: WrapSource } {
  const source = rng.pick(sources);
  const [lo, hi] = rng.pick(LENGTHS);
  const ctx = context(rng, pools[source], rng.int(lo, hi));
  const sep = (): string => (rng.float() < 0.15 ? '\n' : ' ');
  const position = rng.int(0, 2);
  if (position === 0) return { text: `${ctx}${sep()}${inner}`, source };
  if (position === 1) return { text: `${inner}${sep()}${ctx}`, source };
  const mid = ctx.indexOf(' ', ctx.length >> 1);
  if (mid < 0) return { text: `${ctx}${sep()}${inner}${sep()}${ctx}`, source };
  return { text: `${ctx.slice(0, mid)}${sep()}${inner}${sep()}${ctx.slice(mid + 1)}`, source };
}

/**
 * Attack kinds that still work with text around them (the carriers' header says why): SQL breakouts, markup,
 * template expressions, lookups, commands, code; not paths, addresses, redirects, whole-value expressions, keys.
 */
const WRAPPABLE = /^(?:(?:mutation:)?(?:libinjection|payloadsallthethings|httpparamsdataset|gotestwaf-testcases|synthetic)\/(?:sqli|xss|cmdexe|ssti|jndi|code-injection|nosqli|ldap)|family\/(?:shell-substitution|script-oneliner|powershell|cmd-windows|jndi-log4shell|spel-el-mvel|php-injection|node-ssjs|crlf-header-injection|sql-fragments)|exploit\/.*)$/;

/** Whether an attack text of group `source/category` is one a payload in prose still carries. */
export function wrappableAttack(group: string, text: string): boolean {
  if (!WRAPPABLE.test(group)) return false;
  if (text.length < 6 || text.length > 240 || /%[0-9a-f]{2}/i.test(text)) return false;
  // Exploit fields: only those whose payload works inside text (the carriers' EXPLOIT_KIND).
  if (group.startsWith('exploit/')) return /\$\([^)]{2,}\)|`[^`\s][^`]*`|\$\{jndi:|<script|<svg[^>]*\son\w+=|<img[^>]*\son\w+=|\{\{[^}]*[.(*][^}]*\}\}|<\?php/i.test(text);
  return true;
}

/** Benign values worth a twin: short, with the punctuation attacks have (a mention in prose, not a word). */
export function twinCandidate(text: string): boolean {
  return text.length >= 3 && text.length <= 160 && /[<>(){}[\]$;|'"=&`\\/*#]/.test(text) && !text.includes('\n');
}

/**
 * `n` benign technical mentions of the kind people paste into prose: a SQL statement or a shell command line of the
 * discussion generators (`datasets/lib/discussion-code.ts`), one line of a README code block, an identifier in a code
 * span. Not the carriers' own list (`BENIGN_MENTIONS`), which stays a measurement.
 */
export function technicalMentions(seed: number, n: number): string[] {
  const rng = Rng.derive(seed, 'technical-mentions');
  const lines = quotableReadmeCode(loadTextCorpus())
    .flatMap((b) => b.code.split('\n'))
    .map((l) => l.trim())
    .filter((l) => l.length >= 8 && l.length <= 120);
  const ident = (): string => rng.pick(lines.length > 0 ? lines : ['x']).replace(/^.*?([A-Za-z_$][\w$.]*\(?).*$/, '$1');
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    switch (i % 5) {
      case 0:
        out.push(sqlStatement(rng).replace(/\n/g, ' '));
        break;
      case 1:
        out.push(shellLine(rng));
        break;
      case 2:
      case 3:
        out.push(lines.length > 0 ? rng.pick(lines) : shellLine(rng));
        break;
      default:
        out.push(((id) => `\`${id}${id.endsWith('(') ? ')' : ''}\``)(ident()));
    }
  }
  return out;
}

export interface WrappedText {
  text: string;
  label: 0 | 1;
  /** `context-wrap` */
  source: string;
  /** `attack:<source>` or `twin:<source>` or `prose:<source>` */
  category: string;
}

/**
 * `count` attacks drawn from `attacks` wrapped in prose, and `count` × 1.3 benign texts: `count` twins — half of them
 * `benign` values, half `technicalMentions` — wrapped in the same kind of prose, and `count` × 0.3 of prose alone.
 * Deterministic by seed.
 */
export function contextWrappedTexts(
  seed: number,
  pools: ProsePools,
  attacks: readonly string[],
  benign: readonly string[],
  count: number,
  /** The prose sources attacks are wrapped in (default all; twins and prose alone always draw from all). */
  attackSources: readonly WrapSource[] = WRAP_SOURCES,
): WrappedText[] {
  const out: WrappedText[] = [];
  if (count <= 0) return out;
  const rng = Rng.derive(seed, 'context-wrap');
  if (attacks.length > 0) {
    for (let i = 0; i < count; i++) {
      const w = wrapInProse(rng, pools, rng.pick(attacks), attackSources);
      out.push({ text: w.text, label: 1, source: 'context-wrap', category: `attack:${w.source}` });
    }
  }
  const mentions = technicalMentions(seed, Math.min(count, 5000));
  for (let i = 0; i < count; i++) {
    const fromValues = benign.length > 0 && (i & 1) === 0;
    const w = wrapInProse(rng, pools, fromValues ? rng.pick(benign) : rng.pick(mentions));
    out.push({ text: w.text, label: 0, source: 'context-wrap', category: `${fromValues ? 'twin' : 'mention'}:${w.source}` });
  }
  for (let i = 0; i < Math.round(count * 0.3); i++) {
    const source = rng.pick(WRAP_SOURCES);
    const [lo, hi] = rng.pick(LENGTHS);
    out.push({ text: context(rng, pools[source], rng.int(Math.max(lo, 20), hi)), label: 0, source: 'context-wrap', category: `prose:${source}` });
  }
  return out;
}
