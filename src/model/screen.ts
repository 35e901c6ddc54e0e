/**
 * The lexical screen in front of the payload model: a text reaches the model only when it holds a
 * character or token that can carry an attack. Plain identifiers, numbers, UUIDs, hex/base64 tokens and
 * ordinary words never pay for inference, and — because the model never sees them — can never be
 * blocked by it: an unfamiliar value needs attack-capable syntax before the model is even asked.
 *
 * What passes:
 * - any of ' " < > ; | & $ ` ( ) { } [ ] \ * ! #, a control character (CR/LF/NUL/tab), or a % escape;
 * - `=` anywhere but trailing base64 padding (`1=1`, `x=y` tautologies and key=value smuggling);
 * - `..` (traversal), or a path that names a sensitive file/dir (etc/passwd, win.ini, system32, web-inf...);
 * - a URL shape used for open redirects (`//host`, `/\host`, `/http…`, `user@host/`);
 * - text with spaces holding a SQL/shell word that injection needs (`1 union select 2`, `sleep 5`).
 */

/** Characters whose presence alone sends a text to the model. */
const STRONG = new Uint8Array(128);
for (const ch of `'"<>;|&$\`(){}[]\\*!#%`) STRONG[ch.charCodeAt(0)] = 1;
for (let c = 0; c < 32; c++) if (c !== 32) STRONG[c] = 1;
STRONG[127] = 1;

const SENSITIVE_PATH = /(?:etc|proc|windows|winnt|system32|inetpub|web-inf|boot\.ini|win\.ini|\.htaccess|\.htpasswd|\.env|\.git|\.ssh|passwd|shadow|c:)(?:[/\\]|$)|(?:passwd|shadow|boot\.ini|win\.ini|\.htaccess|\.htpasswd|id_rsa|environ|hosts)\b/i;

const INJECTION_WORDS =
  /\b(?:union|select|sleep|benchmark|waitfor|having|order\s+by|group\s+by|insert\s+into|drop|exec|xp_\w+|information_schema|concat|char|ascii|substring|or\s+\d+|and\s+\d+|or\s+true|or\s+false|and\s+true|and\s+false|whoami|uname|netstat|ifconfig|ipconfig|wget|curl|ping|nslookup|net\s+user|net\s+localgroup|cat|ls|dir|echo|nc|bash|sh|cmd|powershell|chmod|rm|id|pwd|passwd|shadow|script|alert|javascript|eval|jndi)\b/i;

/** True when `text` may carry an attack and should be scored by the model. */
export function mayCarryAttack(text: string): boolean {
  const n = text.length;
  let hasSpace = false;
  let hasSlash = false;
  let hasDotDot = false;
  let hasAt = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if (STRONG[c] === 1) return true;
      if (c === 61 /* = */) {
        // Base64 padding (`...==` at the very end) is the one benign shape of `=` we let pass by.
        let j = i;
        while (j < n && text.charCodeAt(j) === 61) j++;
        if (j < n || i === 0) return true;
        i = j;
        continue;
      }
      if (c === 32) hasSpace = true;
      else if (c === 47) hasSlash = true;
      else if (c === 64) hasAt = true;
      else if (c === 46 && text.charCodeAt(i + 1) === 46) hasDotDot = true;
    } else if (c === 0xff07 || c === 0xff02 || c === 0xff1c || c === 0xff1e || c === 0x2018 || c === 0x2019 || c === 0x201c || c === 0x201d) {
      // Fullwidth and typographic quotes/brackets: some back ends fold them to ASCII.
      return true;
    }
  }
  if (hasDotDot) return true;
  if (hasSlash) {
    const first = text.charCodeAt(0);
    const second = text.charCodeAt(1);
    if (first === 47 && (second === 47 || second === 92)) return true;
    if (first === 47 && /^\/+https?:/i.test(text)) return true;
    if (hasAt) return true;
    if (SENSITIVE_PATH.test(text)) return true;
  }
  if (hasSpace && INJECTION_WORDS.test(text)) return true;
  return false;
}
