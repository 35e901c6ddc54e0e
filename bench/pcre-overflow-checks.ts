/**
 * Time of one pcre execution on 1 MiB subjects (issue 17, "bounded work"): the overflow checks of
 * Talos/ET rules (one class repeated 200–1000 times) on native RE2, beside ordinary pcres, and the
 * shapes refused at import. Worst of 3 runs per subject, in ms.
 *   npx tsx bench/pcre-overflow-checks.ts
 */
import { compileSafeRegex } from '../src/signatures/safe-regex.js';

const MiB = 1 << 20;
const subjects: Record<string, string> = {
  'a×1MiB': 'a'.repeat(MiB),
  prose: 'Line: "quoted" text (with parens) & <b>tags</b>; more words here.\n'.repeat(17_000).slice(0, MiB),
  'k=v&…': 'instancename=aaaa&x=1;'.repeat(48_000).slice(0, MiB),
  'header 16 KiB': 'x'.repeat(16_384),
};
const patterns: [string, string, string][] = [
  ['ordinary', 'union\\s+select\\s+[a-z]+', 'i'],
  ['ordinary', '<script[^>]*>', 'i'],
  ['overflow check', 'instancename=[^&\\x3b\\r\\n]{513}', 'i'],
  ['overflow check', '^POST[^s]{432}', 'sm'],
  ['overflow check', '\\x3d[^\\x26]{720}', ''],
  ['overflow check', '[0-9a-zA-Z]{200,}', ''],
  ['overflow check', '\\(\\s*(\\x27[^\\x27]{1000}|\\x22[^\\x22]{1000})', 'si'],
  ['overflow check', '[^\\n]{1000}', ''],
  ['refused', '[^\\n]{1075,}', ''],
  ['refused', '(\\s*[a-z]+\\s*){1100}=', 'i'],
  ['refused', '(a|b|c)+[^\\n]{1200}x', 'i'],
];
process.stdout.write(`| kind | pcre | ${Object.keys(subjects).join(' | ')} |\n|---|---|${Object.keys(subjects).map(() => '---:').join('|')}|\n`);
for (const [kind, source, flags] of patterns) {
  let cells: string[];
  try {
    const regex = compileSafeRegex(source, flags);
    cells = Object.values(subjects).map((s) => {
      let worst = 0;
      for (let i = 0; i < 3; i++) {
        const t = performance.now();
        regex.exec(s);
        worst = Math.max(worst, performance.now() - t);
      }
      return worst.toFixed(1);
    });
  } catch (err) {
    cells = Object.keys(subjects).map(() => (err as { code?: string }).code ?? 'error');
  }
  process.stdout.write(`| ${kind} | \`/${source}/${flags}\` | ${cells.join(' | ')} |\n`);
}
