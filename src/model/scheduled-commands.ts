/**
 * A scheduled job's command saved through a scheduler (a hosting panel's cron job, Forge, Cronicle, Jenkins, an
 * RMM's task) runs the application's own script, and is what that field is for (issue 14, session 26's
 * `scheduler-ui` family: a cron `command` `php -q /home/acme/public/index.php cron >> /dev/null 2>&1` 0.9985, a
 * scheduled `powershell.exe -NoProfile -File C:\Scripts\Backup-Database.ps1`). What an attacker puts there instead
 * is a download-and-run, a reverse shell or an encoded command; those have shapes of their own.
 *
 * `isScheduledCommand(text)`: one command line or a short script (an optional `#!` line, comments, `set -e…`),
 * every line commands joined by `&&`, `||` or `;`, each command words of plain characters or quoted strings
 * without expansion (a `$(date +%F)` in a file name is the one substitution taken), with output redirections to
 * files (`> /dev/null 2>&1`, `>> logs/cron.log`) and pipes only into a compressor, `logger` or `tee`. Refused
 * wherever they stand: a network tool that opens a shell (`nc`, `ncat`, `socat`, `telnet`), `/dev/tcp`, an
 * interpreter given code on its command line (`python -c`, `perl -e`, `php -r`, `node -e`, `awk`), an
 * interactive shell (`bash -i`), `base64`, `eval`, `exec`, `source`, `mkfifo`, `chmod`, `crontab`, `find -exec`,
 * a program or script under `/tmp`, `/var/tmp` or `/dev/shm`, `curl`/`wget` writing anywhere but standard output
 * or `/dev/null`, and any pipe into a shell; a shell's `-c` string is held to the same grammar. PowerShell is
 * taken only running a script file on a drive (`-File C:\…\x.ps1` with plain parameters), never `-Command`,
 * `-EncodedCommand` or a download. A command that reads what a probe reads (`id`, `uname`, `cat`, `ls`, `ps`, `echo`)
 * is refused as a program too. The gate asks only when the body also holds a schedule's field (`bodyHasSchedule`):
 * a web shell's `cmd=…` has none.
 */

import { isMentionablePath } from './path-mention.js';
import { trimmedLines } from './text-lines.js';

const MAX_CHARS = 4096;
const MAX_LINES = 40;

/** A word of plain characters, with `$(date +%F)` (cron's `\%` too) as the one substitution. */
const WORD = /^(?:[\w@%+=:,./~-]|\\%|\$\(date \+(?:\\?%[A-Za-z]|[-_:.])+\))+$/;
const DATE_SUBSTITUTION = /\$\(date \+[\\%\w:.-]{1,24}\)/g;
const DOUBLE_QUOTED = /^"([^"`$\\]*)"$/;
const SINGLE_QUOTED = /^'([^']*)'$/;
/** A quoted web address (a cron ping): any URL characters but a quote. */
const QUOTED_URL = /^(["'])https?:\/\/[\w.-]{1,100}(?::\d{1,5})?(?:\/[\w.~%/:@!,;=?&+-]*)?\1$/;
const TOKEN = /\s*(&&|\|\||\d?>>?&\d|\d?>>?|[|;&<`]|"[^"]*"|'[^']*'|(?:\$\(date \+[\\%\w:.-]{1,24}\)|[^\s|;&<>"'`])+)/y;

