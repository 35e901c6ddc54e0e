import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { RequestRecord } from '../../src/eval/record.js';

// Our own rules, model off, so each record's evidence is known: a drop rule decides alone; two
// priority-1 alerts together are medium evidence (≈ 0.774), above the 0.7 lift floor.
const RULES = [
  'drop http any any -> any any (msg:"test attack"; content:"attack-probe"; http_uri; sid:1000001; rev:1;)',
  'alert http any any -> any any (msg:"test medium one"; content:"medium-one"; http_uri; priority:1; sid:1000002; rev:1;)',
  'alert http any any -> any any (msg:"test medium two"; content:"medium-two"; http_uri; priority:1; sid:1000003; rev:1;)',
].join('\n');

const SCANNER = { 'User-Agent': 'scanner/1.0' };
const USER = { 'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64)', Cookie: 'PHPSESSID=user-1' };

function rec(id: string, label: RequestRecord['label'], query: string, headers: Record<string, string>, clientIp: string): RequestRecord {
  return { id, source: 'unit', label, category: label === 'attack' ? 'campaign' : 'session', method: 'GET', path: '/page', query, headers, clientIp };
}

const RECORDS: RequestRecord[] = [
  rec('u1', 'benign', 'p=home', USER, '203.0.113.5'),
  rec('a1', 'attack', 'q=attack-probe-1', SCANNER, '203.0.113.5'),
  rec('a2', 'attack', 'q=attack-probe-2', SCANNER, '203.0.113.5'),
  rec('u2', 'benign', 'p=cart', USER, '203.0.113.5'),
  rec('a3', 'attack', 'q=attack-probe-3', SCANNER, '203.0.113.5'),
  rec('a4', 'attack', 'a=medium-one&b=medium-two', SCANNER, '203.0.113.5'),
  rec('u3', 'benign', 'a=medium-one&b=medium-two', USER, '203.0.113.5'),
  rec('o1', 'attack', 'a=medium-one&b=medium-two&o=1', { 'User-Agent': 'other/1' }, '198.51.100.9'),
];

function setup(): { corpus: string; config: string } {
  const dir = mkdtempSync(join(tmpdir(), 'warden-eval-rep-'));
  const rules = join(dir, 'local.rules');
  writeFileSync(rules, `${RULES}\n`);
  const config = join(dir, 'warden.yaml');
  writeFileSync(config, `model: { enabled: false }\nrules: { bundled: false, files: [${JSON.stringify(rules)}] }\n`);
  const corpus = join(dir, 'corpus.ndjson');
  writeFileSync(corpus, `${RECORDS.map((r) => JSON.stringify(r)).join('\n')}\n`);
  return { corpus, config };
}

interface Summary {
  total: { tpr: number; tnr: number };
  reputation?: { mode: string; liftedIntoBlock: { attack: number; benign: number; benignByAddress: number } };
}

async function evalWith(mode: string | null): Promise<{ summary: Summary; verdicts: Map<string, string> }> {
  const { corpus, config } = setup();
  const out: string[] = [];
  const err: string[] = [];
  const argv = ['eval', '--corpus', corpus, '--config', config, '--json', '--per-request', ...(mode === null ? [] : ['--reputation', mode])];
  expect(await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) })).toBe(0);
  const verdicts = new Map(out.map((l) => JSON.parse(l) as { id: string; verdict: string }).map((v) => [v.id, v.verdict]));
  return { summary: JSON.parse(err.join('')) as Summary, verdicts };
}

describe('warden eval --reputation', () => {
  it('is off by default: records are independent requests', async () => {
    const { summary, verdicts } = await evalWith(null);
    expect(verdicts.get('a4')).toBe('allow');
    expect(summary.total.tpr).toBeCloseTo(3 / 5);
    expect(summary.reputation).toBeUndefined();
  });

  it('per-source: replays in record order from each clientIp, so a campaign is caught and a session beside it is not', async () => {
    const { summary, verdicts } = await evalWith('per-source');
    expect(verdicts.get('a4')).toBe('block');
    expect(verdicts.get('u3')).toBe('allow');
    expect(verdicts.get('o1')).toBe('allow');
    expect(summary.total).toMatchObject({ tnr: 1 });
    expect(summary.total.tpr).toBeCloseTo(4 / 5);
    expect(summary.reputation).toEqual({ mode: 'per-source', liftedIntoBlock: { attack: 1, benign: 0, benignByAddress: 0 } });
  });

  it('single-source: every record from one address, clients still told apart by their fingerprint', async () => {
    const { summary, verdicts } = await evalWith('single-source');
    expect(verdicts.get('a4')).toBe('block');
    expect(verdicts.get('u3')).toBe('allow');
    expect(verdicts.get('o1')).toBe('allow');
    expect(summary.reputation?.liftedIntoBlock).toEqual({ attack: 1, benign: 0, benignByAddress: 0 });
  });

  it('refuses an unknown mode with the flag named', async () => {
    const err: string[] = [];
    expect(await main(['eval', '--corpus', 'x.ndjson', '--reputation', 'always'], { out: () => undefined, err: (s) => err.push(s) })).toBe(2);
    expect(err.join('\n')).toContain('--reputation: must be one of off, per-source, single-source');
  });
});
