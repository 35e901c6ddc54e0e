/**
 * Runs the per-gate micro-benchmarks that exist (bench/normalizer.ts, signatures.ts, model.ts,
 * schema.ts), each printing median and p99 per operation.
 *   npx tsx bench/micro.ts [--smoke] [name ...]
 * --smoke: a fraction of a second per task (for CI: checks they run, not how fast). Exit 1 if any failed.
 */
import { runMicroBenches } from './lib/micro-runner.js';

const args = process.argv.slice(2);
const smoke = args.includes('--smoke');
const only = args.filter((a) => !a.startsWith('--'));
const outcomes = await runMicroBenches({ smoke, ...(only.length > 0 ? { only } : {}) });
process.exitCode = outcomes.some((o) => o.status === 'failed' || o.status === 'timed out') ? 1 : 0;
