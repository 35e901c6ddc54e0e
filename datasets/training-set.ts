/**
 * Assembles the payload model's labelled texts: shared attack/benign payloads, the field values of
 * generated benign requests and of the real access log, mutated attacks (case, comments, whitespace,
 * encodings, concatenation) and hard-benign values written here. Every text goes through the same
 * lexical screen as serving: the model only ever sees — and only learns from — texts that pass it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { RequestRecord } from '../src/eval/record.js';
import { recordToRawRequest } from '../src/eval/record-request.js';
import { createInspector } from '../src/inspect/build-inspection.js';
import { mayCarryAttack } from '../src/model/screen.js';
import { formsToScore, hasPercentEscape } from '../src/model/scored-forms.js';
import { decodeEveryJsEscape } from '../src/inspect/decoders/js-escapes.js';
import { collapseWhitespace } from '../src/inspect/decoders/whitespace.js';
import { seededRandom } from '../src/model/prng.js';
import { generateBenign, loadSharedPayloads } from './loaders.js';
import { FAMILIES, V11_FAMILIES } from './families/index.js';
import { hardBenignTexts } from '../src/model/training-data/hard-benign-values.js';
import { mutateAttack } from '../src/model/training-data/attack-mutations.js';
import { synthesizeAttacks } from '../src/model/training-data/attack-grammar.js';
import { OPT_IN_FAMILIES, synthesizeFamilyAttacks } from '../src/model/training-data/attack-families/index.js';
import { exploitPayloadFields, exploitTrainingSeed, type ExploitCode } from './exploit-payloads.js';
import { contextWrappedTexts, prosePools, twinCandidate, wrappableAttack } from './context-wrap.js';

export interface LabelledText {
  text: string;
  label: 0 | 1;
  /** Corpus (`libinjection`, `warden-gen`, `hard-benign`, `mutation`...). */
  source: string;
  category: string;
  /** A benign text more than one generated request of its group carries, under `benignRepeats: 'kept'`: always trained on. */
  repeated?: true;
}

export interface TrainingSetOptions {
  /** Root of the shared corpora. */
  root: string;
  seed: number;
  /** Generator scale for benign requests (1 = 48k requests). */
  scale: number;
  /** Mutated variants per shared attack (on average). */
  mutationsPerAttack: number;
  /** Attacks synthesized from injection grammar (src/model/training-data/attack-grammar.ts). */
  synthesized: number;
  /** Cap on texts from one benign family / source, so request-heavy sources do not drown the rest. */
  maxPerBenignGroup: number;
  /** Generated benign families drawn (default: all of `FAMILIES`; `V11_FAMILIES` rebuilds payload-v1.1's corpus). */
  benignFamilies?: readonly string[];
  /** Attacks per issue-14 attack family (`training-data/attack-families`; source `family`, category = family name). Default `FAMILY_ATTACKS`; 0 for v1.1's corpus. */
  familyAttacks?: number;
  /**
   * Per-family multipliers of `familyAttacks` (a family not named draws `familyAttacks`, an opt-in family
   * not named draws none: `OPT_IN_FAMILIES`). Default `{}`:
   * every family alike, the shipped recipe (payload-v1.2); `CANDIDATE_FAMILY_WEIGHTS` was measured.
   */
  familyWeights?: Readonly<Record<string, number>>;
  /**
   * Records per exploit-generator template (`datasets/exploits`, its own templates only, never a
   * held-out set) whose payload fields join as attacks (source `exploit`, category = template),
   * drawn from `exploitTrainingSeed(seed)`. Default 0: the shipped recipe (payload-v1.2) has none.
   */
  exploitAttacks?: number;
  /** `skip`: leave out the exploit fields that hold a whole program sent as content. Default `keep`. */
  exploitCode?: ExploitCode;
  /**
   * Benign texts that more than one request of their group carries: `sampled` (like every text: the
   * group's cap samples the distinct texts uniformly and the split draws them; payload-v1.2's recipe) or
   * `kept` (kept before the cap, most repeated first, marked `repeated` and always trained on:
   * `keptRepeatsFirst`). Default `sampled`.
   */
  benignRepeats?: BenignRepeats;
  /**
   * The forms of each attack text trained on: `served` (default: the forms the gate scores,
   * `formsToScore`) or `held-back` (those, and after every other text the spellings the serving code
   * holds back from the model for benign values' sake: `heldBackForms`).
   */
  attackForms?: AttackForms;
  /**
   * Context-wrapped texts (`datasets/context-wrap.ts`, source `context-wrap`): this many of the corpus's attack texts
   * of the kinds that work inside text wrapped in benign prose (attack), and as many benign texts — its benign values
   * with attack punctuation wrapped in the same prose, and prose alone. Default 0: the shipped recipe (payload-v1.4).
   */
  contextWrap?: number;
}

