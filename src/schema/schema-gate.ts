import { resolve as resolvePath } from 'node:path';
import type { Inspection } from '../inspect/types.js';
import { WardenError } from '../errors.js';
import { compileSpec, type CompiledSpec } from './compile-spec.js';
import { resolveSchemaConfig, type SchemaConfig, type SchemaMode } from './config.js';
import { schemaConfigInvalid } from './errors.js';
import { evaluateRequest } from './evaluate-request.js';
import { buildRoutePolicies, mergePolicy, policyFor, type RoutePolicies } from './policy.js';
import type { SchemaGate, SchemaResult } from './types.js';

/** A document bound to the policy it is enforced with. */
export interface SpecBinding {
  spec: CompiledSpec;
  policies: RoutePolicies;
}

/**
 * Gate 3: picks the document for the request's host, the policy for its path, and evaluates.
 * Immutable once built; hot reload builds a new one and swaps the reference.
 */
export class CompiledSchemaGate implements SchemaGate {
  constructor(
    readonly fallback: SpecBinding | null,
    readonly hosts: ReadonlyMap<string, SpecBinding>,
    private readonly defaultMode: SchemaMode,
  ) {}

  evaluate(inspection: Inspection): SchemaResult {
    const binding = this.bindingFor(inspection.host);
    if (binding === null) return { operation: null, violations: [], mode: this.defaultMode };
    const policy = policyFor(binding.policies, inspection.path);
    const result = evaluateRequest(binding.spec, inspection, policy);
    return { operation: result.operation, violations: result.violations, mode: policy.mode, exposeViolations: policy.exposeViolations };
  }

  /** Every distinct compiled document (for `schema check`, metrics and logs). */
  specs(): CompiledSpec[] {
    const all = new Set<CompiledSpec>();
    if (this.fallback !== null) all.add(this.fallback.spec);
    for (const b of this.hosts.values()) all.add(b.spec);
    return [...all];
  }

  private bindingFor(host: string): SpecBinding | null {
    if (this.hosts.size === 0 || host === '') return this.fallback;
    const lower = host.toLowerCase();
    const exact = this.hosts.get(lower);
    if (exact !== undefined) return exact;
    const colon = lower.lastIndexOf(':');
    if (colon > 0 && !lower.endsWith(']')) return this.hosts.get(lower.slice(0, colon)) ?? this.fallback;
    return this.fallback;
  }
}

/**
 * Reads, resolves and compiles every document the config names; throws a WardenError naming the
 * file, JSON pointer and reason (WARDEN_SCHEMA_*) when any of them fails, so the proxy refuses to start.
 */
export async function loadSchemaGate(partial: Partial<SchemaConfig>): Promise<CompiledSchemaGate> {
  const config = resolveSchemaConfig(partial);
  const baseDir = config.baseDir ?? process.cwd();
  const compiled = new Map<string, Promise<CompiledSpec>>();
  const compile = (file: string, strict: boolean): Promise<CompiledSpec> => {
    const path = resolvePath(baseDir, file);
    const key = `${strict ? 'strict' : 'open'}:${path}`;
    let spec = compiled.get(key);
    if (spec === undefined) compiled.set(key, (spec = compileSpec(path, { strictAdditionalProperties: strict })));
    return spec;
  };
  const globalBase = mergePolicy(config, {});
  const fallback: SpecBinding | null =
    config.spec === undefined
      ? null
      : { spec: await compile(config.spec, config.strictAdditionalProperties), policies: buildRoutePolicies(globalBase, config.routes) };
  const hosts = new Map<string, SpecBinding>();
  for (const [host, hostConfig] of Object.entries(config.hosts)) {
    if (typeof hostConfig.spec !== 'string' || hostConfig.spec === '') throw schemaConfigInvalid(`hosts.${host}.spec is required`);
    const base = mergePolicy(globalBase, hostConfig);
    hosts.set(host.toLowerCase(), {
      spec: await compile(hostConfig.spec, hostConfig.strictAdditionalProperties ?? config.strictAdditionalProperties),
      policies: buildRoutePolicies(base, hostConfig.routes, config.routes),
    });
  }
  return new CompiledSchemaGate(fallback, hosts, config.mode);
}

export interface SchemaReloadOutcome {
  /** The gate to use from now on: the new one, or `previous` when the reload failed. */
  gate: SchemaGate;
  reloaded: boolean;
  /** Why the reload failed (file, pointer, reason in `details`); null on success. */
  error: WardenError | null;
}

/**
 * Hot reload: compiles the changed documents into a new gate. On any load or compile error the
 * previous gate stays in force and the error is returned for a loud log line; never throws.
 */
export async function reloadSchemaGate(previous: SchemaGate, config: Partial<SchemaConfig>): Promise<SchemaReloadOutcome> {
  try {
    return { gate: await loadSchemaGate(config), reloaded: true, error: null };
  } catch (err) {
    const error = err instanceof WardenError ? err : new WardenError('WARDEN_SCHEMA_COMPILE_FAILED', String(err), 500, undefined, { cause: err });
    return { gate: previous, reloaded: false, error };
  }
}
