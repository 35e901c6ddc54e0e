/**
 * Bundled rules of rev 2026-12-11x (issue 18, session 31, ho31): shapes held-out-24's misses showed (read) and a probe of
 * less common template engines, each written for the mechanism rather than the product and kept only with no benign hit.
 * Each fires on its attack, sent the way such an exploit sends it, and stays quiet on the benign request closest to it: a
 * client's Connection list, a Nomad template reading its own paths, a Jelly how-to searched for, Ruby interpolation of a
 * variable, a Livewire update of plain values and the signed snapshot that carries the tuples, a Yii model's own fields,
 * a connector that is a word, a sort by a column named select_date, a file key inside the model's own directory,
 * the address headers a proxy writes, an upload named by the user's own desktop path (rev 2026-12-11y).
 */
import { describe } from 'vitest';
import type { RequestSpec } from './fixtures.js';
import { BROWSER, type RuleCase, testPrefilterEntries, testRuleCases, useBundledRuleSet, get, postForm, postJson } from './bundled-requests.js';

const { hits, rules } = useBundledRuleSet();

const uploadNamed = (filename: string): RequestSpec => ({
  method: 'POST',
  url: '/api/upload',
  headers: [...BROWSER, ['Content-Type', 'multipart/form-data; boundary=----WebKitFormBoundaryx7']],
  body: `------WebKitFormBoundaryx7\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\nhello\r\n------WebKitFormBoundaryx7--\r\n`,
});
const snapshot = JSON.stringify({ data: { items: [[{ id: 1 }], { s: 'clctn', class: 'Illuminate\\Support\\Collection' }] }, memo: { id: 'a1', name: 'cart' }, checksum: 'f00d' });