export type BenignRepeats = 'sampled' | 'kept';
export type AttackForms = 'served' | 'held-back';

/** Attacks drawn per attack family in the shipped recipe (payload-v1.2): 17 families × 2,000. */
export const FAMILY_ATTACKS = 2000;
/**
 * Extra draws measured for a payload-v1.3 candidate (2026-12-04, not shipped: datasets/README.md,
 * "payload-v1.3 candidates"): the families payload-v1.2 missed most through the full pipeline (seed 99:
 * serialized objects 94.0 %, shell substitution 98.0 %, SQL fragments 98.3 %, cmd 98.7 %, SSRF 99.3 %),
 * whose rarer productions (real gzip object streams, brace lists inside `$()`, caret-escaped `dir`,
 * decimal-IP metadata hosts) appear a few times in 2,000 draws. Opt-in (`--family-weights`): the shipped
 * recipe draws every family alike. The candidates trained with higher weights (3 for shell and
 * serialized objects, 2 for six more families, 1.5 for PHP and prototype pollution) flagged prose naming
 * `C:\Windows\…\hosts`, PHP snippets and PromQL selectors on `10.0.…` (api-selectors 100 -> 96.7 %).
 */
export const CANDIDATE_FAMILY_WEIGHTS: Readonly<Record<string, number>> = {
  'shell-substitution': 2,
  'serialized-object': 2,
  'sql-fragments': 2,
  'cmd-windows': 1.5,
  'ssrf-metadata': 1.5,
};

/** Attacks drawn from one family: `familyAttacks` times its weight. */
export function familyAttackCount(options: Pick<TrainingSetOptions, 'familyAttacks' | 'familyWeights'>, family: string): number {
  return Math.round((options.familyAttacks ?? FAMILY_ATTACKS) * (options.familyWeights?.[family] ?? (OPT_IN_FAMILIES.includes(family) ? 0 : 1)));
}

/** Every generated benign family: the shipped recipe's default. */
export const ALL_FAMILIES: readonly string[] = FAMILIES.map((f) => f.name);
/** The corpus options of payload-v1.1 (18 families, no attack-family grammars), for reproducing it. */
export const V11_CORPUS = { benignFamilies: V11_FAMILIES, familyAttacks: 0 } as const;

export interface ScreenCounts {
  total: number;
  screened: number;
}

export interface AssembledSet {
  texts: LabelledText[];
  /** Per `source/category` group: how many texts (forms) there were and how many passed the screen. */
  screen: Map<string, ScreenCounts>;
  /** Per benign request group: fields (targets) and how many had a form that passed the screen. */
  targetScreen: Map<string, ScreenCounts>;
}

