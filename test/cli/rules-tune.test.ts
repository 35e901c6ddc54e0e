import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRulesCommand } from '../../src/cli/rules.js';
import { main } from '../../src/cli/main.js';
import { loadConfig } from '../../src/config/load-config.js';
import { quietLog, reloadableGates } from '../../src/assemble.js';
import { WardenMetrics } from '../../src/log/metrics.js';
import { buildInspection } from '../signatures/fixtures.js';
import { createDecisionMaker } from '../../src/decision/combine.js';
import { trafficLine, writeDecisionLog } from '../retrain/traffic-fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'warden-tune-cli-'));
writeFileSync(
  join(dir, 'local.rules'),
  [
    'alert http (msg:"callback word"; flow:to_server,established; http_uri; content:"callback"; service:http; sid:9100001; rev:1;)',
    'drop http (msg:"localhost in uri"; flow:to_server,established; http_uri; content:"localhost"; service:http; sid:9100002; rev:1;)',
    'drop http (msg:"never benign"; flow:to_server,established; http_uri; content:"/etc/shadow"; service:http; sid:9100003; rev:1;)',
  ].join('\n'),
);
const record = (n: number, query: string) =>
  JSON.stringify({ id: `t/${n}`, source: 'test', label: 'benign', category: 'links', method: 'GET', path: '/go', query, headers: { Host: 'a.test' } });
writeFileSync(join(dir, 'benign.ndjson'), [record(1, 'next=%2Fcallback'), record(2, 'url=http%3A%2F%2Flocalhost%3A4200%2Fcallback'), record(3, 'q=shoes'), record(4, 'q=hats')].join('\n'));
writeFileSync(
  join(dir, 'attack.ndjson'),
  JSON.stringify({ id: 'a/1', source: 'test', label: 'attack', category: 'x', method: 'GET', path: '/', query: 'f=/etc/shadow', headers: {} }),
);
const config = join(dir, 'warden.yaml');
writeFileSync(config, '# my config\nrules:\n  bundled: false\n  files: [local.rules]\n');

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runRulesCommand(['tune', ...args], { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out, err };
}

