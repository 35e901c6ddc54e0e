import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { isMap, isSeq, parseDocument } from 'yaml';
import { request } from 'undici';
import { loadRuleSet } from '../signatures/load-rule-set.js';
import { countStatuses } from '../signatures/report.js';
import type { Flavour } from '../signatures/rule.js';
import { validateWardenConfig } from '../config/load-config.js';
import { stringFlag, type ParsedArgs } from './args.js';

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

/**
 * `warden rules import FILE... --config warden.yaml [--flavour X] [--action alert=block] [--admin H:P]`:
 * checks the files with the importer, then adds them to `rules.files` of the config (comments and
 * layout kept), validates the result, and asks a running Warden to reload. Nothing is written when a
 * file cannot be read or, with --strict, when any rule is rejected.
 */
export async function importRules(args: ParsedArgs, flavour: Flavour | undefined, io: Io): Promise<number> {
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
    actions[action] = effect;
  }

  // Same importer as the proxy: what is reported here is what the running set will hold.
  const { gate, report } = await loadRuleSet(files, { flavour, strict: args.flags.has('strict') });
  const counts = countStatuses(report.entries);
  io.out(`${files.length} file(s): ${gate.ruleCount} rules loadable (${counts.accepted} accepted, ${counts.warning} with warnings, ${counts.rejected} rejected, ${counts.disabled} disabled)`);
  for (const e of report.entries.filter((x) => x.status === 'rejected').slice(0, 10)) io.out(`  rejected ${e.file}:${e.line} sid ${e.sid}: ${e.reason ?? ''}`);

  const text = existsSync(configFile) ? await readFile(configFile, 'utf8') : '';
  const doc = parseDocument(text === '' ? '{}' : text);
  if (!isMap(doc.contents)) {
    io.err(`rules import: ${configFile} is not a mapping`);
    return 2;
  }
  const base = dirname(resolve(configFile));
  let list = doc.getIn(['rules', 'files']);
  if (!isSeq(list)) {
    doc.setIn(['rules', 'files'], doc.createNode([]));
    list = doc.getIn(['rules', 'files']);
  }
  const present = new Set(
    (doc.toJS() as { rules?: { files?: (string | { path: string })[] } }).rules?.files?.map((f) => resolve(base, typeof f === 'string' ? f : f.path)) ?? [],
  );
  let added = 0;
  for (const f of files) {
    if (present.has(f)) continue;
    const path = relative(base, f) || f;
    const entry = flavour === undefined && Object.keys(actions).length === 0 ? path : { path, ...(flavour ? { flavour } : {}), ...(Object.keys(actions).length ? { actions } : {}) };
    doc.addIn(['rules', 'files'], doc.createNode(entry));
    added++;
  }
  // The edited config must still be valid before it replaces the old one.
  validateWardenConfig(doc.toJS(), configFile);
  await writeFile(configFile, doc.toString());
  io.out(`${configFile}: ${added} file(s) added to rules.files`);

  const admin = stringFlag(args, 'admin');
  if (admin !== undefined) {
    const res = await request(`http://${admin}/reload`, { method: 'POST' });
    const body = (await res.body.json()) as { ok: boolean; message?: string; reloaded?: Record<string, string> };
    if (!body.ok) {
      io.err(`rules import: the running Warden kept its previous rules: ${body.message ?? res.statusCode}`);
      return 1;
    }
    io.out(`reloaded: ${body.reloaded?.signatures ?? ''}`);
  } else {
    io.out('send SIGHUP to Warden, or POST /reload on its admin listener (or pass --admin HOST:PORT), to load them');
  }
  return 0;
}
