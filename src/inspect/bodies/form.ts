import { walkUrlencodedFields } from '../urlencoded-fields.js';
import type { Steps } from '../work-clock.js';
import type { BodyContext } from './body-context.js';

/** application/x-www-form-urlencoded: one target per field, like the query string. */
export function* parseFormBody(body: Buffer, context: BodyContext): Steps<boolean> {
  const text = body.toString('utf8');
  context.collector.chargeText(text.length);
  yield* walkUrlencodedFields(context.collector, 'body', text);
  return true;
}
