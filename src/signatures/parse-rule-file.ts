/**
 * Parses the text of one rule file (read as latin1) into rules and report entries. Never throws for a
 * bad rule: each statement gets its own entry, so one broken rule cannot hide the others.
 */
import type { Flavour, Rule } from './rule.js';
import type { FileReport, RuleReportEntry } from './report.js';
import type { VariableTable } from './variables.js';
import { WardenError } from '../errors.js';
import { finishNow, type Steps } from '../inspect/work-clock.js';
import { splitRuleStatements, type Statement } from './rule-statements.js';
import { applyDirective, describeDirectives, NO_DIRECTIVES, type RuleFileDirectives } from './file-directives.js';
import { defineVariable, portList } from './variables.js';
import { guessFlavour, ownFlavour } from './flavour.js';
import { describeRule } from './rule-about.js';
import { ruleBadDirective, ruleNotARule, ruleNotHttpTraffic, ruleOutboundTraffic, ruleResponseSide, ruleUnterminated } from './errors.js';
import { splitRuleOptions } from './split-options.js';
import { parseRule, readRuleIdentity, splitRule } from './parse-rule.js';
import type { RuleIdentity } from './parse-rule.js';

export interface ParseRuleFileOptions {
  file: string;
  /** Forces the flavour instead of detecting it. */
  flavour?: Flavour;
  /** Variable table; `var` lines in the file add to (a copy of) it. */
  variables: VariableTable;
  /** Ports Warden serves; defaults to the expansion of $HTTP_PORTS. */
  servedPorts?: readonly number[];
}

export interface ParsedRuleFile {
  rules: Rule[];
  entries: RuleReportEntry[];
  file: FileReport;
}

export function parseRuleFile(text: string, options: ParseRuleFileOptions): ParsedRuleFile {
  return finishNow(parseRuleFileSteps(text, options));
}

/**
 * Statements parsed between two yields of `parseRuleFileSteps`: a reload that parses a refreshed pack
 * (ET Open's emerging-web_specific_apps.rules, 5,744 statements, ~1.3 s at load 14) gives traffic a turn
 * every few tens of ms instead of holding the event loop for the whole file.
 */
const STATEMENTS_PER_STEP = 250;

/** `parseRuleFile`, yielding every STATEMENTS_PER_STEP statements (import-rules.ts pauses there on a reload). */
export function* parseRuleFileSteps(text: string, options: ParseRuleFileOptions): Steps<ParsedRuleFile> {
  const variables: VariableTable = new Map(options.variables);
  const statements = splitRuleStatements(text);
  const guess = options.flavour === undefined ? guessFlavour(statements) : null;
  const flavour = options.flavour ?? guess?.flavour ?? 'snort2';
  const rules: Rule[] = [];
  const entries: RuleReportEntry[] = [];
  let servedPorts = options.servedPorts ?? null;
  const directives = readDirectives(statements, options.file, entries);
  let sinceStep = 0;
  for (const statement of statements) {
    if (++sinceStep === STATEMENTS_PER_STEP) {
      sinceStep = 0;
      yield;
    }
    const base = { file: options.file, line: statement.line };
    if (statement.kind === 'variable') {
      try {
        defineVariable(variables, statement.text);
        if (options.servedPorts === undefined) servedPorts = null;
      } catch (err) {
        entries.push({ ...base, gid: null, sid: null, rev: null, status: 'rejected', ...describe(err), msg: statement.text });
      }
      continue;
    }
    if (statement.kind === 'unterminated') {
      const where = statement.nextRuleLine === null ? '(end of file)' : `before the next rule at line ${statement.nextRuleLine}`;
      const err = ruleUnterminated(where);
      entries.push({ ...base, ...salvageIdentity(statement.text), status: 'rejected', reason: err.message, code: err.code });
      continue;
    }
    if (statement.kind === 'directive') continue;
    if (statement.kind === 'unknown') {
      const err = ruleNotARule(statement.text.length > 80 ? `${statement.text.slice(0, 77)}...` : statement.text);
      entries.push({ ...base, gid: null, sid: null, rev: null, status: 'rejected', reason: err.message, code: err.code, msg: '' });
      continue;
    }
    let identity: RuleIdentity = { gid: null, sid: null, rev: null, msg: '' };
    try {
      const split = splitRule(statement.text);
      identity = readRuleIdentity(split.options);
      servedPorts ??= servedPortList(variables);
      // Only a detected flavour gives way to a rule's own syntax; a flavour the operator set is obeyed.
      const own = guess === null ? null : ownFlavour(statement, flavour);
      const rule = parseRule(split, { flavour: own?.flavour ?? flavour, variables, servedPorts, location: base, enabled: !statement.disabled, fileDirectives: directives });
      if (own) rule.warnings.push(`read as ${own.flavour} (${own.why}) in a file detected as ${flavour}`);
      const reason = rule.warnings.length > 0 ? rule.warnings.join('; ') : null;
      if (statement.disabled) {
        entries.push({ ...base, ...identity, status: 'disabled', reason: 'commented out', code: null });
      } else {
        rules.push(rule);
        entries.push({ ...base, ...identity, status: reason ? 'warning' : 'accepted', reason, code: null, about: describeRule(rule) });
      }
    } catch (err) {
      // A rule broken before its identity could be read (an unbalanced quote) is still named by its sid.
      if (identity.sid === null) identity = salvageIdentity(statement.text);
      const { reason, code } = describe(err);
      // A commented-out rule for other traffic would be skipped, not refused: the word says which.
      if (statement.disabled) entries.push({ ...base, ...identity, status: 'disabled', reason: `commented out; would be ${NOT_FOR_HTTP_REQUESTS.has(code) ? 'skipped' : 'rejected'}: ${reason}`, code });
      else entries.push({ ...base, ...identity, status: NOT_FOR_HTTP_REQUESTS.has(code) ? 'skipped' : 'rejected', reason, code });
    }
  }
  const file: FileReport = { file: options.file, flavour, flavourForced: options.flavour !== undefined, statements: statements.length };
  const declared = describeDirectives(directives);
  if (declared !== '') file.directives = declared;
  if (guess?.evidence) file.flavourEvidence = guess.evidence;
  return { rules, entries, file };
}