function decodeOnce(text: string, plusAsSpace: boolean): string {
  const input = plusAsSpace ? text.replace(/\+/g, ' ') : text;
  try {
    return decodeURIComponent(input);
  } catch {
    return input.replace(/%([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  }
}

/** A value and its URL-decoded forms (once and twice), as the normalizer would hand them over. */
export function valueForms(raw: string, plusAsSpace: boolean): string[] {
  const forms = [raw];
  if (raw.includes('%') || (plusAsSpace && raw.includes('+'))) {
    const once = decodeOnce(raw, plusAsSpace);
    if (once !== raw) forms.push(once);
    if (once.includes('%')) {
      const twice = decodeOnce(once, false);
      if (twice !== once) forms.push(twice);
    }
  }
  return forms;
}

const inspect = createInspector();
/** Decoded forms per target the gate scores by default (ModelGateOptions.maxFormsPerTarget). */
const GATE_DECODED_FORMS = 4;

/** Every distinct real browser User-Agent of the `user-agents` package (benign material on npm). */
function browserUserAgents(): string[] {
  const file = join(dirname(createRequire(import.meta.url).resolve('user-agents')), 'user-agents.json');
  const list = JSON.parse(readFileSync(file, 'utf8')) as { userAgent: string }[];
  return [...new Set(list.map((u) => u.userAgent))].sort();
}

/** Every form the gate would see for one request: per target, its raw value and decoded forms. */
export function requestTargetForms(record: RequestRecord): string[][] {
  // Path mentions and declared scripts stay benign examples although the gate scores them only on a
  // signature hit: a candidate trained without them (2026-12-04, datasets/README.md "payload-v1.3
  // candidates") lost TNR on other families and did not lower its operating point enough to matter.
  return inspect(recordToRawRequest(record)).targets.map((t) => formsToScore(t.raw, t.decoded, GATE_DECODED_FORMS));
}

/** The gate's target for a payload carried as a JSON string value: its raw value and the normalizer's decoded forms. */
function payloadTarget(text: string): { raw: string; decoded: readonly string[] } | undefined {
  const record: RequestRecord = {
    id: 'payload',
    source: 'training',
    label: 'benign',
    category: 'payload',
    method: 'POST',
    path: '/p',
    query: '',
    headers: { Host: 'training.invalid', 'Content-Type': 'application/json' },
    body: JSON.stringify({ v: text }),
  };
  return inspect(recordToRawRequest(record)).targets.find((t) => t.location === 'body' && t.name === 'v');
}

/**
 * The forms the gate would see for a payload carried as a JSON string value: the text itself plus what
 * the normalizer decodes out of it (URL, entities, escapes, comments...). Shared payloads go through
 * this so training sees attacks exactly as serving does.
 */
export function payloadFormTexts(text: string): string[] {
  return payloadForms(text, false).served;
}

/** A payload's served forms (`payloadFormTexts`) and, with `withHeldBack`, its held-back ones (`heldBackForms`), from one inspection. */
function payloadForms(text: string, withHeldBack: boolean): { served: string[]; heldBack: string[] } {
  const target = payloadTarget(text);
  if (target === undefined) return { served: valueForms(text, false), heldBack: [] };
  return { served: formsToScore(target.raw, target.decoded, GATE_DECODED_FORMS), heldBack: withHeldBack ? heldBackForms(target.raw, target.decoded) : [] };
}

/**
 * scored-forms.ts's test for an escape's remains before session 21: any `%u`, and a `%` before any character
 * past ASCII, kept a target's percent-escaped forms scored beside its decoded ones.
 */
const WIDER_ESCAPE_REMAINS = /%(?:[0-9a-fA-FuU]|[\u0080-\uffff])/;

/**
 * Spellings of an attack the serving code no longer sends to the model, kept out for benign values' sake
 * since payload-v1.4 was trained (its tree produced them): the percent-escaped forms of a target whose
 * decoded form holds a `%u` or a `%` before a letter past Latin-1 (scored-forms.ts now calls that form
 * plain: a LIKE pattern's `'%United%'`), and each form with every backslash escape decoded
 * (`decodeEveryJsEscape`: the JS-escape decoder now leaves a one-digit octal, `\b` beside regex syntax and
 * `\f \n \r \t \v` among separator backslashes as written), with that form's whitespace collapsed as the
 * whitespace decoder would. Forms the gate does score are included; the corpus de-duplicates.
 */
export function heldBackForms(raw: string, decoded: readonly string[]): string[] {
  const n = Math.min(decoded.length, GATE_DECODED_FORMS);
  const plain = !hasPercentEscape(raw) || decoded.slice(0, n).some((d) => !WIDER_ESCAPE_REMAINS.test(d));
  const out: string[] = [];
  for (const form of [raw, ...decoded.slice(0, n)]) {
    if (form === '' || (plain && hasPercentEscape(form))) continue;
    out.push(form);
    const every = decodeEveryJsEscape(form);
    if (every === form) continue;
    out.push(every);
    const collapsed = collapseWhitespace(every, { plusAsSpace: false, flags: 0 });
    if (collapsed !== every) out.push(collapsed);
  }
  return [...new Set(out)];
}

/** `heldBackForms` of a payload carried as a JSON string value. */
export function payloadHeldBackForms(text: string): string[] {
  return payloadForms(text, true).heldBack;
}

class Collector {
  readonly texts: LabelledText[] = [];
  readonly screen = new Map<string, ScreenCounts>();
  /** Benign request targets (fields) with at least one form that passes the screen. */
  readonly targetScreen = new Map<string, ScreenCounts>();
  private readonly seen = new Set<string>();

  add(text: string, label: 0 | 1, source: string, category: string, repeated = false): void {
    const key = `${source}/${category}`;
    let counts = this.screen.get(key);
    if (!counts) this.screen.set(key, (counts = { total: 0, screened: 0 }));
    counts.total++;
    if (!mayCarryAttack(text)) return;
    counts.screened++;
    const dedupe = `${label}\u0000${text}`;
    if (this.seen.has(dedupe)) return;
    this.seen.add(dedupe);
    this.texts.push(repeated ? { text, label, source, category, repeated } : { text, label, source, category });
  }
}

function capped<T>(items: T[], max: number, random: () => number): T[] {
  if (items.length <= max) return items;
  const copy = items.slice();
  for (let i = 0; i < max; i++) {
    const j = i + Math.floor(random() * (copy.length - i));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, max);
}

/**
 * At most `max` of a group's distinct texts: those more than one request carries first (most often
 * first, ties in first-seen order), then a seeded sample of the others. Why: a uniform sample of the
 * distinct texts drops a value that 18 of 5,000 generated uploads carry (a fixed snippet such as
 * `cd %USERPROFILE%\Downloads && dir /s *.msi`) as readily as a one-off, and a benign text the model
 * never trained on, beside thousands of attack texts like it, scores ~1.0 on every request that
 * repeats it (datasets/README.md, "Issue 14: payload-v1.4").
 */
export function keptRepeatsFirst(requestsCarrying: ReadonlyMap<string, number>, max: number, random: () => number): string[] {
  const all = [...requestsCarrying.keys()];
  const repeated = all.filter((t) => requestsCarrying.get(t)! > 1).sort((a, b) => requestsCarrying.get(b)! - requestsCarrying.get(a)!);
  if (repeated.length >= max) return repeated.slice(0, max);
  const once = all.filter((t) => requestsCarrying.get(t) === 1);
  return [...repeated, ...capped(once, max - repeated.length, random)];
}

/** Everything the model trains and validates on, screened and de-duplicated, labelled with its origin. */
export function assembleTrainingSet(options: TrainingSetOptions): AssembledSet {
  const random = seededRandom(options.seed);
  const out = new Collector();
  const shared = loadSharedPayloads(options.root);
  // Under attackForms 'held-back': each attack's held-back forms, taken from the same inspection as its
  // served ones, join last.
  const heldBack: { forms: string[]; source: string; category: string }[] = [];
  const keepHeldBack = (options.attackForms ?? 'served') === 'held-back';
  const addAttack = (text: string, source: string, category: string): void => {
    const forms = payloadForms(text, keepHeldBack);
    for (const form of forms.served) out.add(form, 1, source, category);
    if (forms.heldBack.length > 0) heldBack.push({ forms: forms.heldBack, source, category });
  };

  for (const p of shared.payloads) {
    const label = p.label === 'attack' ? 1 : 0;
    // libinjection keeps some lines URL-encoded; the gate scores both forms, so both are examples.
    if (label === 1) addAttack(p.text, p.corpus, p.category);
    else for (const form of payloadFormTexts(p.text)) out.add(form, label, p.corpus, p.category);
    if (label === 1) {
      const k = Math.floor(options.mutationsPerAttack) + (random() < options.mutationsPerAttack % 1 ? 1 : 0);
      for (let m = 0; m < k; m++) addAttack(mutateAttack(p.text, p.category, random), `mutation:${p.corpus}`, p.category);
    }
  }

  const requestGroups = new Map<string, string[]>();
  // Per group, how many requests carry each screened form (under benignRepeats 'kept').
  const carried = new Map<string, Map<string, number>>();
  const keepRepeats = (options.benignRepeats ?? 'sampled') === 'kept';
  const addRequest = (r: RequestRecord): void => {
    const key = `${r.source}/${r.category}`;
    let list = requestGroups.get(key);
    if (!list) requestGroups.set(key, (list = []));
    let counts = out.targetScreen.get(key);
    if (!counts) out.targetScreen.set(key, (counts = { total: 0, screened: 0 }));
    const inRequest = new Set<string>();
    for (const forms of requestTargetForms(r)) {
      counts.total++;
      if (forms.some(mayCarryAttack)) counts.screened++;
      for (const f of forms) list.push(f);
      if (keepRepeats) for (const f of forms) if (mayCarryAttack(f)) inRequest.add(f);
    }
    if (!keepRepeats) return;
    let perText = carried.get(key);
    if (!perText) carried.set(key, (perText = new Map()));
    for (const f of inRequest) perText.set(f, (perText.get(f) ?? 0) + 1);
  };
  for (const r of shared.requests) if (r.label === 'benign') addRequest(r);
  for (const r of generateBenign({ seed: options.seed, scale: options.scale, families: options.benignFamilies ?? ALL_FAMILIES })) addRequest(r);
  for (const [key, texts] of requestGroups) {
    const [source, category] = key.split('/');
    const screened = texts.filter(mayCarryAttack);
    // Screen counts cover every field value; the cap applies only to what reaches training.
    const counts = { total: texts.length, screened: screened.length };
    out.screen.set(key, counts);
    const perText = carried.get(key);
    if (perText === undefined) for (const t of capped([...new Set(screened)], options.maxPerBenignGroup, random)) out.add(t, 0, source, category);
    else for (const t of keptRepeatsFirst(perText, options.maxPerBenignGroup, random)) out.add(t, 0, source, category, perText.get(t)! > 1);
    out.screen.set(key, counts);
  }

  for (const a of synthesizeAttacks(options.seed, options.synthesized)) addAttack(a.text, 'synthetic', a.category);
  for (const h of hardBenignTexts(options.seed)) out.add(h.text, 0, 'hard-benign', h.category);
  for (const ua of browserUserAgents()) out.add(ua, 0, 'user-agents', 'browser');
  // Last, so the texts before them (and the seeded split over them) are those of a corpus without them.
  for (const a of synthesizeFamilyAttacks(options.seed, (family) => familyAttackCount(options, family))) addAttack(a.text, 'family', a.family);
  // After everything else for the same reason. The fields are taken as the gate sees them in the
  // request (raw and decoded forms), not re-wrapped as a JSON value: where they sit is part of the shape.
  const perTemplate = options.exploitAttacks ?? 0;
  if (perTemplate > 0) for (const f of exploitPayloadFields(exploitTrainingSeed(options.seed), perTemplate, options.exploitCode ?? 'keep')) for (const form of f.forms) out.add(form, 1, 'exploit', f.template);
  // Last of all, so every text before them (and the seeded split over them) is the served-forms corpus's.
  for (const h of heldBack) for (const form of h.forms) out.add(form, 1, h.source, h.category);
  // After the held-back forms too: the corpus without them is the shipped recipe's, text for text.
  const wrap = options.contextWrap ?? 0;
  if (wrap > 0) {
    const attacks = [...new Set(out.texts.filter((t) => t.label === 1 && wrappableAttack(`${t.source}/${t.category}`, t.text)).map((t) => t.text))];
    const benign = [...new Set(out.texts.filter((t) => t.label === 0 && twinCandidate(t.text)).map((t) => t.text))];
    for (const w of contextWrappedTexts(options.seed, prosePools(options.root, options.seed), attacks, benign, wrap)) out.add(w.text, w.label, w.source, w.category);
  }
  return { texts: out.texts, screen: out.screen, targetScreen: out.targetScreen };
}

/**
 * The attack-family texts a `--family-split whole` run validates on: fresh draws of each family's
 * grammar (another seed, a tenth of its training count), screened and de-duplicated as training's.
 * Such a run trains on every draw of the training seed instead of splitting them: many productions are
 * fixed strings (`eval\`process.exit()\``, one fastjson gadget), and a random split keeps the only copy
 * of one out of training altogether, so a family's "trained on" figure measures which strings the split
 * happened to draw (payload-v1.3's second candidate: node-ssjs 100 -> 93.7 % through the full pipeline).
 */
export function familyValidationTexts(options: TrainingSetOptions): LabelledText[] {
  const out = new Collector();
  const tenth = { ...options, familyAttacks: Math.ceil((options.familyAttacks ?? FAMILY_ATTACKS) / 10) };
  for (const a of synthesizeFamilyAttacks(options.seed ^ 0xfa11, (family) => familyAttackCount(tenth, family))) for (const form of payloadFormTexts(a.text)) out.add(form, 1, 'family', a.family);
  return out.texts;
}
