/**
 * Real rule files (../shared/signatures-corpus, never copied into the repo). Skipped when absent.
 * Prints the per-folder figures; `warden rules check <folder> --summary` prints the same ones.
 */
import { describe, expect, it } from 'vitest';
import { readRuleFiles } from '../../src/signatures/read-rule-files.js';
import { importRuleSources } from '../../src/signatures/import-rules.js';
import { measureHttpAcceptance } from '../../src/signatures/http-rule-census.js';
import { countStatuses } from '../../src/signatures/report.js';
import { SIGNATURES_CORPUS } from './corpus-location.js';

const CORPUS = SIGNATURES_CORPUS ?? '';
const present = SIGNATURES_CORPUS !== null;

const FOLDERS: Array<{ folder: string; snortSyntax: boolean }> = [
  { folder: 'et-open-snort-2.9', snortSyntax: true },
  { folder: 'snort2-community', snortSyntax: true },
  { folder: 'snort3-community', snortSyntax: true },
  { folder: 'et-open-suricata-5.0', snortSyntax: false },
  { folder: 'suricata-app-layer-events', snortSyntax: false },
];

describe.skipIf(!present)('signatures corpus', () => {
  let statements = 0;

  it.each(FOLDERS)('parses every rule of $folder without throwing and reports each one', async ({ folder, snortSyntax }) => {
    const { sources, errors } = await readRuleFiles([`${CORPUS}/${folder}`]);
    expect(errors).toEqual([]);
    const { report } = importRuleSources(sources);
    const counts = countStatuses(report.entries);
    const acceptance = measureHttpAcceptance(sources, report.entries);
    statements += report.entries.length;
    console.log(`${folder}: ${JSON.stringify(counts)}; HTTP request-side ${acceptance.accepted}/${acceptance.httpRequestRules} = ${(acceptance.rate * 100).toFixed(2)}%`);
    expect(report.entries.every((e) => e.code !== 'WARDEN_SIGNATURES_INTERNAL')).toBe(true);
    expect(report.entries.every((e) => e.status !== 'rejected' || (e.reason ?? '').length > 0)).toBe(true);
    if (snortSyntax) expect(acceptance.rate).toBeGreaterThanOrEqual(0.99);
  }, 120_000);

  it('saw all 28,738 rules of the corpus', () => {
    expect(statements).toBe(28_738);
  });
});
