import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendLabels, parseBulkLabels, parseLabel, readLabels } from '../../src/retrain/labels.js';
import { labelInvalid } from '../../src/retrain/errors.js';

describe('operator labels', () => {
  it('parses NDJSON and plain bulk lines, with comments', () => {
    const labels = parseBulkLabels('# fps of monday\n01abcdefgh benign rich text\n{"incidentId":"01abcdefgj","label":"attack"}\n01abcdefgk,--benign\n', 'bulk.txt');
    expect(labels.map((l) => [l.incidentId, l.label])).toEqual([
      ['01abcdefgh', 'benign'],
      ['01abcdefgj', 'attack'],
      ['01abcdefgk', 'benign'],
    ]);
    expect(labels[0].note).toBe('rich text');
    expect(labels[0].by).toBe('bulk:bulk.txt');
  });

  it('rejects bad ids and labels with a code and the line', () => {
    expect(() => parseBulkLabels('ok123 benign\nbad/id benign\n', 'f')).toThrowError(/f:2/);
    try {
      parseLabel({ incidentId: 'abcd1234', label: 'maybe' }, 'cli', 'arg');
      expect.unreachable();
    } catch (err) {
      expect(labelInvalid.is(err)).toBe(true);
    }
  });

  it('labels bare ids with the command\'s --benign/--attack, and says how to label one without it', () => {
    const labels = parseBulkLabels('01abcdefgh\n01abcdefgj attack\n{"incidentId":"01abcdefgk"}\n', 'ids.txt', 'benign');
    expect(labels.map((l) => [l.incidentId, l.label])).toEqual([
      ['01abcdefgh', 'benign'],
      ['01abcdefgj', 'attack'],
      ['01abcdefgk', 'benign'],
    ]);
    expect(() => parseBulkLabels('01abcdefgh\n', 'ids.txt')).toThrowError(/ids\.txt:1: "01abcdefgh" has no label: .*--benign or --attack/);
  });

  it('appends and reads back; the latest label of an incident wins', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'labels-')), 'logs', 'labels.ndjson');
    await appendLabels(file, [parseLabel({ incidentId: 'aaaa1111', label: 'benign' }, 'cli', 'x')]);
    await appendLabels(file, [parseLabel({ incidentId: 'aaaa1111', label: 'attack' }, 'admin', 'x'), parseLabel({ incidentId: 'bbbb2222', label: 'benign' }, 'admin', 'x')]);
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(3);
    const map = await readLabels(file);
    expect(map.get('aaaa1111')?.label).toBe('attack');
    expect(map.get('aaaa1111')?.by).toBe('admin');
    expect(map.size).toBe(2);
    expect((await readLabels(join(file, '..', 'none.ndjson'))).size).toBe(0);
  });
});
