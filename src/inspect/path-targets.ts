import { latin1ToUtf8 } from './text/latin1-to-utf8.js';
import type { TargetCollector } from './target-collector.js';

/**
 * The whole path as one target (traversal spans segments: `/..%2f..%2fetc/passwd`) and each segment
 * as `segment[i]` (routes like `/users/{id}` put a payload in one segment). A path of one segment
 * gets only the whole-path target, which says the same thing.
 */
export function addPathTargets(collector: TargetCollector, rawPathLatin1: string): void {
  if (rawPathLatin1.length <= 1) return;
  const path = latin1ToUtf8(rawPathLatin1);
  collector.add('path', 'path', 'value', path);
  const segments = path.split('/');
  let index = 0;
  let nonEmpty = 0;
  for (const segment of segments) if (segment.length > 0) nonEmpty++;
  if (nonEmpty <= 1) return;
  for (const segment of segments) {
    if (segment.length === 0) continue;
    collector.add('path', `segment[${index}]`, 'value', segment);
    index++;
  }
}
