import { describe, expect, it } from 'vitest';
import { createModelGate, sameButWhitespace } from '../../src/model/gate.js';
import type { Inspection, Target } from '../../src/inspect/types.js';
import type { SignatureHit } from '../../src/signatures/types.js';
import type { PayloadModel } from '../../src/model/types.js';

/** A stand-in model: scores by a marker, and records what it was asked. */
function fakeModel(): PayloadModel & { calls: string[][] } {
  const calls: string[][] = [];
  return {
    version: 'fake-1',
    calls,
    score(texts: readonly string[]) {
      calls.push([...texts]);
      return Float32Array.from(texts, (t) => (t.includes('<script>') ? 0.95 : t.includes("'") ? 0.4 : 0.05));
    },
  };
}

function target(name: string, raw: string, decoded: string[] = []): Target {
  return { location: 'query', name, role: 'value', raw, decoded };
}

function inspection(targets: Target[]): Inspection {
  return { targets, rawPath: '/' } as unknown as Inspection;
}

const noHits = { hits: [], candidates: 0 };

describe('createModelGate', () => {
  it('scores only screened targets, raw and decoded forms in one batch, and reports the best form first', async () => {
    const model = fakeModel();
    const gate = createModelGate(model);
    const result = await gate.evaluate(
      inspection([target('id', '42'), target('q', '%3Cscript%3E', ['<script>']), target('name', "O'Brien"), target('uuid', '550e8400-e29b-41d4-a716-446655440000')]),
      noHits,
    );
    expect(model.calls).toHaveLength(1);
    expect(model.calls[0]).toEqual(['<script>', "O'Brien"]);
    expect(result.screened).toBe(2);
    expect(result.total).toBe(4);
    expect(result.modelVersion).toBe('fake-1');
    expect(result.scores.map((s) => [s.targetIndex, s.form])).toEqual([
      [1, '<script>'],
      [2, 'raw'],
    ]);
    expect(result.maxScore).toBeCloseTo(0.95, 5);
  });

  it('skips a percent-escaped form when a plain decoded form exists, and keeps it when none does', async () => {
    const model = fakeModel();
    await createModelGate(model).evaluate(
      inspection([
        target('a', '%27%3B%26x', ["';&x"]),
        target('b', '%2527', ['%27']),
        target('c', '..%%32%%66..%%32%%66etc', ['..%2%f..%2%fetc']),
        target('d', 'x%3C%21y%25', ['x<!y%']),
      ]),
      noHits,
    );
    // b and c keep their raw form: no decoded form is free of escapes (c hides a nested %2f).
    expect(model.calls[0]).toEqual(["';&x", '%2527', '%27', '..%%32%%66..%%32%%66etc', '..%2%f..%2%fetc', 'x<!y%']);
  });

  it("scores a form's best-fit fold instead of the form itself when both are within the forms scored", async () => {
    const model = fakeModel();
    const fold = (name: string, raw: string, decoded: string[], via: string[]): Target => ({ ...target(name, raw, decoded), decodedVia: via });
    await createModelGate(model).evaluate(
      inspection([
        fold('a', '“Liten” Bil', ['"Liten" Bil'], ['unicode-fold']),
        fold('b', '%E2%80%98x%E2%80%99+or+1', ['‘x’ or 1', "'x' or 1"], ['url', 'url>unicode-fold']),
        // The fold is past the cap of decoded forms scored: the typographic spelling is all there is.
        fold('c', '‘y’', ['a', 'b', 'c', 'd', "'y'"], ['base64', 'url', 'html', 'js', 'unicode-fold']),
      ]),
      noHits,
    );
    expect(model.calls[0]).toEqual(['"Liten" Bil', "'x' or 1", '‘y’']);
  });

  it('remembers the scores of repeated short forms across requests', async () => {
    const model = fakeModel();
    const gate = createModelGate(model);
    const ua = 'Mozilla/5.0 (X11; Linux x86_64)';
    await gate.evaluate(inspection([target('User-Agent', ua), target('q', "it's")]), noHits);
    const second = await gate.evaluate(inspection([target('User-Agent', ua), target('q', '<script>x')]), noHits);
    expect(model.calls).toEqual([[ua, "it's"], ['<script>x']]);
    expect(second.scores[0]).toMatchObject({ targetIndex: 1 });
    expect(second.scores[1].score).toBeCloseTo(0.05, 5);
  });

  it('makes no model call when nothing passes the screen', async () => {
    const model = fakeModel();
    const result = await createModelGate(model).evaluate(inspection([target('id', '42'), target('sort', 'price')]), noHits);
    expect(model.calls).toHaveLength(0);
    expect(result).toMatchObject({ scores: [], maxScore: 0, screened: 0, total: 2 });
  });

  it('always scores a target gate 1 pointed at, even a plain one', async () => {
    const model = fakeModel();
    const hit = { targetIndex: 0 } as SignatureHit;
    const result = await createModelGate(model).evaluate(inspection([target('cmd', 'whoami')]), { hits: [hit], candidates: 1 });
    expect(model.calls[0]).toEqual(['whoami']);
    expect(result.screened).toBe(1);
  });

  it('sends a declared shell script (exec-form sh -c) to the model only when gate 1 hit it', async () => {
    const script: Target = { ...target('command[2]', "cat /etc/app.yaml | envsubst > /tmp/app.yaml && echo '<script>'"), location: 'body', role: 'script' };
    const model = fakeModel();
    const quiet = await createModelGate(model).evaluate(inspection([script]), noHits);
    expect(model.calls).toEqual([]);
    expect(quiet.maxScore).toBe(0);
    const hit = { targetIndex: 0 } as SignatureHit;
    const flagged = await createModelGate(fakeModel()).evaluate(inspection([script]), { hits: [hit], candidates: 1 });
    expect(flagged.maxScore).toBeCloseTo(0.95);
  });

  it('sends an uploaded HTML page (role document) to the model only on a hit that is not an XSS rule\'s', async () => {
    const page: Target = { ...target('file', '<!doctype html><html><body onload="init()"><script>x()</script></body></html>'), location: 'body', role: 'document' };
    const title: Target = { ...target('title', '<script>alert(1)</script>'), location: 'body' };
    const model = fakeModel();
    const quiet = await createModelGate(model).evaluate(inspection([page, title]), noHits);
    expect(model.calls).toEqual([['<script>alert(1)</script>']]);
    expect(quiet.scores.map((s) => s.targetIndex)).toEqual([1]);
    const xss = { targetIndex: 0, msg: 'WARDEN XSS HTML tag with event handler in body' } as SignatureHit;
    const markup = await createModelGate(fakeModel()).evaluate(inspection([page]), { hits: [xss], candidates: 1 });
    expect(markup.screened).toBe(0);
    const php = { targetIndex: 0, msg: 'WARDEN CODE PHP webshell one-liner' } as SignatureHit;
    const flagged = await createModelGate(fakeModel()).evaluate(inspection([page]), { hits: [php], candidates: 1 });
    expect(flagged.maxScore).toBeCloseTo(0.95);
  });

  it('sends an uploaded text file that lands inert (role file) to the model only on a gate-1 hit', async () => {
    const file: Target = { ...target('file', "#!/bin/sh\necho '<script>' $(id -u) | tee /tmp/uid; cat /etc/os-release"), location: 'body', role: 'file' };
    const title: Target = { ...target('title', "x' OR 1=1--"), location: 'body' };
    const model = fakeModel();
    const quiet = await createModelGate(model).evaluate(inspection([file, title]), noHits);
    expect(model.calls).toEqual([["x' OR 1=1--"]]);
    expect(quiet.scores.map((s) => s.targetIndex)).toEqual([1]);
    const xss = { targetIndex: 0, msg: 'WARDEN XSS HTML tag with event handler in body' } as SignatureHit;
    const flagged = await createModelGate(fakeModel()).evaluate(inspection([file]), { hits: [xss], candidates: 1 });
    expect(flagged.maxScore).toBeCloseTo(0.95);
  });

  it('scores an uploaded HTML page as any uploaded text with htmlUploads: inspect', async () => {
    const page: Target = { ...target('file', '<!doctype html><html><body onload="init()"><script>x()</script></body></html>'), location: 'body', role: 'document' };
    const model = fakeModel();
    const quiet = await createModelGate(model, { htmlUploads: 'inspect' }).evaluate(inspection([page]), noHits);
    expect(model.calls).toHaveLength(1);
    expect(quiet.maxScore).toBeCloseTo(0.95);
    const xss = { targetIndex: 0, msg: 'WARDEN XSS HTML tag with event handler in body' } as SignatureHit;
    const markup = await createModelGate(fakeModel(), { htmlUploads: 'inspect' }).evaluate(inspection([page]), { hits: [xss], candidates: 1 });
    expect(markup.screened).toBe(1);
    expect(markup.maxScore).toBeCloseTo(0.95);
  });

  it('scores a password field only when it holds more than a generated password\'s punctuation, and a search field beyond its words', async () => {
    const body = (name: string, raw: string): Target => ({ ...target(name, raw), location: 'body' });
    const model = fakeModel();
    await createModelGate(model).evaluate(
      inspection([body('password', 'G.SLE(="f)=0'), body('new_password', "x' or '1'='1"), target('q', 'echo box'), target('q', "echo box'"), target('id', 'echo box')]),
      noHits,
    );
    expect(model.calls).toEqual([["x' or '1'='1", "echo box'", 'echo box']]);
    const forced = fakeModel();
    await createModelGate(forced).evaluate(inspection([body('password', 'G.SLE(="f)=0')]), { hits: [{ targetIndex: 0 } as SignatureHit], candidates: 1 });
    expect(forced.calls).toEqual([['G.SLE(="f)=0']]);
  });

  it("does not score a log search in a search field, even on a path rule's alert; a blocking hit or another field still sends it", async () => {
    const search = target('query', '{app="nginx"} |= "/etc/passwd"');
    const alert = { targetIndex: 0, effect: 'suspicious', msg: 'WARDEN LFI sensitive system file' } as SignatureHit;
    const model = fakeModel();
    await createModelGate(model).evaluate(inspection([search, target('q', 'message:"x" AND user:\'admin\'')]), { hits: [alert], candidates: 1 });
    // The alerted search is not scored; a value with a single quote is no log search.
    expect(model.calls).toEqual([["message:\"x\" AND user:'admin'"]]);
    const blocked = fakeModel();
    await createModelGate(blocked).evaluate(inspection([search]), { hits: [{ ...alert, effect: 'block' }], candidates: 1 });
    expect(blocked.calls).toEqual([['{app="nginx"} |= "/etc/passwd"']]);
    const elsewhere = fakeModel();
    await createModelGate(elsewhere).evaluate(inspection([target('page', '{app="nginx"} |= "/etc/passwd"')]), { hits: [{ ...alert, targetIndex: 0 }], candidates: 1 });
    expect(elsewhere.calls).toEqual([['{app="nginx"} |= "/etc/passwd"']]);
  });

  it("scores an alerted address as its parts when one of its parameters is a whole SQL statement (a BI page's URL in an analytics event), else whole", async () => {
    const bi = { ...target('[0].properties.$current_url', "https://bi.example.io/questions/new?db=4&query=SELECT+table_name+FROM+information_schema.tables+WHERE+table_schema+%3D+'app'%3B&note=<script>"), location: 'body' as const };
    const alert = { targetIndex: 0, effect: 'suspicious', msg: 'WARDEN SQLI catalog or dangerous procedure reference in body' } as SignatureHit;
    const model = fakeModel();
    await createModelGate(model).evaluate(inspection([bi]), { hits: [alert], candidates: 1 });
    // The statement is left out, the address and `4` pass no screen, the markup parameter is scored on its own.
    expect(model.calls).toEqual([['<script>']]);
    const injected = { ...bi, raw: "https://bi.example.io/questions/new?db=4&query=x'+UNION+SELECT+password+FROM+users--" };
    const whole = fakeModel();
    await createModelGate(whole).evaluate(inspection([injected]), { hits: [alert], candidates: 1 });
    expect(whole.calls).toEqual([[injected.raw]]);
  });

  it('does not score a program pasted whole into a body field, nor its whitespace twin; a program in the query or calling a sink still is', async () => {
    const program = 'try (InputStream in = getClass().getClassLoader().getResourceAsStream("app.properties")) {\n    Properties p = new Properties();\n    p.load(in);\n}';
    const folded = program.replace(/\s+/g, ' ');
    const pasted: Target = { ...target('content', program, [folded]), location: 'body', decodedVia: ['whitespace'] };
    const sink = 'x = 1;\nRuntime.getRuntime().exec("id");\n';
    const model = fakeModel();
    await createModelGate(model, { screen: () => true }).evaluate(inspection([pasted, { ...target('code', sink), location: 'body' }, target('content', program)]), noHits);
    expect(model.calls).toEqual([[sink, program]]);
    const chat: Target = { ...target('message', `anyone seen this? \`\`\`${program}\`\`\``, [`anyone seen this? \`\`\`${folded}\`\`\``]), location: 'body', decodedVia: ['whitespace'] };
    const masked = fakeModel();
    await createModelGate(masked, { screen: () => true }).evaluate(inspection([chat]), noHits);
    expect(masked.calls).toEqual([['anyone seen this?  ']]);
  });

  it('does not score a whole Gremlin traversal\'s steps, a low-code data mapping\'s expressions, a settings file or .htaccess routing sent whole, nor a sketched statement in an aside; their injected twins and a blocking hit still are', async () => {
    const body = (name: string, raw: string, decoded: string[] = []): Target => ({ ...target(name, raw, decoded), location: 'body' });
    const gremlin = "g.V().has('account','id',accountId).out('transfer').limit(20)";
    const mapping = '{{replace(1.subject; "/^(Re|Fwd): /i"; emptystring)}}';
    const ini = '[PHP]\nmemory_limit = 512M\ndisable_functions = exec,passthru,system\n';
    const title = "[질문] 쿼리가 너무 느려요 (SELECT … WHERE … LIKE '%검색어%')";
    const htaccess = 'RewriteEngine On\nRewriteCond %{HTTPS} off\nRewriteRule ^(.*)$ https://%{HTTP_HOST}/$1 [R=301,L]\n';
    const model = fakeModel();
    await createModelGate(model, { screen: () => true }).evaluate(
      inspection([
        body('gremlin', gremlin),
        body('gremlin', "g.V().map{ 'id'.execute() }"),
        body('values', mapping),
        body('values', '{{7*7}}'),
        body('content', ini),
        body('content', 'auto_prepend_file = php://input\nallow_url_include = On\nexpose_php = Off\n'),
        target('content', ini),
        body('text', htaccess),
        body('text', `AddType application/x-httpd-php .png\n${htaccess}`),
        body('title', title),
        body('title', "x (SELECT password … FROM users WHERE ''='')"),
      ]),
      noHits,
    );
    expect(model.calls).toEqual([
      [
        // What the traversal quotes and the text around the mapping are still read (this screen lets anything through).
        'account id transfer',
        "g.V().map{ 'id'.execute() }",
        '{{7*7}}',
        'auto_prepend_file = php://input\nallow_url_include = On\nexpose_php = Off\n',
        ini,
        `AddType application/x-httpd-php .png\n${htaccess}`,
        '[질문] 쿼리가 너무 느려요  ',
        "x (SELECT password … FROM users WHERE ''='')",
      ],
    ]);
    const blocked = fakeModel();
    await createModelGate(blocked, { screen: () => true }).evaluate(inspection([body('gremlin', gremlin)]), { hits: [{ targetIndex: 0, effect: 'block', msg: 'x' } as SignatureHit], candidates: 1 });
    expect(blocked.calls).toEqual([[gremlin]]);
  });

  it('scores what a Gremlin traversal quotes, the text around a low-code mapping and the queries an .htaccess passes on: none of them hides a payload', async () => {
    const body = (name: string, raw: string): Target => ({ ...target(name, raw), location: 'body' });
    const model = fakeModel();
    await createModelGate(model).evaluate(
      inspection([
        body('gremlin', "g.V().has('account','id',accountId).out('transfer').limit(20)"),
        body('gremlin', "g.V().has('user','name','../../../../etc/passwd').values('email')"),
        body('to', '={{ $json.body.email.split("@")[1] }}'),
        body('to', "{{1.subject}} ' union select username,password from users--"),
      ]),
      noHits,
    );
    const routed = fakeModel();
    const htaccess = 'RewriteEngine On\nRewriteCond %{HTTPS} off\nRewriteRule ^(.*)$ https://%{HTTP_HOST}/$1 [R=301,L]\n';
    await createModelGate(routed).evaluate(inspection([body('content', htaccess), body('content', `${htaccess}RewriteRule ^x$ /index.php?id=1%20union%20select%20password%20from%20users-- [L]\n`)]), noHits);
    // Of an .htaccess only the query its rewrite passes on is scored.
    expect(routed.calls).toEqual([['id=1%20union%20select%20password%20from%20users--']]);
    // The payloads are scored without the query or mapping around them; the mapping alone passes no screen. The
    // benign traversal's literals do (the screen reads `id` as a command name): the model, not the screen, clears them.
    expect(model.calls).toEqual([['account id transfer', 'user name ../../../../etc/passwd email', "  ' union select username,password from users--"]]);
  });

  it('sends an archive entry name (read out of an uploaded zip) to the model only when gate 1 hit it', async () => {
    const entry: Target = { ...target('file[zip:3]', 'org/example/<script>/Builder$1.class'), location: 'body', role: 'filename', unescaped: 'archive' };
    const upload: Target = { ...target('file', '<script>.jar'), location: 'body', role: 'filename' };
    const model = fakeModel();
    const quiet = await createModelGate(model).evaluate(inspection([entry, upload]), noHits);
    expect(model.calls).toEqual([['<script>.jar']]);
    expect(quiet.screened).toBe(1);
    const hit = { targetIndex: 0 } as SignatureHit;
    const flagged = await createModelGate(fakeModel()).evaluate(inspection([entry]), { hits: [hit], candidates: 1 });
    expect(flagged.maxScore).toBeCloseTo(0.95);
  });

  it('sends a stack frame\'s quoted source line and its file to the model only when gate 1 hit them', async () => {
    const frame = 'exception.values[0].stacktrace.frames[2]';
    const line: Target = { ...target(`${frame}.context_line`, "return items.map((i) => '<script>' + i.id);"), location: 'body' };
    const before: Target = { ...target(`${frame}.pre_context[1]`, "el.innerHTML = '<script>';"), location: 'body' };
    const file: Target = { ...target(`${frame}.filename`, '/var/www/html/app/<script>.php'), location: 'body' };
    const path: Target = { ...target(`${frame}.filename`, '/var/www/html/app/Http/Controllers/OrderController.php'), location: 'body' };
    // The same line outside a stack trace, and the same path in a top-level `filename` field: scored.
    const comment: Target = { ...target('comment.context_line', "return items.map((i) => '<script>' + i.id);"), location: 'body' };
    const upload: Target = { ...target('filename', '/var/www/html/app/Http/Controllers/OrderController.php'), location: 'body' };
    const model = fakeModel();
    await createModelGate(model).evaluate(inspection([line, before, file, path, comment, upload]), noHits);
    expect(model.calls).toEqual([['/var/www/html/app/<script>.php', "return items.map((i) => '<script>' + i.id);", '/var/www/html/app/Http/Controllers/OrderController.php']]);
    const hit = { targetIndex: 0 } as SignatureHit;
    const flagged = await createModelGate(fakeModel()).evaluate(inspection([line]), { hits: [hit], candidates: 1 });
    expect(flagged.maxScore).toBeCloseTo(0.95);
  });

  it('sends a code forge\'s view of a repository file to the model only when gate 1 hit it; a traversal through one always', async () => {
    const view: Target = { ...target('path', '/acme/infra/blob/main/etc/<script>/nginx.conf'), location: 'path' };
    const traversal: Target = { ...target('path', '/acme/infra/blob/main/../../<script>/passwd'), location: 'path' };
    const model = fakeModel();
    await createModelGate(model).evaluate(inspection([view, traversal]), noHits);
    expect(model.calls).toEqual([['/acme/infra/blob/main/../../<script>/passwd']]);
    const hit = { targetIndex: 0 } as SignatureHit;
    const flagged = await createModelGate(fakeModel()).evaluate(inspection([view]), { hits: [hit], candidates: 1 });
    expect(flagged.maxScore).toBeCloseTo(0.95);
  });

  it('does not send a forge file view or a plain value to the model for a hit of a rule tune saw fire on benign traffic (SERVER-IIS .cnf access on etc/mysql/my.cnf)', async () => {
    const view: Target = { ...target('path', '/acme/infra/blob/main/etc/mysql/<script>/my.cnf'), location: 'path' };
    const plain = target('file', 'my.cnf');
    const demoted = (targetIndex: number) => ({ targetIndex, weight: 0.6, firesOnBenign: true }) as SignatureHit;
    const model = fakeModel();
    const quiet = await createModelGate(model).evaluate(inspection([view, plain]), { hits: [demoted(0), demoted(1)], candidates: 2 });
    expect(model.calls).toEqual([]);
    expect(quiet.maxScore).toBe(0);
    // What the screen lets through is scored as without the hit; a clean rule's hit still forces the view.
    const shown = await createModelGate(fakeModel()).evaluate(inspection([target('q', '<script>')]), { hits: [demoted(0)], candidates: 1 });
    expect(shown.maxScore).toBeCloseTo(0.95);
    const clean = await createModelGate(fakeModel()).evaluate(inspection([view]), { hits: [{ targetIndex: 0, weight: 0.95 } as SignatureHit], candidates: 1 });
    expect(clean.maxScore).toBeCloseTo(0.95);
  });

  it('sends a bare path named by its field (a log-path setting, a search) to the model only when gate 1 hit it', async () => {
    const mention: Target = { ...target('log_file', "/var/log/<script>/access.log"), location: 'body' };
    const setting: Target = { ...target('log_file', '/var/log/nginx/access.log'), location: 'body' };
    const inclusion: Target = { ...target('page', '/var/log/nginx/access.log'), location: 'query' };
    const model = fakeModel();
    const result = await createModelGate(model).evaluate(inspection([setting, inclusion, mention]), noHits);
    // The setting is a mention; the same path in `page` is an inclusion; `<` makes the third no bare path.
    expect(model.calls).toEqual([['/var/log/nginx/access.log', '/var/log/<script>/access.log']]);
    expect(result.scores.map((s) => s.targetIndex).sort()).toEqual([1, 2]);
    const hit = { targetIndex: 0 } as SignatureHit;
    const flagged = await createModelGate(fakeModel()).evaluate(inspection([setting]), { hits: [hit], candidates: 1 });
    expect(flagged.screened).toBe(1);
  });

  it('scores long forms in windows so an attack at the end is not cut off, and only the windows holding it', async () => {
    const model = fakeModel();
    const long = 'a'.repeat(5000) + ' x<script>';
    const result = await createModelGate(model, { windowChars: 512, maxWindows: 4 }).evaluate(inspection([target('body', long)]), noHits);
    // The last window only: the first and the middle ones hold nothing the screen lets through.
    expect(model.calls[0]).toEqual([long.slice(long.length - 512)]);
    expect(model.calls[0].every((t) => t.length <= 512)).toBe(true);
    expect(result.maxScore).toBeCloseTo(0.95, 5);
  });

  it('scores the window of a long form that holds an attack in its middle (padding is no hiding place)', async () => {
    const model = fakeModel();
    const long = 'a'.repeat(5000) + ' x<script> ' + 'b'.repeat(5000);
    const result = await createModelGate(model, { windowChars: 512, maxWindows: 4 }).evaluate(inspection([target('body', long)]), noHits);
    expect(model.calls[0].length).toBeLessThanOrEqual(4);
    expect(model.calls[0].every((t) => t.length <= 512)).toBe(true);
    expect(result.maxScore).toBeCloseTo(0.95, 5);
  });

  it('scores a long form once when a decoded form differs from it only in whitespace (a multi-line text field)', async () => {
    const model = fakeModel();
    const line = "Day 3: rain in the morning; walked 18 km to the hut.\n";
    const text = line.repeat(20) + "x' or 1=1 " + line.repeat(20);
    const folded = text.replace(/\n/g, ' ');
    await createModelGate(model, { windowChars: 512 }).evaluate(inspection([target('file', text, [folded])]), noHits);
    const once = model.calls[0].length;
    const alone = fakeModel();
    await createModelGate(alone, { windowChars: 512 }).evaluate(inspection([target('file', text)]), noHits);
    expect(once).toBeGreaterThan(0);
    expect(once).toBe(alone.calls[0].length);
    // A short form keeps its whitespace-folded sibling: `UNION\nSELECT` is scored as `UNION SELECT` too.
    const short = fakeModel();
    await createModelGate(short).evaluate(inspection([target('q', "1'\nUNION\nSELECT 2", ["1' UNION SELECT 2"])]), noHits);
    expect(short.calls[0]).toHaveLength(2);
  });

  it('does not score the windows of a long form that the screen would not let through, but scores all of a gate-1 hit', async () => {
    const prose = 'plain words without any markup or punctuation at all '.repeat(60) + "x' or 1=1 " + 'more plain words here '.repeat(40);
    const model = fakeModel();
    const result = await createModelGate(model, { windowChars: 512 }).evaluate(inspection([target('body', prose)]), noHits);
    const all = Math.ceil((prose.length - 512) / 256) + 1;
    expect(model.calls[0].length).toBeLessThan(all);
    expect(model.calls[0].some((t) => t.includes("x' or 1=1"))).toBe(true);
    expect(result.maxScore).toBeCloseTo(0.4, 5);
    const forcedModel = fakeModel();
    await createModelGate(forcedModel, { windowChars: 512 }).evaluate(inspection([target('body', prose)]), { hits: [{ targetIndex: 0 } as SignatureHit], candidates: 1 });
    expect(forcedModel.calls[0]).toHaveLength(all);
  });

  it('does not score a long letter whose punctuation is all where prose puts it (no model call for text that cannot be an attack)', async () => {
    const line = "Day 3: rain in the morning, sun after lunch; walked 18 km (along the ridge) to Anna's hut.\n";
    const letter = line.repeat(50);
    const model = fakeModel();
    const result = await createModelGate(model, { windowChars: 512 }).evaluate(inspection([target('file', letter)]), noHits);
    expect(model.calls).toEqual([]);
    expect(result).toMatchObject({ scores: [], screened: 0 });
    // The same letter with an injection in its first window: that window alone.
    const first = "x' or 1=1 " + letter;
    const hit = fakeModel();
    await createModelGate(hit, { windowChars: 512 }).evaluate(inspection([target('file', first)]), noHits);
    expect(hit.calls[0]).toEqual([first.slice(0, 512)]);
  });

  it('scores the last window of a long form past the prefix its evidence was looked for in', async () => {
    const line = "Day 3: rain in the morning, sun after lunch; walked 18 km (along the ridge) to Anna's hut.\n";
    const letter = line.repeat(50);
    const model = fakeModel();
    await createModelGate(model, { windowChars: 512, maxEvidenceChars: 2048 }).evaluate(inspection([target('file', letter)]), noHits);
    expect(model.calls[0]).toEqual([letter.slice(letter.length - 512)]);
  });

  it('scores the middle window of a long letter that holds an injection, whole', async () => {
    const line = "Day 3: rain in the morning, sun after lunch; walked 18 km (along the ridge) to Anna's hut.\n";
    for (const at of [1000, 1234, 2048]) {
      const letter = line.repeat(30).slice(0, at) + "x<script>alert(1)</script> ' " + line.repeat(30);
      const model = fakeModel();
      const result = await createModelGate(model, { windowChars: 512 }).evaluate(inspection([target('file', letter)]), noHits);
      // First, last, and the two or three windows holding some of it (its start and end blocks).
      expect(model.calls[0].length, `at ${at}`).toBeLessThanOrEqual(5);
      expect(model.calls[0].some((w) => w.includes('<script>alert(1)</script>')), `at ${at}`).toBe(true);
      expect(result.maxScore).toBeCloseTo(0.95, 5);
    }
  });

  it('looks for the evidence of middle windows in the first maxEvidenceChars of a long form only (one pass over 1 MiB would stall the loop)', async () => {
    const line = 'plain words of a long letter without anything in them\n';
    const at = (n: number): string => line.repeat(Math.ceil(n / line.length)).slice(0, n);
    const text = at(20_000) + ' x<script>y ' + at(30_000) + ' z<script>w ' + at(30_000);
    const model = fakeModel();
    await createModelGate(model, { windowChars: 512, maxEvidenceChars: 32_768 }).evaluate(inspection([target('body', text)]), noHits);
    expect(model.calls[0].some((w) => w.includes('x<script>y'))).toBe(true);
    expect(model.calls[0].some((w) => w.includes('z<script>w'))).toBe(false);
    expect(model.calls[0].at(-1)).toBe(text.slice(text.length - 512));
  });

  it('scores the evidence clusters of a long form an injection rule hit: a payload after a page of prose shares its window with it', async () => {
    const prose = 'Thanks for the quick reply. I checked the order history page again this morning and it looks fine now. ';
    const payload = "' UNION SELECT username,password FROM users--";
    const hit = { targetIndex: 0, effect: 'suspicious', msg: 'WARDEN SQLI quote-terminated UNION SELECT in body' } as SignatureHit;
    for (const text of [prose.repeat(6) + payload, prose.repeat(3) + payload + ' ' + prose.repeat(3), prose.repeat(60) + payload]) {
      const model = fakeModel();
      await createModelGate(model, { windowChars: 512 }).evaluate(inspection([target('comment', text)]), { hits: [hit], candidates: 1 });
      const spans = model.calls[0].filter((w) => w.length <= 160);
      expect(spans.some((w) => w.includes(payload)), `${text.length} chars`).toBe(true);
      // No rule's hit, no clusters: the windows only.
      const bare = fakeModel();
      await createModelGate(bare, { windowChars: 512 }).evaluate(inspection([target('comment', text)]), noHits);
      expect(bare.calls[0].every((w) => w.length >= 512 || w === text)).toBe(true);
    }
  });

  it('scores a window that two forms of one target share once, and credits the first form', async () => {
    const head = '{"note":"<script>' + 'x'.repeat(600) + '</b>","n":';
    const raw = head + '1&#39;}';
    const decoded = head + "1'}";
    const model = fakeModel();
    const result = await createModelGate(model, { windowChars: 512 }).evaluate(inspection([target('body', raw, [decoded])]), noHits);
    const windows = model.calls[0];
    expect(new Set(windows).size).toBe(windows.length);
    expect(windows.filter((w) => w === raw.slice(0, 512))).toHaveLength(1);
    expect(windows.some((w) => w.endsWith("1'}"))).toBe(true);
    expect(result.scores[0]).toMatchObject({ targetIndex: 0, form: 'raw' });
  });

  it("skips the whitespace twin of any long form already sent, not only of the raw form's", async () => {
    const line = '{"line":"a <b>bold</b> word"}\n';
    const raw = line.repeat(40) + '&lt;';
    const decoded = line.repeat(40) + '<';
    const folded = decoded.replace(/\n/g, ' ');
    const model = fakeModel();
    await createModelGate(model, { windowChars: 512 }).evaluate(inspection([target('body', raw, [decoded, folded])]), noHits);
    const alone = fakeModel();
    await createModelGate(alone, { windowChars: 512 }).evaluate(inspection([target('body', raw, [decoded])]), noHits);
    expect(model.calls[0]).toEqual(alone.calls[0]);
  });

  it("sends the same texts when it takes the whitespace decoder's form of a long raw value for its twin without comparing them (prefix-only decodings and forms that fold short included)", async () => {
    const { createInspector } = await import('../../src/inspect/build-inspection.js');
    const line = "Day 3: rain in the morning; walked 18 km to Anna's hut <b>ok</b>\n";
    const cases: Array<[string, Partial<import('../../src/inspect/inspect-options.js').InspectOptions>]> = [
      [line.repeat(70), {}],
      // Decoded from its first 2,048 chars only: that folded prefix is no twin, and is scored.
      [line.repeat(70), { maxDecodedLength: 2048 }],
      // Over 512 chars raw, under 512 once folded: a short form, scored as short forms are.
      [`a${' \n'.repeat(300)}<b>x</b>'`, {}],
      [`${line.repeat(20)}\t${line.repeat(20)}`, {}],
    ];
    for (const [text, options] of cases) {
      const body = Buffer.from(text, 'latin1');
      const made = createInspector(options)({
        method: 'POST',
        url: '/note',
        httpVersion: '1.1',
        rawHeaders: ['Host', 'a.test', 'Content-Type', 'text/plain', 'Content-Length', String(body.length)],
        body,
        bodyTruncated: false,
        source: { ip: '127.0.0.1', peer: '127.0.0.1' },
      } as never);
      expect(made.targets.some((t) => t.decodedVia?.includes('whitespace'))).toBe(true);
      const model = fakeModel();
      await createModelGate(model, { windowChars: 512, cacheSize: 0 }).evaluate(made, noHits);
      // Without decodedVia the gate can only compare the forms: what it sent then is the reference.
      const compared = fakeModel();
      const plain = { ...made, targets: made.targets.map(({ decodedVia: _via, ...t }) => t) } as Inspection;
      await createModelGate(compared, { windowChars: 512, cacheSize: 0 }).evaluate(plain, noHits);
      expect(model.calls, JSON.stringify(options)).toEqual(compared.calls);
    }
  });

  it('sameButWhitespace: equal up to how whitespace runs are spelled, and nothing more', () => {
    expect(sameButWhitespace('a \r\n b\tc', 'a b c')).toBe(true);
    expect(sameButWhitespace('a b', 'ab')).toBe(false);
    expect(sameButWhitespace('a b ', 'a b')).toBe(true);
    expect(sameButWhitespace('a b', 'a c')).toBe(false);
  });
});

describe('createModelGate with a slice clock (the proxy)', () => {
  it('waits for turns while screening thousands of targets and gives the same result as at once', async () => {
    const { SliceClock } = await import('../../src/inspect/work-clock.js');
    const many = Array.from({ length: 5000 }, (_, i) => target(`f${i}`, i % 997 === 0 ? "x' OR 1=1" : `hello ${i}`));
    many.push(target('q', '<script>alert(1)</script>'));
    const atOnce = await createModelGate(fakeModel()).evaluate(inspection(many), noHits);
    // A slice of 0 ms: due at every check, so every 256th target waits for a turn.
    const clock = new SliceClock(0, Infinity);
    clock.resume();
    const stepped = await createModelGate(fakeModel()).evaluate(inspection(many), noHits, clock);
    clock.pause();
    expect(stepped).toEqual(atOnce);
    expect(clock.slices).toBeGreaterThan(10);
  });
});
