import type { Mode, Verdict } from '../decision/types.js';
import type { SessionAction } from './config.js';
import type { SessionCheck } from './session-guard.js';

/** The reason code of every session-fixation refusal and log line. */
export const UNISSUED_SESSION = 'unissued-session-id';

const MESSAGE = 'session id the upstream never issued (session fixation)';

/** Reasons one line names at most: a header stuffed with hundreds of ids makes one line, not a megabyte. */
const SHOWN = 10;

function reasonsOf(check: SessionCheck) {
  return check.unissued.slice(0, SHOWN).map((c) => ({ gate: 'session' as const, ruleId: UNISSUED_SESSION, target: { location: 'cookie' as const, name: c.sentName }, message: MESSAGE }));
}

/**
 * A request refused by `sessions.action: block` as a verdict like any other (decision log, metrics,
 * the block answer with its incident id). No attack evidence and nothing for reputation: a browser
 * holding a session the registry forgot (past its TTL) sends the same request.
 */
export function sessionVerdict(check: SessionCheck, incidentId: string, mode: Mode, status: number, elapsedUs: number): Verdict {
  return {
    action: 'block',
    status,
    confidence: 'high',
    score: 0,
    incidentId,
    mode,
    reasons: reasonsOf(check),
    explain: { decidedBy: 'session', unissued: check.unissued.length, digestTags: check.tags.slice(0, SHOWN).join(',') },
    timings: { session: elapsedUs, total: elapsedUs },
  };
}

/**
 * The decision-log line of a stripped or detected unissued id: which cookie, the digest tags (the
 * same planted id shows the same tag on every victim it was planted on), never the id itself.
 */
export function sessionIncidentFields(
  check: SessionCheck,
  action: Exclude<SessionAction, 'block'>,
  incidentId: string,
  source: { ip: string; peer?: string },
  request: { method: string; host: string | undefined; path: string },
): Record<string, unknown> {
  return {
    event: 'session-unissued',
    incidentId,
    action,
    reasons: reasonsOf(check),
    unissued: check.unissued.length,
    digestTags: check.tags.slice(0, SHOWN),
    source,
    request,
    outcome: action === 'strip' ? 'cookie removed from the forwarded request: the upstream issues a new session' : 'forwarded unchanged (sessions.action: detect)',
  };
}
