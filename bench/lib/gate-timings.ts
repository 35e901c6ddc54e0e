import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { median, percentile, type LoadRun } from './load-result.js';

/** Per-request gate times as the proxy itself measured them (`timingsUs` of each decision-log line). */
export interface GateSample {
  /** Gate 2 (model gate: screen, features, forward pass, aggregation), µs. */
  modelUs: number;
  /** Targets that reached the model (0: the screen let nothing through). */
  screened: number;
  totalUs: number;
  action: string;
}

export interface GateTimeSummary {
  requests: number;
  medianUs: number;
  p99Us: number;
  p999Us: number;
  maxUs: number;
  /** Share of requests with at least one target scored by the model. */
  reachedModel: number;
  /** The same percentiles over only the requests that reached the model. */
  reached: { medianUs: number; p99Us: number; p999Us: number };
  actions: Record<string, number>;
}

export function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/** Verdict lines of a pino decision log written after byte `from` (operational lines are skipped). */
export function readGateSamples(file: string, from: number): GateSample[] {
  const size = fileSize(file);
  if (size <= from) return [];
  const fd = openSync(file, 'r');
  const bytes = Buffer.alloc(size - from);
  try {
    readSync(fd, bytes, 0, bytes.length, from);
  } finally {
    closeSync(fd);
  }
  const samples: GateSample[] = [];
  for (const line of bytes.toString('utf8').split('\n')) {
    if (!line.includes('"event":"verdict"')) continue;
    let entry: { timingsUs?: { model?: number; total?: number }; model?: { screened?: number }; action?: string };
    try {
      entry = JSON.parse(line) as typeof entry;
    } catch {
      continue; // a line cut by the read: the next read starts after it anyway
    }
    // No model time: the model did not run (a block rule settled the verdict, src/pipeline.ts settleEarly); not a gate-2 sample.
    if (entry.timingsUs?.model === undefined) continue;
    samples.push({ modelUs: entry.timingsUs.model, screened: entry.model?.screened ?? 0, totalUs: entry.timingsUs.total ?? 0, action: entry.action ?? '?' });
  }
  return samples;
}

function spread(values: number[]): { medianUs: number; p99Us: number; p999Us: number } {
  const sorted = Float64Array.from(values).sort();
  return { medianUs: percentile(sorted, 0.5), p99Us: percentile(sorted, 0.99), p999Us: percentile(sorted, 0.999) };
}

export function summarizeGateSamples(samples: GateSample[]): GateTimeSummary {
  const all = spread(samples.map((s) => s.modelUs));
  const reached = samples.filter((s) => s.screened > 0);
  const actions: Record<string, number> = {};
  for (const s of samples) actions[s.action] = (actions[s.action] ?? 0) + 1;
  return {
    requests: samples.length,
    ...all,
    maxUs: samples.reduce((m, s) => Math.max(m, s.modelUs), 0),
    reachedModel: samples.length === 0 ? 0 : reached.length / samples.length,
    reached: spread(reached.map((s) => s.modelUs)),
    actions,
  };
}

/** Issue 4's budget for gate 2: p99 per request at 50 connections. */
export const GATE2_P99_TARGET_US = 1000;

export interface Gate2Round {
  load: LoadRun;
  gate: GateTimeSummary;
  loadAverage: number[];
}

const us = (v: number): string => (Number.isFinite(v) ? `${Math.round(v)} µs` : 'n/a');

export function roundLine(load: LoadRun, gate: GateTimeSummary): string {
  return `${Math.round(load.rps)} req/s, gate 2 median ${us(gate.medianUs)} p99 ${us(gate.p99Us)} p99.9 ${us(gate.p999Us)} over ${gate.requests} requests, ${(100 * gate.reachedModel).toFixed(1)} % reached the model`;
}

export interface Gate2Summary {
  medianUs: number;
  p99Us: number;
  p999Us: number;
  reachedModel: number;
  reached: { medianUs: number; p99Us: number; p999Us: number };
  rps: number;
  clientP99Ms: number;
  requests: number;
  meetsTarget: boolean;
}

/** Medians across rounds of each round's figures. */
export function summarizeRounds(rounds: Gate2Round[]): Gate2Summary {
  const m = (f: (r: Gate2Round) => number): number => median(rounds.map(f));
  const p99Us = m((r) => r.gate.p99Us);
  return {
    medianUs: m((r) => r.gate.medianUs),
    p99Us,
    p999Us: m((r) => r.gate.p999Us),
    reachedModel: m((r) => r.gate.reachedModel),
    reached: { medianUs: m((r) => r.gate.reached.medianUs), p99Us: m((r) => r.gate.reached.p99Us), p999Us: m((r) => r.gate.reached.p999Us) },
    rps: m((r) => r.load.rps),
    clientP99Ms: m((r) => r.load.p99Ms),
    requests: rounds.reduce((s, r) => s + r.gate.requests, 0),
    meetsTarget: p99Us <= GATE2_P99_TARGET_US,
  };
}

export function gate2Line(s: Gate2Summary, connections: number): string {
  return (
    `gate 2 (model gate) per request at ${connections} connections: median ${us(s.medianUs)}, p99 ${us(s.p99Us)}, p99.9 ${us(s.p999Us)}; ` +
    `${(100 * s.reachedModel).toFixed(1)} % of requests reached the model (those: median ${us(s.reached.medianUs)}, p99 ${us(s.reached.p99Us)}); ` +
    `load generator ${Math.round(s.rps)} req/s; target p99 ≤ ${GATE2_P99_TARGET_US} µs: ${s.meetsTarget ? 'met' : 'NOT met'}`
  );
}
