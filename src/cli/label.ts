import { readFile } from 'node:fs/promises';
import { parseArgs, type CliIo, type CommandSpec } from './args.js';
import { RETRAIN_CONTEXT_FLAGS, WEAK_LABEL_FLAGS } from './retrain-flags.js';
import { appendLabels, parseBulkLabels, parseLabel, readLabels, type OperatorLabel } from '../retrain/labels.js';
import { loadTraffic } from '../retrain/traffic-reader.js';
import { describeLabelCounts, labelTraffic } from '../retrain/weak-labels.js';
import { retrainContext, weakLabelOptions, WEAK_LABEL_FLAGS_HELP } from '../retrain/retrain-config.js';
import { WardenError } from '../errors.js';
import { knownIncidents } from '../retrain/incident-lookup.js';
import { incidentUnknown } from '../retrain/errors.js';

const HELP = `Usage: warden label <incidentId> --benign|--attack [--note TEXT]
       warden label --file LABELS [--benign|--attack]
                                                  bulk: NDJSON {"incidentId","label"} or lines "<id> benign|attack";
                                                  with --benign or --attack a line may be a bare id (ids.txt)
       warden label --summary                     operator + weak label counts over the logs, with the rules
Options: [--logs DIR] [--labels FILE] [--config FILE]

Marks logged requests for retraining: --benign for a false positive, --attack for a miss (or to
confirm a block). Labels are appended to <logs>/labels.ndjson (the latest label of an incident wins);
the admin listener accepts the same objects on POST /labels. <logs> defaults to the directory of
logging.traffic.file. An id found neither in the traffic log nor in the decision log (when
logging.decisions is a file) is refused (exit 1, WARDEN_RETRAIN_INCIDENT_UNKNOWN) and nothing is stored.

${WEAK_LABEL_FLAGS_HELP}`;

export const LABEL_FLAGS: CommandSpec = {
  name: 'label',
  maxPositionals: 1,
  flags: {
    benign: { kind: 'boolean' },
    attack: { kind: 'boolean' },
    summary: { kind: 'boolean' },
    note: { kind: 'string' },
    file: { kind: 'string' },
    ...RETRAIN_CONTEXT_FLAGS,
    ...WEAK_LABEL_FLAGS,
  },
};

export async function runLabelCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, LABEL_FLAGS);
  if (args.flags.has('help')) {
    io.out(HELP);
    return 0;
  }
  try {
    const ctx = await retrainContext(args);
    const file = args.flags.get('file');
    if (args.flags.has('summary')) {
      const { lines, summary } = await loadTraffic(ctx.logs, ctx.redaction);
      const { counts } = labelTraffic(lines, await readLabels(ctx.labelsFile), weakLabelOptions(args));
      io.out(`${summary.lines} requests in ${summary.files} file${summary.files === 1 ? '' : 's'}${summary.invalid > 0 ? ` (${summary.invalid} invalid lines skipped)` : ''}`);
      for (const l of describeLabelCounts(counts, weakLabelOptions(args))) io.out(l);
      return 0;
    }
    let labels: OperatorLabel[];
    const benign = args.flags.has('benign');
    if (typeof file === 'string') {
      if (benign && args.flags.has('attack')) {
        io.err(`warden label: give at most one of --benign or --attack with --file\n\n${HELP}`);
        return 2;
      }
      const fallback = benign ? 'benign' : args.flags.has('attack') ? 'attack' : undefined;
      labels = parseBulkLabels(await readFile(file, 'utf8'), file, fallback);
    } else {
      const [id] = args.positionals;
      if (id === undefined || benign === args.flags.has('attack')) {
        io.err(`warden label: give an incident id and exactly one of --benign or --attack\n\n${HELP}`);
        return 2;
      }
      const note = args.flags.get('note');
      labels = [parseLabel({ incidentId: id, label: benign ? 'benign' : 'attack', note: typeof note === 'string' ? note : undefined }, 'cli', 'argument')];
    }
    // Every id must name a logged request: a typo would otherwise become a label that matches nothing.
    const { found, searched } = await knownIncidents(labels.map((l) => l.incidentId), ctx.logs, ctx.config.logging.decisions);
    const unknown = [...new Set(labels.filter((l) => !found.has(l.incidentId)).map((l) => l.incidentId))];
    if (unknown.length > 0) {
      throw incidentUnknown(unknown.slice(0, 10).join(', ') + (unknown.length > 10 ? ` and ${unknown.length - 10} more` : ''), searched.length > 0 ? searched.join(', ') : `no log at ${ctx.logs}`);
    }
    await appendLabels(ctx.labelsFile, labels);
    io.out(`labelled ${labels.length} request${labels.length === 1 ? '' : 's'} in ${ctx.labelsFile}`);
    return 0;
  } catch (err) {
    if (err instanceof WardenError) {
      io.err(`warden label: ${err.code}: ${err.message}`);
      return 1;
    }
    throw err;
  }
}