describe('warden rules tune', () => {
  it('has its own --help', async () => {
    const { code, out } = await run('--help');
    expect(code).toBe(0);
    expect(out.join('\n')).toContain('--benign PATH');
  });

  it('reports per rule the benign hits, rate, weight and proposal; attack records never count', async () => {
    const { code, out } = await run('--config', config, '--benign', join(dir, 'benign.ndjson'), '--benign', join(dir, 'attack.ndjson'), '--json');
    expect(code).toBe(0);
    const report = JSON.parse(out[0]);
    expect(report.benign).toEqual({ requests: 4, sources: { test: 4 }, skipped: 1 });
    const byKey = Object.fromEntries(report.rules.map((r: { key: string }) => [r.key, r]));
    expect(byKey['1:9100001']).toMatchObject({ hits: 2, rate: 0.5, effect: 'suspicious', weight: 0.45, proposed: 'disabled' }); // no classtype: priority 2
    // Demoted from block for its benign hit, then calibrated: 1 hit in 4 requests is far from even odds of an attack.
    expect(byKey['1:9100002']).toMatchObject({ hits: 1, effect: 'block', weight: 1, proposed: 'disabled' });
    expect(byKey['1:9100002'].examples[0]).toMatchObject({ id: 't/2' });
    expect(byKey['1:9100003']).toMatchObject({ hits: 0, effect: 'block', proposed: 'block' });
  });

  it('measures the rules serve would load: a rule for a port Warden does not serve is left out, and measured once the upstream listens there', async () => {
    const pdir = mkdtempSync(join(tmpdir(), 'warden-tune-ports-'));
    writeFileSync(join(pdir, 'solr.rules'), 'alert http $EXTERNAL_NET any -> $HTTP_SERVERS 8983 (msg:"Solr config API"; flow:to_server,established; http.uri; content:"/solr/"; sid:9100031; rev:1;)\n');
    const keys = async (yaml: string): Promise<string[]> => {
      writeFileSync(join(pdir, 'warden.yaml'), yaml);
      const { code, out } = await run('--config', join(pdir, 'warden.yaml'), '--benign', join(dir, 'benign.ndjson'), '--json');
      expect(code).toBe(0);
      return JSON.parse(out[0]).rules.map((r: { key: string }) => r.key);
    };
    expect(await keys('rules:\n  bundled: false\n  files: [solr.rules]\n')).toEqual([]);
    expect(await keys('upstream: http://127.0.0.1:8983\nrules:\n  bundled: false\n  files: [solr.rules]\n')).toEqual(['1:9100031']);
  });

  it('writes nothing without --write', async () => {
    await run('--config', config, '--benign', join(dir, 'benign.ndjson'));
    expect(readFileSync(config, 'utf8')).not.toContain('tuning');
  });

  it('with --write stores the sidecar, points the config at it, and the loaded gate applies it', async () => {
    const { code } = await run('--config', config, '--benign', join(dir, 'benign.ndjson'), '--write');
    expect(code).toBe(0);
    const text = readFileSync(config, 'utf8');
    expect(text).toContain('# my config');
    expect(text).toMatch(/tuning: warden\.tune\.json/);
    const sidecar = JSON.parse(readFileSync(join(dir, 'warden.tune.json'), 'utf8'));
    expect(Object.keys(sidecar.rules).sort()).toEqual(['1:9100001', '1:9100002']);

    const { gates } = await reloadableGates(await loadConfig(config, { model: { enabled: false } }), quietLog(), new WardenMetrics(false));
    const hits = gates.signatures!.evaluate(buildInspection({ url: '/go?url=http://localhost/callback&f=/etc/shadow' })).hits;
    expect(hits.map((h) => [h.sid, h.effect])).toEqual([[9100003, 'block']]);
  });

  it('keeps an operator pin through a rewrite', async () => {
    const file = join(dir, 'warden.tune.json');
    const sidecar = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(file, JSON.stringify({ ...sidecar, pinned: { '1:9100001': 'suspicious' } }));
    await run('--config', config, '--benign', join(dir, 'benign.ndjson'), '--write');
    const after = JSON.parse(readFileSync(file, 'utf8'));
    expect(after.pinned).toEqual({ '1:9100001': 'suspicious' });
    expect(Object.keys(after.rules)).toEqual(['1:9100002']);
  });

  it.each<[string, string[], string]>([
    ['no benign traffic', [], 'WARDEN_TUNE_NO_BENIGN'],
    ['a missing benign file', ['--benign', join(dir, 'nope.ndjson')], 'WARDEN_TUNE_BENIGN_UNREADABLE'],
  ])('answers %s with exit 2 and a code', async (_name, extra, code) => {
    const r = await run('--config', config, '--no-traffic', ...extra);
    expect(r.code).toBe(2);
    expect(r.err.join('\n')).toContain(code);
  });

  it('refuses the traffic log directory as --benign, naming its decision log and --traffic, and reads it with --traffic (logs/decisions.ndjson was reported as a bad record: "id" must be a string)', async () => {
    const logs = join(mkdtempSync(join(tmpdir(), 'warden-tune-logs-')), 'logs');
    mkdirSync(logs);
    writeFileSync(join(logs, 'traffic.ndjson'), [trafficLine({ query: 'next=%2Fcallback' }), trafficLine({ query: 'q=shoes' })].map((l) => JSON.stringify(l)).join('\n') + '\n');
    await writeDecisionLog(join(logs, 'decisions.ndjson'), ['blk0000001']);
    let r = await run('--config', config, '--no-traffic', '--benign', logs);
    expect(r.code).toBe(2);
    expect(r.err.join('\n')).toContain(`WARDEN_TUNE_BENIGN_UNREADABLE: benign traffic ${logs}: a traffic log directory (${join(logs, 'decisions.ndjson')} is a decision log), not request records: give it as --traffic ${logs}`);
    r = await run('--config', config, '--no-traffic', '--benign', join(logs, 'decisions.ndjson'));
    expect(r.code).toBe(2);
    expect(r.err.join('\n')).toMatch(/decisions\.ndjson: a decision log, not request records/);
    r = await run('--config', config, '--traffic', logs);
    expect(r.code, r.err.join('\n')).toBe(0);
    expect(r.out.join('\n')).toMatch(/benign traffic: 2 requests \(traffic-log 2\)/);
  });

  it('reads the traffic log of a config with logging.traffic on without --traffic (a `logging` override replaced logging.traffic by its defaults)', async () => {
    const logs = join(mkdtempSync(join(tmpdir(), 'warden-tune-logs-')), 'logs');
    mkdirSync(logs);
    writeFileSync(join(logs, 'traffic.ndjson'), [trafficLine({ query: 'next=%2Fcallback' }), trafficLine({ query: 'q=shoes' })].map((l) => JSON.stringify(l)).join('\n') + '\n');
    await writeDecisionLog(join(logs, 'decisions.ndjson'), ['blk0000001']);
    const withTraffic = join(logs, '..', 'warden.yaml');
    writeFileSync(withTraffic, `rules:\n  bundled: false\n  files: [${join(dir, 'local.rules')}]\nlogging:\n  traffic: { enabled: true, file: ${join(logs, 'traffic.ndjson')} }\n`);
    const r = await run('--config', withTraffic);
    expect(r.code, r.err.join('\n')).toBe(0);
    expect(r.out.join('\n')).toMatch(/benign traffic: 2 requests \(traffic-log 2\)/);
  });

  it('reports a config config check refuses (a bad admin section) without --write too, exit 2, nothing measured', async () => {
    const bad = mkdtempSync(join(tmpdir(), 'warden-tune-admin-'));
    writeFileSync(join(bad, 'local.rules'), readFileSync(join(dir, 'local.rules')));
    writeFileSync(join(bad, 'warden.yaml'), 'rules:\n  bundled: false\n  files: [local.rules]\nadmin:\n  listen: nowhere\n');
    const r = await run('--config', join(bad, 'warden.yaml'), '--benign', join(dir, 'benign.ndjson'));
    expect(r.code).toBe(2);
    expect(r.err.join('\n')).toMatch(/^rules tune: WARDEN_CONFIG_INVALID: invalid config \(.*warden\.yaml\):\n {2}- admin\.listen/);
    expect(r.out).toEqual([]);
  });

  it('refuses a sidecar the config points at when it is corrupt', async () => {
    writeFileSync(join(dir, 'warden.tune.json'), '{"format":"nope"}');
    const r = await run('--config', config, '--benign', join(dir, 'benign.ndjson'));
    expect(r.code).toBe(2);
    expect(r.err.join('\n')).toContain('WARDEN_TUNE_FILE_INVALID');
  });
});

