import { describe, expect, it } from 'vitest';
import { BuildMemo, digestOf, textDigest } from '../src/build-memo.js';

describe('digestOf', () => {
  it('is the same for the same settings in another key order, different for any changed value', () => {
    expect(digestOf({ a: 1, b: { c: [1, 2], d: 'x' } })).toBe(digestOf({ b: { d: 'x', c: [1, 2] }, a: 1 }));
    expect(digestOf({ a: 1, b: { c: [1, 2] } })).not.toBe(digestOf({ a: 1, b: { c: [2, 1] } }));
    expect(digestOf({ a: 1 })).not.toBe(digestOf({ a: 2 }));
    expect(digestOf({ a: undefined })).toBe(digestOf({}));
  });
});

describe('BuildMemo', () => {
  it('gives back what a gate was built with only for the digest it was built from', () => {
    const memo = new BuildMemo<string>();
    const gate = {};
    memo.remember(gate, 'd1', 'built');
    expect(memo.reuse(gate, 'd1')).toEqual({ gate, value: 'built' });
    expect(memo.reuse(gate, 'd1')?.gate).toBe(gate);
    expect(memo.reuse(gate, 'd2')).toBeNull();
    expect(memo.reuse({}, 'd1')).toBeNull();
    expect(memo.reuse(null, 'd1')).toBeNull();
    expect(memo.reuse(undefined, 'd1')).toBeNull();
  });
});

describe('textDigest', () => {
  it('tells apart texts that differ in one char, latin1 or not', () => {
    expect(textDigest('alert http (sid:1;)')).toBe(textDigest('alert http (sid:1;)'));
    expect(textDigest('alert http (sid:1;)')).not.toBe(textDigest('alert http (sid:2;)'));
    // Chars past latin1 would collide with their low byte if hashed as latin1 (U+0141 and 'A' share 0x41).
    expect(textDigest('\u0141')).not.toBe(textDigest('A'));
  });
});
