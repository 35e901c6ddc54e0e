import type { Inspection, TargetLocation } from '../inspect/types.js';
import type { SignatureResult } from '../signatures/types.js';
import type { ModelResult } from '../model/types.js';
import type { Reputation } from '../reputation/types.js';
import type { SchemaResult } from '../schema/types.js';

export type Confidence = 'none' | 'low' | 'medium' | 'high' | 'critical';
export const CONFIDENCE_ORDER: readonly Confidence[] = ['none', 'low', 'medium', 'high', 'critical'];

export type GateName = 'access' | 'ratelimit' | 'session' | 'inspect' | 'signatures' | 'model' | 'reputation' | 'schema' | 'policy';

export interface Reason {
  gate: GateName;
  /** `gid:sid` for signatures, a code for inspect/schema/policy. */
  ruleId?: string;
  score?: number;
  /** For a signature hit: where its score (weight) came from — a `rules tune` calibration or `priority N`. */
  weightSource?: string;
  /** For a signature hit on a decoded form of the field, not its bytes as sent: the decoding (`base64>gzip`, `json`). */
  decoded?: string;
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

/** Everything the gates said about one request; null where a gate is absent or was skipped. */
export interface GateResults {
  signatures: SignatureResult | null;
  model: ModelResult | null;
  reputation: Reputation | null;
  schema: SchemaResult | null;
  /** Gates that threw; with failOpen their evidence is missing, with failClosed the request is blocked. */
  failures: { gate: GateName; code: string; message: string }[];
}

/** How a request whose inspection a limit cut is judged (config `inspection.partial`, per route). */
export interface PartialInspectionPolicy {
  /** Such a request blocks from this confidence when it is lower than `minimumConfidence`. */
  minimumConfidence: Confidence;
  /** `block`: something past a limit reached no gate as a field (Inspection.limits.uncovered); `judge`: decide on what was seen. */
  uncovered: 'block' | 'judge';
}

/** The policy in force for one request, after per-route config and exceptions are resolved. */
export interface RoutePolicy {
  mode: Mode;
  /** Block only at or above this confidence. */
  minimumConfidence: Confidence;
  blockStatus: number;
  failClosed: boolean;
  /** Rule ids (`gid:sid` or `sid`) and target names the route has exempted. */
  disabledRules: ReadonlySet<string>;
  ignoredTargets: ReadonlySet<string>;
  /** Absent: the defaults of `PARTIAL_INSPECTION_DEFAULTS` (medium, block). */
  partial?: PartialInspectionPolicy;
  /**
   * A body declared JSON, XML or multipart that does not parse as such: `inspect-as-text` (default:
   * judged as one text target, the MALFORMED finding as context) or `refuse` (400 unless evidence blocks it first).
   */
  malformedBody?: 'inspect-as-text' | 'refuse';
}

export interface DecisionMaker {
  decide(inspection: Inspection, results: GateResults, policy: RoutePolicy): Verdict;
}