/**
 * An expression over an object's properties in a setting (blind benign set 9's identity/4, an Okta profile mapping,
 * 0.98; set 13's bots/4, a Dialogflow CX route condition, 0.88, read) is a mapping, not an injection; the shapes an SQL,
 * NoSQL or expression-language injection needs keep the text scored. Set 16's fhir/8 (read): a FHIRPath calculated
 * expression with external constants and a function of a group, `%weight / ((%height / 100).power(2))`, 0.89.
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

  it("takes FHIRPath's %constants and a function of a parenthesized operand", () => {
    for (const t of ['%weight / ((%height / 100).power(2))', '%resource.item.count() > 3', '%score.total.round(1) >= 10', '%age.value >= 18 AND (%bmi / 2).floor() < 20']) {
      expect(expression(t), t).toBe(true);
      expect(mayCarryAttack(t), t).toBe(false);
    }
    for (const t of [
      '%27 OR 1=1', '%ef / ((%height / 100).power(2))', '%weight / ((%height / 100).exec(2))', '%a.b(1) || (%x).constructor(1)', '%x || (1).eval(2)',
      '%x / ((%y / 100).power(require))', '%x + (1 OR 1=1).power(2)', '%x || (sleep(5)).power(2)', '%x.power(2)(3)', '%x + .power(2)', '%', '%x',
    ]) expect(expression(t), t).toBe(false);
  });
});