const CASES: RuleCase[] = [
  [9001294, 'block', 'a Connection list naming X-Forwarded-For on an admin path', get('/admin/', [['Connection', 'close, X-Forwarded-For']]), get('/admin/', [['Connection', 'keep-alive']])],
  [9001294, 'block', 'X-Forwarded-Host and X-Forwarded-Prefix listed hop-by-hop', get('/api/internal/metrics', [['Connection', 'keep-alive, X-Forwarded-Host, X-Forwarded-Prefix']]), get('/ws', [['Connection', 'Upgrade, HTTP2-Settings'], ['X-Forwarded-For', '203.0.113.7']])],
  [9001295, 'block', 'a Connection list naming X-Real-Ip', get('/actuator/env', [['Connection', 'keep-alive, X-Real-Ip, X-Forwarded-For']]), get('/actuator/health', [['Connection', 'close'], ['X-Real-Ip', '203.0.113.7']])],
  [9001295, 'block', 'True-Client-IP listed alone', get('/manage/users', [['Connection', 'True-Client-IP']]), get('/manage/users', [['Connection', 'TE'], ['TE', 'trailers']])],
  [9000790, 'block', 'Sprig env of a password variable in a campaign body', postJson('/api/campaigns/7/preview', '{"content_type":"html","body":"<p>{{ env \\"LISTMONK_db__password\\" }}</p>"}'), postJson('/v1/jobs', '{"Job":{"TaskGroups":[{"Tasks":[{"Templates":[{"EmbeddedTmpl":"dir={{ env \\"NOMAD_SECRETS_DIR\\" }}"}]}]}]}}')],
  [9000790, 'block', 'a secret piped into env, form-encoded', postForm('/api/templates/preview', 'template_type=campaign&body=%7B%7B+%22AWS_SECRET_ACCESS_KEY%22+%7C+env+%7C+b64enc+%7D%7D'), postForm('/api/templates/preview', 'template_type=campaign&body=%7B%7B+.Subscriber.Name+%7C+upper+%7D%7D')],
  [9000790, 'block', 'expandenv of an API token', postJson('/api/templates', '{"body":"{{ expandenv \\"$GITHUB_TOKEN\\" }}"}'), postJson('/api/templates', '{"body":"{{ .Env.Region }} {{ env \\"HOME\\" }}"}')],
  [9000791, 'block', 'a Jelly evaluate tag in a login page title', get('/login.do?jvar_page_title=%3Cstyle%3E%3Cj:jelly%20xmlns:j=%22jelly%22%20xmlns:g=%27glide%27%3E%3Cg:evaluate%3Egs.addErrorMessage(7*7);%3C/g:evaluate%3E%3C/j:jelly%3E%3C/style%3E'), get('/search?q=%3Cg%3Aevaluate%3E+jelly+tag+docs')],
  [9000791, 'block', 'a g2 evaluate tag in another parameter', get('/ui_page.do?sysparm_title=%3Cg2:evaluate%20jelly=%22true%22%3Evar%20x=1;%3C/g2:evaluate%3E'), get('/kb_view.do?sysparm_article=KB0012&title=Jelly%20evaluate%20example')],
  [9000792, 'block', 'backticks in a Ruby interpolation', postJson('/api/templates/preview', '{"template":"p Hello #{`id`}"}'), postJson('/api/templates/preview', '{"template":"p Hello #{user.name}"}')],
  [9000792, 'block', 'system() of a quoted command in an interpolation', postJson('/render', '{"tpl":"h1 #{system(\\"id\\")}"}'), postJson('/render', '{"tpl":"h1 #{system_name}"}')],
  [9000792, 'block', 'IO.popen read in an interpolation', postJson('/api/notes', '{"text":"total: #{IO.popen(\'uname -a\').read}"}'), postJson('/api/notes', '{"text":"total: #{items.count} items"}')],
  [9001092, 'block', 'a Livewire update carrying a synthesizer tuple', postJson('/livewire/update', JSON.stringify({ _token: 'x', components: [{ snapshot, updates: { 'form.email': [{ _fn_close: 'system' }, { s: 'std', class: 'GuzzleHttp\\Psr7\\FnStream' }] }, calls: [] }] })), postJson('/livewire/update', JSON.stringify({ _token: 'x', components: [{ snapshot, updates: { 'form.email': 'ann@example.org', items: [1, 2] }, calls: [] }] }))],
  [9001024, 'block', 'a Yii 2 behaviour class one bracket deeper', postForm('/site/contact', '_csrf=x&ContactForm[as b[__class]]=GuzzleHttp%5CPsr7%5CFnStream&ContactForm[as b[_fn_close]]=phpinfo'), postForm('/site/contact', '_csrf=x&ContactForm[name]=Ann&ContactForm[subject]=Class%5Cschedule')],
  [9000124, 'block', 'Django _connector with an OR tautology in the query', get('/api/articles/?status=draft&_connector=OR%201%3D1%20OR'), get('/api/articles/?status=draft&connector=usb-c')],
  [9000124, 'block', 'a JSON filter body with a UNION in _connector', postJson('/api/orders/search', '{"status":"paid","_connector":"AND 1=0 UNION SELECT username,password FROM auth_user --"}'), postJson('/api/orders/search', '{"status":"paid","_connector":"OR"}')],
  [9000125, 'block', 'a time-based subquery in orderBy', get('/fineract-provider/api/v1/clients?orderBy=id%20AND%20(SELECT%201%20FROM%20(SELECT%20SLEEP(5))a)&sortOrder=ASC'), get('/fineract-provider/api/v1/clients?orderBy=displayName&sortOrder=DESC')],
  [9000125, 'block', 'a stacked pg_sleep in sortOrder', get('/api/v1/loans?sortOrder=id;SELECT%20pg_sleep(5)--&orderBy=id'), get('/api/v1/loans?sortOrder=asc&orderBy=select_date')],
  [9000125, 'block', 'an error function in a JSON sort key', postJson('/api/grid', '{"sort":"id,extractvalue(1,concat(0x7e,version()))","dir":"ASC"}'), postJson('/api/grid', '{"sort":"created_at","dir":"DESC","q":"sleep (apnea) study"}')],
  [9000421, 'block', 'a model load whose file key climbs to root\'s shell profile', postJson('/v2/repository/models/resnet/load', '{"parameters":{"config":"{}","file:1/../../../../root/.bashrc":"aWQK"}}'), postJson('/v2/repository/models/resnet/load', '{"parameters":{"config":"{}","file:1/model.onnx":"AAAA"}}')],
  [9000421, 'block', 'a theme file map with a key into /etc', postJson('/api/themes/import', '{"files":{"../../../etc/cron.d/x":"* * * * * root id"}}'), postJson('/api/themes/import', '{"files":{"../shared/header.html":"<header></header>","i18n/en.json":"{}"}}')],
  [9001296, 'block', 'X-Remote-Addr claiming loopback on an admin page', get('/admin/settings', [['X-Remote-Addr', '127.0.0.1']]), get('/admin/settings', [['X-Forwarded-For', '127.0.0.1'], ['X-Remote-Addr', '203.0.113.7']])],
  [9001296, 'block', 'X-Custom-IP-Authorization claiming loopback', get('/setup/wizard', [['X-Custom-IP-Authorization', '127.0.0.1']]), get('/setup/wizard', [['X-Real-IP', '127.0.0.1']])],
  [9000422, 'block', 'an upload named by an absolute path into the web root', uploadNamed('/var/www/html/s.php'), uploadNamed('C:\\Users\\ann\\Desktop\\photo.jpg')],
  [9000422, 'block', 'a Windows upload name into wwwroot', uploadNamed('C:\\inetpub\\wwwroot\\x.aspx'), uploadNamed('report-2024.pdf')],
  [9000422, 'block', 'an upload name into a cron directory', uploadNamed('/etc/cron.d/job'), uploadNamed('etc-cron-notes.txt')],
];

describe('bundled rules from held-out-24\'s misses and less common template engines (revs 2026-12-11x, 2026-12-11y)', () => {
  testRuleCases(CASES, hits);
  testPrefilterEntries(CASES.map(([sid]) => sid), rules);
});
