/**
 * `warden rules tune`: runs the config's rule set over benign traffic and reports, per rule, its benign
 * hits and rate, the weight it carries in the decision, and what tune would change (demote a blocking
 * rule that matched benign traffic, disable a suspicious rule above the rate limit). `--write` stores
 * the proposal as a sidecar (`rules.tuning`) that loads and hot-reloads with the rules.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isMap, isScalar } from 'yaml';
import { loadConfig } from '../config/load-config.js';
import { BUNDLED_RULES } from '../assemble.js';
import { loadRuleSet } from '../signatures/load-rule-set.js';
import { servedPortsOf } from '../signatures/served-ports.js';
import { configuredEffect, ruleSetInputs } from '../signatures/tune/rule-set-inputs.js';
import { measureBenignHits, type BenignRecord } from '../signatures/tune/measure-benign-hits.js';
import { BenignTextSample, EverydayLiterals } from '../signatures/tune/everyday-literals.js';
import { readAttackRecords, readBenignRecords, readBenignTraffic } from '../signatures/tune/benign-records.js';
import { DEFAULT_TUNE_OPTIONS, proposeTuning, tuningFileOf, type RuleTuning } from '../signatures/tune/propose-tuning.js';
import { readTuningFileIfPresent, writeTuningFile, type PinnedRule } from '../signatures/tune/tuning-file.js';
import { tuningNoBenignTraffic } from '../signatures/tune/errors.js';
import { redactionOf } from '../retrain/retrain-config.js';
import type { RuleEffect } from '../signatures/types.js';
import type { Rule } from '../signatures/rule.js';
import { WardenError } from '../errors.js';
import { numberFlag, parseArgs, stringFlag, type CliIo, type CommandSpec, type ParsedArgs } from './args.js';
import { pathForConfig } from '../config/edit-format.js';
import { editConfigDocument } from '../config/config-edit.js';
import { configEditConflict, configEditLocked, configInvalid } from '../config/errors.js';

export const TUNE_HELP = `Usage: warden rules tune [--config FILE] [--benign DIR|FILE ...] [--attack DIR|FILE ...]
                        [--traffic DIR | --no-traffic] [--max-rate R] [--all] [--json] [--write [FILE]]

Runs the config's rule set (bundled + rules.files, with the config's actions and per-rule overrides)
over benign traffic (and attack material) and prints, per rule: benign hits, benign hit rate, attack
hits, the effect and weight it has now, and what tune proposes. A blocking rule that matched any
benign request is demoted to suspicious; a suspicious rule above --max-rate is disabled; every
imported suspicious rule gets a calibrated weight (a smoothed likelihood ratio of its benign and
attack hit rates and its shape, see signatures/README.md): an exploit-shaped rule (a CVE, or an
application path plus a payload) that never fires on benign traffic blocks alone, a rule that fires
on benign traffic never does. Rules pinned by the operator (the sidecar's "pinned" map: an effect,
or a number, the operator's weight) are shown and never changed.

  --config FILE     the Warden config (default ./warden.yaml when present, else the defaults)
  --benign PATH     warden eval records labelled benign: a .ndjson file or a directory of them
                    (npm run datasets -- --out DIR; ../shared/datasets/apache-access-log); repeatable
  --attack PATH     warden eval records labelled attack, to learn weights from (npm run datasets --
                    --out DIR --exploits N writes DIR/exploits/; any attack corpus); repeatable
  --traffic DIR     the traffic log to read (default: logging.traffic.file's directory when
                    logging.traffic.enabled); allowed lines and lines labelled benign count, lines
                    labelled attack never do
  --no-traffic      ignore the traffic log
  --max-rate R      benign hit rate above which a suspicious rule is disabled (default ${DEFAULT_TUNE_OPTIONS.maxSuspiciousRate})
  --all             list every rule, not only those with benign hits or a proposed change
  --json            one JSON object: {benign, rules:[{key,msg,effect,weight,hits,rate,proposed,...}]}
  --write [FILE]    write the proposal as a sidecar (default: rules.tuning, else warden.tune.json
                    beside the config) and set rules.tuning in the config when it is unset;
                    a running Warden applies it on reload (POST /reload or SIGHUP)

Exit codes: 0 ok, 1 the config changed under --write or is being saved (WARDEN_CONFIG_EDIT_CONFLICT,
_LOCKED: not changed), 2 usage or input error (a config --write finds not YAML or not valid: not changed).`;

export const TUNE_FLAGS: CommandSpec = {
  name: 'rules tune',
  maxPositionals: 0,
  flags: {
    config: { kind: 'string' },
    benign: { kind: 'string', repeatable: true },
    attack: { kind: 'string', repeatable: true },
    traffic: { kind: 'string' },
    'no-traffic': { kind: 'boolean' },
    'max-rate': { kind: 'number', min: 0, max: 1 },
    all: { kind: 'boolean' },
    json: { kind: 'boolean' },
    write: { kind: 'string', optionalValue: true },
  },
};

const pct = (rate: number): string => `${(rate * 100).toFixed(rate === 0 ? 0 : 3)} %`;

function formatTuning(t: RuleTuning): string[] {
  const change = t.proposed === t.effect ? t.effect : `${t.effect} → ${t.proposed}`;
  const weight = t.proposedWeight === t.weight ? t.weight.toFixed(2) : `${t.weight.toFixed(2)} → ${t.proposedWeight.toFixed(2)}`;
  const lines = [`  ${t.key.padEnd(12)} ${String(t.hits).padStart(6)}  ${pct(t.rate).padStart(9)}  ${String(t.attackHits).padStart(6)}  ${change.padEnd(24)} ${weight.padEnd(12)} ${t.msg}${t.pinned ? '  [pinned]' : ''}${t.blocksAlone && t.proposed === 'suspicious' ? '  [blocks alone]' : ''}`];
  if (t.hits > 0) {
    lines.push(`      ${Object.entries(t.bySource).sort((a, b) => b[1] - a[1]).map(([s, n]) => `${s} ${n}`).join(', ')}`);
    for (const e of t.examples) lines.push(`      e.g. ${e.id} ${e.field} = ${JSON.stringify(e.value)}${e.matched === '' ? '' : `  matched ${JSON.stringify(e.matched)}`}`);
  }
  if (t.proposed !== t.effect) lines.push(`      ${t.reason}`);
  if (t.weightSource !== '') lines.push(`      weight from ${t.weightSource}`);
  return lines;
}

/**
 * Sets rules.tuning in a YAML/JSON config, comments and layout kept, through the editors' one path
 * (config-edit.ts): a file broken since tune loaded it, or a config that is not valid with the edit, is
 * refused with nothing written, as is a save over another editor's.
 */
