import type { ResolvedPolicy } from '../../config/route-policy.js';
import type { Inspection, MessageContext } from '../../inspect/types.js';
import type { RateLimitHit, RateLimitRequest } from '../../ratelimit/rate-limits.js';

/** A message a rate limit refused: over the rule's limit, or the shared store down with `onStoreDown: closed`. */
export interface MessageRefusal {
  hit: RateLimitHit;
  storeDown: boolean;
  retryAfterSeconds: number;
}

/**
 * What a connection's messages are judged in, settled once at its handshake: the handshake's request as
 * context (src/inspect/message-inspection.ts), the route policy it resolved to (mode, exceptions,
 * threshold, budgets; as Envoy keeps a stream's route, a reload applies to connections opened after it),
 * and the handshake's incident id. No message walks the handshake's query, headers or cookies again.
 */
export interface MessageConnection {
  readonly context: MessageContext;
  readonly policy: ResolvedPolicy;
  readonly handshakeId: string;
  /** The handshake as the rate limits read it (rules with `counts: websocketMessages`), with the connection's id. */
  readonly rateLimited: RateLimitRequest & { connection: string };
}

/** The context kept of the handshake's inspection: its fields, not its targets or buffers (they are not needed again). */
export function messageConnection(handshake: Inspection, policy: ResolvedPolicy, rawHeaders: readonly string[]): MessageConnection {
  const { source, method, rawUrl, rawPath, rawQuery, path, httpVersion, headers, headerMap, host } = handshake;
  return {
    context: { source, method, rawUrl, rawPath, rawQuery, path, httpVersion, headers, headerMap, host },
    policy,
    handshakeId: handshake.id,
    rateLimited: { method, url: rawUrl, rawHeaders, ip: source.ip, identity: source.identity, connection: handshake.id },
  };
}
