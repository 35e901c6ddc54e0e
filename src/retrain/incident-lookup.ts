/**
 * Which incident ids exist: the ids of the traffic log (every logged request) and of the decision log
 * when it is a file (every non-allow verdict, or every request with logAllowed). `warden label` and the
 * admin listener's `POST /labels` refuse an id found in neither, so a typo never becomes a label that
 * silently matches nothing.
 */
import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { resolve } from 'node:path';
import { logDirectoryFiles } from './traffic-reader.js';

/** Ids of `"<key>":"<id>"` in each line of `file` (no JSON.parse: a log of 100,000 lines is scanned in a second). */
async function scanIds(file: string, key: string, wanted: ReadonlySet<string>, found: Set<string>): Promise<void> {
  const marker = `"${key}":"`;
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    const at = line.indexOf(marker);
    if (at < 0) continue;
    const start = at + marker.length;
    const id = line.slice(start, line.indexOf('"', start));
    if (wanted.has(id)) found.add(id);
  }
}

/** The subset of `ids` present in the traffic log under `logs` or in the decision log file (`logging.decisions`: a path, `stdout` or `stderr`). */
export async function knownIncidents(ids: readonly string[], logs: string, decisions: string): Promise<{ found: Set<string>; searched: string[] }> {
  const wanted = new Set(ids);
  const found = new Set<string>();
  const searched: string[] = [];
  const decisionLogs: string[] = [];
  if (existsSync(logs)) {
    searched.push(logs);
    const files = await logDirectoryFiles(logs);
    // A traffic log line starts with its id (TrafficLog writes `id` first).
    for (const file of files.traffic) await scanIds(file, 'id', wanted, found);
    decisionLogs.push(...files.decisionLogs);
  }
  // The decision log: `logging.decisions`, and any decision log in the logs directory (a copied logs/).
  if (decisions !== 'stdout' && decisions !== 'stderr' && existsSync(decisions) && !decisionLogs.some((f) => resolve(f) === resolve(decisions))) {
    searched.push(decisions);
    decisionLogs.push(decisions);
  }
  for (const file of decisionLogs) {
    if (found.size === wanted.size) break;
    await scanIds(file, 'incidentId', wanted, found);
  }
  return { found, searched };
}