export async function pointConfigAt(configFile: string, sidecar: string): Promise<void> {
  await editConfigDocument(configFile, (doc) => {
    const rules = doc.get('rules', true);
    if (rules === undefined || (isScalar(rules) && rules.value === null)) doc.set('rules', doc.createNode({}));
    const node = doc.get('rules', true);
    if (!isMap(node)) throw configInvalid(configFile, ['rules: must be a mapping (rules.tuning is set inside it)']);
    node.set('tuning', pathForConfig(dirname(resolve(configFile)), sidecar));
  });
}

export async function runRulesTune(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, TUNE_FLAGS);
  if (args.flags.has('help')) {
    io.out(TUNE_HELP);
    return 0;
  }
  const maxRate = numberFlag(args, 'max-rate', DEFAULT_TUNE_OPTIONS.maxSuspiciousRate);
  try {
    return await tune(args, maxRate, io);
  } catch (err) {
    // A user's mistake (bad config, unreadable benign file, bad sidecar) is a precise line, not a stack.
    if (!(err instanceof WardenError)) throw err;
    io.err(`rules tune: ${err.code}: ${err.message}`);
    return exitCodeOf(err);
  }
}

/** Another editor's save (or its lock) is not the operator's mistake: exit 1, as keys and rules import; the rest are input errors, 2. */
const exitCodeOf = (err: WardenError): number => (configEditConflict.is(err) || configEditLocked.is(err) ? 1 : 2);