describe('warden rules tune --write: the config edit is refused, nothing written to the config', () => {
  /** A config of its own beside a copy of local.rules; `during` runs when tune says it wrote the sidecar: after it loaded the config, before --write edits it. */
  async function tuneWrite(text: string, during: (file: string) => void = () => undefined) {
    const own = mkdtempSync(join(tmpdir(), 'warden-tune-edit-'));
    writeFileSync(join(own, 'local.rules'), readFileSync(join(dir, 'local.rules')));
    const file = join(own, 'warden.yaml');
    writeFileSync(file, text);
    const err: string[] = [];
    const onErr = (line: string): void => {
      if (/wrote \d+ override/.test(line)) during(file);
      err.push(line);
    };
    const code = await runRulesCommand(['tune', '--config', file, '--benign', join(dir, 'benign.ndjson'), '--no-traffic', '--write'], { out: () => undefined, err: onErr });
    return { code, err: err.join('\n'), file, own };
  }

  it('refuses a config another editor left as broken YAML while tune measured (it was written back with rules.tuning set, still broken)', async () => {
    const broken = 'rules:\n  bundled: false\n  files: [local.rules\nmode: prevent\n';
    const r = await tuneWrite('rules:\n  bundled: false\n  files: [local.rules]\n', (file) => writeFileSync(file, broken));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/rules tune: WARDEN_CONFIG_UNPARSABLE: config file .*warden\.yaml is not valid YAML\/JSON: /);
    expect(r.err).toMatch(/not valid YAML\/JSON: [\s\S]*\nrules tune: .*warden\.yaml left unchanged/);
    expect(readFileSync(r.file, 'utf8')).toBe(broken);
    expect(existsSync(`${r.file}.lock`)).toBe(false);
  });

  it('refuses a config config check refuses (a bad admin section) before measuring, with its messages: no sidecar written, the config unchanged', async () => {
    const text = '# ops\nrules:\n  bundled: false\n  files: [local.rules]\nadmin:\n  listen: nowhere\n';
    const r = await tuneWrite(text);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^rules tune: WARDEN_CONFIG_INVALID: invalid config \(.*warden\.yaml\):\n {2}- admin\.listen/);
    expect(r.err).not.toMatch(/wrote \d+ override/);
    expect(existsSync(join(r.own, 'warden.tune.json'))).toBe(false);
    expect(readFileSync(r.file, 'utf8')).toBe(text);
    const check: string[] = [];
    expect(await main(['config', 'check', r.file], { out: () => undefined, err: (s) => check.push(s) })).toBe(1);
    expect(check.join('\n')).toContain(r.err.slice(r.err.indexOf('invalid config')).split('\nrules tune: ')[0]);
  });

  it('exits 1 with WARDEN_CONFIG_EDIT_CONFLICT when the file changed between the edit\'s read and its save', async () => {
    // A lock held by a live editor makes the save wait (up to 5 s); the file is changed meanwhile, then the lock released.
    const r = await tuneWrite('rules:\n  bundled: false\n  files: [local.rules]\n', (file) => {
      writeFileSync(`${file}.lock`, `${process.pid}\n`);
      setTimeout(() => {
        writeFileSync(file, 'rules:\n  bundled: false\n  files: [local.rules]\nmode: detect\n');
        rmSync(`${file}.lock`);
      }, 1500);
    });
    expect(r.code).toBe(1);
    expect(r.err).toContain('WARDEN_CONFIG_EDIT_CONFLICT');
    expect(readFileSync(r.file, 'utf8')).toContain('mode: detect');
    expect(readFileSync(r.file, 'utf8')).not.toContain('tuning');
  });
});

