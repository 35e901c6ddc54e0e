/**
 * An expression over an object's properties in a setting (blind benign set 9's identity/4, an Okta profile mapping,
 * 0.98; set 13's bots/4, a Dialogflow CX route condition, 0.88, read) is a mapping, not an injection; the shapes an SQL,
 * NoSQL or expression-language injection needs keep the text scored.
 */
import { describe, expect, it } from 'vitest';
import { isPropertyExpression } from '../../src/model/property-expression.js';
import { INJECTION_WORDS, mayCarryAttack } from '../../src/model/screen.js';

const expression = (t: string): boolean => isPropertyExpression(t, INJECTION_WORDS);

describe('isPropertyExpression', () => {
  it('takes mappings and conditions over dotted properties, with calls, literals and the conditional operator', () => {
    for (const t of [
      'user.firstName + " " + user.lastName + (user.title != null ? " (" + user.title + ")" : "")',
      '$sys.func.IS_NULL($session.params.email)',
      '$session.params.order_id != null AND $session.params.order_status = "shipped"',
      'String.substringBefore(user.email, "@")',
      'String.len(user.costCenter) > 0 ? user.costCenter : "CC-000"',
      'appuser.level >= 3 && !appuser.suspended',
    ]) {
      expect(expression(t), t).toBe(true);
      expect(mayCarryAttack(t), t).toBe(false);
    }
  });

  it('leaves breakouts, tautologies, statements, reflection, script objects and injection words to be judged', () => {
    for (const t of [
      'x" OR ""="', 'a.b" OR ""="', 'a.b = "" OR ""=""', '"1"=="1"', 'a.b || "1"=="1"', "a.b' or '1'='1",
      'user.constructor.constructor("return process")()', 'a.b; drop table x', 'this.password.length > 0', 'this.a == this.a',
      'T(java.lang.Runtime).getRuntime().exec("id")', '${a.b}', '{{a.b}}', 'a.b || sleep(5)', 'select a.b from c.d', 'a.b + ', '(a.b', 'user.name',
      'a.b + `id`', 'a.b + "<script>"', 'process.mainModule.require("child_process")',
    ]) expect(expression(t), t).toBe(false);
  });
});
