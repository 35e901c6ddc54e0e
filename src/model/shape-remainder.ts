/**
 * What a value holds outside a shape it opens with or wraps, scored beside the whole (session 33, adv33). A payload
 * appended to a SQL condition or added to a tag manager's snippet is read by the model with the shape around it, and
 * the shape's weight pulls the whole under the block point (datasets/shape-carriers.ts: a condition followed by
 * `UNION SELECT username, password FROM users` 0.00, a gtag snippet with a cookie beacon added 0.001; each payload
 * alone ≥ 0.99). The gate scores this remainder too, the highest score counting: what was scored before is scored
 * as before, so no value scores lower.
 *
 * `remainderOutsideShape(text)`: the text after a SQL condition it opens with (sql-condition.ts), else the text with
 * its tag vendors' elements and statements taken out (tag-snippets.ts); null when the value holds neither shape with
 * something beside it.
 */
import { textAfterSqlCondition } from './sql-condition.js';
import { textAroundSnippetStatements } from './tag-snippets.js';

export function remainderOutsideShape(text: string): string | null {
  return textAfterSqlCondition(text) ?? textAroundSnippetStatements(text);
}