describe('warden rules tune: calibrated weights', () => {
  const wdir = mkdtempSync(join(tmpdir(), 'warden-tune-weights-'));
  writeFileSync(
    join(wdir, 'pack.rules'),
    [
      'alert http (msg:"function router SpEL"; flow:to_server,established; http_uri; content:"/functionRouter"; http_header; content:"T(java.lang.Runtime)"; reference:cve,2022-22963; classtype:web-application-attack; service:http; sid:2100010; rev:1;)',
      'alert http (msg:"sort word"; flow:to_server,established; http_uri; content:"sort="; classtype:web-application-attack; reference:cve,2000-0001; service:http; sid:2100011; rev:1;)',
    ].join('\n'),
  );
  // Enough benign traffic for a clean exploit-shaped rule to block alone (the weight grows with it).
  const lines: string[] = [];
  for (let i = 0; i < 12_000; i++) {
    const query = i % 1000 === 0 ? `sort=price&p=${i}` : `q=shoes+${i}&p=${i % 7}`;
    lines.push(JSON.stringify({ id: `b/${i}`, source: 'shop', label: 'benign', category: 'search', method: 'GET', path: '/search', query, headers: { Host: 'a.test' } }));
  }
  writeFileSync(join(wdir, 'benign.ndjson'), lines.join('\n'));
  const exploit = { id: 'x/1', source: 'gen', label: 'attack', category: 'spring', method: 'POST', path: '/functionRouter', query: '', headers: { Host: 'a.test', 'spring.cloud.function.routing-expression': 'T(java.lang.Runtime).getRuntime().exec("id")' }, body: 'x' };
  writeFileSync(join(wdir, 'attack.ndjson'), JSON.stringify(exploit));
  const wconfig = join(wdir, 'warden.yaml');
  writeFileSync(wconfig, 'rules:\n  bundled: false\n  files: [pack.rules]\n');

  it('learns a weight per imported rule from benign and attack hits; an exploit-shaped clean rule blocks alone, a noisy one is disabled', async () => {
    const { code, out } = await run('--config', wconfig, '--benign', join(wdir, 'benign.ndjson'), '--attack', join(wdir, 'attack.ndjson'), '--json', '--write');
    expect(code).toBe(0);
    const report = JSON.parse(out[0]);
    expect(report.attack).toMatchObject({ requests: 1, skipped: 0 });
    const byKey = Object.fromEntries(report.rules.map((r: { key: string }) => [r.key, r]));
    expect(byKey['1:2100010']).toMatchObject({ hits: 0, attackHits: 1, shape: 'exploit', proposed: 'suspicious', blocksAlone: true });
    expect(byKey['1:2100011']).toMatchObject({ hits: 12, proposed: 'disabled' });

    const sidecar = JSON.parse(readFileSync(join(wdir, 'warden.tune.json'), 'utf8'));
    expect(sidecar.rules['1:2100010'].source).toMatch(/^rules tune: benign 0\/12000, attack 1\/1, exploit \(CVE-2022-22963\)/);

    const { gates } = await reloadableGates(await loadConfig(wconfig, { model: { enabled: false } }), quietLog(), new WardenMetrics(false));
    const inspection = buildInspection({ method: 'POST', url: '/functionRouter', headers: Object.entries(exploit.headers), body: 'x' });
    const result = gates.signatures!.evaluate(inspection);
    expect(result.hits).toHaveLength(1);
    expect(result.hits[0].weight).toBeGreaterThanOrEqual(0.8);
    const verdict = createDecisionMaker().decide(inspection, { signatures: result, model: null, reputation: null, schema: null, failures: [] }, {
      mode: 'prevent', minimumConfidence: 'high', blockStatus: 403, failClosed: false, disabledRules: new Set(), ignoredTargets: new Set(),
    });
    expect(verdict.action).toBe('block');
    expect(verdict.reasons[0]).toMatchObject({ ruleId: '1:2100010', weightSource: sidecar.rules['1:2100010'].source });
  });

  it('learns no weight for the rules of a file that declares `weights priority`, wherever the file lies (a copied warden.rules)', async () => {
    const own = mkdtempSync(join(tmpdir(), 'warden-tune-own-'));
    writeFileSync(join(own, 'own.rules'), `# warden: weights priority\n${readFileSync(join(wdir, 'pack.rules'), 'utf8')}`);
    writeFileSync(join(own, 'warden.yaml'), 'rules:\n  bundled: false\n  files: [own.rules]\n');
    const { code, out } = await run('--config', join(own, 'warden.yaml'), '--benign', join(wdir, 'benign.ndjson'), '--attack', join(wdir, 'attack.ndjson'), '--json');
    expect(code).toBe(0);
    const byKey = Object.fromEntries(JSON.parse(out[0]).rules.map((r: { key: string }) => [r.key, r]));
    // The exploit-shaped clean rule keeps its priority's severity: no weight learned, so it does not block alone.
    expect(byKey['1:2100010']).toMatchObject({ hits: 0, attackHits: 1, weightSource: '', blocksAlone: false, proposedWeight: byKey['1:2100010'].weight });
  });

  it('without attack material still calibrates from benign hits and shape', async () => {
    const { code, out } = await run('--config', wconfig, '--benign', join(wdir, 'benign.ndjson'), '--json');
    expect(code).toBe(0);
    const report = JSON.parse(out[0]);
    expect(report.attack).toBeNull();
    expect(report.rules.find((r: { key: string }) => r.key === '1:2100010')).toMatchObject({ blocksAlone: true, attackHits: 0 });
  });
});

