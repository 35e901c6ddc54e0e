import type { Target } from '../inspect/types.js';
import type { SignatureHit } from '../signatures/types.js';

/** How a target is named in reasons, exceptions and schema locations: `query.id`, `body.user.name`. */
export function targetLabel(target: Pick<Target, 'location' | 'name'>): string {
  return `${target.location}.${target.name}`;
}

/** An exception may name a target bare (`comment`) or with its location (`body.comment`). */
export function isIgnoredTarget(target: Target | undefined, ignored: ReadonlySet<string>): boolean {
  if (target === undefined || ignored.size === 0) return false;
  return ignored.has(target.name) || ignored.has(targetLabel(target));
}

/** Exceptions name rules as `gid:sid` or bare `sid` (gid 1). */
export function isDisabledRule(hit: Pick<SignatureHit, 'gid' | 'sid'>, disabled: ReadonlySet<string>): boolean {
  if (disabled.size === 0) return false;
  return disabled.has(`${hit.gid}:${hit.sid}`) || (hit.gid === 1 && disabled.has(String(hit.sid)));
}
