import type { SchemaPolicy, SchemaRouteOverride } from './config.js';

export interface RoutePolicies {
  base: SchemaPolicy;
  /** Longest prefix first; each already merged onto `base`. */
  routes: { prefix: string; policy: SchemaPolicy }[];
}

export function mergePolicy(base: SchemaPolicy, over: Partial<SchemaPolicy>): SchemaPolicy {
  return {
    mode: over.mode ?? base.mode,
    undeclaredPaths: over.undeclaredPaths ?? base.undeclaredPaths,
    undeclaredQueryParams: over.undeclaredQueryParams ?? base.undeclaredQueryParams,
    maxBodyDepth: over.maxBodyDepth ?? base.maxBodyDepth,
    maxArrayLength: over.maxArrayLength ?? base.maxArrayLength,
    exposeViolations: over.exposeViolations ?? base.exposeViolations,
  };
}

/** Merges every override once at load so a request only compares prefixes. Earlier lists win ties. */
export function buildRoutePolicies(base: SchemaPolicy, ...lists: (readonly SchemaRouteOverride[] | undefined)[]): RoutePolicies {
  const routes: { prefix: string; policy: SchemaPolicy }[] = [];
  for (const list of lists) for (const r of list ?? []) routes.push({ prefix: r.pathPrefix, policy: mergePolicy(base, r) });
  routes.sort((a, b) => b.prefix.length - a.prefix.length);
  return { base: Object.freeze(base), routes };
}

/** `/admin` covers `/admin` and `/admin/x`, not `/administrator`. */
export function policyFor(policies: RoutePolicies, path: string): SchemaPolicy {
  for (const r of policies.routes) {
    if (!path.startsWith(r.prefix)) continue;
    if (path.length === r.prefix.length || r.prefix.endsWith('/') || path.charCodeAt(r.prefix.length) === 47) return r.policy;
  }
  return policies.base;
}
