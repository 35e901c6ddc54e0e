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
