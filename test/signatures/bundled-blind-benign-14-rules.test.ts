/**
 * Rules narrowed after blind benign sets 1–14 (read, session 31): 9001402 (a backup, config or dump file in the path)
 * alerted on FreePBX's own controller, `/admin/config.php`, to which every settings form is posted (set 11's voip/0 and
 * voip/1), and its alert sent the path to the model. A probe for a config file or its backup reads it; a POST to a
 * PHP script named config.php is the application at work. GET and HEAD probes are as before.
 */
import { describe } from 'vitest';
import { FORM_HEADERS, type RuleCase, testPrefilterEntries, testRuleCases, useBundledRuleSet } from './bundled-requests.js';

const { hits, rules } = useBundledRuleSet();

const FORM = FORM_HEADERS;

const CASES: RuleCase[] = [
  [9001402, 'suspicious', 'a GET of /admin/config.php', { url: '/admin/config.php' }, { method: 'POST', url: '/admin/config.php', headers: FORM, body: 'display=routing&action=editroute&routename=US-LD&pattern_pass%5B0%5D=NXXNXXXXXX' }],
  [9001402, 'suspicious', 'a GET of a SQL dump', { url: '/backup/db.sql' }, { method: 'POST', url: '/admin/config.php?display=customcontexts', headers: FORM, body: 'action=edit&context=from-internal-custom' }],
  [9001402, 'suspicious', 'a HEAD of wp-config.php with a query', { method: 'HEAD', url: '/wp-config.php?x=1' }, { method: 'POST', url: '/wp-admin/setup-config.php?step=2', headers: FORM, body: 'dbname=wp&uname=wp&pwd=x&dbhost=localhost&prefix=wp_' }],
];

describe('bundled rules narrowed after blind benign sets 1-14 (rev 2026-12-11u)', () => {
  testRuleCases(CASES, hits);
  testPrefilterEntries(CASES.map(([sid]) => sid), rules);
});
