import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { type Document, isMap, isSeq } from 'yaml';
import { loadRuleSet } from '../signatures/load-rule-set.js';
import { readLoadedRules } from '../signatures/loaded-rules.js';
import { ruleSetInputs } from '../signatures/tune/rule-set-inputs.js';
import { BUNDLED_RULES_DIR as BUNDLED_RULES } from '../signatures/bundled-path.js';
import type { ImportReport } from '../signatures/report.js';
import { countOutbound, countStatuses } from '../signatures/report.js';
import type { Flavour } from '../signatures/rule.js';
import { RULE_EFFECTS } from '../signatures/types.js';
import { DEFAULT_ACTION_EFFECTS } from '../signatures/compile/compile-rules.js';
import { ruleImportNothingAccepted } from '../signatures/errors.js';
import { formatAboutSummary } from '../signatures/rule-about.js';
import { servedPortsOf } from '../signatures/served-ports.js';
import { stringFlag, type ParsedArgs } from './args.js';
import { adminToken, postAdmin, workersApplied } from './admin-client.js';
import { cliUsage } from './errors.js';
import { pathForConfig } from '../config/edit-format.js';
import { editConfigDocument, validateConfigDocument } from '../config/config-edit.js';
import { configFileUnparsable, configInvalid } from '../config/errors.js';

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

/** What one path on the command line contributed: its files' flavour and how many rules would load. */
interface PathSummary {
  path: string;
  /** The flavour to record: forced, or the one detected for every file under the path; null when they differ. */
  flavour: Flavour | null;
  loadable: number;
  line: string;
  /** Its first skipped rules with the reason, shown when nothing under the path loads ("1 skipped as not HTTP requests" did not say a port was why). */
  skipped: string[];
}

/**
 * `warden rules import FILE... --config warden.yaml [--flavour X] [--action alert=block] [--allow-empty] [--admin H:P]`:
 * checks the files with the importer, then adds them to `rules.files` of the config with their flavour
 * (given or detected), validates the result, and asks a running Warden to reload. The config is edited
 * through the yaml Document API, so comments and the layout of every other key are kept; the `rules`
 * section is written in block style, which stays valid when a key is appended by hand. Nothing is
 * written when a file cannot be read, when a path holds no rule that would load (unless --allow-empty),
 * or, with --strict, when any rule is rejected.
 */
