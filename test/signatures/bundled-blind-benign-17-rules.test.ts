/**
 * Rules narrowed after blind benign set 17 (read, session 34, rev 2026-12-15b). 9001406 blocked a dbt IDE saving its
 * models (`POST /api/ide/files/models/marts/fct_orders.sql`, set 17's dbt/0, 1, 5): a file named by its path inside a
 * files API is a workspace's file, not a dump left in the web root; a hidden file there (`/api/contents/.bashrc`, a
 * Jupyter startup write) and every probe of the web root stay blocked. 9001390 blocked a directory browser's whole LDAP
 * filter (`(|(mail=j.kowalski*)(proxyAddresses=smtp:j.kowalski*)…)`, directory/1): inside a filter the value sends
 * itself, a prefix match is a search; a bare presence test (`(|(cn=*)(userPassword=*))`) and a value that breaks out of
 * the application's filter (`x*)(memberOf=…`) are blocked as before. 9001403 rev 2 (rev 2026-12-16a, lead, session 35):
 * every page of phpLDAPadmin is `/cmd.php?cmd=…` (directory/5), which the web-shell-name rule sent to the model and
 * the model scored 0.99; `cmd` now counts as a web shell name only as an ASP or JSP page.
 */
import { describe } from 'vitest';
import { form, get, json, postForm, postJson, q, type RuleCase, testPrefilterEntries, testRuleCases, useBundledRuleSet } from './bundled-requests.js';

const { hits, rules } = useBundledRuleSet();

const SAVE = '{"contents":"select * from {{ ref(\'stg_orders\') }}"}';

const CASES: RuleCase[] = [
  [9001406, 'block', 'a SQL dump in the web root', get('/backup/db.sql'), postJson('/api/ide/files/models/marts/fct_orders.sql', SAVE)],
  [9001406, 'block', 'a dump under an API route that is no files API', get('/api/export/dump.sql'), postJson('/api/v1/projects/7/files/tests/assert_no_refunds.sql', SAVE)],
  [9001406, 'block', 'a hidden file written through a notebook files API', { method: 'PUT', url: '/api/contents/.bashrc', headers: postJson('/', '{}').headers, body: '{"type":"file","format":"text","content":"x"}' }, get('/remote.php/dav/files/alice/Reports/2026/q4.sql')],
  [9001406, 'block', 'a hidden folder inside a files API', get('/api/contents/.ipython/profile_default/history.sqlite'), get('/api/contents/notebooks/queries/orders.sql')],
  [9001390, 'block', 'a break out of the application\'s filter in a query value', q('filter=x*)(memberOf%3Dcn%3Dadmins)'), q('filter=(%7C(mail%3Dj.kowalski*)(proxyAddresses%3Dsmtp%3Aj.kowalski*)(displayName%3DKowalski%2C%20J*))')],
  [9001390, 'block', 'a whole filter of bare presence tests', q('p=(|(cn=*)(userPassword=*))'), q('filter=(%26(objectClass%3Dperson)(sn%3DNguy*)(givenName%3DT*))')],
  [9001390, 'block', 'a wildcard closing the filter in a form value', form('user=admin*)(uid=*&pass=x'), form('search=(|(uid=smor*)(mail=smor*))&scope=sub')],
  [9001403, 'suspicious', 'a probe for a known web shell', get('/wp-content/uploads/c99.php'), get('/cmd.php?server_id=1&cmd=login_form')],
  [9001403, 'suspicious', 'a command shell as a JSP page', get('/cmd.jsp?cmd=id'), postForm('/cmd.php', 'cmd=query_engine&server_id=1&base=ou%3Dgroups%2Cdc%3Dlab&scope=one')],
  [9001390, 'block', 'the same in JSON', json('{"filter":"x*)(memberOf=cn=admins,ou=groups,dc=example,dc=test"}'), json('{"ldapFilter":"(&(objectCategory=group)(|(cn=Domain Admins)(cn=ops-*)(description=tier0*)))"}')],
];

describe('bundled rules narrowed after blind benign set 17 (rev 2026-12-15b, 2026-12-16a)', () => {
  testRuleCases(CASES, hits);
  testPrefilterEntries(CASES.map(([sid]) => sid), rules);
});
