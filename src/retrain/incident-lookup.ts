/**
 * Which incident ids exist: the ids of the traffic log (every logged request) and of the decision log
 * when it is a file (every non-allow verdict, or every request with logAllowed). `warden label` refuses
 * an id found in neither, so a typo never becomes a label that silently matches nothing.
 */
import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { WardenConfig } from '../config/types.js';
import type { RedactionPolicy } from '../log/redact.js';
import { readTraffic } from './traffic-reader.js';

async function decisionLogIds(file: string, wanted: ReadonlySet<string>, found: Set<string>): Promise<void> {
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    // Cheap prefilter before JSON.parse: most lines are about other incidents.
    const at = line.indexOf('"incidentId":"');
    if (at < 0) continue;
    const id = line.slice(at + 14, line.indexOf('"', at + 14));
    if (wanted.has(id)) found.add(id);
  }
}

/** The subset of `ids` present in the traffic log under `logs` or in the decision log file. */
export async function knownIncidents(ids: readonly string[], logs: string, redaction: RedactionPolicy, config: WardenConfig): Promise<{ found: Set<string>; searched: string[] }> {
  const wanted = new Set(ids);
  const found = new Set<string>();
  const searched: string[] = [];
  if (existsSync(logs)) {
    searched.push(logs);
    for await (const l of readTraffic(logs, redaction)) if (wanted.has(l.id)) found.add(l.id);
  }
  const decisions = config.logging.decisions;
  if (found.size < wanted.size && decisions !== 'stdout' && decisions !== 'stderr' && existsSync(decisions)) {
    searched.push(decisions);
    await decisionLogIds(decisions, wanted, found);
  }
  return { found, searched };
}
