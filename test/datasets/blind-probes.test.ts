import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseProbeSet, probeRecords } from '../../datasets/blind-probes.js';

const SET_1 = readFileSync(new URL('../../datasets/blind-probes/set-1.txt', import.meta.url), 'utf8');

describe('blind payload probes', () => {
  it('reads classes under ## headings, keeps payloads that start with # and skips the header comments', () => {
    const classes = parseProbeSet('# a comment\n\n## ssti\n#{7*7}\n{{7*7}}\n\n## files\n/.env\n');
    expect([...classes]).toEqual([
      ['ssti', ['#{7*7}', '{{7*7}}']],
      ['files', ['/.env']],
    ]);
  });

  it('sends a payload as ?p= and as a form p=, strictly encoded unless it carries its own escapes', () => {
    const records = probeRecords(new Map([['sqli', ["1' or '1'='1", '%27%20or%201=1']]]), '9');
    expect(records.map((r) => [r.id, r.method, r.query, r.body ?? null])).toEqual([
      ['blind9/sqli/0/q', 'GET', 'p=1%27%20or%20%271%27%3D%271', null],
      ['blind9/sqli/0/f', 'POST', '', 'p=1%27+or+%271%27%3D%271'],
      ['blind9/sqli/1/q', 'GET', 'p=%27%20or%201=1', null],
      ['blind9/sqli/1/f', 'POST', '', 'p=%27%20or%201=1'],
    ]);
    expect(records.every((r) => r.label === 'attack' && r.source === 'blind-9')).toBe(true);
  });

  it('sends a file probe as the path and a Shellshock string as the User-Agent too', () => {
    const records = probeRecords(new Map([['files', ['/.git/config']], ['shellshock', ['() { :; }; id']]]), '1');
    expect(records.map((r) => r.id)).toEqual(['blind1/files/0/path', 'blind1/shellshock/0/ua', 'blind1/shellshock/0/q', 'blind1/shellshock/0/f']);
    expect(records[0].path).toBe('/.git/config');
    expect(records[1].headers['User-Agent']).toBe('() { :; }; id');
  });

  it('set 1 holds the 713 requests of its first measurement, 20 classes', () => {
    const classes = parseProbeSet(SET_1);
    expect(classes.size).toBe(20);
    expect(probeRecords(classes, '1')).toHaveLength(713);
  });

  it('set 2 holds the 994 requests of its first measurement, 21 classes', () => {
    const classes = parseProbeSet(readFileSync(new URL('../../datasets/blind-probes/set-2.txt', import.meta.url), 'utf8'));
    expect(classes.size).toBe(21);
    expect(probeRecords(classes, '2')).toHaveLength(994);
  });

  it('set 3 holds the 863 requests of its first measurement, 21 classes', () => {
    const classes = parseProbeSet(readFileSync(new URL('../../datasets/blind-probes/set-3.txt', import.meta.url), 'utf8'));
    expect(classes.size).toBe(21);
    expect(probeRecords(classes, '3')).toHaveLength(863);
  });

  it.each([
    ['benign-1.ndjson', 255],
    ['benign-2.ndjson', 189],
    ['benign-3.ndjson', 125],
    ['benign-4.ndjson', 413],
    ['benign-5.ndjson', 124],
    ['benign-6.ndjson', 159],
  ])('benign set %s is %i valid benign records with unique ids', (file, count) => {
    const lines = readFileSync(new URL(`../../datasets/blind-probes/${file}`, import.meta.url), 'utf8').trim().split('\n');
    const records = lines.map((l) => JSON.parse(l) as { id: string; label: string; method: string; path: string });
    expect(records).toHaveLength(count);
    expect(new Set(records.map((r) => r.id)).size).toBe(count);
    expect(records.every((r) => r.label === 'benign' && r.path.startsWith('/') && r.method.length > 0)).toBe(true);
  });

  it('attack set 4 is the 166 attack records of its first measurement, with unique ids', () => {
    const lines = readFileSync(new URL('../../datasets/blind-probes/set-4.ndjson', import.meta.url), 'utf8').trim().split('\n');
    const records = lines.map((l) => JSON.parse(l) as { id: string; label: string; method: string; path: string });
    expect(records).toHaveLength(166);
    expect(new Set(records.map((r) => r.id)).size).toBe(166);
    expect(records.every((r) => r.label === 'attack' && r.method.length > 0)).toBe(true);
  });

  it('attack set 5 is the 380 attack records of its first measurement, 18 classes, with unique ids', () => {
    const lines = readFileSync(new URL('../../datasets/blind-probes/set-5.ndjson', import.meta.url), 'utf8').trim().split('\n');
    const records = lines.map((l) => JSON.parse(l) as { id: string; label: string; method: string; path: string; category: string });
    expect(records).toHaveLength(380);
    expect(new Set(records.map((r) => r.id)).size).toBe(380);
    expect(new Set(records.map((r) => r.category)).size).toBe(18);
    expect(records.every((r) => r.label === 'attack' && r.method.length > 0 && r.path.startsWith('/'))).toBe(true);
  });

  it('attack set 6 is the 301 attack records of its first measurement, 16 families, with unique ids', () => {
    const lines = readFileSync(new URL('../../datasets/blind-probes/set-6.ndjson', import.meta.url), 'utf8').trim().split('\n');
    const records = lines.map((l) => JSON.parse(l) as { id: string; label: string; method: string; path: string; category: string });
    expect(records).toHaveLength(301);
    expect(new Set(records.map((r) => r.id)).size).toBe(301);
    expect(new Set(records.map((r) => r.category)).size).toBe(16);
    expect(records.every((r) => r.label === 'attack' && r.method.length > 0 && r.path.startsWith('/'))).toBe(true);
  });

  it('attack set 7 is the 358 attack records of its first measurement, 17 families, with unique ids', () => {
    const lines = readFileSync(new URL('../../datasets/blind-probes/set-7.ndjson', import.meta.url), 'utf8').trim().split('\n');
    const records = lines.map((l) => JSON.parse(l) as { id: string; label: string; method: string; path: string; category: string });
    expect(records).toHaveLength(358);
    expect(new Set(records.map((r) => r.id)).size).toBe(358);
    expect(new Set(records.map((r) => r.category)).size).toBe(17);
    expect(records.every((r) => r.label === 'attack' && r.method.length > 0 && r.path.startsWith('/'))).toBe(true);
  });

  it('attack set 8 is the 398 attack records of its first measurement, 18 families, with unique ids', () => {
    const lines = readFileSync(new URL('../../datasets/blind-probes/set-8.ndjson', import.meta.url), 'utf8').trim().split('\n');
    const records = lines.map((l) => JSON.parse(l) as { id: string; label: string; method: string; path: string; category: string });
    expect(records).toHaveLength(398);
    expect(new Set(records.map((r) => r.id)).size).toBe(398);
    expect(new Set(records.map((r) => r.category)).size).toBe(18);
    expect(records.every((r) => r.label === 'attack' && r.method.length > 0 && r.path.startsWith('/'))).toBe(true);
  });

  it('attack set 9 is the 451 attack records of its first measurement, 23 families, with unique ids', () => {
    const lines = readFileSync(new URL('../../datasets/blind-probes/set-9.ndjson', import.meta.url), 'utf8').trim().split('\n');
    const records = lines.map((l) => JSON.parse(l) as { id: string; label: string; method: string; path: string; category: string });
    expect(records).toHaveLength(451);
    expect(new Set(records.map((r) => r.id)).size).toBe(451);
    expect(new Set(records.map((r) => r.category)).size).toBe(23);
    expect(records.every((r) => r.label === 'attack' && r.method.length > 0 && r.path.startsWith('/'))).toBe(true);
  });
});
