/**
 * Obfuscations attackers apply to get a known payload past a filter: random case, inline SQL
 * comments, whitespace substitutes, percent-encoding (once or twice), string concatenation, shell
 * quoting tricks, a benign-looking prefix. Training on them teaches the model the attack's grammar
 * rather than the exact strings of the shared lists.
 */

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
