import { describe, expect, it } from 'vitest';
import { isArmExpression } from '../../src/model/arm-expression.js';
import { INJECTION_WORDS, mayCarryAttack } from '../../src/model/screen.js';

// ARM template expressions as deployments and template specs carry them (blind benign set 17's iacedit/6, read: 0.84).
const EXPRESSIONS = [
  "[toLower(concat('st', uniqueString(resourceGroup().id)))]",
  '[resourceGroup().location]',
  "[concat(parameters('siteName'), '-plan')]",
  "[resourceId('Microsoft.Web/serverfarms', variables('planName'))]",
  "[format('DefaultEndpointsProtocol=https;AccountName={0}', variables('storageName'))]",
  "[reference(resourceId('Microsoft.Storage/storageAccounts', 'stweb01'), '2023-05-01').primaryEndpoints.blob]",
  "[split(parameters('subnetId'), '/')[8]]",
  "[if(equals(parameters('env'), 'prod'), 3, 1)]",
  "[concat('It''s ', parameters('name'))]",
];

// Injections and other engines' expressions in brackets, and values that are no ARM expression.
const NOT_EXPRESSIONS = [
  "[concat('a' or 1=1)]",
  "[concat('x', ' or 1=1 -- ')]",
  "[concat('<script>alert(1)</script>')]",
  "[concat('{{7*7}}')]",
  "[exec('id')]",
  "[system('cat /etc/passwd')]",
  "[eval('1')]",
  "[concat('a', 'b') union select 1]",
  "['a']",
  '[1, 2, 3]',
  '[parameters]',
  "[parameters('a')",
  "[parameters('a'))]",
  "[concat('a';'b')]",
  "[concat('a', 'b')] x",
  "[[concat('a')]]",
  "[concat('a', sleep(5))]",
  "[concat('$(id)')]",
  "[concat('a', `id`)]",
];

describe('isArmExpression', () => {
  for (const e of EXPRESSIONS) it(`takes ${e}`, () => expect(isArmExpression(e, INJECTION_WORDS)).toBe(true));
  for (const e of NOT_EXPRESSIONS) it(`refuses ${e}`, () => expect(isArmExpression(e, INJECTION_WORDS)).toBe(false));
  it('keeps the screen from sending an expression to the model, and still sends an injection', () => {
    expect(mayCarryAttack("[toLower(concat('st', uniqueString(resourceGroup().id)))]")).toBe(false);
    expect(mayCarryAttack("[concat('x', ' or 1=1 -- ')]")).toBe(true);
  });
});