const REFUSED_PROGRAM = /^(?:case|select|union|if|for|while|until|function|then|do|and|or|insert|update|delete|drop|declare|waitfor|touch|id|whoami|uname|hostname|ifconfig|ip|netstat|ss|ps|ls|dir|cat|head|tail|more|less|echo|printf|pwd|w|who|last|nslookup|dig|host|ping|tracert|traceroute|cmd|cmd\.exe|command\.com|certutil(?:\.exe)?|bitsadmin(?:\.exe)?|mshta(?:\.exe)?|rundll32(?:\.exe)?|regsvr32(?:\.exe)?|wscript(?:\.exe)?|cscript(?:\.exe)?|powershell(?:\.exe)?|pwsh|nc|ncat|netcat|socat|telnet|mkfifo|mknod|base64|xxd|eval|exec|source|\.|chmod|chown|crontab|awk|gawk|mawk|nawk|useradd|usermod|passwd|chpasswd|openssl|ssh|scp|sudo|su|xterm|lua|tclsh|expect|dd|env|nohup|setsid|at|busybox)$/;
const INTERPRETER = /^(?:python[\d.]*|perl[\d.]*|php[\d.]*|ruby[\d.]*|node|nodejs|deno|bun|pwsh|lua[\d.]*|sh|bash|dash|zsh|ksh)$/;
const CODE_FLAG = /^-(?:[a-z]*[ceri][a-z]*|-eval|-exec|-command|-run)$/i;
/** A scheme other than a web address's (`msl:/tmp/x`, `file:/`, `label:@/etc/hosts`), a socat address that runs a program, a loader hook in the environment, or a header line (CRLF injection's). */
const HIJACK_WORD = /(?:^|[^\w@.-])(?!https?:\/\/)[a-z][\w+.-]{0,20}:[@/]|(?:^|[^\w])(?:exec|system|tcp[46]?|udp[46]?|openssl|pty):|NODE_OPTIONS|LD_PRELOAD|LD_LIBRARY_PATH|BASH_ENV|PERL5OPT|PYTHONSTARTUP|^[A-Z][A-Za-z]+(?:-[A-Za-z]+)*:/;
const NETWORK_SHELL = /^(?:\w{0,8}socat|nc|ncat|netcat|socat|telnet|mkfifo|base64|xxd|nslookup|cmd|cmd\.exe|command\.com|powershell(?:\.exe)?|pwsh|certutil(?:\.exe)?|bitsadmin(?:\.exe)?|mshta(?:\.exe)?|rundll32(?:\.exe)?|regsvr32(?:\.exe)?|wscript(?:\.exe)?|cscript(?:\.exe)?)$/i;
/** A program: a path of two segments or more (`/usr/bin/php`, `./bin/console`), or a tool's name (`php8.2`, `rsync`, `backup.sh`). */
const PROGRAM = /^(?:(?:~|\.{1,2})?\/[\w.+-]+\/[\w./+-]+|\.\/[\w.+-]+|[a-z][a-z0-9_+-]*[\d.]*|[\w-]+\.(?:sh|py|php|pl|rb|js))$/;
const PIPE_SINK = /^(?:gzip|bzip2|xz|zstd|pigz|logger)$/;
/** Where a job's output may not go: system configuration, a login's start-up files or keys. */
const GUARDED_TARGET = /^\/etc\/|\/\.ssh\b|\/\.(?:bashrc|profile|bash_profile|zshrc)$|authorized_keys/;
const TEMP_PATH = /^\/(?:tmp|var\/tmp|dev\/shm|run\/shm)(?:\/|$)/;
const POWERSHELL = /^(?:(?:[A-Za-z]:)?[\\/\w. ()-]{0,120}[\\/])?powershell(?:\.exe)?\s+((?:-(?:NoProfile|NonInteractive|NoLogo|ExecutionPolicy\s+(?:RemoteSigned|Bypass|AllSigned))\s+)*)-File\s+[A-Za-z]:[\\/]?(?:[\w. -]{1,60}[\\/]?){1,8}\.ps1(?:\s+-[A-Za-z]{1,30}(?:\s+[\w.:-]{1,60})?){0,8}\s*$/i;

function baseName(word: string): string {
  return word.slice(word.lastIndexOf('/') + 1);
}

