import { describe, expect, it } from 'vitest';
import { screenedForModel, splitValidation } from '../../src/retrain/validation-split.js';
import { mayCarryAttack } from '../../src/model/screen.js';
import type { LabelledSample } from '../../src/model/fit.js';

const samples: LabelledSample[] = Array.from({ length: 2000 }, (_, i) => ({ text: `text number ${i} ${'x'.repeat(i % 7)}`, label: (i % 3 === 0 ? 1 : 0) as 0 | 1, group: 'g' }));

describe('splitValidation', () => {
  it('keeps every attack in the gate half and splits the benign texts about in two', () => {
    const { calibration, gate } = splitValidation(samples);
    const benign = samples.filter((s) => s.label === 0).length;
    expect(calibration.every((s) => s.label === 0)).toBe(true);
    expect(gate.filter((s) => s.label === 1)).toHaveLength(samples.filter((s) => s.label === 1).length);
    expect(calibration.length + gate.length).toBe(samples.length);
    expect(calibration.length).toBeGreaterThan(benign * 0.45);
    expect(calibration.length).toBeLessThan(benign * 0.55);
  });

  it('splits by text, not by position: any order or copy of the set gives the same halves', () => {
    const a = splitValidation(samples);
    const b = splitValidation([...samples].reverse());
    expect(new Set(b.calibration.map((s) => s.text))).toEqual(new Set(a.calibration.map((s) => s.text)));
    const gateTexts = new Set(a.gate.map((s) => s.text));
    expect(a.calibration.some((s) => gateTexts.has(s.text))).toBe(false);
  });
});

describe('screenedForModel', () => {
  it('keeps the texts the lexical screen sends to the model and counts the others by class', () => {
    const mixed: LabelledSample[] = [
      { text: '[1,55,56]', label: 0, group: 'numbers' }, // session 28's base false positives: the screen stops them
      { text: 'garden budget meeting', label: 0, group: 'words' },
      { text: "bob alice's travel (64)", label: 0, group: 'prose' },
      { text: "' OR '1'='1' --", label: 1, group: 'sqli' },
      { text: '42', label: 1, group: 'too short' },
    ];
    const { scored, screenedOut } = screenedForModel(mixed);
    expect(scored.map((s) => s.text)).toEqual(mixed.filter((s) => mayCarryAttack(s.text)).map((s) => s.text));
    expect(scored.map((s) => s.group)).toEqual(['prose', 'sqli']);
    expect(screenedOut).toEqual({ attacks: 1, benign: 2 });
  });
});
