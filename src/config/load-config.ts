import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import { parse as parseYaml } from 'yaml';
import { configSchema } from './schema.js';
import { configFileUnparsable, configFileUnreadable, configInvalid } from './errors.js';
import type { WardenConfig } from './types.js';
import { resolveAccessFiles } from '../access/config.js';
import { resolveSecretPath } from '../access/secret.js';
import { resolveAlertSecretPaths } from '../alerts/header-secrets.js';
import { resolveTlsConfig } from '../tls/config.js';
import { alertsConfigProblems } from '../alerts/config.js';
import { sessionsConfigProblems } from '../sessions/config.js';

const ajv = new Ajv({ allErrors: true, useDefaults: true, strict: false });
(addFormats as unknown as (a: Ajv) => void)(ajv);
const validateConfig = ajv.compile(configSchema);

/** `/body/limit` → `body.limit`, `/routes/0/mode` → `routes[0].mode`: the path an operator reads in their file. */
function keyPath(pointer: string): string {
  if (pointer === '') return '(top level)';
  let out = '';
  for (const part of pointer.slice(1).split('/')) {
    const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
    out += /^[0-9]+$/.test(key) ? `[${key}]` : out === '' ? key : `.${key}`;
  }
  return out;
}

/** What the schema's patterns mean, said the way the README writes the value (a regex is not what an operator reads). */
const PATTERN_MEANING: Readonly<Record<string, string>> = {
  '^(\\[[0-9a-fA-F:.]+\\]|[^:\\s]+):[0-9]{1,5}$': 'HOST:PORT (127.0.0.1:8000, [::1]:8000)',
  '^https?://': 'an http:// or https:// URL',
  '^rediss?://': 'a redis:// or rediss:// URL',
  '^/': 'a path starting with /',
  '^sha256:[0-9a-f]{64}$': 'sha256: and 64 lower-case hex digits (warden keys add writes it)',
  '^[A-Za-z_][A-Za-z0-9_]*$': 'an environment variable name (letters, digits, _)',
};

