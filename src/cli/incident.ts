import { existsSync } from 'node:fs';
import { loadConfig } from '../config/load-config.js';
import { findIncidentLines } from '../log/decision-log-reader.js';
import { formatIncident } from '../log/incident-report.js';
import { parseArgs, stringFlag, type CliIo, type CommandSpec } from './args.js';
import { cliUsage, incidentLogUnreadable, incidentNotFound } from './errors.js';

const HELP = `Usage: warden incident <incidentId> [--log FILE] [--config FILE] [--json]

Prints what Warden decided about one request, from the decision log: the action and confidence, the
arithmetic of the score (payload and signature terms, context, reputation, threshold), the reasons
(gate, rule id or score, the field), and the time each gate took. The incident id is what a blocked
client sees (the incidentId of the body and the X-Warden-Incident header).
  --log FILE      the decision log (default: logging.decisions of the config)
  --config FILE   the config whose logging.decisions to read (default ./warden.yaml when present)
  --json          the raw log line(s) instead of the report

Exit codes: 0 found, 1 not in the log (or the log cannot be read), 2 usage error.`;

export const INCIDENT_FLAGS: CommandSpec = {
  name: 'incident',
  maxPositionals: 1,
  flags: { log: { kind: 'string' }, config: { kind: 'string' }, json: { kind: 'boolean' } },
};

/** The shape of newIncidentId: 18 characters of Crockford base32 (lower case). */
const INCIDENT_ID = /^[0-9a-hjkmnp-tv-z]{18}$/;

async function decisionLogFile(configFile: string | undefined): Promise<string> {
  const file = configFile ?? (existsSync('warden.yaml') ? 'warden.yaml' : null);
  const config = await loadConfig(file, { admin: { enabled: false } });
  const destination = config.logging.decisions;
  if (destination === 'stdout') {
    throw cliUsage('incident', `the decision log goes to stdout (logging.decisions of ${file ?? 'the defaults'}); pass --log FILE where it was saved`);
  }
  return destination;
}

export async function runIncidentCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, INCIDENT_FLAGS);
  if (args.flags.has('help')) {
    io.out(HELP);
    return 0;
  }
  const [given] = args.positionals;
  if (given === undefined) throw cliUsage('incident', 'give the incident id (the incidentId a blocked client saw)');
  // Ids are read over the phone: case does not matter.
  const id = given.toLowerCase();
  const log = stringFlag(args, 'log') ?? (await decisionLogFile(stringFlag(args, 'config')));
  let found;
  try {
    found = await findIncidentLines(log, id);
  } catch (err) {
    throw incidentLogUnreadable(log, (err as Error).message);
  }
  if (found.lines.length === 0) {
    const err = incidentNotFound(id, log, found.linesRead);
    io.err(`warden incident: ${err.code}: ${err.message}${INCIDENT_ID.test(id) ? '' : ` ("${given}" is not an incident id: those are 18 characters like 01hq3k5d2m7x9c4b8r)`}`);
    return 1;
  }
  if (args.flags.has('json')) for (const l of found.lines) io.out(l.raw);
  else io.out(formatIncident(id, found.lines.map((l) => l.parsed)));
  return 0;
}