export async function importRules(args: ParsedArgs, flavour: Flavour | undefined, io: Io): Promise<number> {
  if (args.all.has('tune-attack') && !args.all.has('tune-benign')) throw cliUsage('rules import', '--tune-attack needs --tune-benign');
  const configFile = stringFlag(args, 'config') ?? 'warden.yaml';
  const files = args.positionals.map((p) => resolve(p));
  for (const f of files) {
    if (!existsSync(f)) {
      io.err(`rules import: ${f} does not exist`);
      return 2;
    }
  }
  const actions: Record<string, string> = {};
  for (const spec of (stringFlag(args, 'action') ?? '').split(',').filter((s) => s !== '')) {
    const [action, effect] = spec.split('=');
    if (effect === undefined) {
      io.err(`rules import: --action takes action=effect pairs (alert=block), got "${spec}"`);
      return 2;
    }
    // Checked here, where the flag is named: the config's schema would name rules.files[N] instead.
    if (!Object.hasOwn(DEFAULT_ACTION_EFFECTS, action)) {
      io.err(`rules import: --action: "${action}" is not a rule action (one of ${Object.keys(DEFAULT_ACTION_EFFECTS).join(', ')}), got "${spec}"`);
      return 2;
    }
    if (!RULE_EFFECTS.includes(effect)) {
      io.err(`rules import: --action: the effect must be one of ${RULE_EFFECTS.join(', ')}, got "${spec}"`);
      return 2;
    }
    actions[action] = effect;
  }

  // The editors' one path (config-edit.ts): the config read as a document, the files added, the result
  // validated and saved against the version read (refused if another editor saved meanwhile).
  let edited: { result: { refused: number } | { added: number } };
  try {
    edited = await editConfigDocument(configFile, (doc) => addToRulesFiles(doc, configFile, files, flavour, actions, args, io));
  } catch (err) {
    // A config that is not YAML is input the operator must fix, as a missing rule file: exit 2.
    if (!configFileUnparsable.is(err)) throw err;
    io.err(`rules import: ${err.code}: ${err.message}`);
    return 2;
  }
  if ('refused' in edited.result) return edited.result.refused;
  const { added } = edited.result;
  io.out(`${configFile}: ${added} file(s) added to rules.files`);

  // Tuning as a step of the import: the sidecar is written before the reload, so the pack never runs untuned.
  const tuneBenign = args.all.get('tune-benign') ?? [];
  const tuneAttack = args.all.get('tune-attack') ?? [];
  if (tuneBenign.length > 0) {
    const { runRulesTune } = await import('./rules-tune.js');
    const tuneArgs = ['--config', configFile, '--write', ...tuneBenign.flatMap((p) => ['--benign', p]), ...tuneAttack.flatMap((p) => ['--attack', p])];
    const code = await runRulesTune(tuneArgs, io);
    if (code !== 0) {
      io.err('rules import: tuning failed; the rules are in the config untuned and were not reloaded');
      return code;
    }
  }

  const admin = stringFlag(args, 'admin');
  if (admin !== undefined) {
    const res = await postAdmin(admin, '/reload', await adminToken(configFile));
    const body = res.body as { ok?: boolean; message?: string; reloaded?: Record<string, string> };
    if (body.ok !== true) {
      io.err(`rules import: the running Warden kept its previous rules: ${body.message ?? res.status}`);
      return 1;
    }
    io.out(`reloaded: ${body.reloaded?.signatures ?? ''}${workersApplied(body.reloaded)}`);
  } else {
    io.out('send SIGHUP to Warden, or POST /reload on its admin listener (or pass --admin HOST:PORT), to load them');
  }
  return 0;
}

/**
 * The edit of `rules import`: the files checked with the config's own settings and reported, then added
 * to `rules.files`; `refused` (nothing changed, nothing written) when a path holds no rule that would load.
 */
