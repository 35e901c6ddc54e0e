/**
 * Parses a set of rule files into one list of rules plus the import report. Pure: file contents come
 * in (see read-rule-files.ts for the I/O). Duplicate gid:sid across the set, or with `loaded` rules
 * already in it: see resolve-duplicate-sids.ts (highest rev wins, then load order; both reported).
 */
import type { Flavour, Rule } from './rule.js';
import type { FileError, ImportReport } from './report.js';
import type { RuleSource } from './read-rule-files.js';
import { parseRuleFileSteps, type ParsedRuleFile } from './parse-rule-file.js';
import { defaultVariables } from './variables.js';
import { resolveDuplicateSids } from './resolve-duplicate-sids.js';
import { finishNow, type Steps } from '../inspect/work-clock.js';

export interface ImportRulesOptions {
  /** Variable overrides on top of snort.conf's defaults, e.g. `{ HTTP_PORTS: '[80,8080]' }`. */
  variables?: Readonly<Record<string, string>>;
  /** Ports Warden serves; default: the expansion of $HTTP_PORTS. */
  servedPorts?: readonly number[];
  /** Flavour per file path (as given), overriding detection. */
  flavours?: Readonly<Record<string, Flavour>>;
  /** Flavour for every file not listed in `flavours`. */
  flavour?: Flavour;
  /**
   * Rules already in the set these files join (the bundled rules, the config's files), loaded before
   * them: a gid:sid reused from one of them is resolved as the proxy would and reported. Not returned.
   */
  loaded?: readonly Rule[];
}

export interface ImportedRules {
  rules: Rule[];
  report: ImportReport;
}

/**
 * The last import's parse of each file, by its name and parse settings, kept with the text it was
 * parsed from: a reload after an edit to one file parses that file only (a pack set's ~40 files took
 * ~0.9 s of its reload, on the event loop). The text is compared, not made part of the key: a key
 * holding a pack's ~10 MB of text was joined and hashed on every reload (50–150 ms on the event loop).
 * Rules are not changed once parsed, so two gates may share them; report entries are (duplicate sids,
 * compile failures), so each import gets copies.
 */
let lastParsed = new Map<string, { text: string; parsed: ParsedRuleFile }>();

export function importRuleSources(sources: readonly RuleSource[], options: ImportRulesOptions = {}, fileErrors: FileError[] = []): ImportedRules {
  return finishNow(importSteps(sources, options, fileErrors));
}

/**
 * `importRuleSources` for a reload on the event loop the proxy serves from: `pause()` (a turn of the
 * loop) every 250 statements of a file it parses (parseRuleFileSteps), after each such file and before
 * the sids are resolved, so requests wait for a piece of a file's parse, not a pack's (ET Open's Suricata
 * files took 0.03-1.3 s each at load 14, the pack 3.5 s).
 */
export async function importRuleSourcesInTurns(sources: readonly RuleSource[], options: ImportRulesOptions, pause: () => Promise<void>): Promise<ImportedRules> {
  const steps = importSteps(sources, options, []);
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
    await pause();
  }
}

/** Report entries copied from parses kept between two pauses (a pack set has ~30,000). */
const ENTRIES_PER_TURN = 5000;

/** The import, yielding within and after each file it had to parse and before resolving duplicate sids. */
function* importSteps(sources: readonly RuleSource[], options: ImportRulesOptions, fileErrors: FileError[]): Steps<ImportedRules> {
  const variables = defaultVariables();
  for (const [name, value] of Object.entries(options.variables ?? {})) variables.set(name, value);
  const report: ImportReport = { entries: [], files: [], errors: [...fileErrors] };
  const rules: Rule[] = [];
  const parsedNow = new Map<string, { text: string; parsed: ParsedRuleFile }>();
  // What every file of this import is parsed with, part of each file's key.
  const shared = JSON.stringify([options.servedPorts ?? null, [...variables]]);
  let copied = 0;
  for (const source of sources) {
    const settings = { file: source.file, flavour: options.flavours?.[source.file] ?? options.flavour, variables, servedPorts: options.servedPorts };
    const key = `${JSON.stringify([settings.file, settings.flavour ?? null])}\0${shared}`;
    const known = parsedNow.get(key) ?? lastParsed.get(key);
    const reused = known !== undefined && known.text === source.text;
    const parsed = reused ? known.parsed : yield* parseRuleFileSteps(source.text, settings);
    parsedNow.set(key, { text: source.text, parsed });
    for (const rule of parsed.rules) rules.push(rule);
    for (const entry of parsed.entries) report.entries.push({ ...entry });
    report.files.push({ ...parsed.file });
    copied += parsed.entries.length;
    if (!reused || copied >= ENTRIES_PER_TURN) {
      copied = 0;
      yield;
    }
  }
  lastParsed = parsedNow;
  yield;
  return { rules: resolveDuplicateSids(rules, report.entries, options.loaded), report };
}
