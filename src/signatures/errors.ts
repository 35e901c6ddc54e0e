/**
 * Every reason the rule importer can refuse a rule or a file. A report entry carries the code, so an
 * operator can grep it and land here.
 */
import { defineError } from '../errors.js';

export const ruleFileUnreadable = defineError(
  'WARDEN_SIGNATURES_FILE_UNREADABLE',
  500,
  (file: string, reason: string) => `cannot read rule file ${file}: ${reason}`,
);
export const ruleSyntaxError = defineError(
  'WARDEN_SIGNATURES_SYNTAX',
  400,
  (what: string) => `syntax error: ${what}`,
);
export const ruleUnterminated = defineError(
  'WARDEN_SIGNATURES_UNTERMINATED',
  400,
  (where: string) => `rule never closes its (options) ${where}`,
);
export const ruleNotARule = defineError(
  'WARDEN_SIGNATURES_NOT_A_RULE',
  400,
  (text: string) => `not a rule, variable or comment: ${text}`,
);
/** A `# warden:` line in a rule file that is not a known directive, or comes after the file's first rule (file-directives.ts). */
export const ruleBadDirective = defineError(
  'WARDEN_SIGNATURES_BAD_DIRECTIVE',
  400,
  (line: string, why: string) => `${line}: ${why}`,
);
export const ruleUnsupportedKeyword = defineError(
  'WARDEN_SIGNATURES_UNSUPPORTED_KEYWORD',
  400,
  (keyword: string, why: string) => `unsupported keyword '${keyword}': ${why}`,
);
export const ruleUnknownKeyword = defineError(
  'WARDEN_SIGNATURES_UNKNOWN_KEYWORD',
  400,
  (keyword: string) => `unknown keyword '${keyword}'`,
);
export const ruleBadOptionValue = defineError(
  'WARDEN_SIGNATURES_BAD_OPTION',
  400,
  (keyword: string, problem: string) => `bad '${keyword}' option: ${problem}`,
);
export const ruleUndefinedVariable = defineError(
  'WARDEN_SIGNATURES_UNDEFINED_VARIABLE',
  400,
  (name: string) => `undefined variable $${name}`,
);
export const ruleResponseSide = defineError(
  'WARDEN_SIGNATURES_RESPONSE_SIDE',
  400,
  (why: string) => `response-side rule (${why}): Warden inspects requests only`,
);
export const ruleNotHttpTraffic = defineError(
  'WARDEN_SIGNATURES_NOT_HTTP',
  400,
  (why: string) => `rule cannot apply to HTTP requests Warden receives (${why})`,
);
/** A rule about requests leaving the protected network (its destination is `$EXTERNAL_NET` or `!$HOME_NET`). */
export const ruleOutboundTraffic = defineError(
  'WARDEN_SIGNATURES_OUTBOUND',
  400,
  (destination: string) =>
    `rule describes traffic to ${destination}, outside the servers Warden protects ($HOME_NET): Warden sees requests to them only`,
);
export const ruleUnsafeRegex = defineError(
  'WARDEN_SIGNATURES_UNSAFE_PCRE',
  400,
  (why: string) => `pcre not accepted: ${why}`,
);
export const ruleMissingSid = defineError('WARDEN_SIGNATURES_MISSING_SID', 400, () => 'rule has no sid');
/** Which of two rules with one gid:sid loads: the higher rev; on equal revs the one loaded first. */
export const ruleDuplicateSid = defineError(
  'WARDEN_SIGNATURES_DUPLICATE_SID',
  400,
  (key: string, rev: number, winnerAt: string, winnerRev: number, hint = '') =>
    `duplicate ${key} (rev ${rev}): not loaded; ${winnerAt} (rev ${winnerRev}) holds the same gid:sid and wins (${winnerRev > rev ? 'higher rev' : 'same rev, loaded first: bundled rules, then rules.files in order, a directory or pack in file-name order, a file top to bottom'})${hint}`,
);
/** A rule being checked or imported reuses the gid:sid of a rule already in the set (bundled or configured) and wins. */
export const ruleReplacesLoadedSid = defineError(
  'WARDEN_SIGNATURES_REPLACES_SID',
  400,
  (key: string, rev: number, loserAt: string, loserRev: number, hint: string) =>
    `${key} (rev ${rev}) replaces the rule of ${loserAt} (rev ${loserRev}): same gid:sid, the higher rev wins${hint}`,
);
export const ruleNoDetection = defineError(
  'WARDEN_SIGNATURES_NO_DETECTION',
  400,
  () => 'rule has no content, pcre or length check: it would match every request',
);
export const ruleImportNothingAccepted = defineError(
  'WARDEN_SIGNATURES_IMPORT_EMPTY',
  400,
  (path: string) => `${path}: no rule would load (see the report above); not added (--allow-empty adds it anyway)`,
);
export const ruleSetInvalid = defineError(
  'WARDEN_SIGNATURES_RULESET_INVALID',
  500,
  (problems: string[]) => `rule set not loaded:\n  - ${problems.join('\n  - ')}`,
);
