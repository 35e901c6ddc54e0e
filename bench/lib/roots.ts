import { resolve } from 'node:path';

/** A tree an A/B bench loads, named on the command line as `--root LABEL=DIR`. */
export interface BenchRoot {
  label: string;
  dir: string;
}

/** The `--root LABEL=DIR` options of an A/B bench, directories resolved; a spec without a label is refused. */
export function parseRoots(specs: readonly string[] | undefined): BenchRoot[] {
  return (specs ?? []).map((spec) => {
    const eq = spec.indexOf('=');
    if (eq <= 0) throw new Error(`--root must be LABEL=DIR, got ${spec}`);
    return { label: spec.slice(0, eq), dir: resolve(spec.slice(eq + 1)) };
  });
}
