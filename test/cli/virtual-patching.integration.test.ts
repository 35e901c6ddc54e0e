/**
 * Issue 18, end to end on a real NGINX upstream: a vendor-style pack directory is imported with
 * `warden rules import`, tuned with `warden rules tune` on generated benign traffic and exploit
 * requests, and hot-reloaded twice while a loop of benign traffic runs through the proxy; no request
 * of the loop fails, and the newly tuned CVE rule then blocks its exploit alone.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { postAdmin } from '../../src/cli/admin-client.js';
import { loadConfig } from '../../src/config/load-config.js';
import { startWarden, type RunningWarden } from '../../src/warden.js';
import { startNginx, type NginxUpstream } from '../helpers/nginx.js';
import { runCli } from '../helpers/cli-process.js';
import { generateBenign } from '../../datasets/loaders.js';
import { generateExploitRecords } from '../../datasets/exploits/index.js';

let nginx: NginxUpstream;
let warden: RunningWarden;
let dir: string;
let configFile: string;

// Vendor layout: one Suricata file and one Snort 3 file in a pack directory. Written for this test in
// the vendors' style: a CVE rule for the Nacos User-Agent authentication bypass, a policy rule that
// fires on every JSON API call, and a drop rule that fires on an ordinary search page.
const SURICATA = [
  '# pack: web_specific_apps',
  'alert http $EXTERNAL_NET any -> $HOME_NET any (msg:"PACK WEB_SPECIFIC_APPS Nacos auth bypass via User-Agent"; flow:established,to_server; http.uri; content:"/nacos/v1/auth/users"; http.user_agent; content:"Nacos-Server"; reference:cve,2021-29441; classtype:attempted-admin; sid:2900001; rev:1; metadata:signature_severity Major;)',
  'alert http $EXTERNAL_NET any -> $HOME_NET any (msg:"PACK POLICY API call"; flow:established,to_server; http.uri; content:"/api/"; classtype:policy-violation; sid:2900002; rev:1;)',
].join('\n');
const SNORT3 = 'drop http (msg:"PACK SERVER-WEBAPP search probe"; flow:to_server,established; http_uri; content:"/search?"; classtype:web-application-attack; sid:2900003; rev:1;)\n';

const EXPLOIT = { method: 'POST', path: '/nacos/v1/auth/users?username=ops2&password=x1x2x3', headers: { 'user-agent': 'Nacos-Server', accept: '*/*' } };

beforeAll(async () => {
  nginx = await startNginx();
  dir = mkdtempSync(join(tmpdir(), 'warden-vpatch-'));
  mkdirSync(join(dir, 'pack'));
  writeFileSync(join(dir, 'pack', 'web_specific_apps.rules'), `${SURICATA}\n`);
  writeFileSync(join(dir, 'pack', 'community.rules'), SNORT3);
  // Benign traffic to tune on (the generator's families, ~7,000 requests) and the exploit material.
  writeFileSync(join(dir, 'benign.ndjson'), generateBenign({ seed: 18, scale: 0.05 }).map((r) => JSON.stringify(r)).join('\n'));
  writeFileSync(join(dir, 'exploits.ndjson'), [...generateExploitRecords(18, 5, ['nacos-ua-auth-bypass', 'spring-cloud-function-spel'])].map((r) => JSON.stringify(r)).join('\n'));
  configFile = join(dir, 'warden.yaml');
  writeFileSync(
    configFile,
    // The bundled rules carry their own virtual patch for this CVE (9001501): exempted here, so what
    // blocks the exploit at the end is the pack's rule as tuned, not Warden's.
    `upstream: ${nginx.origin}\nlisten: 127.0.0.1:0\nadmin: { enabled: true, listen: "127.0.0.1:0" }\nmodel: { enabled: false }\nlogging: { decisions: ${join(dir, 'decisions.log')} }\n` +
      'exceptions: [{ match: { pathPrefix: /nacos/ }, rules: ["1:9001501"] }]\n',
  );
  warden = await startWarden(await loadConfig(configFile), { configFile });
}, 60_000);

afterAll(async () => {
  await warden?.close();
  await nginx?.stop();
});

async function send(method: string, path: string, headers: Record<string, string> = {}): Promise<number> {
  const res = await request(`http://${warden.address}${path}`, { method, headers });
  await res.body.text();
  return res.statusCode;
}

const quiet = () => ({ out: () => undefined, err: () => undefined });

