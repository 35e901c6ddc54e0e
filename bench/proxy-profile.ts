/**
 * Where a loaded proxy spends its CPU: starts a loopback NGINX upstream and one `warden serve` (full
 * pipeline, or gates off with --off) with `--cpu-prof`, drives one bench scenario at it with autocannon
 * (50 connections), stops it, and ranks the profile's self time over the load run by function (file:line) and by
 * file (bench/lib/profile-self-time.ts), as a share of the samples that were not idle.
 *
 *   npx tsx bench/proxy-profile.ts --scenario multipart [--seconds 10] [--off] [--root DIR] [--top 40] [--keep DIR]
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BenchProcesses } from './lib/child-processes.js';
import { runAutocannon } from './lib/autocannon-load.js';
import { startUpstream } from './lib/nginx.js';
import { selfTimes, type CpuProfile } from './lib/profile-self-time.js';
import { buildScenarios } from './lib/scenarios.js';
import { GATES_OFF_CONFIG, REPO_ROOT, startWarden } from './lib/warden-process.js';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scenario: { type: 'string', default: 'multipart' },
      seconds: { type: 'string', default: '10' },
      off: { type: 'boolean', default: false },
      root: { type: 'string' },
      top: { type: 'string', default: '40' },
      keep: { type: 'string' },
    },
  });
  const seconds = Number(values.seconds);
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 120) throw new Error(`--seconds must be in (0, 120], got ${values.seconds}`);
  const root = resolve(values.root ?? REPO_ROOT);
  const scenario = (await buildScenarios()).find((s) => s.name === values.scenario);
  if (scenario === undefined) throw new Error(`unknown scenario ${values.scenario}`);
  const processes = new BenchProcesses();
  const profDir = values.keep !== undefined ? resolve(values.keep) : mkdtempSync(join(tmpdir(), 'warden-prof-'));
  try {
    const { dir } = processes.scratch('warden-prof-');
    const upstream = await startUpstream(processes, dir('upstream'));
    const warden = await startWarden(processes, {
      name: 'warden', dir: dir('warden'), upstream: upstream.origin, root,
      config: values.off ? GATES_OFF_CONFIG : {},
      nodeArgs: ['--cpu-prof', '--cpu-prof-dir', profDir],
    });
    await runAutocannon({ origin: warden.origin, requests: scenario.requests, connections: 50, seconds: 1 });
    const load = loadavg()[0].toFixed(2);
    const run = await runAutocannon({ origin: warden.origin, requests: scenario.requests, connections: 50, seconds });
    process.stdout.write(`${root} ${values.off ? 'gates off' : 'full'} ${scenario.name}: ${run.rps.toFixed(0)} req/s, p50 ${run.p50Ms.toFixed(2)} ms, load average ${load}, statuses ${JSON.stringify(run.statuses)}\n`);
    await processes.stopAll();
  } finally {
    await processes.stopAll();
  }
  const files = readdirSync(profDir).filter((f) => f.endsWith('.cpuprofile'));
  for (const f of files) {
    const profile = JSON.parse(readFileSync(join(profDir, f), 'utf8')) as CpuProfile;
    const { rows, totalUs, files: byFile } = selfTimes(profile, root, (seconds + 0.5) * 1e6);
    const busy = rows.filter(([k]) => !k.startsWith('(idle)')).reduce((s, [, v]) => s + v, 0);
    process.stdout.write(`${f}: ${(totalUs / 1e6).toFixed(1)} s sampled, ${(busy / 1e6).toFixed(1)} s not idle; self time, % of not idle:\n`);
    for (const [k, v] of rows.filter(([k]) => !k.startsWith('(idle)')).slice(0, Number(values.top))) {
      process.stdout.write(`  ${((100 * v) / busy).toFixed(1).padStart(5)} %  ${(v / 1000).toFixed(0).padStart(6)} ms  ${k}\n`);
    }
    process.stdout.write('  by file:\n');
    for (const [k, v] of byFile.filter(([k]) => k !== '(idle)').slice(0, Number(values.top))) {
      process.stdout.write(`  ${((100 * v) / busy).toFixed(1).padStart(5)} %  ${(v / 1000).toFixed(0).padStart(6)} ms  ${k}\n`);
    }
  }
  process.stdout.write(`profiles in ${profDir}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`proxy-profile: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exitCode = 1;
});
