import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRuleSet } from '../../src/signatures/index.js';
import { buildInspection } from './fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'warden-ruleset-'));
const a = join(dir, 'a.rules');
const b = join(dir, 'b.rules');
writeFileSync(a, 'alert tcp any any -> any 80 (msg:"a"; content:"/x"; http_uri; sid:9100010;)\nalert tcp any any -> any 80 (msg:"bt"; content:"/x"; byte_test:1,>,1,0; sid:9100011;)\n');
writeFileSync(b, 'alert tcp any any -> any 80 (msg:"b"; content:"/x"; http_uri; sid:9100012;)\ndrop tcp any any -> any 80 (msg:"d"; content:"/x"; http_uri; sid:9100013;)\n');

describe('loadRuleSet', () => {
  it('maps actions to effects per file and per rule', async () => {
    const { gate } = await loadRuleSet([a, b], {
      files: [{ path: b, actions: { alert: 'block' }, rules: { '1:9100013': 'suspicious' } }],
    });
    const effects = Object.fromEntries(gate.evaluate(buildInspection({ url: '/x' })).hits.map((h) => [h.sid, h.effect]));
    expect(effects).toEqual({ 9100010: 'suspicious', 9100012: 'block', 9100013: 'suspicious' });
  });

  it('disables a rule by gid:sid', async () => {
    const { gate } = await loadRuleSet([a], { files: [{ path: dir, rules: { '1:9100010': 'disabled' } }] });
    expect(gate.ruleCount).toBe(0);
  });

  it('throws on an unreadable file so a hot reload keeps the old set', async () => {
    const current = await loadRuleSet([a]);
    await expect(loadRuleSet([a, join(dir, 'missing.rules')])).rejects.toMatchObject({ code: 'WARDEN_SIGNATURES_RULESET_INVALID' });
    expect(current.gate.evaluate(buildInspection({ url: '/x' })).hits).toHaveLength(1);
  });

  it('refuses the whole set on any rejection with strict', async () => {
    await expect(loadRuleSet([a], { strict: true })).rejects.toMatchObject({ code: 'WARDEN_SIGNATURES_RULESET_INVALID' });
    const { report } = await loadRuleSet([a]);
    expect(report.entries.map((e) => e.status)).toEqual(['accepted', 'rejected']);
  });
});

describe('loadRuleSet in turns (a reload on the event loop the proxy serves from)', () => {
  const bundled = join(import.meta.dirname, '../../signatures');
  const probes: Array<Parameters<typeof buildInspection>[0]> = [
    { url: '/search?q=1%27%20UNION%20SELECT%20password%20FROM%20users--' },
    { url: '/download?file=..%2F..%2F..%2Fetc%2Fpasswd' },
    { method: 'POST', url: '/api/items', headers: [['Host', 'h'], ['Content-Type', 'application/json']], body: '{"from":"ops@example.net\\nCc: a@example.org"}' },
    { url: '/catalog/search?q=running+shoes&size=42' },
  ];
  const verdicts = (gate: Awaited<ReturnType<typeof loadRuleSet>>['gate']): string[] =>
    probes.map((p) => gate.evaluate(buildInspection(p)).hits.map((h) => `${h.sid}:${h.effect}`).sort().join(','));

  it('builds the gate it builds at once, pausing between pieces and before each automaton it had to build', async () => {
    // A literal no earlier build had, so this build's automata for it are new.
    const extra = join(mkdtempSync(join(tmpdir(), 'warden-turns-')), 'extra.rules');
    writeFileSync(extra, `alert http any any -> any any (msg:"probe"; content:"/turns-probe-${process.pid}-${Date.now()}"; http_uri; sid:9100099;)\n`);
    let pauses = 0;
    const inTurns = await loadRuleSet([bundled, extra], {
      pause: async () => {
        pauses++;
        await new Promise((r) => setImmediate(r));
      },
    });
    const built = inTurns.gate.stats.automata.filter((a) => !a.reused).length;
    expect(built).toBeGreaterThan(0);
    // One pause after the import, one per chunk of 1,000 rules, one per automaton built ahead.
    expect(pauses).toBeGreaterThanOrEqual(1 + Math.ceil(inTurns.rules.length / 1000) + built);
    const atOnce = await loadRuleSet([bundled, extra]);
    expect(inTurns.gate.stats).toEqual({ ...atOnce.gate.stats, automata: atOnce.gate.stats.automata.map((a) => ({ ...a, reused: inTurns.gate.stats.automata.find((b) => b.buffer === a.buffer && b.alsoFor === a.alsoFor)!.reused })) });
    expect(atOnce.gate.stats.automata.every((a) => a.reused)).toBe(true);
    expect(verdicts(inTurns.gate)).toEqual(verdicts(atOnce.gate));
    expect(verdicts(inTurns.gate).slice(0, 3).every((v) => v !== '')).toBe(true);
  });
});
