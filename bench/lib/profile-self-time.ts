import { relative } from 'node:path';

/** The parts of a V8 `.cpuprofile` (`node --cpu-prof`) the ranking reads. */
export interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }>;
  samples: number[];
  timeDeltas: number[];
}

export interface SelfTimes {
  /** Self time (µs) per function, `name file:line` (file relative to `root`, node_modules packages as `npm:name`), largest first. */
  rows: Array<[string, number]>;
  /** The same per file. */
  files: Array<[string, number]>;
  /** Every sample's time in the window, idle included. */
  totalUs: number;
}

/**
 * Self time per function over the samples of the profile's last `windowUs` (a load run after start-up, whose
 * compiles would otherwise rank first): each sample's time delta goes to the function on top of its stack.
 */
export function selfTimes(profile: CpuProfile, root: string, windowUs: number): SelfTimes {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const files = new Map<string, number>();
  let end = 0;
  for (const dt of profile.timeDeltas) end += dt;
  const from = end - windowUs;
  let at = 0;
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = profile.timeDeltas[i] ?? 0;
    at += dt;
    if (at < from) continue;
    const node = byId.get(profile.samples[i]);
    if (node === undefined) continue;
    total += dt;
    const f = node.callFrame;
    const path = f.url.startsWith('file://') ? relative(root, decodeURIComponent(f.url.slice(7))) : f.url;
    const file = path.replace(/^.*node_modules\/([^/]+)\/.*$/, 'npm:$1');
    const key = `${f.functionName || '(anonymous)'}${file === '' ? '' : ` ${file}:${f.lineNumber + 1}`}`;
    self.set(key, (self.get(key) ?? 0) + dt);
    const fileKey = file || f.functionName;
    files.set(fileKey, (files.get(fileKey) ?? 0) + dt);
  }
  const sorted = (m: Map<string, number>): Array<[string, number]> => [...m].sort((a, b) => b[1] - a[1]);
  return { rows: sorted(self), files: sorted(files), totalUs: total };
}
