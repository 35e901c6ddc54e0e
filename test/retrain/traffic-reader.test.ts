import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTraffic, trafficFiles } from '../../src/retrain/traffic-reader.js';
import { knownIncidents } from '../../src/retrain/incident-lookup.js';
import { trafficLine, writeDecisionLog } from './traffic-fixtures.js';

const POLICY = { headers: new Set<string>(), fields: [] };

/** logs/ as a user gets it with `logging.decisions: logs/decisions.ndjson` and the traffic log on: both files side by side. */
async function logsWithDecisionLog(): Promise<{ dir: string; decisions: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'reader-'));
  writeFileSync(join(dir, 'traffic.ndjson'), [trafficLine({ id: 'tr00000001' }), trafficLine({ id: 'tr00000002', action: 'block', reasons: ['model'] })].map((l) => JSON.stringify(l)).join('\n') + '\n');
  const decisions = join(dir, 'decisions.ndjson');
  await writeDecisionLog(decisions, ['dl00000042']);
  return { dir, decisions };
}

describe('traffic log reader', () => {
  it('does not read the decision log beside the traffic log in logs/ as traffic (label --summary saw "in 2 files (N invalid lines skipped)")', async () => {
    const { dir } = await logsWithDecisionLog();
    expect(await trafficFiles(dir)).toEqual([join(dir, 'traffic.ndjson')]);
    const { lines, summary } = await loadTraffic(dir, POLICY);
    expect(lines.map((l) => l.id)).toEqual(['tr00000001', 'tr00000002']);
    expect(summary).toMatchObject({ files: 1, lines: 2, invalid: 0 });
  });

  it('leaves a rotated decision log out too, and still counts a broken traffic line as invalid', async () => {
    const { dir, decisions } = await logsWithDecisionLog();
    writeFileSync(join(dir, 'decisions.20261206T204208000Z.ndjson'), readFileSync(decisions));
    writeFileSync(join(dir, 'traffic.20261206T204208000Z.ndjson'), JSON.stringify(trafficLine({ id: 'tr00000000' })) + '\n{"id":"tr0000000x","truncat\n');
    const { lines, summary } = await loadTraffic(dir, POLICY);
    expect(lines.map((l) => l.id)).toEqual(['tr00000000', 'tr00000001', 'tr00000002']);
    expect(summary).toMatchObject({ files: 2, lines: 3, invalid: 1 });
  });

  it('finds an incident id of a decision log in logs/ when logging.decisions names another place (a copied logs/ directory)', async () => {
    const { dir } = await logsWithDecisionLog();
    const { found } = await knownIncidents(['dl00000042', 'tr00000002', 'nothere001'], dir, 'stdout');
    expect([...found].sort()).toEqual(['dl00000042', 'tr00000002']);
  });

  it('a missing traffic log names the setting that writes it (the user saw only "not found")', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'reader-')), 'logs');
    await expect(loadTraffic(dir, POLICY)).rejects.toThrow(/traffic log .*logs: not found \(the proxy writes it with logging\.traffic\.enabled: true/);
  });
});