describe('warden rules import --tune-benign', () => {
  it('tunes the imported pack before it goes live: the sidecar is written and the config points at it', async () => {
    const idir = mkdtempSync(join(tmpdir(), 'warden-import-tune-'));
    writeFileSync(join(idir, 'pack.rules'), 'alert http (msg:"function router SpEL"; flow:to_server,established; http_uri; content:"/functionRouter"; http_header; content:"T(java.lang.Runtime)"; reference:cve,2022-22963; classtype:web-application-attack; service:http; sid:2100020; rev:1;)\n');
    writeFileSync(join(idir, 'warden.yaml'), 'rules:\n  bundled: false\n');
    const lines = Array.from({ length: 5000 }, (_, i) => JSON.stringify({ id: `b/${i}`, source: 'shop', label: 'benign', category: 'search', method: 'GET', path: '/search', query: `q=${i}`, headers: { Host: 'a.test' } }));
    writeFileSync(join(idir, 'benign.ndjson'), lines.join('\n'));
    const out: string[] = [];
    const code = await runRulesCommand(['import', join(idir, 'pack.rules'), '--config', join(idir, 'warden.yaml'), '--tune-benign', join(idir, 'benign.ndjson')], { out: (s) => out.push(s), err: (s) => out.push(s) });
    expect(code).toBe(0);
    expect(readFileSync(join(idir, 'warden.yaml'), 'utf8')).toMatch(/tuning: warden\.tune\.json/);
    const sidecar = JSON.parse(readFileSync(join(idir, 'warden.tune.json'), 'utf8'));
    expect(sidecar.rules['1:2100020']).toMatchObject({ effect: 'suspicious', hits: 0 });
    expect(sidecar.rules['1:2100020'].weight).toBeGreaterThanOrEqual(0.8);
  });

  it('refuses --tune-attack without --tune-benign before writing anything', async () => {
    const idir = mkdtempSync(join(tmpdir(), 'warden-import-tune-'));
    writeFileSync(join(idir, 'pack.rules'), 'alert http (msg:"x"; http_uri; content:"/x"; sid:2100021; rev:1;)\n');
    writeFileSync(join(idir, 'warden.yaml'), 'rules:\n  bundled: false\n');
    await expect(runRulesCommand(['import', join(idir, 'pack.rules'), '--config', join(idir, 'warden.yaml'), '--tune-attack', join(idir, 'a.ndjson')], { out: () => undefined, err: () => undefined })).rejects.toMatchObject({ code: 'WARDEN_CLI_USAGE' });
    expect(readFileSync(join(idir, 'warden.yaml'), 'utf8')).toBe('rules:\n  bundled: false\n');
  });
});