/** The words of one simple command are plain, and the command is none of the refused shapes. */
function isPlainCommand(words: string[], depth: number, sink = false): boolean {
  if (words.length === 0) return false;
  // Leading variable assignments (`RAILS_ENV=production rake …`).
  let at = 0;
  while (at < words.length - 1 && /^[A-Z_][A-Z0-9_]*=/.test(words[at])) at++;
  const program = words[at];
  if (!PROGRAM.test(program) || TEMP_PATH.test(program) || program.includes('/dev/tcp')) return false;
  const name = baseName(program);
  if (REFUSED_PROGRAM.test(name)) return false;
  // A program alone is a job only as a shell script (`/usr/local/bin/backup.sh`): not a shell, a session file or a page.
  if (!sink && words.length === at + 1 && !/\.sh$/.test(program)) return false;
  if (name === 'cd' && words.length > at + 1 && TEMP_PATH.test(words[at + 1])) return false;
  const interpreter = INTERPRETER.test(name);
  for (let i = at + 1; i < words.length; i++) {
    const w = words[i];
    if (w.includes('/dev/tcp') || w.includes('/dev/udp') || HIJACK_WORD.test(w)) return false;
    if (TEMP_PATH.test(w) && /\.(?:js|sh|py|pl|php|so|rb)$/.test(w)) return false;
    // A file no job names (`/etc/passwd`, a key, `/proc/self/environ`) or a traversal, bare or quoted.
    const path = w.replace(/^["']|["']$/g, '').replace(DATE_SUBSTITUTION, 'x');
    if (path.startsWith('/') && !isMentionablePath(path)) return false;
    if (w === '-exec' || w === '-execdir' || w === '-ok') return false;
    // A network tool or encoder anywhere in the words (`docker run … nc -e /bin/sh …`).
    if (NETWORK_SHELL.test(baseName(w))) return false;
    // An interpreter given code on its command line, as the program or as an argument (`docker exec app python -c …`).
    if (CODE_FLAG.test(w) && (i === at + 1 ? interpreter : INTERPRETER.test(baseName(words[i - 1])))) {
      if (!interpreter || i !== at + 1) return false;
      // A shell's `-c` / `-lc` string is a command line of its own, held to this grammar (once).
      if (/^(?:sh|bash|dash|zsh|ksh)$/.test(name) && /^-l?c$/.test(w) && depth === 0 && i === words.length - 2) {
        const q = DOUBLE_QUOTED.exec(words[i + 1]) ?? SINGLE_QUOTED.exec(words[i + 1]);
        return q !== null && isCommandLine(q[1], 1);
      }
      return false;
    }
    if (interpreter && i === at + 1 && TEMP_PATH.test(w)) return false;
    if ((name === 'curl' || name === 'wget') && /^(?:-o|--output|-O|--output-document|-[a-zA-Z]*[oO])$/.test(w)) {
      const out = words[i + 1];
      if (out !== '-' && out !== '/dev/null' && !(name === 'wget' && /^-[a-zA-Z]*O-$/.test(w))) return false;
    }
    if (WORD.test(w) || QUOTED_URL.test(w)) continue;
    const dq = DOUBLE_QUOTED.exec(w) ?? SINGLE_QUOTED.exec(w);
    if (dq !== null && /^[\w\s@%+=:,./~*-]*$/.test(dq[1]) && !dq[1].split(/\s+/).some((x) => NETWORK_SHELL.test(baseName(x)) || INTERPRETER.test(baseName(x)))) continue;
    // A double-quoted deploy hook or filter (`"systemctl reload nginx"`, `"until=168h"`) held to the grammar.
    if (dq !== null && depth === 0 && isCommandLine(dq[1], 1)) continue;
    return false;
  }
  // wget saves what it fetches unless told to print it or throw it away.
  if (name === 'wget' && !words.some((w, i) => /^-[a-zA-Z]*O-$/.test(w) || w === '--spider' || w === '--delete-after' || (/^-[a-zA-Z]*O$/.test(w) && (words[i + 1] === '-' || words[i + 1] === '/dev/null')))) return false;
  return true;
}

/** One line: commands joined by `&&`, `||`, `;`, pipes into sinks, redirections to files. */
function isCommandLine(line: string, depth: number): boolean {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < line.length) {
    const m = TOKEN.exec(line);
    if (m === null) {
      if (line.slice(TOKEN.lastIndex).trim() === '') break;
      return false;
    }
    // A quoted string is a word of its own: one glued to other characters (`x' UNION …'`) is no command's.
    const q = m[1].charCodeAt(0);
    if (q === 34 || q === 39) {
      const start = TOKEN.lastIndex - m[1].length;
      if ((start > 0 && !/\s/.test(line[start - 1])) || (TOKEN.lastIndex < line.length && !/[\s|;&>]/.test(line[TOKEN.lastIndex]))) return false;
    }
    tokens.push(m[1]);
    if (tokens.length > 200) return false;
  }
  let words: string[] = [];
  let afterPipe = false;
  let commands = 0;
  const finish = (): boolean => {
    if (words.length === 0) return false;
    if (afterPipe && !PIPE_SINK.test(baseName(words[0]))) return false;
    if (!isPlainCommand(words, depth, afterPipe)) return false;
    commands++;
    words = [];
    return true;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t === '&&' || t === '||' || t === ';') {
      if (!finish()) return false;
      afterPipe = false;
    } else if (t === '|') {
      if (!finish()) return false;
      afterPipe = true;
    } else if (/^\d?>>?&\d$/.test(t)) {
      continue;
    } else if (/^\d?>>?$/.test(t)) {
      const file = tokens[++i];
      if (file === undefined || !WORD.test(file) || GUARDED_TARGET.test(file)) return false;
    } else if (t === '&' || t === '<' || t === '`') {
      return false;
    } else words.push(t);
  }
  if (words.length > 0 && !finish()) return false;
  return commands > 0;
}