async function tune(args: ParsedArgs, maxRate: number, io: CliIo): Promise<number> {
  const configFile = stringFlag(args, 'config') ?? (existsSync('warden.yaml') ? 'warden.yaml' : null);
  // The config as the proxy will read it, no override: tune never starts the admin API, but a config
  // `config check` refuses (a bad admin section included) is reported here, before anything is measured
  // or a sidecar written, not after the measurement when --write edits it. (An override of `logging`
  // would also replace logging.traffic, the traffic log read by default, and its redaction policy.)
  const config = await loadConfig(configFile);

  // Measured without the sidecar's proposals (a rule tune disabled last time is measured again),
  // with the operator's per-file overrides and pins.
  const existing = config.rules.tuning === '' ? null : await readTuningFileIfPresent(config.rules.tuning);
  const pinned: Record<string, PinnedRule> = existing?.pinned ?? {};
  const { paths, files } = ruleSetInputs(config.rules, BUNDLED_RULES);
  if (paths.length === 0) {
    io.err('rules tune: the config loads no rules (rules.bundled is false and rules.files is empty)');
    return 2;
  }
  const { gate, rules } = await loadRuleSet(paths, {
    files,
    actions: config.rules.actions,
    flavour: config.rules.flavour === 'auto' ? undefined : config.rules.flavour,
    variables: config.rules.variables,
    // The rules serve loads: without the ports it serves, $HTTP_PORTS let in rules serve skips (55 more of
    // the ET Open and Snort 3 packs with the default listen and upstream), measured and written for nothing.
    servedPorts: servedPortsOf(config),
  });

  const benignPaths = (args.all.get('benign') ?? []).map((p) => resolve(p));
  const trafficDir = args.flags.has('no-traffic')
    ? null
    : (stringFlag(args, 'traffic') ?? (config.logging.traffic.enabled ? dirname(resolve(config.logging.traffic.file)) : null));
  const useTraffic = trafficDir !== null && existsSync(trafficDir);
  if (benignPaths.length === 0 && !useTraffic) throw tuningNoBenignTraffic();
  const skipped = { attack: 0 };
  const redaction = redactionOf(config);
  async function* benign(): AsyncGenerator<BenignRecord> {
    yield* readBenignRecords(benignPaths, skipped);
    if (useTraffic && trafficDir !== null) yield* readBenignTraffic(trafficDir, redaction, skipped);
  }
  const sample = new BenignTextSample();
  const measured = await measureBenignHits(gate, benign(), sample);
  if (measured.requests === 0) throw tuningNoBenignTraffic();
  const attackPaths = (args.all.get('attack') ?? []).map((p) => resolve(p));
  const skippedBenign = { benign: 0 };
  const attack = attackPaths.length === 0 ? null : await measureBenignHits(gate, readAttackRecords(attackPaths, skippedBenign));

  const effectOf = (rule: Rule): RuleEffect => {
    const e = configuredEffect(rule, files, config.rules.actions);
    return e === 'disabled' ? 'suspicious' : e;
  };
  const calibrated = (rule: Rule): boolean => rule.fileDirectives.weights === 'calibrated';
  const everyday = new EverydayLiterals(sample.texts);
  const tunings = proposeTuning(rules, effectOf, measured, pinned, { maxSuspiciousRate: maxRate }, { attack, calibrated, everyday: (rule) => everyday.describe(rule) });
  const changed = tunings.filter((t) => t.proposed !== t.effect);
  const weighted = tunings.filter((t) => t.weightSource !== '' && !t.pinned);

  if (args.flags.has('json')) {
    const attackSummary = attack === null ? null : { requests: attack.requests, sources: Object.fromEntries(attack.bySource), skipped: skippedBenign.benign };
    io.out(JSON.stringify({ benign: { requests: measured.requests, sources: Object.fromEntries(measured.bySource), skipped: skipped.attack }, attack: attackSummary, maxRate, rules: tunings }));
  } else {
    const withHits = tunings.filter((t) => t.hits > 0);
    io.out(`benign traffic: ${measured.requests} requests (${[...measured.bySource].map(([s, n]) => `${s} ${n}`).join(', ')})${skipped.attack > 0 ? `; ${skipped.attack} attack or flagged records skipped` : ''}`);
    io.out(
      `rules: ${tunings.length} loaded, ${tunings.length - withHits.length} without a benign hit, ${withHits.length} with hits; ` +
        `tune would disable ${changed.filter((t) => t.proposed === 'disabled').length}, demote ${changed.filter((t) => t.effect === 'block' && t.proposed === 'suspicious').length} (max rate ${maxRate})`,
    );
    if (attack !== null) io.out(`attack material: ${attack.requests} requests (${[...attack.bySource].map(([s, n]) => `${s} ${n}`).join(', ')}); ${tunings.filter((t) => t.attackHits > 0).length} rules matched some`);
    if (weighted.length > 0) {
      io.out(
        `weights: ${weighted.length} imported rules calibrated; ${weighted.filter((t) => t.blocksAlone).length} block alone (exploit-shaped, no benign hit), ` +
          `${weighted.filter((t) => t.hits > 0).length} capped for benign hits, ${weighted.filter((t) => t.proposedWeight < t.weight).length} below their priority's severity`,
      );
    }
    const listed = args.flags.has('all') ? tunings : tunings.filter((t) => t.hits > 0 || t.proposed !== t.effect || t.pinned);
    if (listed.length > 0) {
      io.out(`\n  ${'rule'.padEnd(12)} ${'hits'.padStart(6)}  ${'rate'.padStart(9)}  ${'attack'.padStart(6)}  ${'effect'.padEnd(24)} ${'weight'.padEnd(12)} msg`);
      for (const t of listed) for (const line of formatTuning(t)) io.out(line);
    }
  }

  const write = args.flags.get('write');
  if (write !== undefined) {
    const configDir = configFile === null ? process.cwd() : dirname(resolve(configFile));
    const target = typeof write === 'string' ? resolve(write) : config.rules.tuning !== '' ? config.rules.tuning : join(configDir, 'warden.tune.json');
    const sidecar = tuningFileOf(tunings, measured, pinned, new Date(), attack);
    await writeTuningFile(target, sidecar);
    io.err(`rules tune: wrote ${Object.keys(sidecar.rules).length} override(s) to ${target}`);
    if (configFile === null) io.err('rules tune: no config file: add `rules: { tuning: ... }` to your config to apply it');
    else if (config.rules.tuning !== target) {
      try {
        await pointConfigAt(configFile, target);
      } catch (err) {
        if (!(err instanceof WardenError)) throw err;
        io.err(`rules tune: ${err.code}: ${err.message}`);
        io.err(`rules tune: ${configFile} left unchanged: the sidecar is written but the config does not point at it (rules.tuning)`);
        return exitCodeOf(err);
      }
      io.err(`rules tune: set rules.tuning in ${configFile}; reload a running Warden to apply it`);
    }
  }
  return 0;
}
