/**
 * The value shapes of blind benign set 20 (session 37, bb37, read) and the lead's hard benign values: a Mustache template
 * with sections and Anki cloze deletions, screened as the text they show (card-templates.ts), a Python requirement with an
 * environment marker (requirement-spec.ts) and named character references among spaces and non-ASCII marks (screen.ts).
 */
import { describe, expect, it } from 'vitest';
import { cardTemplateRemainder } from '../../src/model/card-templates.js';
import { isRelativeImportPath } from '../../src/model/code-search.js';
import { isRequirementWithMarker } from '../../src/model/requirement-spec.js';
import { isCharacterReferenceRun, mayCarryAttack } from '../../src/model/screen.js';

describe('cardTemplateRemainder', () => {
  it('returns a cloze text with its hidden text and hints', () => {
    expect(cardTemplateRemainder('{{c1::猫::ねこ}}が{{c2::好き::すき}}です。')).toBe('猫 ねこが好き すきです。');
    expect(cardTemplateRemainder('The {{c1::Krebs cycle}} occurs in the {{c2::mitochondrial matrix}}')).toBe('The Krebs cycle occurs in the mitochondrial matrix');
  });
  it('returns a Mustache template with sections as the text around its tags', () => {
    expect(cardTemplateRemainder('{{#items}}{{name}} costs {{price}} EUR\n{{/items}}')).toBe('   costs   EUR\n ');
    expect(cardTemplateRemainder('{{#items}}- {{name}}: {{price}}\n{{/items}}')).toBe(''); // marks alone: nothing to screen
    expect(cardTemplateRemainder('{{title}}\n{{#highlights}}> {{text}}\n{{/highlights}}')).toBe('');
    expect(cardTemplateRemainder('{{#Notes}}Note: {{{Notes}}}{{/Notes}}{{^Notes}}none{{/Notes}}')).toBe(' Note:    none ');
  });
  for (const t of [
    '{{title}} by {{author}}', // no section: Jinja and Twig print names the same way
    '{{#x}}{{7*7}}{{/x}}',
    '{{#a}}{{config}}{{/a}}',
    '{{#a}}{{self.__init__}}{{/a}}',
    '{{#a}}{{settings.secret_key}}{{/a}}',
    '{{#with "s" as |string|}}{{/with}}',
    '{{#each this}}{{lookup this "constructor"}}{{/each}}',
    '{{#a}}{{b}}{{/c}}',
    '{{#a}}{{b}}',
    '{{#a}}{{{b}}{{/a}}',
    '{{c1::{{7*7}}}}',
  ]) it(`refuses ${t}`, () => expect(cardTemplateRemainder(t)).toBeNull());
  it('leaves what a template or cloze shows to the screen', () => {
    expect(mayCarryAttack('{{c1::<script>alert(1)</script>}}')).toBe(true);
    expect(mayCarryAttack('{{#a}}; rm -rf / {{/a}}')).toBe(true);
    expect(mayCarryAttack('{{#a}}$({{b}}){{/a}}')).toBe(true);
    expect(mayCarryAttack('{{#a}}`{{b}}`{{/a}}')).toBe(true);
    expect(mayCarryAttack("{{c1::x' OR '1'='1}}")).toBe(true);
    expect(mayCarryAttack('{{c1::猫::ねこ}}が{{c2::好き::すき}}です。')).toBe(false);
    expect(mayCarryAttack('{{title}}\n{{url}}\n{{#highlights}}> {{text}}\n{{/highlights}}')).toBe(false);
  });
});

describe('isRequirementWithMarker', () => {
  for (const t of [
    "numpy==1.26.*; python_version<'3.12'",
    'pywin32>=306 ; sys_platform == "win32"',
    "requests[socks,security]>=2.31,<3; python_version >= '3.8' and platform_machine != 'arm64'",
    'python_version >= "3.9" and (platform_machine != \'arm64\' or os_name == \'nt\')',
    'tomli>=1.1.0; python_version < "3.11"',
    "colorama; extra == 'windows'",
  ]) it(`takes ${t}`, () => { expect(isRequirementWithMarker(t)).toBe(true); expect(mayCarryAttack(t)).toBe(false); });
  for (const t of [
    "numpy==1.26; python_version<'3.12' or '1'='1'",
    "numpy; python_version<'3.12'; DROP TABLE users",
    "x' OR 'y",
    "numpy; __import__('os').system('id')",
    "numpy; python_version<'3.12' or sleep(5)",
    "numpy; python_version<'3.12')",
    "pkg @ https://evil.example/x.whl; python_version<'3.12'",
    "numpy; python_version<'3.12' union select 1",
  ]) it(`refuses ${t}`, () => expect(isRequirementWithMarker(t)).toBe(false));
});

describe('isCharacterReferenceRun', () => {
  for (const t of ['&nbsp;&mdash;&copy;', '\u00a0&mdash;&copy;', '&copy; → &copy;', '&laquo; &raquo;', '&hellip;&nbsp;']) {
    it(`takes ${JSON.stringify(t)}`, () => { expect(isCharacterReferenceRun(t)).toBe(true); expect(mayCarryAttack(t)).toBe(false); });
  }
  for (const t of ['&#60;&#115;&#99;&#114;&#105;&#112;&#116;&#62;', '&#x3c;script&#x3e;', '&lt;script&gt;alert&lpar;1&rpar;&lt;/script&gt;', '&lt;img src=x onerror=alert(1)&gt;', '&copy; x', '＜ｓｃｒｉｐｔ＞&nbsp;', '&amp;copy;1', '&nbsp;; id']) {
    it(`refuses ${JSON.stringify(t)}`, () => expect(isCharacterReferenceRun(t)).toBe(false));
  }
});

describe('isRelativeImportPath', () => {
  for (const t of ['../../shared/utils', './components/Button.tsx', '../lib/http-client', '../../../@acme/ui/index.js', '../../hooks/useAuth']) {
    it(`takes ${t}`, () => expect(isRelativeImportPath(t)).toBe(true));
  }
  for (const t of ['../../etc/passwd', '../../../../windows/win.ini', '../../.env', '../../config/database.yml', '../../WEB-INF/web.xml', '..%2f..%2fshared', '../../shared/utils?x=1', '../../shared/utils;id', 'shared/utils', '../../proc/self/environ', '../../../../var/log/auth']) {
    it(`refuses ${t}`, () => expect(isRelativeImportPath(t)).toBe(false));
  }
});