async function addToRulesFiles(
  doc: Document,
  configFile: string,
  files: string[],
  flavour: Flavour | undefined,
  actions: Record<string, string>,
  args: ParsedArgs,
  io: Io,
): Promise<{ refused: number } | { added: number }> {
  // Same importer and settings as the proxy (the config's variables, the port it serves): what is
  // reported here is what the running set will hold.
  const current = validateConfigDocument(configFile, doc);
  const servedPorts = servedPortsOf(current);
  // The set these files join (bundled rules, files already configured): a gid:sid reused from it is
  // resolved as the proxy will (higher rev, then load order) and reported on the imported rule.
  const joined = ruleSetInputs(current.rules, BUNDLED_RULES).paths.map((p) => resolve(dirname(resolve(configFile)), p));
  const loaded = await readLoadedRules(joined, files, { variables: current.rules.variables, servedPorts });
  const { gate, report } = await loadRuleSet(files, {
    flavour,
    strict: args.flags.has('strict'),
    variables: current.rules.variables,
    servedPorts,
    loaded,
  });
  const counts = countStatuses(report.entries);
  io.out(`${files.length} file(s): ${gate.ruleCount} rules loadable (${counts.accepted} accepted, ${counts.warning} with warnings, ${counts.rejected} rejected, ${counts.skipped} skipped as not HTTP requests, ${counts.disabled} disabled; of the skipped, ${countOutbound(report.entries)} outbound, to $EXTERNAL_NET)`);
  io.out(`  ${formatAboutSummary(report.entries.flatMap((e) => (e.about ? [e.about] : [])))}`);
  const summaries = files.map((f) => summarizePath(f, report, flavour));
  for (const s of summaries) io.out(`  ${s.line}`);
  for (const e of report.entries.filter((x) => x.status === 'rejected').slice(0, 10)) io.out(`  rejected ${e.file}:${e.line} sid ${e.sid ?? '?'}: ${e.reason ?? ''}`);
  for (const e of report.entries.filter((x) => x.code === 'WARDEN_SIGNATURES_REPLACES_SID').slice(0, 10)) io.out(`  replaces ${e.file}:${e.line} sid ${e.sid ?? '?'}: ${e.reason ?? ''}`);

  const empty = summaries.filter((s) => s.loadable === 0);
  if (empty.length > 0 && !args.flags.has('allow-empty')) {
    for (const s of empty) {
      const err = ruleImportNothingAccepted(s.path);
      io.err(`rules import: ${err.code}: ${err.message}`);
      for (const line of s.skipped) io.err(`rules import:   skipped ${line}`);
    }
    io.err(`rules import: ${configFile} left unchanged`);
    return { refused: 1 };
  }

  const base = dirname(resolve(configFile));
  const rules = doc.get('rules', true);
  if (rules === undefined || rules === null) doc.set('rules', doc.createNode({}));
  const rulesNode = doc.get('rules', true);
  if (!isMap(rulesNode)) throw configInvalid(configFile, ['rules: must be a mapping']);
  rulesNode.flow = false;
  if (!isSeq(rulesNode.get('files', true))) rulesNode.set('files', doc.createNode([]));
  const list = rulesNode.get('files', true);
  if (!isSeq(list)) throw new Error('rules.files was just set to a sequence');
  list.flow = false;
  const present = new Set(
    (doc.toJS() as { rules?: { files?: (string | { path: string })[] } }).rules?.files?.map((f) => resolve(base, typeof f === 'string' ? f : f.path)) ?? [],
  );
  let added = 0;
  for (const summary of summaries) {
    if (present.has(summary.path)) {
      io.out(`  ${summary.path}: already in rules.files`);
      continue;
    }
    const path = pathForConfig(base, summary.path);
    const entry = {
      path,
      ...(summary.flavour ? { flavour: summary.flavour } : {}),
      ...(Object.keys(actions).length > 0 ? { actions } : {}),
    };
    const node = doc.createNode(entry);
    node.flow = false;
    list.add(node);
    added++;
  }
  return { added };
}

function summarizePath(path: string, report: ImportReport, forced: Flavour | undefined): PathSummary {
  const under = (file: string): boolean => file === path || file.startsWith(`${path}/`);
  const files = report.files.filter((f) => under(f.file));
  const entries = report.entries.filter((e) => under(e.file));
  const c = countStatuses(entries);
  // A pack with no `*.rules` member (or an empty directory) has no flavour to report, detected or mixed.
  if (files.length === 0) return { path, flavour: null, loadable: 0, line: `${path}: no rule file in it (a pack's *.rules members, a directory's *.rules files); nothing to load`, skipped: [] };
  const flavours = new Set(files.map((f) => f.flavour));
  const flavour = forced ?? (flavours.size === 1 ? [...flavours][0] : null);
  const how = forced
    ? 'given'
    : files.length === 1
      ? `detected${files[0].flavourEvidence ? `: ${files[0].flavourEvidence}` : ', no construct of another flavour'}`
      : flavour
        ? 'detected'
        : `detected per file: ${[...flavours].join(', ')}`;
  // A third-party file that declares Warden's directives changes how its rules read the packet: say so before it joins the set.
  const declared = [...new Set(files.map((f) => f.directives).filter((d) => d !== undefined))];
  return {
    path,
    flavour,
    loadable: c.accepted + c.warning,
    skipped: entries.filter((e) => e.status === 'skipped').slice(0, 3).map((e) => `${e.file}:${e.line} sid ${e.sid ?? '?'}: ${e.reason ?? ''}`),
    line: `${path}: ${files.length === 1 ? '' : `${files.length} files, `}flavour ${flavour ?? 'mixed'} (${how}); ${c.accepted} accepted, ${c.warning} with warnings, ${c.rejected} rejected, ${c.skipped} skipped (${countOutbound(entries)} outbound), ${c.disabled} disabled${declared.length > 0 ? `; declares ${declared.join(' / ')}` : ''}`,
  };
}
