/**
 * Value shapes blind benign sets 9 and 12 (read) showed the model misreads, through the full pipeline (bundled rules +
 * the shipped model, `warden eval`): labelled dimensions, an OBIS register code, a quoted Horizons parameter, a date
 * format with quoted text, a whole LDAP filter, a firewall's XML fragment, a Cloudflare rule expression, a registry
 * export and a text mesh (set 10) pass, and attacks placed in the same fields are still blocked.
 */
import { testCarriers, type Carrier } from './carrier-verdicts.js';

const json = (host: string, path: string, body: (v: string) => unknown): Carrier => (v) => ({ method: 'POST', path, query: '', headers: { Host: host, 'Content-Type': 'application/json' }, body: JSON.stringify(body(v)) });
const get = (host: string, path: string, name: string): Carrier => (v) => ({ method: 'GET', path, query: `${name}=${encodeURIComponent(v)}`, headers: { Host: host, Accept: 'application/json' } });
const fileUpload = (host: string, path: string, filename: string): Carrier => (v) => {
  const b = '----WebKitFormBoundaryk3Lq9T2xYw8ZpR4s';
  return { method: 'POST', path, query: '', headers: { Host: host, 'Content-Type': `multipart/form-data; boundary=${b}` }, body: `--${b}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: text/plain\r\n\r\n${v}\r\n--${b}--\r\n` };
};

const CARRIERS: Record<string, Carrier> = {
  'museum record': json('cms.example-museum.org', '/api/objects', (v) => ({ accession: '1932.114.7a-c', dimensions: v })),
  'meter readings': get('mdm.example-utility.com', '/api/meter/readings', 'obis'),
  'ephemeris': get('ssd.example-jpl.gov', '/api/horizons.api', 'CENTER'),
  'locale settings': json('app.example-l10n.com', '/api/locales/de', (v) => ({ dateFormat: v })),
  'directory sync': json('idp.example-corp.com', '/api/directories/ldap', (v) => ({ host: 'ldap.example-corp.com', ldapFilter: v })),
  'firewall API': get('fw.example-corp.net', '/api/', 'element'),
  'zone ruleset': json('api.example-cdn.com', '/client/v4/zones/z/rulesets/r', (v) => ({ rules: [{ action: 'block', expression: v }] })),
  'registry upload': fileUpload('rmm.example-msp.com', '/api/v1/registry-imports', 'policies.reg'),
  'model upload': fileUpload('cad.example-viewer.com', '/api/models', 'chair.obj'),
};

const REG = 'Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome]\r\n"HomepageLocation"="https://intranet.example-corp.com/"\r\n"PasswordManagerEnabled"=dword:00000000\r\n';

const OBJ = '# Blender 4.2.3\n# www.blender.org\nmtllib chair.mtl\no Seat\nv -0.25 0.45 -0.25\nv 0.25 0.45 -0.25\nv 0.25 0.45 0.25\nv -0.25 0.45 0.25\nusemtl Oak\ns 0\nf 1/1/1 2/2/1 3/3/1\nf 1/1/1 3/3/1 4/1/1\n';

const BENIGN: [string, string][] = [
  ['museum record', 'H. 4.1 cm (1 5/8 in.); Diam. 12.7 cm (5 in.)'],
  ['meter readings', '1-0:1.8.0*255'],
  ['ephemeris', "'500@399'"],
  ['locale settings', "d. MMM y 'um' HH:mm"],
  ['directory sync', '(|(cn=*smith*)(mail=*smith*)(sAMAccountName=*smith*))'],
  ['firewall API', '<ip-netmask>10.1.1.10/32</ip-netmask><description>web server 01</description>'],
  ['zone ruleset', '(http.request.uri.path contains "/wp-login.php") or (http.request.uri.path contains "/xmlrpc.php" and not ip.src in {198.51.100.0/24})'],
  ['registry upload', REG],
  ['model upload', OBJ],
];

const ATTACKS: [string, string][] = [
  ['museum record', "H. 4 cm' UNION SELECT password FROM users--"],
  ['meter readings', "1-0:1.8.0*255' OR '1'='1"],
  ['ephemeris', "'500' UNION SELECT 1,2--"],
  ['locale settings', "d MMM y' OR 1=1--"],
  ['directory sync', '*)(uid=*))(|(uid=*'],
  ['firewall API', '<description><script>alert(1)</script></description>'],
  ['zone ruleset', '(http.host eq "x") or 1=1; DROP TABLE rules--'],
  ['registry upload', REG.replace('https://intranet.example-corp.com/', '<script>alert(document.cookie)</script>')],
  ['model upload', OBJ.replace('# www.blender.org', '# <script>alert(document.cookie)</script>')],
];

testCarriers('value shapes of blind benign sets 9 and 12 through the full pipeline', 'lets dimensions, meter codes, quoted codes, date formats, LDAP filters, XML fragments, rule expressions, registry exports and meshes pass', CARRIERS, BENIGN, ATTACKS);