/**
 * The file's `# warden:` directives, read before its rules because they apply to all of them. One after the
 * file's first rule is refused (reported, the file's own settings unchanged): a directive must not look as
 * if it applied to the rules below it only, or to a file pasted after another.
 */
function readDirectives(statements: readonly Statement[], file: string, entries: RuleReportEntry[]): Readonly<RuleFileDirectives> {
  if (!statements.some((s) => s.kind === 'directive')) return NO_DIRECTIVES;
  const directives: RuleFileDirectives = { ...NO_DIRECTIVES };
  let firstRule: number | null = null;
  for (const statement of statements) {
    if (statement.kind !== 'directive') {
      if (statement.kind !== 'variable') firstRule ??= statement.line;
      continue;
    }
    const reject = (err: WardenError): void => {
      entries.push({ file, line: statement.line, gid: null, sid: null, rev: null, status: 'rejected', reason: err.message, code: err.code, msg: statement.text });
    };
    if (firstRule !== null) {
      reject(ruleBadDirective(statement.text, `a directive applies to its whole file and must come before the first rule (line ${firstRule})`));
      continue;
    }
    try {
      applyDirective(statement.text, directives);
    } catch (err) {
      reject(err as WardenError);
    }
  }
  return Object.freeze(directives);
}

/** gid/sid/rev/msg of a statement that does not parse: from its options when they split, else by pattern. */
function salvageIdentity(text: string): RuleIdentity {
  const open = text.indexOf('(');
  try {
    const identity = readRuleIdentity(splitRuleOptions(text.slice(open + 1).replace(/\)\s*$/, '')));
    if (identity.sid !== null) return identity;
  } catch {
    // fall through to the patterns
  }
  const number = (name: string): number | null => {
    const m = new RegExp(`[;(\\s]${name}\\s*:\\s*(\\d+)`).exec(text);
    return m ? Number(m[1]) : null;
  };
  const sid = number('sid');
  const msg = /msg\s*:\s*"((?:[^"\\]|\\.)*)"/.exec(text)?.[1] ?? '';
  return { gid: sid === null ? null : (number('gid') ?? 1), sid, rev: sid === null ? null : (number('rev') ?? 1), msg };
}

/** Refusals that say the rule is about other traffic, not that Warden fails it: reported as skipped. */
const NOT_FOR_HTTP_REQUESTS: ReadonlySet<string> = new Set([ruleNotHttpTraffic.code, ruleResponseSide.code, ruleOutboundTraffic.code]);

function servedPortList(variables: VariableTable): number[] {
  return portList('$HTTP_PORTS', variables) ?? [80, 443, 8080];
}

function describe(err: unknown): { reason: string; code: string } {
  if (err instanceof WardenError) return { reason: err.message, code: err.code };
  // A parser bug must not take down the import: report it against the rule.
  return { reason: `internal parser error: ${(err as Error).message}`, code: 'WARDEN_SIGNATURES_INTERNAL' };
}
