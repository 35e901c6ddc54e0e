import { CidrList } from '../net/cidr.js';
import { configInvalid } from './errors.js';
import type { Confidence, Mode, PartialInspectionPolicy, RoutePolicy } from '../decision/types.js';
import { PARTIAL_INSPECTION_DEFAULTS } from '../decision/combine.js';
import type { ExceptionConfig, RouteConfig, RouteMatch, WardenConfig } from './types.js';

/** A route match compiled once at load: prefix compare, one regex, a method set, a BlockList. */
export interface CompiledMatch {
  pathPrefix: string | null;
  pathRegex: RegExp | null;
  methods: ReadonlySet<string> | null;
  sources: CidrList | null;
}

export interface ResolvedPolicy extends RoutePolicy {
  /** `off`: the route is not inspected at all (health checks, static assets an operator chose to trust). */
  skip: boolean;
  /** CPU time and memory one request's inspection may use (inspection.cpuBudgetMs / memoryBudgetMb, or the route's). */
  cpuBudgetMs: number;
  memoryBudgetMb: number;
}

export function compileRouteMatch(match: RouteMatch, path: string): CompiledMatch {
  const sources = match.sourceCidrs && match.sourceCidrs.length > 0 ? new CidrList(match.sourceCidrs, `${path}.match.sourceCidrs`, (at, problem) => configInvalid('config', [`${at}: ${problem}`])) : null;
  return {
    pathPrefix: match.pathPrefix ?? null,
    pathRegex: match.pathRegex ? new RegExp(match.pathRegex) : null,
    methods: match.methods ? new Set(match.methods.map((m) => m.toUpperCase())) : null,
    sources,
  };
}

export function routeMatches(m: CompiledMatch, method: string, path: string, ip: string): boolean {
  if (m.pathPrefix !== null && !path.startsWith(m.pathPrefix)) return false;
  if (m.pathRegex !== null && !m.pathRegex.test(path)) return false;
  if (m.methods !== null && !m.methods.has(method)) return false;
  if (m.sources !== null && !m.sources.contains(ip)) return false;
  return true;
}

/** Resolves the policy for a request from the config's routes (first match wins) and exceptions (all that match add up). */
export class RoutePolicyResolver {
  private readonly routes: { match: CompiledMatch; config: RouteConfig }[];
  private readonly exceptions: { match: CompiledMatch; config: ExceptionConfig }[];
  private readonly base: ResolvedPolicy;

  constructor(config: Pick<WardenConfig, 'mode' | 'routes' | 'exceptions' | 'block' | 'failure' | 'decision'> & Partial<Pick<WardenConfig, 'inspection'>>) {
    this.routes = config.routes.map((r, i) => ({ match: compileRouteMatch(r.match, `routes[${i}]`), config: r }));
    this.exceptions = config.exceptions.map((e, i) => ({ match: compileRouteMatch(e.match, `exceptions[${i}]`), config: e }));
    this.base = Object.freeze({
      mode: config.mode,
      minimumConfidence: config.decision.minimumConfidence,
      blockStatus: config.block.status,
      failClosed: config.failure.gateErrors === 'closed',
      disabledRules: new Set<string>(),
      ignoredTargets: new Set<string>(),
      partial: Object.freeze({ ...PARTIAL_INSPECTION_DEFAULTS, ...config.inspection?.partial }),
      malformedBody: config.inspection?.malformedBody ?? 'inspect-as-text',
      skip: false,
      cpuBudgetMs: config.inspection?.cpuBudgetMs ?? Infinity,
      memoryBudgetMb: config.inspection?.memoryBudgetMb ?? Infinity,
    });
  }

  resolve(method: string, path: string, ip: string): ResolvedPolicy {
    let mode: Mode | 'off' = this.base.mode;
    let minimumConfidence: Confidence = this.base.minimumConfidence;
    let partial: PartialInspectionPolicy | undefined = this.base.partial;
    let malformedBody = this.base.malformedBody;
    let cpuBudgetMs = this.base.cpuBudgetMs;
    let memoryBudgetMb = this.base.memoryBudgetMb;
    let routed = false;
    for (const route of this.routes) {
      if (!routeMatches(route.match, method, path, ip)) continue;
      mode = route.config.mode ?? mode;
      minimumConfidence = route.config.minimumConfidence ?? minimumConfidence;
      malformedBody = route.config.malformedBody ?? malformedBody;
      cpuBudgetMs = route.config.cpuBudgetMs ?? cpuBudgetMs;
      memoryBudgetMb = route.config.memoryBudgetMb ?? memoryBudgetMb;
      if (route.config.partial !== undefined) partial = { ...PARTIAL_INSPECTION_DEFAULTS, ...this.base.partial, ...route.config.partial };
      routed = true;
      break;
    }
    let rules: Set<string> | null = null;
    let targets: Set<string> | null = null;
    for (const exception of this.exceptions) {
      if (!routeMatches(exception.match, method, path, ip)) continue;
      for (const r of exception.config.rules ?? []) (rules ??= new Set()).add(r);
      for (const t of exception.config.targets ?? []) (targets ??= new Set()).add(t);
    }
    // The common case (no route, no exception) shares one frozen object: no allocation per request.
    if (!routed && rules === null && targets === null) return this.base;
    return {
      ...this.base,
      mode: mode === 'off' ? this.base.mode : mode,
      skip: mode === 'off',
      minimumConfidence,
      partial,
      malformedBody,
      cpuBudgetMs,
      memoryBudgetMb,
      disabledRules: rules ?? this.base.disabledRules,
      ignoredTargets: targets ?? this.base.ignoredTargets,
    };
  }
}