/** A field of a schedule (a cron job's minute, a Forge job's frequency, a Jenkins timer's spec), by its name's last word. */
const SCHEDULE_FIELD = /(?:^|[.[/])(?:minute|minutes|mins|hour|hours|weekday|weekdays|dayofweek|frequency|schedule|cron|timing|spec|runPeriod|cronStyle)(?:\]|\[\d+\])?(?:$|[.[])/i;

const SCHEDULE_KEY = /"(?:timing|schedule|cron|frequency|minute|minutes|hour|hours)"\s*:\s*[[{\d"]/;

/**
 * True when the body holds a schedule's field beside the command: a command alone (a web shell's `cmd=…`) is judged
 * as before, whatever its shape.
 */
export function bodyHasSchedule(targets: readonly { location: string; name: string }[], body: string): boolean {
  for (const t of targets) if (t.location === 'body' && SCHEDULE_FIELD.test(t.name)) return true;
  // A schedule of numbers only (Cronicle's `"timing": { "hours": [3] }`) makes no string target: its key in a JSON body.
  return SCHEDULE_KEY.test(body);
}

/** True when the whole text is a scheduled command line or a short script of them (see the module comment). */
export function isScheduledCommand(text: string): boolean {
  // A job runs a file by its path, or a tool with a flag or a `name:verb` task: plain words are no job.
  if (text.length > MAX_CHARS || text.length < 4 || !(text.includes('/') || text.includes('\\') || /\s(?:--?[a-z][\w-]*|[a-z][\w-]*:[a-z][\w:-]*)(?:\s|$)/.test(text))) return false;

  const c = text.charCodeAt(0);
  // A command starts with a path, a name or a shebang; most field values that pass the screen fail here.
  if (!(c === 47 || c === 35 || c === 126 || (c >= 97 && c <= 122) || (c >= 65 && c <= 90))) return false;
  if (POWERSHELL.test(text)) return true;
  let lines = 0;
  // A script's shebang, also when the whitespace decoder folded the script onto its line.
  const body = text.replace(/^#!\/(?:usr\/)?bin\/(?:env\s+)?(?:ba)?sh[ \t]*(?:\n|(?=\S))?/, '');
  for (const line of trimmedLines(body)) {
    if (line === '' || (line.startsWith('#') && !line.includes('`') && !line.includes('$('))) continue;
    if (++lines > MAX_LINES) return false;
    if (/^set\s+[-+][euxo]{1,4}(?:\s+pipefail)?$/.test(line)) continue;
    // A Windows environment variable (`%COMSPEC%`, `%SystemRoot:~0,1%`) expands to a program the grammar never sees.
    if (line.includes('%') && /%[A-Za-z_][^%\s]{0,60}%/.test(line.replace(DATE_SUBSTITUTION, ''))) return false;
    if (!isCommandLine(line, 0)) return false;
  }
  return lines > 0;
}

/**
 * A cron table saved whole (`/etc/cron.d/shop-backup` through a panel's file editor, often base64 in the save's JSON:
 * pfSense's `diag_edit.php`, Portainer's config `Data`): the schedule stands on each job's line, so the body needs no
 * schedule field beside it (issue 14's `config-editor` family: `SHELL=/bin/bash` scored 0.86-0.96 with 9000304's alert,
 * 20 of seed 7's 348). Every line is empty, a comment in words, one of cron's own variables (`SHELL` a system shell,
 * `PATH` a list of absolute folders, `MAILTO`/`MAILFROM` an address or `""`, `CRON_TZ`/`TZ` a zone, `HOME` a folder),
 * or a job — five time fields or an `@daily`-style nickname, a system table's user name, then a command that is a
 * scheduled command in its own right (`isScheduledCommand`: no download-and-run, no reverse shell, no interpreter's
 * `-c`, no program under `/tmp`...); one job at least. `%` is cron's line break in a command: a job line holding one
 * outside `\%` is refused, as `%VAR%` is.
 */
const CRON_VARIABLE = /^(?:SHELL=\/(?:usr\/)?bin\/(?:ba|da|z|k)?sh|PATH=\/[\w.-]*(?:\/[\w.-]+)*(?::\/[\w.-]*(?:\/[\w.-]+)*)*|(?:MAILTO|MAILFROM)=(?:""|[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+)|(?:CRON_TZ|TZ)=[A-Za-z]+(?:\/[A-Za-z_+-]+){0,2}|HOME=\/[\w./-]{0,120})$/;
const CRON_FIELD = '(?:\\*|\\d{1,2}(?:-\\d{1,2})?)(?:\\/\\d{1,2})?(?:,(?:\\*|\\d{1,2}(?:-\\d{1,2})?)(?:\\/\\d{1,2})?){0,11}';
const CRON_NAME_FIELD = '(?:[A-Za-z]{3}(?:-[A-Za-z]{3})?(?:,[A-Za-z]{3}){0,6})';
const CRON_JOB = new RegExp(`^(?:@(?:reboot|yearly|annually|monthly|weekly|daily|midnight|hourly)|${CRON_FIELD}\\s+${CRON_FIELD}\\s+${CRON_FIELD}\\s+(?:${CRON_FIELD}|${CRON_NAME_FIELD})\\s+(?:${CRON_FIELD}|${CRON_NAME_FIELD}))\\s+(\\S.*)$`);
const CRON_USER = /^([a-z_][\w-]{0,31})\s+(\S.*)$/;

export function isCrontabFile(text: string): boolean {
  if (text.length > MAX_CHARS || !text.includes('\n')) return false;
  let jobs = 0;
  for (const line of trimmedLines(text)) {
    if (line === '' || /^#[\p{L}\p{N} .,:()/'"-]*$/u.test(line) || CRON_VARIABLE.test(line)) continue;
    const job = CRON_JOB.exec(line);
    if (job === null || ++jobs > MAX_LINES) return false;
    const command = job[1];
    if (command.replace(/\\%/g, '').includes('%')) return false;
    // A system table's (`/etc/cron.d`) sixth field is the user the job runs as; a user's table has none. A first word
    // that may be either is read both ways, and both must be a job (`root /tmp/x` is `/tmp/x` run as root).
    const user = CRON_USER.exec(command);
    if (!isScheduledCommand(command) || (user !== null && !isScheduledCommand(user[2]))) return false;
  }
  return jobs > 0;
}
