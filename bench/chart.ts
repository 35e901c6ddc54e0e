/**
 * Redraws the chart from a results file without re-running the load bench:
 *   npx tsx bench/chart.ts [bench/results/latest.json] [bench/results/latest.svg]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { benchChartSvg, chartCaptions, type ChartSource } from './lib/bench-chart.js';

const input = process.argv[2] ?? new URL('./results/latest.json', import.meta.url).pathname;
const output = process.argv[3] ?? input.replace(/\.json$/, '.svg');
const file = JSON.parse(readFileSync(input, 'utf8')) as ChartSource;
writeFileSync(output, benchChartSvg({ ...chartCaptions(file), scenarios: file.scenarios, targets: file.targets.map((t) => t.name), results: file.results }));
console.log(`wrote ${output}`);