/** Benign traffic through the proxy until stopped (at most 5,000 requests or 90 s): every status and error kept. */
function trafficLoop(concurrency: number): { stop: () => Promise<{ statuses: Map<number, number>; errors: string[]; sent: number }> } {
  const statuses = new Map<number, number>();
  const errors: string[] = [];
  let sent = 0;
  let running = true;
  const deadline = Date.now() + 90_000;
  const worker = async (w: number): Promise<void> => {
    while (running && sent < 5_000 && Date.now() < deadline) {
      const n = sent++;
      try {
        const status = await send('GET', `/echo/catalogue/${w}/${n}?page=${n % 9}&sort=name`, { accept: 'text/html', 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0' });
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      } catch (err) {
        errors.push((err as Error).message);
      }
    }
  };
  const workers = Array.from({ length: concurrency }, (_, w) => worker(w));
  return {
    async stop() {
      running = false;
      await Promise.all(workers);
      return { statuses, errors, sent };
    },
  };
}

describe('virtual patching: import a pack, tune it, hot-reload under traffic', () => {
  it('imports, tunes and reloads without a failed request; the tuned CVE rule then blocks its exploit alone', async () => {
    expect(await send(EXPLOIT.method, EXPLOIT.path, EXPLOIT.headers)).toBe(200); // no rule knows it yet
    const loop = trafficLoop(4);

    // 1. Import the pack directory: the config gets it, the running proxy reloads.
    expect(await main(['rules', 'import', join(dir, 'pack'), '--config', configFile, '--admin', warden.adminAddress!], quiet())).toBe(0);
    expect(readFileSync(configFile, 'utf8')).toContain('pack');
    // As imported, an IDS alert is only suspicion (no model here to confirm it): the exploit passes;
    // the vendor's drop rule blocks an ordinary search page.
    expect(await send(EXPLOIT.method, EXPLOIT.path, EXPLOIT.headers)).toBe(200);
    expect(await send('GET', '/echo/search?q=garden+chairs')).toBe(403);

    // 2. Tune on benign traffic and exploit material, write the sidecar, reload the running proxy. The tune
    // runs as its own process, as an operator runs it: in this process its seconds of CPU would stall the
    // proxy's event loop, and a keep-alive socket whose idle timer ran out meanwhile is closed under a
    // request the client had already sent (ECONNRESET), which is this test's doing, not the reload's.
    const tune = runCli(['rules', 'tune', '--config', configFile, '--benign', join(dir, 'benign.ndjson'), '--attack', join(dir, 'exploits.ndjson'), '--no-traffic', '--json', '--write']);
    const timer = setTimeout(() => tune.child.kill('SIGKILL'), 80_000);
    const code = await tune.exit;
    clearTimeout(timer);
    expect(code, tune.output()).toBe(0);
    type Row = { key: string; proposed: string; attackHits: number };
    const rules = Object.fromEntries((JSON.parse(tune.stdout()).rules as Row[]).map((r) => [r.key, r]));
    expect(rules['1:2900001']).toMatchObject({ hits: 0, shape: 'exploit', blocksAlone: true });
    expect(rules['1:2900001'].attackHits).toBeGreaterThan(0);
    expect(rules['1:2900002']).toMatchObject({ proposed: 'disabled' });
    expect(rules['1:2900003'].proposed).not.toBe('block');
    const reload = await postAdmin(warden.adminAddress!, '/reload', null);
    expect(reload.status).toBe(200);

    const { statuses, errors, sent } = await loop.stop();
    expect(errors).toEqual([]);
    expect([...statuses.keys()]).toEqual([200]);
    expect(sent).toBeGreaterThanOrEqual(20);

    // 3. The tuned rule blocks its exploit on its own; the search page is no longer blocked.
    expect(await send(EXPLOIT.method, EXPLOIT.path, EXPLOIT.headers)).toBe(403);
    expect(await send('GET', '/echo/search?q=garden+chairs')).toBe(200);
    // The decision log says which rule, with which weight, learned from what.
    let line: { reasons?: { ruleId?: string; score?: number; weightSource?: string }[] } | undefined;
    for (let i = 0; i < 40 && line === undefined; i++) {
      line = readFileSync(join(dir, 'decisions.log'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)).reverse()
        .find((l: { action?: string; reasons?: { ruleId?: string }[] }) => l.action === 'block' && l.reasons?.some((r) => r.ruleId === '1:2900001'));
      if (line === undefined) await new Promise((r) => setTimeout(r, 50));
    }
    const reason = line?.reasons?.find((r) => r.ruleId === '1:2900001');
    expect(reason?.score).toBeGreaterThanOrEqual(0.8);
    expect(reason?.weightSource).toMatch(/^rules tune: benign 0\/\d+, attack [1-9]\d*\/10, exploit \(CVE-2021-29441\)/);
  }, 120_000);
});
