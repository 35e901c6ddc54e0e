import { createHash } from 'node:crypto';
import type { Inspection } from '../inspect/types.js';

/**
 * What makes two requests "the same attack" for hostility counting: method, raw URL, headers and
 * body. A retried form or a reloaded page repeats them and counts once; a scanner's next payload, or
 * the next guessed credential, does not. Computed only for requests judged as attacks, so it costs
 * nothing on clean traffic.
 */
export function requestDigest(inspection: Pick<Inspection, 'method' | 'rawUrl' | 'headers' | 'body'>): string {
  const hash = createHash('sha256').update(inspection.method).update('\n').update(inspection.rawUrl);
  for (const [name, value] of inspection.headers) hash.update('\n').update(name).update(':').update(value);
  return hash.update('\n\n').update(inspection.body).digest('hex').slice(0, 16);
}
