/**
 * Bundled rules of rev 2026-12-07o: fragments of the shared payload corpora that a file-read probe sends
 * on its own and that passed the full pipeline as a generic `p=` parameter — a PHP stream-filter name
 * (a php://filter chain's parts), the absolute path of a system accounting record, legacy spool or
 * cron log, a service account's mail spool or a root dotfile, and a dot-dot step in 0x2e notation.
 * Each fires on its attack and stays quiet on the benign text closest to it: an application log path
 * as a logging setting and a bare system directory as a bookmark folder are mentions, not probes.
 */
import { describe } from 'vitest';
import { json, q, type RuleCase, testPrefilterEntries, testRuleCases, useBundledRuleSet } from './bundled-requests.js';

const { hits, rules } = useBundledRuleSet();

const CASES: RuleCase[] = [
  [9000491, 'block', 'an iconv filter name as a whole value', q('p=convert.iconv.UTF8.CSISO2022KR'), q('fn=iconv&from=UTF-8&to=ISO-8859-1')],
  [9000491, 'block', 'a filter chain joined by |', q('f=convert.iconv.L1.UTF16LE%7Cconvert.base64-decode'), q('q=convert+base64+to+text+online')],
  [9000491, 'block', 'a base64 filter name in a JSON value', json('{"filter":"convert.base64-encode"}'), json('{"action":"convert.pdf","target":"docx"}')],
  [9000492, 'block', 'a legacy system log as a query value', q('file=%2Fvar%2Fadm%2Fmessages'), json('{"log_file":"/var/log/nginx/access.log","rotate":true}')],
  [9000492, 'block', 'the web server account\'s mail spool', q('page=/var/mail/www-data'), json('{"url":"https://example.org/a","folder":"/var/mail"}')],
  [9000492, 'block', 'a root dotfile as a JSON value', json('{"path":"/.bash_history"}'), json('{"path":"/home/dev/notes/bash_history.md"}')],
  [9000492, 'block', 'the login records and the locate database', q('f=/var/run/utmp&g=/var/lib/mlocate/mlocate.db'), json('{"pidfile":"/var/run/app/app.pid"}')],
  [9000493, 'block', 'dot-dot steps in 0x2e notation', q('file=/0x2e0x2e/0x2e0x2e/etc/passwd'), q('color=0x2e2e2e&bg=0x2e0x2f')],
];

describe('bundled rules for the shared corpora\'s lone fragments (rev 2026-12-07o)', () => {
  testRuleCases(CASES, hits);
  testPrefilterEntries(CASES.map(([sid]) => sid), rules);
});
