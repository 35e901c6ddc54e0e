/**
 * Where the shared rule corpus sits (never copied into the repo): `../shared/signatures-corpus` beside the
 * checkout, or one level further up for a git worktree under a sibling folder. Null when absent: the
 * tests that need it are skipped.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const CANDIDATES = ['../../../shared/signatures-corpus', '../../../../shared/signatures-corpus'].map((p) => fileURLToPath(new URL(p, import.meta.url)));

export const SIGNATURES_CORPUS: string | null = CANDIDATES.find((p) => existsSync(p)) ?? null;

/** The corpus folders and the flavour their rules are written in (see the corpus README). */
export const CORPUS_FLAVOURS = {
  'et-open-snort-2.9': 'snort2',
  'snort2-community': 'snort2',
  'snort3-community': 'snort3',
  'et-open-suricata-5.0': 'suricata',
  'suricata-app-layer-events': 'suricata',
} as const;
