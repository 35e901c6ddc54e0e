import type { BenchProcesses } from './child-processes.js';
import { findModSecurity, writeModSecurityConfig } from './modsecurity.js';
import { startNginx, startUpstream } from './nginx.js';
import { assertWardenBuilt, GATES_OFF_CONFIG, startWarden } from './warden-process.js';

export type TargetName = 'upstream' | 'nginx-proxy' | 'warden-off' | 'warden-full' | 'modsec-crs';

export interface Target {
  name: TargetName;
  origin: string;
  description: string;
  /** The server's process group, whose CPU time per request the load bench reads (null: not read). */
  processGroup?: number | null;
}

export interface TargetSet {
  targets: Target[];
  /** Gates Warden reported at start-up, per Warden target. */
  wardenGates: Partial<Record<TargetName, Record<string, string>>>;
  /** Why a requested target is absent (ModSecurity not installed). */
  skipped: Partial<Record<TargetName, string>>;
  anchor: string | null;
  /**
   * Scored by the detection comparison: ModSecurity as run, and a second full-pipeline Warden with
   * reputation off. All requests come from 127.0.0.1, so with reputation on one record's verdict
   * would depend on the attacks replayed before it; `warden eval` scores records independently too.
   */
  detectionTargets: Target[];
}

export const ALL_TARGETS: TargetName[] = ['upstream', 'nginx-proxy', 'warden-off', 'warden-full', 'modsec-crs'];

/** Proxy directives shared by the plain and the ModSecurity NGINX: pooled keep-alive to the upstream, as Warden does. */
function proxyTo(upstreamPort: number): { http: string; server: string } {
  return {
    http: `upstream app { server 127.0.0.1:${upstreamPort}; keepalive 64; }`,
    server: `location / { proxy_pass http://app; proxy_http_version 1.1; proxy_set_header Connection ""; proxy_set_header Host $host; }`,
  };
}

/**
 * Starts the upstream and every wanted target on 127.0.0.1, each in its own directory under one temp
 * dir. All processes belong to `processes`, which stops them however the bench ends.
 */
export async function startTargets(processes: BenchProcesses, wanted: TargetName[], options: { detection: boolean }): Promise<TargetSet> {
  const { dir: dirFor } = processes.scratch('warden-bench-');

  const upstream = await startUpstream(processes, dirFor('upstream'));
  const set: TargetSet = { targets: [], wardenGates: {}, skipped: {}, anchor: null, detectionTargets: [] };
  const proxy = proxyTo(upstream.port);

  for (const name of wanted) {
    if (name === 'upstream') {
      set.targets.push({ name, origin: upstream.origin, description: 'NGINX upstream answering directly (return 200)', processGroup: upstream.processGroup });
    } else if (name === 'nginx-proxy') {
      const nginx = await startNginx(processes, { dir: dirFor(name), http: proxy.http, server: proxy.server });
      set.targets.push({ name, origin: nginx.origin, description: 'plain NGINX reverse proxy', processGroup: nginx.processGroup });
    } else if (name === 'warden-off' || name === 'warden-full') {
      assertWardenBuilt();
      const config = name === 'warden-off' ? GATES_OFF_CONFIG : {};
      const warden = await startWarden(processes, { name, dir: dirFor(name), upstream: upstream.origin, config });
      set.wardenGates[name] = warden.gates;
      if (name === 'warden-full' && options.detection) {
        const twin = await startWarden(processes, {
          name: 'warden-detect',
          dir: dirFor('warden-detect'),
          upstream: upstream.origin,
          config: { reputation: { enabled: false } },
        });
        set.detectionTargets.push({ name, origin: twin.origin, description: 'Warden, full pipeline, reputation off (records scored independently)' });
      }
      set.targets.push({
        name,
        origin: warden.origin,
        description: name === 'warden-off' ? 'Warden, rules and model off' : 'Warden, full pipeline (defaults)',
        processGroup: warden.processGroup,
      });
    } else {
      const install = findModSecurity();
      if ('missing' in install) {
        set.skipped[name] = install.missing;
        continue;
      }
      const dir = dirFor(name);
      const modsec = writeModSecurityConfig(install, dir);
      const nginx = await startNginx(processes, { dir, main: modsec.main, http: `${modsec.http}\n  ${proxy.http}`, server: proxy.server });
      set.anchor = `NGINX + ModSecurity v3 + CRS ${install.crsVersion}, paranoia level 1, blocking (base config: ${install.base})`;
      set.targets.push({ name, origin: nginx.origin, description: 'NGINX + ModSecurity + CRS PL1, blocking', processGroup: nginx.processGroup });
      if (options.detection) set.detectionTargets.push(set.targets[set.targets.length - 1]);
    }
  }
  return set;
}
