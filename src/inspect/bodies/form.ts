import { walkUrlencodedFields } from '../urlencoded-fields.js';
import type { Steps } from '../work-clock.js';
import type { BodyContext } from './body-context.js';

/** application/x-www-form-urlencoded: one target per field, like the query string. */
export function* parseFormBody(body: Buffer, context: BodyContext): Steps<boolean> {
  yield* walkUrlencodedFields(context.collector, 'body', body.toString('utf8'));
  return true;
}
