/**
 * Every rule line of the bundled set loads, without a warning: a rule the engine refuses (a pcre with a
 * lookahead RE2 cannot run, an unknown option) would otherwise vanish from the set with only an import
 * report line to say so, and its attack and near-miss test might never notice if another rule covers it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadRuleSet } from '../../src/signatures/load-rule-set.js';
import { countStatuses } from '../../src/signatures/report.js';
import { BUNDLED_RULES } from './bundled-requests.js';

describe('the bundled rule set', () => {
  it('accepts every rule line of signatures/warden.rules, none with a warning', async () => {
    const lines = readFileSync(BUNDLED_RULES, 'utf8').split('\n').filter((l) => /^(?:alert|drop|block|reject|pass|log|sdrop)\s/.test(l));
    const { report, rules } = await loadRuleSet([BUNDLED_RULES]);
    const refused = report.entries.filter((e) => e.status !== 'accepted').map((e) => `${e.sid ?? '?'}: ${e.status} ${e.reason ?? ''}`);
    expect(refused).toEqual([]);
    expect(countStatuses(report.entries).accepted).toBe(lines.length);
    expect(rules).toHaveLength(lines.length);
  });
});
