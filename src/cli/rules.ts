/**
 * `warden rules check` and `warden rules test`: the operator's view of the rule importer and matcher.
 * I/O lives here; parsing, compiling and matching are pure modules under src/signatures.
 */
import { readFile } from 'node:fs/promises';
import type { Flavour } from '../signatures/rule.js';
import type { RuleReportEntry } from '../signatures/report.js';
import { countStatuses } from '../signatures/report.js';
import { readRuleFiles } from '../signatures/read-rule-files.js';
import { importRuleSources } from '../signatures/import-rules.js';
import { measureHttpAcceptance } from '../signatures/http-rule-census.js';
import { parseArgs, stringFlag } from './args.js';
import type { ParsedArgs } from './args.js';

export interface RulesCommandIo {
  out: (s: string) => void;
  err: (s: string) => void;
}

const HELP = `Usage: warden rules <command> [options]

Commands:
  check <files|dirs...>        Parse rule files and report, per rule, accepted / warning / rejected / disabled
      --json                   One JSON line per rule: {file,line,gid,sid,rev,status,reason,code,msg}
      --summary                Only the counts (and the HTTP request-side acceptance rate)
      --strict                 Exit 1 when any rule is rejected
      --flavour snort2|snort3|suricata   Force the rule syntax instead of detecting it per file
  test <files|dirs...> --request <file.http>
                               Show which rules match a raw HTTP request (request line, headers,
                               blank line, body) and where
      --json                   One JSON line per hit
      --flavour ...            As for check

Exit codes: 0 ok, 1 rejected rules with --strict (or no match with test --expect-match), 2 usage or I/O error.
`;

const FLAVOURS: readonly Flavour[] = ['snort2', 'snort3', 'suricata'];
const BOOLEAN_FLAGS = new Set(['json', 'summary', 'strict', 'help', 'expect-match']);

export async function runRulesCommand(args: string[], io: RulesCommandIo): Promise<number> {
  const [command, ...rest] = args;
  const parsed = parseArgs(rest, BOOLEAN_FLAGS);
  if (command === undefined || command === '--help' || command === '-h' || command === 'help' || parsed.flags.has('help')) {
    io.out(HELP);
    return command === undefined ? 2 : 0;
  }
  const flavour = stringFlag(parsed, 'flavour');
  if (flavour !== undefined && !FLAVOURS.includes(flavour as Flavour)) {
    io.err(`--flavour must be one of ${FLAVOURS.join(', ')}`);
    return 2;
  }
  if (parsed.positionals.length === 0) {
    io.err(`rules ${command}: give at least one rule file or directory\n\n${HELP}`);
    return 2;
  }
  if (command === 'check') return checkRules(parsed, flavour as Flavour | undefined, io);
  if (command === 'test') return testRules(parsed, flavour as Flavour | undefined, io);
  io.err(`unknown rules command '${command}'\n\n${HELP}`);
  return 2;
}

async function checkRules(args: ParsedArgs, flavour: Flavour | undefined, io: RulesCommandIo): Promise<number> {
  const { sources, errors } = await readRuleFiles(args.positionals);
  for (const e of errors) io.err(`${e.code}: ${e.message}`);
  if (sources.length === 0) return 2;
  const { report } = importRuleSources(sources, { flavour }, errors);
  const counts = countStatuses(report.entries);
  if (args.flags.has('json')) {
    for (const entry of report.entries) io.out(JSON.stringify(entry));
  } else if (!args.flags.has('summary')) {
    for (const entry of report.entries) if (entry.status === 'rejected' || entry.status === 'warning') io.out(formatEntry(entry));
  }
  if (!args.flags.has('json') || args.flags.has('summary')) {
    for (const file of report.files) io.out(`${file.file}: ${file.statements} statements, flavour ${file.flavour}${file.flavourForced ? ' (forced)' : ' (detected)'}`);
    const acceptance = measureHttpAcceptance(sources, report.entries);
    io.out(
      `rules: ${report.entries.length} total, ${counts.accepted} accepted, ${counts.warning} accepted with warnings, ` +
        `${counts.rejected} rejected, ${counts.disabled} disabled`,
    );
    io.out(
      `HTTP request-side rules: ${acceptance.accepted}/${acceptance.httpRequestRules} accepted (${(acceptance.rate * 100).toFixed(2)}%)`,
    );
  }
  if (errors.length > 0) return 2;
  return args.flags.has('strict') && counts.rejected > 0 ? 1 : 0;
}

function formatEntry(e: RuleReportEntry): string {
  const id = e.sid === null ? '?' : `${e.gid}:${e.sid}:${e.rev}`;
  return `${e.file}:${e.line} ${id} ${e.status}${e.code ? ` ${e.code}` : ''}: ${e.reason ?? ''}`;
}

async function testRules(args: ParsedArgs, _flavour: Flavour | undefined, io: RulesCommandIo): Promise<number> {
  const requestFile = stringFlag(args, 'request');
  if (!requestFile) {
    io.err('rules test: --request <file.http> is required');
    return 2;
  }
  await readFile(requestFile);
  io.err('rules test: the matcher is not available yet');
  return 2;
}
