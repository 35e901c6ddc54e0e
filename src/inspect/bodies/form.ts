import { addUrlencodedFields } from '../urlencoded-fields.js';
import type { BodyContext } from './body-context.js';

/** application/x-www-form-urlencoded: one target per field, like the query string. */
export function parseFormBody(body: Buffer, context: BodyContext): boolean {
  addUrlencodedFields(context.collector, 'body', body.toString('utf8'));
  return true;
}
