import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { carriedDetection, DOC_END, DOC_START, replaceResultsSection } from '../../bench/lib/benchmarks-doc.js';

// `npm run bench -- --no-detect --write-doc` measures load only: the detection table of the section
// in place must survive it, marked with the run that measured it, and not be wrapped again next time.
const TABLE = '| target | attacks blocked |\n| --- | ---: |\n| warden-full | 36/36 |';

function doc(section: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'warden-benchdoc-'));
  const file = join(dir, 'BENCHMARKS.md');
  writeFileSync(file, `# B\n\nprose before\n${DOC_START}\n${section}\n${DOC_END}\n\nprose after\n`);
  return file;
}

describe('the generated results section of BENCHMARKS.md', () => {
  it('carries a detection table over a load-only run, with the date of the run that measured it, once', () => {
    const file = doc(`- Warden load benchmark, 2026-12-04T22:39:51.066Z\n\n| load |\n\nDetection on the same records (36 attacks, 35 benign), blocked = 403:\n\n${TABLE}`);
    const carried = carriedDetection(file)!;
    expect(carried).toMatch(/^Detection not rerun \(`--no-detect`\): the table of the run of 2026-12-04T22:39:51\.066Z\./);
    expect(carried).toContain(TABLE);
    replaceResultsSection(file, `- Warden load benchmark, 2026-12-05T01:00:00.000Z\n\n| new load |\n\n${carried}`);
    const again = carriedDetection(file)!;
    expect(again).toBe(carried); // the second load-only run keeps the first run's date, not its own
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('prose before');
    expect(text).toContain('prose after');
    expect(text).toContain('| new load |');
    expect(text.match(/Detection not rerun/g)).toHaveLength(1);
  });

  it('carries nothing when the section has no detection table', () => {
    expect(carriedDetection(doc('- Warden load benchmark, 2026-12-04T22:39:51.066Z\n\n| load |'))).toBeNull();
  });
});
