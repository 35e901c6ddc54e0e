import type { TargetLocation } from '../inspect/types.js';

export type Confidence = 'none' | 'low' | 'medium' | 'high' | 'critical';
export const CONFIDENCE_ORDER: readonly Confidence[] = ['none', 'low', 'medium', 'high', 'critical'];

export type GateName = 'inspect' | 'signatures' | 'model' | 'reputation' | 'schema' | 'policy';

export interface Reason {
  gate: GateName;
  /** `gid:sid` for signatures, a code for inspect/schema/policy. */
  ruleId?: string;
  score?: number;
  target?: { location: TargetLocation; name: string };
  message: string;
}

export type Mode = 'prevent' | 'detect';

export interface Verdict {
  /** `monitor`: the request would have been blocked but the route is in detect mode, so it was forwarded. */
  action: 'allow' | 'block' | 'monitor';
  /** Status the client gets when blocked. */
  status: number;
  confidence: Confidence;
  /** Combined attack score in [0,1] that the confidence was read from. */
  score: number;
  incidentId: string;
  mode: Mode;
  reasons: Reason[];
  /** The arithmetic behind the score, for the decision log. */
  explain: Record<string, number | string>;
  /** Microseconds per stage. */
  timings: Partial<Record<GateName | 'total', number>>;
}
