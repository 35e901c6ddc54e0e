import { describe, expect, it } from 'vitest';
import { synthesizeAttacks, synthesizedCategories } from '../../../src/model/training-data/attack-grammar.js';
import { payloadFormTexts } from '../../../datasets/training-set.js';
import { mayCarryAttack } from '../../../src/model/screen.js';

describe('synthesizeAttacks', () => {
  const attacks = synthesizeAttacks(7, 4000);

  it('is deterministic for a seed and differs across seeds', () => {
    expect(synthesizeAttacks(7, 200)).toEqual(attacks.slice(0, 200));
    expect(synthesizeAttacks(8, 200)).not.toEqual(attacks.slice(0, 200));
  });

  it('draws every category, and mostly distinct texts', () => {
    expect(new Set(attacks.map((a) => a.category))).toEqual(new Set(synthesizedCategories()));
    expect(new Set(attacks.map((a) => a.text)).size).toBeGreaterThan(attacks.length * 0.8);
  });

  it('produces attacks the screen lets through to the model', () => {
    const passed = attacks.filter((a) => payloadFormTexts(a.text).some(mayCarryAttack)).length;
    expect(passed / attacks.length).toBeGreaterThan(0.97);
  });

  it('encodes traversals so that a decoded form shows the plain dot-dot-slash', () => {
    const steps = attacks.filter((a) => a.category === 'traversal' && /%(c0|e0|f8|fc|25)/i.test(a.text));
    expect(steps.length).toBeGreaterThan(50);
    const revealed = steps.filter((a) => payloadFormTexts(a.text).some((f) => /\.\.[/\\]/.test(f)));
    expect(revealed.length / steps.length).toBeGreaterThan(0.6);
  });
});
