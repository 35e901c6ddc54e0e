/**
 * The shapes of blind benign set 17 (session 34, bb34, read) through the full pipeline (bundled rules + the shipped
 * model, `warden eval`): a patent search's proximity operators joining groups (log-search.ts), a maths answer
 * (arithmetic-expression.ts), a SQL exercise under a comment line (quoted-code.ts), a directory browser's whole LDAP
 * filter beside 9001303's alert (gate.ts), an Argo Workflows condition (data-mapping.ts), an ARM template expression
 * (arm-expression.ts) and Jenkins' `json` form field (gate.ts, urlencoded-fields.ts) pass; injections in the same
 * carriers are still blocked.
 */
import { testCarriers, type Carrier } from './carrier-verdicts.js';

const json = (host: string, path: string, body: (v: string) => unknown): Carrier => (v) => ({ method: 'POST', path, query: '', headers: { Host: host, 'Content-Type': 'application/json' }, body: JSON.stringify(body(v)) });
const form = (host: string, path: string, body: (v: string) => string): Carrier => (v) => ({ method: 'POST', path, query: '', headers: { Host: host, 'Content-Type': 'application/x-www-form-urlencoded' }, body: body(v) });
const enc = (s: string): string => encodeURIComponent(s);

const CARRIERS: Record<string, Carrier> = {
  'patent search': json('search.example-patents.org', '/api/search', (v) => ({ query: v, db: ['USPAT'], sort: 'relevance' })),
  'maths answer': json('moodle.example-uni.edu', '/api/quiz/answers', (v) => ({ attempt: 88123, slot: 4, answer: v, validate: true })),
  'sql exercise': json('judge.example-learn.org', '/api/sql-exercises/12/run', (v) => ({ query: v })),
  'ldap search': (v) => ({ method: 'GET', path: '/api/ldap/search', query: `base=DC%3Dcorp%2CDC%3Dexample&scope=sub&filter=${enc(v)}`, headers: { Host: 'dirbrowser.example-corp.net' } }),
  'argo condition': json('argo.example-code.net', '/api/v1/workflows/argo', (v) => ({ workflow: { spec: { templates: [{ name: 'main', steps: [[{ name: 'load', template: 'run', when: v }]] }] } } })),
  'arm variable': json('management.example-azure.net', '/subscriptions/x/resourcegroups/rg-web/providers/Microsoft.Resources/deployments/web', (v) => ({ properties: { mode: 'Incremental', template: { variables: { storageName: v } } } })),
  'jenkins form': form('jenkins.example-code.net', '/job/shop-api/job/main/42/replay/run', (v) => `mainScript=${enc("pipeline { agent any }")}&Jenkins-Crumb=0a1b2c&json=${enc(v)}`),
};

const BENIGN: [string, string][] = [
  ['patent search', '(battery OR cell) ADJ3 (thermal NEAR5 runaway) AND CPC=(H01M10/48 OR H01M50/20) AND PD>=20180101'],
  ['maths answer', '(x+2)*(x-3)/(x^2-9)'],
  ['sql exercise', "-- customers who never ordered\nSELECT c.customer_id, c.name FROM customers c\nLEFT JOIN orders o ON o.customer_id = c.customer_id\nWHERE o.order_id IS NULL\nUNION ALL\nSELECT 0, 'total: ' || COUNT(*) FROM customers;"],
  ['ldap search', '(|(mail=j.kowalski*)(proxyAddresses=smtp:j.kowalski*)(displayName=Kowalski, J*))'],
  ['argo condition', "{{steps.extract.outputs.result}} != ''"],
  ['arm variable', "[toLower(concat('st', uniqueString(resourceGroup().id)))]"],
  ['jenkins form', '{"mainScript":""}'],
];

const ATTACKS: [string, string][] = [
  ['patent search', "battery' AND (SELECT 1 FROM users WHERE 1=1)--"],
  ['patent search', '(battery OR cell) ADJ3 (sleep(5))'],
  ['maths answer', "(x+2)' OR '1'='1"],
  ['maths answer', '<script>alert(1)</script>'],
  ['sql exercise', "-- hi\nSELECT a FROM t WHERE b = '' OR 1=1; DROP TABLE users"],
  ['sql exercise', "-- <img src=x onerror=alert(1)>\nSELECT a FROM t"],
  ['ldap search', '*)(uid=*))(|(uid=*'],
  ['ldap search', '(|(cn=*)(userPassword=*))'],
  ['argo condition', "{{steps.extract.outputs.result}} != '' or '1'='1' union select password from users--"],
  ['argo condition', "{{ ''.__class__.__mro__[1].__subclasses__() }}"],
  ['arm variable', "[concat('x', ' or 1=1 -- ')]' union select password from users--"],
  ['arm variable', "[concat('<script>alert(1)</script>')]"],
  ['jenkins form', '{"mainScript":"\' OR 1=1 UNION SELECT password FROM users--"}'],
  ['jenkins form', '{"mainScript":"<script>alert(document.cookie)</script>"}'],
];

testCarriers('value shapes of blind benign set 17 through the pipeline', 'lets the search, the answer, the statement, the filter, the condition, the expression and the form document pass', CARRIERS, BENIGN, ATTACKS);
