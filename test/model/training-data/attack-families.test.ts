import { describe, expect, it } from 'vitest';
import { ATTACK_FAMILIES, attackFamilyByName, DEFAULT_ATTACK_FAMILIES, OPT_IN_FAMILIES, synthesizeFamilyAttacks } from '../../../src/model/training-data/attack-families/index.js';
import { familyAttackCount } from '../../../datasets/training-set.js';
import { synthesizeAttacks } from '../../../src/model/training-data/attack-grammar.js';
import { generateAttackRecords } from '../../../datasets/attack-families.js';
import { recordProblem } from '../../../src/eval/record.js';
import { bodyProblem } from '../../datasets/body-check.js';

describe('attack family grammars (issue 14)', () => {
  const attacks = synthesizeFamilyAttacks(3, 200);

  it('names every family issue 14 lists, each once', () => {
    const names = ATTACK_FAMILIES.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(
      expect.arrayContaining([
        'shell-substitution', 'powershell', 'cmd-windows', 'script-oneliner', 'jvm-reflection', 'ognl', 'spel-el-mvel', 'jndi-log4shell', 'serialized-object',
        'php-injection', 'node-ssjs', 'prototype-pollution', 'sql-fragments', 'crlf-header-injection', 'session-fixation', 'ssrf-metadata', 'sensitive-file-probe',
      ]),
    );
  });

  it('is deterministic for a seed, and a family does not depend on the others', () => {
    expect(synthesizeFamilyAttacks(3, 200)).toEqual(attacks);
    expect(synthesizeFamilyAttacks(3, 200, ['ognl'])).toEqual(attacks.filter((a) => a.family === 'ognl'));
    expect(synthesizeFamilyAttacks(4, 50, ['ognl'])).not.toEqual(attacks.filter((a) => a.family === 'ognl').slice(0, 50));
  });

  it.each(ATTACK_FAMILIES.map((f) => [f.name] as const))('%s is a grammar, not a list: most of 200 draws are distinct', (name) => {
    const texts = attacks.filter((a) => a.family === name).map((a) => a.text);
    expect(texts.every((t) => t.length > 0)).toBe(true);
    expect(new Set(texts).size).toBeGreaterThan(name === 'sensitive-file-probe' || name === 'session-fixation' ? 60 : 100);
  });

  it('draws its values rather than quoting them: no payload of the varied families comes back more than 3 times in 300 draws', () => {
    // A fixed string repeated 5-17 times per 300 records made one spelling worth up to 6 points of a
    // family's figure (`;jsessionid=ABC123`, one .NET BinaryFormatter prefix, `set a=who&&set b=ami`).
    const varied = ['serialized-object', 'session-fixation', 'shell-substitution', 'cmd-windows', 'sql-fragments', 'ssrf-metadata', 'sensitive-file-probe', 'jndi-log4shell', 'script-oneliner', 'prototype-pollution', 'crlf-header-injection'];
    for (const family of varied) {
      const counts = new Map<string, number>();
      for (const a of synthesizeFamilyAttacks(123, 300, [family])) counts.set(a.text, (counts.get(a.text) ?? 0) + 1);
      const [top, n] = [...counts].sort((x, y) => y[1] - x[1])[0];
      expect(n, `${family}: ${top}`).toBeLessThanOrEqual(3);
    }
    // Families whose attacks are partly fixed names (gadget classes, webshell prefixes, a bare probe behind a magic): at most 6.
    for (const family of ['jvm-reflection', 'ognl', 'spel-el-mvel', 'php-injection', 'node-ssjs', 'powershell', 'feature-shell-line', 'feature-code-snippet']) {
      const counts = new Map<string, number>();
      for (const a of synthesizeFamilyAttacks(123, 300, [family])) counts.set(a.text, (counts.get(a.text) ?? 0) + 1);
      const [top, n] = [...counts].sort((x, y) => y[1] - x[1])[0];
      expect(n, `${family}: ${top}`).toBeLessThanOrEqual(6);
    }
  });

  it('spells non-alphanumeric JS that evaluates to the names it stands for', () => {
    // The jsfuck-built property names of node-ssjs: pull each [..][..] name out and evaluate only it.
    const texts = synthesizeFamilyAttacks(7, 400, ['node-ssjs']).map((a) => a.text).filter((t) => t.startsWith('[][(') || t.startsWith('[]["'));
    expect(texts.length).toBeGreaterThan(10);
    // The two bracketed groups after the leading `[]`, read with bracket depth (the letters nest brackets).
    const groups = (t: string): string[] => {
      const out: string[] = [];
      let i = 2;
      for (let k = 0; k < 2 && t[i] === '['; k++) {
        let depth = 0;
        let j = i;
        for (; j < t.length; j++) {
          if (t[j] === '[') depth++;
          else if (t[j] === ']' && --depth === 0) break;
        }
        out.push(t.slice(i + 1, j));
        i = j + 1;
      }
      return out;
    };
    for (const t of texts.slice(0, 20)) {
      const [method, ctor] = groups(t);
      expect(['filter', 'fill', 'sort', 'at', 'concat', 'entries'], t).toContain((0, eval)(method) as string);
      expect((0, eval)(ctor), t).toBe('constructor');
    }
  });

  it('builds serialized objects a deserializer would read: Java, .NET BinaryFormatter, pickle and Ruby Marshal headers', () => {
    const texts = synthesizeFamilyAttacks(5, 400, ['serialized-object']).map((a) => a.text);
    const decoded = texts.filter((t) => /^[A-Za-z0-9+/]+=*$/.test(t)).map((t) => Buffer.from(t, 'base64'));
    expect(decoded.some((b) => b.subarray(0, 4).equals(Buffer.from([0xac, 0xed, 0x00, 0x05])))).toBe(true);
    expect(decoded.some((b) => b.subarray(0, 17).equals(Buffer.from('0001000000ffffffff010000000000000000'.slice(0, 34), 'hex')))).toBe(true);
    expect(decoded.some((b) => b[0] === 0x80 && b[1] === 0x04 && b[2] === 0x95 && b.readUInt32LE(3) === b.length - 11)).toBe(true);
    expect(decoded.some((b) => b[0] === 0x04 && b[1] === 0x08 && b[2] === 0x6f)).toBe(true);
  });

  it('puts code in a feature field (issue 18): a shell line behind a magic or shebang, or a snippet that starts a process, sometimes in a JSON envelope', () => {
    const codeKeys = ['text', 'source', 'code', 'command', 'script', 'rawScript', 'jsCode', 'func', 'paragraph'];
    const parsed = (text: string): unknown => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        return undefined; // a field, not an envelope (Groovy's ['sh', '-c', …].execute() starts with a bracket too)
      }
    };
    const fieldOf = (text: string): string => {
      const envelope = parsed(text);
      if (typeof envelope !== 'object' || envelope === null) return text;
      // An envelope: JSON holding the field under one of the code keys, at any depth.
      const found: string[] = [];
      const walk = (v: unknown): void => {
        if (Array.isArray(v)) v.forEach(walk);
        else if (typeof v === 'object' && v !== null) {
          for (const [k, x] of Object.entries(v)) {
            if (typeof x === 'string' && codeKeys.includes(k)) found.push(x);
            else walk(x);
          }
        }
      };
      walk(envelope);
      expect(found, text).toHaveLength(1);
      return found[0];
    };
    const shell = synthesizeFamilyAttacks(11, 300, ['feature-shell-line']).map((a) => a.text);
    const code = synthesizeFamilyAttacks(11, 300, ['feature-code-snippet']).map((a) => a.text);
    for (const texts of [shell, code]) {
      const enveloped = texts.filter((t) => typeof parsed(t) === 'object');
      expect(enveloped.length).toBeGreaterThan(40);
      expect(enveloped.length).toBeLessThan(150);
    }
    const shellFields = shell.map(fieldOf);
    expect(shellFields.some((f) => /^%sh\b/.test(f))).toBe(true);
    expect(shellFields.some((f) => f.startsWith('%%'))).toBe(true);
    expect(shellFields.some((f) => f.startsWith('!'))).toBe(true);
    expect(shellFields.some((f) => f.startsWith('#!'))).toBe(true);
    // Every code snippet starts a process (or opens a socket for a shell) in its language.
    const starter = /os\.system|os\.popen|subprocess\.|__import__|pty\.spawn|child_process|\.execute\(\)|Runtime\.getRuntime|ProcessBuilder|\.!!|system2?\(|pipe\(|IO\.popen|%x\(|Open3|^`/;
    for (const f of code.map(fieldOf)) expect(f, f).toMatch(starter);
  });

  it('splits commands, SQL, code and templates across lines (session 22): every draw breaks a line, raw or percent-encoded', () => {
    const families = ['multiline-shell', 'multiline-sql', 'multiline-code', 'multiline-template'];
    const texts = synthesizeFamilyAttacks(13, 300, families);
    for (const a of texts) expect(a.text, a.text).toMatch(/\n|%0[aA]/);
    for (const family of families) {
      const own = texts.filter((a) => a.family === family).map((a) => a.text);
      // Every spelling of the break is drawn: LF, CRLF, %0A/%0a, %0D%0A/%0d%0a.
      expect(own.some((t) => /[^\r]\n/.test(t)), family).toBe(true);
      expect(own.some((t) => t.includes('\r\n')), family).toBe(true);
      expect(own.some((t) => /%0a/i.test(t) && !/%0d/i.test(t)), family).toBe(true);
      expect(own.some((t) => /%0d%0a/i.test(t)), family).toBe(true);
    }
    // The shell family spells a command word across a line continuation now and then (`ca\<LF>t`).
    expect(texts.some((a) => a.family === 'multiline-shell' && /\w\\\n\w/.test(a.text))).toBe(true);
  });

  it('sends a multi-line draw whose breaks the attacker percent-encoded to a query or form, where a URL decoding makes them breaks', () => {
    for (const family of ['multiline-shell', 'multiline-sql', 'multiline-code', 'multiline-template']) {
      const records = generateAttackRecords(7, 300, [family]);
      const types = new Set(records.map((r) => (r.headers['Content-Type'] ?? 'query').split(';')[0]));
      expect(types, family).toEqual(new Set(['query', 'application/x-www-form-urlencoded', 'application/json', 'multipart/form-data']));
      for (const r of records) {
        expect(recordProblem(r), r.id).toBeNull();
        expect([null, 'bad percent-escape'], `${r.id}: ${r.body?.slice(0, 200)}`).toContain(bodyProblem(r));
        expect(/[\s"<>\u0080-\uffff]/.test(r.path + r.query), `${r.id}: ${r.path}?${r.query}`).toBe(false);
        const type = r.headers['Content-Type'] ?? '';
        if (type.startsWith('application/json') || type.startsWith('multipart/')) expect(/%0[ad]/i.test(r.body ?? ''), r.id).toBe(false);
      }
    }
  });

  it('draws the opt-in families (issue 18) only when a run names them, so the shipped recipe and its base material stay the same', () => {
    expect(OPT_IN_FAMILIES).toEqual(['feature-shell-line', 'feature-code-snippet', 'multiline-shell', 'multiline-sql', 'multiline-code', 'multiline-template']);
    expect(DEFAULT_ATTACK_FAMILIES).toHaveLength(ATTACK_FAMILIES.length - OPT_IN_FAMILIES.length);
    for (const name of OPT_IN_FAMILIES) {
      expect(familyAttackCount({}, name)).toBe(0);
      expect(familyAttackCount({ familyWeights: { [name]: 1 } }, name)).toBe(2000);
    }
    expect(familyAttackCount({}, 'ognl')).toBe(2000);
  });

  it('leaves the shipped training grammar untouched (the published recipe stays reproducible)', () => {
    expect(new Set(synthesizeAttacks(7, 2000).map((a) => a.category))).not.toContain('serialized-object');
  });
});

describe('attack family request records', () => {
  const records = generateAttackRecords(1, 40);

  it('are valid warden eval records labelled attack, one category per family', () => {
    for (const r of records) expect(recordProblem(r), r.id).toBeNull();
    expect(new Set(records.map((r) => r.category))).toEqual(new Set(DEFAULT_ATTACK_FAMILIES));
    const optIn = generateAttackRecords(1, 40, OPT_IN_FAMILIES);
    for (const r of optIn) expect(recordProblem(r), r.id).toBeNull();
    expect(new Set(optIn.map((r) => r.category))).toEqual(new Set(OPT_IN_FAMILIES));
    expect(records.every((r) => r.label === 'attack' && r.source === 'warden-attack-gen')).toBe(true);
  });

  it('carry bodies that match their Content-Type and wire-safe targets and headers', () => {
    for (const r of records) {
      // A malformed escape (`%%0a0a`) is a bypass attempt some decoders fall for: allowed in attacks.
      expect([null, 'bad percent-escape'], `${r.id}: ${r.body?.slice(0, 200)}`).toContain(bodyProblem(r));
      expect(/[\s"<>\u0080-\uffff]/.test(r.path + r.query), `${r.id}: ${r.path}?${r.query}`).toBe(false);
      for (const v of Object.values(r.headers)) expect(/[\r\n]/.test(v), r.id).toBe(false);
    }
  });

  it('are the same for the same seed', () => {
    expect(generateAttackRecords(1, 40)).toEqual(records);
  });
});

describe('session-fixation records: the Cookie header only where the id shows the plant', () => {
  const placeFor = attackFamilyByName('session-fixation')!.placeFor!;

  it('sends a generic sid/session_id or a digits-only CFID (ids an issuer writes) as the parameter value the attacker sends', () => {
    for (const payload of ['sid=4121353', 'sid=n97q4', 'x=3; session_id=evil3369', 'CFID=13780234', 'theme=1; CFID=59492819', 'sid=57d457d4']) {
      expect(placeFor(payload, 'cookie'), payload).toBe('query');
    }
  });

  it('keeps in the Cookie header what no issuer writes: a framework id, a short unit repeated, a CFID with a letter, a planted line', () => {
    for (const payload of ['PHPSESSID=abc123', 'x=1; JSESSIONID=attacker', 'sid=f213f213f213f213', 'session_id=35d77b35d77b35d77b', 'CFID=fixed12', 'sid=4121353; Domain=.bank.com; Path=/']) {
      expect(placeFor(payload, 'cookie'), payload).toBe('cookie');
    }
  });

  it('leaves every other place as drawn', () => {
    for (const place of ['query', 'path', 'form'] as const) expect(placeFor('sid=4121353', place)).toBe(place);
  });

  it('draws no Cookie header that is a generic session id any issuer could write (seeds 1, 7, 99)', () => {
    for (const seed of [1, 7, 99]) {
      const cookies = generateAttackRecords(seed, 300, ['session-fixation']).map((r) => r.headers.Cookie ?? '').filter((c) => c !== '');
      expect(cookies.length).toBeGreaterThan(40);
      for (const c of cookies) expect(/^theme=dark; (?:[\w.-]+=[^;\s]*; )?(?:sid|session_id)=[A-Za-z0-9-]{1,11}$|^theme=dark; (?:[\w.-]+=[^;\s]*; )?CFID=\d+$/.test(c), c).toBe(false);
    }
  });
});
