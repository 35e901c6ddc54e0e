import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FEATURE_CONFIG, FeatureExtractor, type FeatureConfig } from '../../src/model/features.js';
import { featureDigest } from './fixtures/feature-digest.js';

interface Snapshot {
  config: FeatureConfig;
  entries: { text: string; count: number; digest: string }[];
}

const snapshot = JSON.parse(readFileSync(new URL('./fixtures/feature-snapshot.json', import.meta.url), 'utf8')) as Snapshot;

describe('feature snapshot (feature version 2, what models/payload-v1 was trained on)', () => {
  it('is taken with the default feature config', () => {
    expect(snapshot.config).toEqual(DEFAULT_FEATURE_CONFIG);
    expect(snapshot.entries.length).toBeGreaterThanOrEqual(200);
  });

  it('gives every snapshot text the same feature indices, in the same order', () => {
    const extractor = new FeatureExtractor(snapshot.config);
    const changed = snapshot.entries.filter((e) => {
      const f = extractor.extract(e.text);
      return f.length !== e.count || featureDigest(f) !== e.digest;
    });
    expect(changed.map((e) => e.text.slice(0, 60))).toEqual([]);
  });

  it('gives the same indices whatever texts came before (no state leaks between calls)', () => {
    const extractor = new FeatureExtractor(snapshot.config);
    const reversed = [...snapshot.entries].reverse();
    for (const e of reversed) expect(featureDigest(extractor.extract(e.text))).toBe(e.digest);
  });
});