function describe(e: ErrorObject): string {
  const at = keyPath(e.instancePath);
  switch (e.keyword) {
    case 'additionalProperties': {
      const extra = (e.params as { additionalProperty: string }).additionalProperty;
      return `${at === '(top level)' ? extra : `${at}.${extra}`}: unknown key`;
    }
    case 'enum':
      return `${at}: must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'pattern': {
      const meaning = PATTERN_MEANING[(e.params as { pattern: string }).pattern];
      return meaning === undefined ? `${at}: ${e.message ?? 'is invalid'}` : `${at}: must be ${meaning}`;
    }
    case 'required':
      return `${at}: missing required key "${(e.params as { missingProperty: string }).missingProperty}"`;
    default:
      return `${at}: ${e.message ?? 'is invalid'}`;
  }
}

/**
 * Ajv reports every branch of an `anyOf` that failed plus `must match a schema in anyOf`: for
 * `rules.files[0]: { path, actions: { alert: explode } }` also `rules.files[0]: must be string`, a
 * branch the operator never meant. A branch that failed only because the value is not its kind
 * (`type`, `const` at the key itself) is dropped when another branch got further; when none did, the
 * key gets one line naming the kinds it may be (`admin.token: must be null or object`).
 */
function describeAll(errors: readonly ErrorObject[]): string[] {
  const dropped = new Set<ErrorObject>();
  const merged = new Map<ErrorObject, string>();
  const under = (e: ErrorObject, at: string): boolean => e.instancePath === at || e.instancePath.startsWith(`${at}/`);
  // Innermost first: a nested anyOf whose every branch is the wrong kind counts as a kind mismatch of its parent's branch.
  const alternatives = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').sort((a, b) => b.schemaPath.length - a.schemaPath.length);
  for (const alt of alternatives) {
    const prefix = `${alt.schemaPath}/`;
    const branches = new Map<string, ErrorObject[]>();
    for (const e of errors) {
      // The schema path of an array's items is the same for every item: the instance path tells them apart.
      if (!e.schemaPath.startsWith(prefix) || !under(e, alt.instancePath)) continue;
      const branch = e.schemaPath.slice(prefix.length).split('/')[0];
      branches.set(branch, [...(branches.get(branch) ?? []), e]);
    }
    const wrongKind = (e: ErrorObject): boolean => e.instancePath === alt.instancePath && (e.keyword === 'type' || e.keyword === 'const' || merged.has(e));
    const mismatched = [...branches.values()].filter((b) => b.every(wrongKind));
    if (branches.size === 0) continue; // nothing to tell the branches apart by: keep ajv's own line
    if (mismatched.length === branches.size) {
      const kinds = mismatched.flat().flatMap((e) => {
        if (e.keyword === 'const') return [JSON.stringify((e.params as { allowedValue: unknown }).allowedValue)];
        if (e.keyword === 'type') return [String((e.params as { type: unknown }).type)];
        return [];
      });
      for (const e of mismatched.flat()) {
        dropped.add(e);
        merged.delete(e);
      }
      merged.set(alt, `${keyPath(alt.instancePath)}: must be ${[...new Set(kinds)].join(' or ')}`);
      continue;
    }
    for (const b of mismatched) for (const e of b) dropped.add(e);
    dropped.add(alt);
  }
  return errors.filter((e) => !dropped.has(e)).map((e) => merged.get(e) ?? describe(e));
}

/** Validates a config object (defaults filled in place); throws WARDEN_CONFIG_INVALID listing every bad key. */
export function validateWardenConfig(raw: unknown, source = 'config'): WardenConfig {
  const candidate = raw ?? {};
  if (!validateConfig(candidate)) {
    // An `if`/`then` schema (alert sinks and rules by type) also reports `must match "then" schema`
    // at the parent; the failing key's own error says what is wrong.
    const problems = [...new Set(describeAll((validateConfig.errors ?? []).filter((e) => e.keyword !== 'if')))];
    throw configInvalid(source, problems);
  }
  const config = candidate as unknown as WardenConfig;
  const problems = [...alertsConfigProblems(config.alerts), ...sessionsConfigProblems(config.sessions)];
  if (problems.length > 0) throw configInvalid(source, problems);
  return config;
}

export async function readConfigFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw configFileUnreadable(file, (err as Error).message);
  }
  try {
    return parseYaml(text) ?? {};
  } catch (err) {
    throw configFileUnparsable(file, (err as Error).message);
  }
}

/** Loads the file (if any), then applies CLI overrides on top, then validates the result. */
export async function loadConfig(file: string | null, overrides: Record<string, unknown> = {}): Promise<WardenConfig> {
  const base = file === null ? {} : await readConfigFile(file);
  if (typeof base !== 'object' || base === null || Array.isArray(base)) {
    throw configInvalid(file ?? 'config', ['(top level): must be a mapping of keys to values']);
  }
  const validated = validateWardenConfig({ ...(base as Record<string, unknown>), ...overrides }, file ?? 'defaults');
  // Paths in a config file are relative to that file, not to wherever Warden was started from.
  const baseDir = file === null ? process.cwd() : dirname(resolve(file));
  const config = resolveTlsConfig(validated, baseDir, file ?? 'defaults');
  if (config.schema !== null && config.schema.baseDir === undefined) config.schema.baseDir = baseDir;
  config.rules.files = config.rules.files.map((f) => (typeof f === 'string' ? resolve(baseDir, f) : { ...f, path: resolve(baseDir, f.path) }));
  if (config.model.path !== '') config.model.path = resolve(baseDir, config.model.path);
  if (config.rules.tuning !== '') config.rules.tuning = resolve(baseDir, config.rules.tuning);
  config.access = resolveAccessFiles(config.access, baseDir);
  config.admin.token = resolveSecretPath(config.admin.token, baseDir);
  if (config.sessions !== null) config.sessions.hashKey = resolveSecretPath(config.sessions.hashKey, baseDir);
  config.alerts = resolveAlertSecretPaths(config.alerts, baseDir);
  config.model.store = resolve(baseDir, config.model.store);
  return config;
}

export function parseHostPort(value: string): { host: string; port: number } {
  const idx = value.lastIndexOf(':');
  const host = value.slice(0, idx).replace(/^\[|\]$/g, '');
  return { host, port: Number(value.slice(idx + 1)) };
}
