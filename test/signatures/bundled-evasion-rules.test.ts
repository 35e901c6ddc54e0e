/**
 * Bundled rules of rev 2026-12-05p: evasions an attacker tries first, found by probing the full pipeline
 * (each was allowed before the rule). UNION SELECT glued to a number — `1e0union`, `1.union`, `\Nunion`:
 * MySQL ends a numeric literal where the keyword starts, so a `\bunion\b` filter never sees the word.
 * Open-redirect address obfuscations: backslashes, a tab in the scheme or between the slashes, three
 * slashes, the ideographic repeat mark, a path opening with //host then a traversal — browsers follow all
 * of them to another host, and no link is written that way. A protocol-relative //host in a redirect parameter
 * (a local-path check's bypass), and hosts spelled to fool a host check (ideographic dot, #. after the host,
 * host:port@ user names, https:///host).
 * Each fires on its attack and stays quiet on the benign text closest to it.
 */
import { describe } from 'vitest';
import { form, json, q, multipart, type RuleCase, testPrefilterEntries, testRuleCases, useBundledRuleSet } from './bundled-requests.js';

const { hits, rules } = useBundledRuleSet();

const CASES: RuleCase[] = [
  [9000592, 'block', 'a protocol-relative address in redirect_to', q('redirect_to=%2F%2Fevil.example%2F'), q('redirect_to=%2Faccount%2Forders')],
  [9000592, 'block', 'a protocol-relative address in returnUrl', q('returnUrl=//evil.example'), q('url=//cdn.example.test/logo.png')],
  [9000593, 'block', 'an ideographic full stop in the host', q('return=https%3A%2F%2Fevil%E3%80%82example'), q('q=https%3A%2F%2Fexample.com%E3%80%82%E6%AC%A1%E3%81%B8')],
  [9000593, 'block', 'a fragment opening with a dot right after the host', q('next=https%3A%2F%2Fevil.example%23.shop.example.com'), q('next=https%3A%2F%2Fshop.example.com%2F%23.section')],
  [9000593, 'block', 'a host-shaped user name with a port before @', q('url=https://shop.example.com:443@evil.example'), q('url=https://shop.example.com:443/cart')],
  [9000593, 'block', 'three slashes after the scheme', q('next=https:///evil.example'), q('next=https://shop.example.com/')],
  [9000542, 'block', 'a host-shaped user name before @ in next', q('next=https%3A%2F%2Fshop.example.com%40evil.example%2F'), q('next=https%3A%2F%2Fshop.example.com%2Faccount%3Fref%3Dann%40example.com')],
  [9000542, 'block', 'a protocol-relative address with a host-shaped user name in returnTo', q('returnTo=//shop.example.com@evil.example'), q('url=https://ann.lee@partner.example/invite')],
  // The form-value anchors of the body rules read a multipart field's value too (rev 2026-12-05r): moved from a form into
  // multipart/form-data, 111 of 1,449 family payloads passed.
  [9001212, 'block', 'a session id set through a multipart field', multipart('url', 'session_id=deadbeef'), multipart('session_id', 'deadbeef')],
  [9001651, 'block', 'a Cookie string with a session id in a multipart field', multipart('ref', 'theme=dark; session_id=s1x2'), multipart('cookie_policy', 'theme=dark; lang=en')],
  [9001630, 'block', 'a quoted cmd word after a separator in a multipart field', multipart('redirect', '3319|"hostname"'), multipart('note', 'see "hostname" in the docs | page 2')],
  [9001631, 'block', 'a caret-broken cmd word after a separator in a multipart field', multipart('redirect', '3319|"host^name"'), multipart('formula', '2^3 | x^2')],
  [9001606, 'block', 'a JVM type descriptor naming a gadget class as a multipart field', multipart('lang', 'Lorg/hibernate/jmx/StatisticsService;'), multipart('lang', 'Lorem ipsum dolor')],
  [9001310, 'block', 'a multipart field named __proto__[…]', multipart('__proto__[isAdmin]', 'true'), multipart('proto[isAdmin]', 'true')],
  [9001310, 'block', 'a multipart field named constructor[prototype][…]', multipart('constructor[prototype][isAdmin]', 'true'), multipart('constructor[name]', 'Ann')],
  [9000190, 'block', 'scientific notation before UNION SELECT in a query value', q('id=1e0union+select+1%2C2'), q('q=the+1e0+union+of+two+select+committees')],
  [9000190, 'block', 'a decimal point before UNION with a comment', q('id=1.union%2F**%2Fselect+password+from+users'), q('q=EU+2.0+union+selected+members')],
  [9000190, 'block', 'MySQL \\N before UNION ALL SELECT', q('id=%5CNunion+all+select+1'), q('q=Union+Station+Select+Bus+No.+4')],
  [9000191, 'block', 'scientific notation before UNION SELECT in a form value', form('id=1e0union+select+1%2C2'), form('note=cost+1e0+units%3B+union+select+list+attached')],
  [9000191, 'block', 'a digit against UNION (SELECT in a JSON value', json('{"id":"7union(select 1)"}'), json('{"title":"2 Union Select Lane","zip":"10001"}')],
  // Rev 2 (2026-12-06u): a digit ending a percent escape (`%20UNION`) is a space, not a number; a digit after the escape still is.
  [9000191, 'block', 'a digit after an escaped space against UNION SELECT in a form value', form('id=%201union+select+1%2C2'), json('[{"event":"$pageview","properties":{"$current_url":"https://bi.example.io/questions/new?query=SELECT%20name%20FROM%20events%20WHERE%20status%20%3D%20\'trial\'%20UNION%20ALL%20SELECT%20name%20FROM%20archived_events"}}]')],
  [9000191, 'block', 'a hex-looking digit pair against UNION SELECT in JSON', json('{"id":"a0union select 1"}'), form('q=discount+20%25union+select+members')],
  [9000192, 'block', "admin'# as a form value", form('username=admin%27%23&password=x'), form('comment=Dave%27s+%231+fan')],
  [9000192, 'block', "jdoe'-- as a JSON value", json('{"login":"jdoe\'-- ","password":"x"}'), json('{"title":"rock\'n\'roll -- live"}')],
  [9000490, 'suspicious', 'zip:// at the start of a form value', form('comment=zip%3A%2F%2Fshell.jpg%23payload.php'), form('comment=the+zip+file+is+attached')],
  [9000490, 'suspicious', 'php://input as a JSON value', json('{"file":"php://input"}'), json('{"note":"php is fun"}')],
  [9000590, 'block', 'a redirect to \\\\host (backslashes for slashes)', q('dest=%5C%5Cevil.example'), q('dest=%5C%5Cfileserver%5Cshare')],
  [9000590, 'block', 'a redirect to /\\host', q('redirect=%2F%5Cevil.example'), q('redirect=%2Faccount%2Fsettings')],
  [9000590, 'block', 'a tab inside the scheme', q('redir=ht%09tp%3A%2F%2Fevil.example'), q('redir=https%3A%2F%2Fpartner.example%2Flanding')],
  [9000590, 'block', 'a tab between the slashes', q('next=%2F%09%2Fevil.example'), q('next=%2Forders%2F42')],
  [9000590, 'block', 'three slashes before a host', q('next=%2F%2F%2Fevil.example%2F'), q('next=%2F%2Fcdn.example.test%2Fapp.js')],
  [9000590, 'block', 'https:\\\\ for https://', q('url=https%3A%5C%5Cevil.example'), q('path=C%3A%5CUsers%5Cann')],
  [9000590, 'block', 'the ideographic repeat mark read as //', q('next=%E3%80%B1evil.example'), q('q=%E3%81%93%E3%82%93%E3%81%AB%E3%81%A1%E3%81%AF')],
  [9000591, 'block', 'a path opening with //host then an encoded slash and a traversal', { url: '//evil.example/%2f..' }, { url: '//favicon.ico' }],
  [9000591, 'block', 'a path opening with /\\host', { url: '/%5cevil.example' }, { url: '/%5Cdocs' }],
];

describe('bundled rules for evasions found by probing (rev 2026-12-05p)', () => {
  testRuleCases(CASES, hits);

  testPrefilterEntries(CASES.map(([sid]) => sid), rules);
});
