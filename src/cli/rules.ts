/**
 * `warden rules check` and `warden rules test`: the operator's view of the rule importer and matcher.
 * I/O lives here; parsing, compiling and matching are pure modules under src/signatures.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { WardenConfig } from '../config/types.js';
import { loadConfig } from '../config/load-config.js';
import { servedPortsOf } from '../signatures/served-ports.js';
import { ruleSetInputs } from '../signatures/tune/rule-set-inputs.js';
import type { Flavour } from '../signatures/rule.js';
import type { RuleReportEntry } from '../signatures/report.js';
import { countOutbound, countStatuses } from '../signatures/report.js';
import { readRuleFiles } from '../signatures/read-rule-files.js';
import { importRuleSources } from '../signatures/import-rules.js';
import { readLoadedRules } from '../signatures/loaded-rules.js';
import { BUNDLED_RULES_DIR as BUNDLED_RULES } from '../signatures/bundled-path.js';
import { measureHttpAcceptance } from '../signatures/http-rule-census.js';
import { describeRule, formatAboutSummary } from '../signatures/rule-about.js';
import { ruleKey } from '../signatures/rule.js';
import { importRules } from './rules-import.js';
import type { RawRequest } from '../inspect/types.js';
import { buildInspection } from '../inspect/build-inspection.js';
import type { LoadedRuleSet } from '../signatures/load-rule-set.js';
import { loadRuleSet } from '../signatures/load-rule-set.js';
import { matchedText } from '../signatures/match/decoded-views.js';
import { parseArgs, stringFlag, type CommandSpec, type FlagSpec, type ParsedArgs } from './args.js';
import { cliUsage } from './errors.js';

export interface RulesCommandIo {
  out: (s: string) => void;
  err: (s: string) => void;
}

const FLAVOURS: readonly Flavour[] = ['snort2', 'snort3', 'suricata'];

const HELP = `Usage: warden rules <command> [options]

Commands:
  check <files|dirs...>     per rule: accepted / warning / rejected / disabled, and the HTTP acceptance rate
  import <files|dirs...>    check rule files, add them to rules.files of the config, reload a running Warden
  test <files|dirs...> --request <file.http>
                            which rules match a raw HTTP request, and where
  tune [--config FILE] [--benign DIR|FILE ...] [--write [FILE]]
                            per-rule benign hit rate and weight; demote or disable noisy rules

Run 'warden rules <command> --help' for the options of each.
`;

const CHECK_HELP = `Usage: warden rules check <files|dirs...> [--config warden.yaml] [--json] [--summary] [--strict] [--flavour ${FLAVOURS.join('|')}]

Parses rule files (directories: every *.rules file in them and their sub-folders; .tar.gz packs:
their *.rules members) with the importer the proxy uses and reports, per rule, accepted / warning /
rejected / disabled with the reason (rules for other traffic are only counted, as skipped), then each
file's flavour and what it was detected from, the counts, the acceptance rate of HTTP request-side
rules, and how many accepted rules name a CVE. A gid:sid used twice is reported on both rules: the
one that does not load is rejected (WARDEN_SIGNATURES_DUPLICATE_SID: the higher rev wins, on equal
revs the one loaded first: bundled rules, then rules.files in order, a directory or pack in file-name
order, a file top to bottom); a rule reusing a bundled rule's gid:sid with a higher rev replaces it and
is a warning (WARDEN_SIGNATURES_REPLACES_SID). Rules are read as 'serve' with the same config
would load them: a rule aimed at a port Warden does not serve (its listen port, 80, the upstream's
port, and rules.variables.HTTP_PORTS when set) is skipped, and the config's variables and flavour
apply; the summary names the ports.
  --config F   the config 'serve' would run with (default ./warden.yaml when present, else the
               built-in defaults: listen 127.0.0.1:8000, upstream http://127.0.0.1:8080)
  --json       one JSON line per rule: {file,line,gid,sid,rev,status,reason,code,msg,about}
  --summary    only the counts (and the HTTP request-side acceptance rate)
  --strict     exit 1 when any rule is rejected
  --flavour F  force the rule syntax instead of detecting it per file

Exit codes: 0 ok, 1 rejected rules with --strict, 2 usage or I/O error.
`;

const IMPORT_HELP = `Usage: warden rules import <files|dirs|packs...> [--config warden.yaml] [--flavour ${FLAVOURS.join('|')}]
                           [--action alert=block,...] [--strict] [--allow-empty] [--admin HOST:PORT]
                           [--tune-benign DIR|FILE ... [--tune-attack DIR|FILE ...]]

Checks the rule files (same report as 'rules check'), adds them to rules.files of the config with
their flavour (given or detected; block-style YAML, created when missing, comments kept), validates
the edited config, and asks a running Warden to reload (a bad set leaves the old one in force).
  --config F          the config file to edit (default warden.yaml)
  --flavour F         force the rule syntax of these files
  --action A=E,...    map Snort actions of these files to effects (alert=block: alerts block)
  --strict            write nothing when any rule is rejected
  --allow-empty       add a path even when no rule in it would load (else exit 1, nothing written)
  --admin HOST:PORT   the admin listener of a running Warden to reload (POST /reload)
  --tune-benign PATH  then run 'rules tune --write' on this benign traffic (repeatable), with
  --tune-attack PATH  this attack material (repeatable), before the reload: the pack goes live tuned
`;

const TEST_HELP = `Usage: warden rules test <files|dirs...> --request <file.http> [--json] [--expect-match] [--flavour ${FLAVOURS.join('|')}]

Loads the rules and shows which match a raw HTTP request (request line, headers, blank line, body),
in which buffer, at which offset, and in which field.
  --request FILE   the raw request
  --json           one JSON line per hit (SignatureHit + matched bytes + target)
  --expect-match   exit 1 when no rule matches
  --flavour F      force the rule syntax instead of detecting it per file
`;

const flavourFlag: FlagSpec = { kind: 'enum', values: FLAVOURS };

const SUBCOMMANDS: Readonly<Record<string, { help: string; spec: CommandSpec }>> = {
  check: {
    help: CHECK_HELP,
    spec: { name: 'rules check', flags: { config: { kind: 'string' }, json: { kind: 'boolean' }, summary: { kind: 'boolean' }, strict: { kind: 'boolean' }, flavour: flavourFlag } },
  },
  import: {
    help: IMPORT_HELP,
    spec: {
      name: 'rules import',
      flags: {
        config: { kind: 'string' },
        flavour: flavourFlag,
        action: { kind: 'string' },
        strict: { kind: 'boolean' },
        'allow-empty': { kind: 'boolean' },
        admin: { kind: 'hostPort' },
        'tune-benign': { kind: 'string', repeatable: true },
        'tune-attack': { kind: 'string', repeatable: true },
      },
    },
  },
  test: {
    help: TEST_HELP,
    spec: { name: 'rules test', flags: { request: { kind: 'string' }, json: { kind: 'boolean' }, 'expect-match': { kind: 'boolean' }, flavour: flavourFlag } },
  },
};

export async function runRulesCommand(args: string[], io: RulesCommandIo): Promise<number> {
  const [command, ...rest] = args;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.out(HELP);
    return command === undefined ? 2 : 0;
  }
  // tune takes a config, not rule files: its own table and help (rules-tune.ts).
  if (command === 'tune') return (await import('./rules-tune.js')).runRulesTune(rest, io);
  const sub = SUBCOMMANDS[command];
  if (sub === undefined) throw cliUsage('rules', `unknown subcommand "${command}" (check, import, test, tune)`);
  const parsed = parseArgs(rest, sub.spec);
  if (parsed.flags.has('help')) {
    io.out(sub.help);
    return 0;
  }
  const flavour = stringFlag(parsed, 'flavour') as Flavour | undefined;
  if (parsed.positionals.length === 0) throw cliUsage(sub.spec.name, 'give at least one rule file or directory');
  if (command === 'check') return checkRules(parsed, flavour, io);
  if (command === 'test') return testRules(parsed, flavour, io);
  return importRules(parsed, flavour, io);
}

async function checkRules(args: ParsedArgs, flavour: Flavour | undefined, io: RulesCommandIo): Promise<number> {
  // The config serve would run with, so that what is reported is what it would load: the ports it
  // serves decide which rules are skipped (checked against $HTTP_PORTS, 61 rules of the ET Open and Snort 3
  // packs, for Solr's 8983, 7777, 8888, 9090 and others, were accepted here and skipped by serve's
  // defaults), and its variables and flavour are the parser's.
  const configFile = stringFlag(args, 'config') ?? (existsSync('warden.yaml') ? 'warden.yaml' : null);
  let config: WardenConfig;
  try {
    config = await loadConfig(configFile);
  } catch (err) {
    io.err(`rules check: ${(err as Error).message}`);
    return 2;
  }
  const servedPorts = servedPortsOf(config);
  const variables = config.rules.variables;
  const { sources, errors } = await readRuleFiles(args.positionals);
  for (const e of errors) io.err(`${e.code}: ${e.message}`);
  if (sources.length === 0) return 2;
  // Checked against the set these files would join (the bundled rules, the config's files): a reused gid:sid
  // would replace a rule of it (or be dropped) once loaded.
  const loaded = await readLoadedRules(ruleSetInputs(config.rules, BUNDLED_RULES).paths, sources.map((s) => s.file), { variables, servedPorts });
  const configFlavour = config.rules.flavour === 'auto' ? undefined : config.rules.flavour;
  const { report } = importRuleSources(sources, { flavour: flavour ?? configFlavour, loaded, variables, servedPorts }, errors);
  const counts = countStatuses(report.entries);
  if (args.flags.has('json')) {
    for (const entry of report.entries) io.out(JSON.stringify(entry));
  } else if (!args.flags.has('summary')) {
    for (const entry of report.entries) if (entry.status === 'rejected' || entry.status === 'warning') io.out(formatEntry(entry));
  }
  if (!args.flags.has('json') || args.flags.has('summary')) {
    for (const file of report.files) {
      const how = file.flavourForced ? 'forced' : `detected${file.flavourEvidence ? `: ${file.flavourEvidence}` : ''}`;
      io.out(`${file.file}: ${file.statements} statements, flavour ${file.flavour} (${how})${file.directives ? `, declares ${file.directives}` : ''}`);
    }
    const acceptance = measureHttpAcceptance(sources, report.entries);
    io.out(
      `rules: ${report.entries.length} total, ${counts.accepted} accepted, ${counts.warning} accepted with warnings, ` +
        `${counts.rejected} rejected, ${counts.skipped} skipped (not HTTP requests; ${countOutbound(report.entries)} of them outbound, to $EXTERNAL_NET), ${counts.disabled} disabled`,
    );
    // 0 of 0 is no rate: "0/0 accepted (100.00%)" read as a clean bill for a file with no HTTP rule in it (a README, a wrong file).
    io.out(
      acceptance.httpRequestRules === 0
        ? 'HTTP request-side rules: none in these files'
        : `HTTP request-side rules: ${acceptance.accepted}/${acceptance.httpRequestRules} accepted (${(acceptance.rate * 100).toFixed(2)}%)`,
    );
    io.out(formatAboutSummary(report.entries.flatMap((e) => (e.about ? [e.about] : []))));
    io.out(`served ports (rules for others are skipped): ${servedPorts.join(', ')} (listen ${config.listen}, 80, upstream ${config.upstream}${variables.HTTP_PORTS === undefined ? '' : ', rules.variables.HTTP_PORTS'}; ${configFile ?? 'built-in defaults, no ./warden.yaml'})`);
  }
  if (errors.length > 0) return 2;
  return args.flags.has('strict') && counts.rejected > 0 ? 1 : 0;
}

function formatEntry(e: RuleReportEntry): string {
  const id = e.sid === null ? '?' : `${e.gid}:${e.sid}:${e.rev}`;
  return `${e.file}:${e.line} ${id} ${e.status}${e.code ? ` ${e.code}` : ''}: ${e.reason ?? ''}`;
}

async function testRules(args: ParsedArgs, flavour: Flavour | undefined, io: RulesCommandIo): Promise<number> {
  const requestFile = stringFlag(args, 'request');
  if (!requestFile) {
    io.err('rules test: --request <file.http> is required');
    return 2;
  }
  let requestText: string;
  try {
    requestText = await readFile(requestFile, 'latin1');
  } catch (err) {
    io.err(`rules test: cannot read ${requestFile}: ${(err as Error).message}`);
    return 2;
  }
  const raw = parseRawHttpRequest(requestText);
  if (!raw) {
    io.err(`rules test: ${requestFile} does not start with a request line (METHOD target HTTP/x.y)`);
    return 2;
  }
  let loaded: LoadedRuleSet;
  try {
    loaded = await loadRuleSet(args.positionals, { flavour });
  } catch (err) {
    io.err((err as Error).message);
    return 2;
  }
  const counts = countStatuses(loaded.report.entries);
  const inspection = buildInspection(raw);
  const result = loaded.gate.evaluate(inspection);
  const ruleByKey = new Map(loaded.rules.map((r) => [ruleKey(r), r]));
  for (const hit of result.hits) {
    const matched = matchedText(inspection, hit);
    const target = hit.targetIndex >= 0 ? inspection.targets[hit.targetIndex] : null;
    const rule = ruleByKey.get(ruleKey(hit));
    const about = rule ? describeRule(rule) : null;
    if (args.flags.has('json')) {
      io.out(JSON.stringify({ ...hit, matched, target: target ? { location: target.location, name: target.name } : null, about }));
    } else {
      const where = target ? ` in ${target.location} '${target.name}'` : '';
      const cves = about && about.cves.length > 0 ? ` [${about.cves.join(', ')}]` : '';
      const decoded = hit.decoded === undefined ? '' : ` (decoded: ${hit.decoded})`;
      io.out(`${hit.gid}:${hit.sid}:${hit.rev} ${hit.effect} "${hit.msg}"${cves} — ${hit.buffer}@${hit.offset}+${hit.length} ${JSON.stringify(matched.slice(0, 80))}${where}${decoded}`);
    }
  }
  if (!args.flags.has('json')) {
    io.out(`${result.hits.length} hit(s); ${result.candidates} candidate rule(s) evaluated of ${loaded.gate.ruleCount} loaded (${counts.rejected} rejected at import)`);
  }
  return args.flags.has('expect-match') && result.hits.length === 0 ? 1 : 0;
}

/** A raw request file: request line, header lines, blank line, body (CRLF or LF). */
export function parseRawHttpRequest(text: string): RawRequest | null {
  const split = /\r?\n\r?\n/.exec(text);
  const head = split ? text.slice(0, split.index) : text.replace(/\r?\n$/, '');
  let body = split ? text.slice(split.index + split[0].length) : '';
  const [requestLine, ...headerLines] = head.split(/\r?\n/);
  const m = /^([A-Za-z]+) (\S+) HTTP\/(\d\.\d)$/.exec(requestLine.trim());
  if (!m) return null;
  const rawHeaders: string[] = [];
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    rawHeaders.push(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
  }
  const lengthIndex = rawHeaders.findIndex((v, i) => i % 2 === 0 && v.toLowerCase() === 'content-length');
  if (lengthIndex >= 0) body = body.slice(0, Number(rawHeaders[lengthIndex + 1]) || 0);
  return {
    method: m[1].toUpperCase(),
    url: m[2],
    httpVersion: m[3],
    rawHeaders,
    body: Buffer.from(body, 'latin1'),
    bodyTruncated: false,
    source: { ip: '127.0.0.1', port: 0, peerIp: '127.0.0.1' },
  };
}
