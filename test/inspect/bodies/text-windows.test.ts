import { describe, expect, it } from 'vitest';
import { MAX_WINDOWS, textWindowsOf } from '../../../src/inspect/bodies/text-windows.js';
import { pseudoRandom } from '../../../datasets/untyped-body-probes.js';

function windowsOf(body: Buffer, pauses = true): string[] {
  const steps = textWindowsOf(body, () => pauses);
  for (let i = 0; i < 1000; i++) {
    const r = steps.next();
    if (r.done === true) return r.value;
  }
  throw new Error('no end');
}

/** Pseudo-random bytes (xorshift32): compressed or image data. */
const noise = (length: number, seed: number): Buffer => pseudoRandom(seed, length);

const reference = (body: Buffer): string[] => (body.toString('latin1').match(/[\t\n\r\x20-\x7e]{12,}/g) ?? []).slice(0, MAX_WINDOWS + 1);

describe('text windows of a binary body (session 34, ev34)', () => {
  it('finds the printable stretches of 12 chars or more, a payload framed by control bytes among them', () => {
    expect(windowsOf(Buffer.from("\x01\x02\x031' AND SLEEP(5)-- \x00\x00ok\x00"))).toEqual(["1' AND SLEEP(5)-- "]);
  });

  it('reads a stretch that runs across the pieces it is read in, whole, and the same as one pass would', () => {
    const body = Buffer.concat([noise(262_140, 7), Buffer.from('A'.repeat(300_000)), Buffer.from([1]), Buffer.from('0123456789abcdef'), noise(1000, 9)]);
    const found = windowsOf(body);
    expect(found).toEqual(reference(body));
    expect(found.some((w) => w.includes('A'.repeat(300_000)))).toBe(true);
    const megabyte = noise(1 << 20, 2463534242);
    expect(windowsOf(megabyte)).toEqual(reference(megabyte));
  });

  it('stops at one stretch more than MAX_WINDOWS', () => {
    const body = Buffer.from(Array.from({ length: 40 }, (_, i) => `symbol_name_${i}_xyz`).join('\x00'));
    expect(windowsOf(body, false)).toHaveLength(MAX_WINDOWS + 1);
  });
});
