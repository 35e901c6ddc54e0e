/**
 * Cuts a rule file into statements (rules and variable definitions) with the line each starts on.
 * Snort 2 continues a line that ends in `\`; Snort 3 lets a rule run over lines until its `)`.
 * `#alert ...` is a disabled rule, kept so the report can count it. A rule that never closes ends
 * where the next rule starts, so it cannot swallow (and be reported under the sid of) the rule after it.
 * Any other line is a statement of its own ('unknown'), reported rather than skipped: a typo'd action
 * or a pasted snort.conf directive must not vanish without a word.
 */
import { RULE_ACTIONS } from './rule.js';
import { DIRECTIVE_LINE } from './file-directives.js';

export type Statement =
  | { kind: 'rule'; line: number; text: string; disabled: boolean }
  | { kind: 'variable'; line: number; text: string }
  | { kind: 'unterminated'; line: number; text: string; nextRuleLine: number | null }
  | { kind: 'unknown'; line: number; text: string }
  /** `# warden: packet-views decoded` (file-directives.ts). */
  | { kind: 'directive'; line: number; text: string };

const ACTION_START = new RegExp(`^(?:${RULE_ACTIONS.join('|')})\\s`);
/** `word ... (`: shaped like a rule even when the action is misspelt, so the parser can name the problem and the sid. */
const RULE_SHAPED = /^[A-Za-z_]+\s[^(]*\(/;
const VARIABLE_START = /^(?:var|ipvar|portvar)\s/;
/** A multi-line Snort 3 rule longer than this is assumed to be a missing `)`. */
const MAX_RULE_LINES = 500;

export function splitRuleStatements(text: string): Statement[] {
  const lines = stripBlockComments(text).split('\n');
  const statements: Statement[] = [];
  for (let i = 0; i < lines.length; i++) {
    const startLine = i + 1;
    const line = lines[i].replace(/\r$/, '').trim();
    if (line.length === 0) continue;
    if (line.startsWith('#')) {
      if (DIRECTIVE_LINE.test(line)) {
        statements.push({ kind: 'directive', line: startLine, text: line });
        continue;
      }
      const uncommented = line.replace(/^#+\s*/, '');
      if (ACTION_START.test(uncommented) && uncommented.includes('(') && uncommented.trimEnd().endsWith(')')) {
        statements.push({ kind: 'rule', line: startLine, text: uncommented, disabled: true });
      }
      continue;
    }
    if (VARIABLE_START.test(line)) {
      statements.push({ kind: 'variable', line: startLine, text: line });
      continue;
    }
    if (!ACTION_START.test(line) && !RULE_SHAPED.test(line)) {
      statements.push({ kind: 'unknown', line: startLine, text: line });
      continue;
    }
    let joined = line;
    let closed = isClosed(joined);
    let nextRuleLine: number | null = null;
    while (!closed && i + 1 < lines.length && i + 1 - startLine < MAX_RULE_LINES) {
      const next = lines[i + 1].replace(/\r$/, '');
      if (ACTION_START.test(next.trim())) {
        nextRuleLine = i + 2;
        break;
      }
      i++;
      if (joined.endsWith('\\')) {
        if (next.trim().startsWith('#')) continue;
        joined = joined.slice(0, -1) + next;
      } else {
        if (next.trim().startsWith('#') || next.trim().length === 0) continue;
        joined = `${joined}\n${next.trim()}`;
      }
      closed = isClosed(joined);
    }
    statements.push(closed ? { kind: 'rule', line: startLine, text: joined, disabled: false } : { kind: 'unterminated', line: startLine, text: joined, nextRuleLine });
  }
  return statements;
}

function isClosed(text: string): boolean {
  const t = text.trimEnd();
  return t.endsWith(')') && t.includes('(');
}

/** Removes Snort 3 `/* ... *\/` comments, keeping newlines so line numbers stay right. */
function stripBlockComments(text: string): string {
  if (!text.includes('/*')) return text;
  let out = '';
  let i = 0;
  while (i < text.length) {
    const open = findCommentOpen(text, i);
    if (open < 0) {
      out += text.slice(i);
      break;
    }
    out += text.slice(i, open);
    const close = text.indexOf('*/', open + 2);
    const comment = close < 0 ? text.slice(open) : text.slice(open, close + 2);
    out += comment.replace(/[^\n]/g, '');
    i = close < 0 ? text.length : close + 2;
  }
  return out;
}

/** A `/*` only opens a comment outside quotes and at a statement boundary, never inside a pcre like `/a\/*b/`. */
function findCommentOpen(text: string, from: number): number {
  let idx = text.indexOf('/*', from);
  while (idx >= 0) {
    const lineStart = text.lastIndexOf('\n', idx) + 1;
    const before = text.slice(lineStart, idx);
    if (before.trim().length === 0 || /[;)]\s*$/.test(before)) return idx;
    idx = text.indexOf('/*', idx + 2);
  }
  return -1;
}
