/**
 * What the retraining commands take from the Warden config: where the traffic log lives (labels sit
 * beside it) and the redaction policy every log line is passed through again before it reaches a model
 * file or a report.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { loadConfig } from '../config/load-config.js';
import type { WardenConfig } from '../config/types.js';
import type { RedactionPolicy } from '../log/redact.js';
import type { ParsedArgs } from '../cli/args.js';
import { stringFlag } from '../cli/args.js';
import { LABELS_FILE } from './labels.js';
import type { WeakLabelOptions } from './weak-labels.js';
import { labelInvalid } from './errors.js';

export interface RetrainContext {
  config: WardenConfig;
  logs: string;
  labelsFile: string;
  redaction: RedactionPolicy;
}

export function redactionOf(config: WardenConfig): RedactionPolicy {
  return {
    headers: new Set(config.logging.traffic.redactHeaders.map((h) => h.toLowerCase())),
    fields: config.logging.traffic.redactFields.map((f) => f.toLowerCase()),
  };
}

/**
 * `--config` (default `./warden.yaml` when present, as for `warden serve`), `--models` (default
 * `model.store`), `--logs` (default: the traffic log's directory) and `--labels` (default:
 * `<logs>/labels.ndjson`). The config is read whole: the traffic log, redaction and decision log
 * settings are the proxy's own.
 */
export async function retrainContext(args: ParsedArgs, logsPositional?: string): Promise<RetrainContext> {
  const config = await loadConfig(stringFlag(args, 'config') ?? (existsSync('warden.yaml') ? 'warden.yaml' : null));
  const models = stringFlag(args, 'models');
  if (models !== undefined) config.model.store = resolve(models);
  const logs = logsPositional ?? stringFlag(args, 'logs') ?? dirname(config.logging.traffic.file);
  const labelsFile = stringFlag(args, 'labels') ?? join(logs.endsWith('.ndjson') ? dirname(logs) : logs, LABELS_FILE);
  return { config, logs, labelsFile, redaction: redactionOf(config) };
}

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `500ms`, `30s`, `15m`, `24h`, `7d`, or plain milliseconds. */
export function parseDuration(text: string, flag: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)?$/.exec(text.trim());
  if (m === null) throw labelInvalid(`--${flag}`, `expected a duration like 30s, 15m, 24h, got "${text}"`);
  return Number(m[1]) * UNITS[m[2] ?? 'ms'];
}

function count(args: ParsedArgs, flag: string): number | undefined {
  const v = stringFlag(args, flag);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw labelInvalid(`--${flag}`, `expected a non-negative integer, got "${v}"`);
  return n;
}

export const WEAK_LABEL_FLAGS_HELP = `Weak labels (for requests no operator labelled):
  --bad-source-flagged N   blocked/monitored requests that give a source bad reputation (default 2)
  --min-clean-requests N   requests a source needs before its clean passes count as benign (default 20)
  --min-clean-span D       time those requests must span, e.g. 24h (default 24h)
  --max-per-source N       weak labels of each kind one source may contribute (default 50)`;

export function weakLabelOptions(args: ParsedArgs): Partial<WeakLabelOptions> {
  const out: Partial<WeakLabelOptions> = {};
  const bad = count(args, 'bad-source-flagged');
  if (bad !== undefined) out.badSourceFlagged = bad;
  const req = count(args, 'min-clean-requests');
  if (req !== undefined) out.minCleanRequests = req;
  const span = stringFlag(args, 'min-clean-span');
  if (span !== undefined) out.minCleanSpanMs = parseDuration(span, 'min-clean-span');
  const cap = count(args, 'max-per-source');
  if (cap !== undefined) out.maxPerSource = cap;
  return out;
}
