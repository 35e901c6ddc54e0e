/**
 * scanUnordered in WebAssembly walks a text as up to eight interleaved chains, each from state 0 at its
 * piece's start, and a walker carries the scan's own state over each piece's start until it meets that
 * piece's chain (aho-corasick-wasm.ts, issue 14). It must report exactly the occurrences one chain
 * reports, each once: checked here against the JS loop of the same automaton (one chain, the scan before
 * this change) on random texts and patterns, patterns longer than a chain's piece, literals planted over
 * every seam, texts whose every char continues an occurrence; then, on the bundled rules, the prefilter's
 * candidate rules with these scans against a prefilter of the same rules whose automata run in JS, over
 * generated benign and attack requests, a blind probe set, random bytes and bodies of the lengths where
 * the chain count changes.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { buildAhoCorasick, WORD_END, WORD_START, type AhoCorasick } from '../../src/signatures/compile/aho-corasick.js';
import { WASM_MAX_CHAINS, WASM_SCAN_PIECE } from '../../src/signatures/compile/aho-corasick-wasm.js';
import { loadRuleSet } from '../../src/signatures/load-rule-set.js';
import { BufferSlots, compileRule } from '../../src/signatures/compile/compile-rule.js';
import { AutomatonNotBuilt, buildAutomatonAhead, Prefilter, PREFILTER_AUTOMATON_OPTIONS } from '../../src/signatures/compile/prefilter.js';
import { RequestBuffers } from '../../src/signatures/match/request-buffers.js';
import type { CompiledRule } from '../../src/signatures/compile/compiled-rule.js';
import { createInspector } from '../../src/inspect/build-inspection.js';
import type { Inspection } from '../../src/inspect/types.js';
import { recordToRawRequest } from '../../src/eval/record-request.js';
import { FAMILIES, iterateFamily, readRecordsSync } from '../../datasets/loaders.js';
import { generateAttackRecords } from '../../datasets/attack-families.js';

const rng = (seed: number) => (n: number): number => {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return (seed >>> 8) % n;
};

const ordered = (ac: AhoCorasick, text: string, to = text.length): string[] => {
  const got: string[] = [];
  ac.scanRange(text, 0, to, 0, (p, end) => got.push(`${p}@${end}`));
  return got.sort();
};
const unordered = (ac: AhoCorasick, text: string, to?: number): string[] => {
  const got: string[] = [];
  ac.scanUnordered(text, (p, end) => got.push(`${p}@${end}`), to);
  return got.sort();
};

describe('scanUnordered as interleaved chains and a walker (WebAssembly)', () => {
  it('reports each occurrence the one-chain JS loop reports, once, on random texts and patterns up to 40 chars (longer than a chain)', () => {
    const next = rng(3838);
    const lengths = [0, 1, 15, 63, 64, 65, 79, 80, 81, 95, 96, 97, 111, 112, 113, 127, 128, 129, 130, 131, 135, 136, 137, 255, 256, 257, 1000, 1023, 4484, WASM_SCAN_PIECE - 1, WASM_SCAN_PIECE];
    let found = 0;
    for (let round = 0; round < 240; round++) {
      const letters = 'abAB/x%\u00e9'.slice(0, 2 + next(7));
      const patterns = [...new Set(Array.from({ length: 1 + next(30) }, () => Array.from({ length: 1 + (next(4) === 0 ? next(40) : next(6)) }, () => letters[next(letters.length)]).join('').toLowerCase()))];
      const wasm = buildAhoCorasick(patterns);
      const js = buildAhoCorasick(patterns, { wasm: false });
      expect(wasm.engine).toBe('wasm');
      const length = round < lengths.length ? lengths[round] : 64 + next(2000);
      // Runs of one letter now and then: deep states held across a chain's start.
      const text = Array.from({ length }, (_, i) => (i % 97 < 20 ? letters[0] : (letters + 'z\u2019')[next(letters.length + 2)])).join('');
      const want = ordered(js, text);
      found += want.length;
      expect(unordered(wasm, text), `round ${round}, length ${length}`).toEqual(want);
      const to = next(length + 1);
      expect(unordered(wasm, text, to), `round ${round}, to ${to}`).toEqual(ordered(js, text, to));
    }
    expect(found).toBeGreaterThan(50_000);
  });

  it('finds a literal planted over every seam of two to eight chains, at every offset across it', () => {
    const patterns = ['needle-in-the-middle', 'e-i', 'middle'];
    const wasm = buildAhoCorasick(patterns);
    const js = buildAhoCorasick(patterns, { wasm: false });
    const needle = 'NEEDLE-in-the-middle';
    for (const length of [64, 80, 96, 100, 112, 127, 128, 129, 200, 400, 4000]) {
      const chains = Math.min(WASM_MAX_CHAINS, Math.floor(length / 16));
      const q = Math.floor(length / chains);
      const first = length - (chains - 1) * q;
      const seams = Array.from({ length: chains - 1 }, (_, c) => first + c * q);
      for (const seam of seams) {
        for (let shift = 0; shift <= needle.length; shift++) {
          const at = Math.max(0, Math.min(length - needle.length, seam - shift));
          const text = 'y'.repeat(at) + needle + 'y'.repeat(length - at - needle.length);
          const got = unordered(wasm, text);
          expect(got, `length ${length}, seam ${seam}, shift ${shift}`).toEqual(ordered(js, text));
          expect(got).toHaveLength(3);
        }
      }
    }
  });

  it('walks on through chain after chain while every char continues an occurrence longer than a chain', () => {
    const patterns = ['a'.repeat(40), 'aaa', 'ab'];
    const wasm = buildAhoCorasick(patterns);
    const js = buildAhoCorasick(patterns, { wasm: false });
    for (const length of [64, 65, 100, 128, 129, 300, 1000]) {
      for (const text of ['a'.repeat(length), `${'a'.repeat(length - 1)}b`, `b${'a'.repeat(length - 1)}`]) {
        expect(unordered(wasm, text), `length ${length}`).toEqual(ordered(js, text));
      }
    }
  });

  it('keeps what the word-boundary filters and skipSettled keep', () => {
    const next = rng(919);
    for (let round = 0; round < 60; round++) {
      const patterns = [...new Set(Array.from({ length: 2 + next(12) }, () => Array.from({ length: 1 + next(5) }, () => 'ab_ '[next(4)]).join('')))];
      const flags = Uint8Array.from(patterns, () => [0, WORD_END, WORD_START, WORD_END | WORD_START][next(4)]);
      const lengths = patterns.map((p) => p.length);
      const text = Array.from({ length: 64 + next(600) }, () => 'ab_ .'[next(5)]).join('');
      const settled = (ac: AhoCorasick): string[] => {
        const got = new Set<number>();
        ac.scanUnordered(text, (p) => got.add(p) !== null, text.length, ac.wordBoundaryFilter(flags, lengths));
        return [...got].map(String).sort();
      };
      const filtered = (ac: AhoCorasick, scan: 'ordered' | 'unordered'): string[] => {
        const got: string[] = [];
        const filter = ac.wordBoundaryFilter(flags, lengths);
        if (scan === 'ordered') ac.scan(text, (p, end) => got.push(`${p}@${end}`), filter);
        else ac.scanUnordered(text, (p, end) => got.push(`${p}@${end}`), text.length, filter);
        return got.sort();
      };
      const js = buildAhoCorasick(patterns, { wasm: false });
      expect(filtered(buildAhoCorasick(patterns), 'unordered'), `round ${round}`).toEqual(filtered(js, 'ordered'));
      expect(settled(buildAhoCorasick(patterns, { skipSettled: true }))).toEqual(settled(buildAhoCorasick(patterns, { wasm: false, skipSettled: true })));
    }
  });
});

describe('the bundled rules: the same candidate rules with the chained scans as with the JS loops', () => {
  const RULES = fileURLToPath(new URL('../../signatures/warden.rules', import.meta.url));
  let wasmPrefilter: Prefilter;
  let jsPrefilter: Prefilter;
  let slots: BufferSlots;

  beforeAll(async () => {
    const { rules } = await loadRuleSet([RULES]);
    slots = new BufferSlots();
    const compiled: CompiledRule[] = rules.filter((r) => r.enabled).map((r, i) => compileRule(r, i, 'suspicious', slots));
    wasmPrefilter = new Prefilter(compiled);
    // A prefilter of no rules makes the next build find none of those automata; each it asks for is then built in JS.
    new Prefilter([]);
    for (let tries = 0; tries < 40; tries++) {
      try {
        jsPrefilter = new Prefilter(compiled, { builtOnly: true });
        break;
      } catch (error) {
        if (!(error instanceof AutomatonNotBuilt)) throw error;
        buildAutomatonAhead(error.patterns, buildAhoCorasick(error.patterns, { ...PREFILTER_AUTOMATON_OPTIONS, wasm: false }));
      }
    }
    expect(jsPrefilter).toBeDefined();
  }, 120_000);

  function sameCandidates(inspections: Iterable<Inspection>): number {
    const a = new RequestBuffers(slots.headerFields, wasmPrefilter.readsJsonFormInPieces);
    const b = new RequestBuffers(slots.headerFields, jsPrefilter.readsJsonFormInPieces);
    let candidates = 0;
    let n = 0;
    for (const inspection of inspections) {
      a.load(inspection);
      b.load(inspection);
      const got = [...wasmPrefilter.candidatesFor(a)];
      const want = [...jsPrefilter.candidatesFor(b)];
      if (got.join() !== want.join()) expect(got, `${inspection.method} ${inspection.rawPath ?? ''} #${n}`).toEqual(want);
      candidates += got.length;
      n++;
    }
    return candidates;
  }

  it('on generated benign requests of every family (seed 7) and generated attacks of the seventeen families (seed 99)', () => {
    const inspect = createInspector();
    const inspections: Inspection[] = [];
    for (const family of FAMILIES) for (const record of iterateFamily(family, 7, 0.02)) inspections.push(inspect(recordToRawRequest(record)));
    for (const record of generateAttackRecords(99, 40)) inspections.push(inspect(recordToRawRequest(record)));
    expect(inspections.length).toBeGreaterThan(1500);
    expect(sameCandidates(inspections)).toBeGreaterThan(1000);
  }, 120_000);

  it('on a blind probe set and a blind benign set', () => {
    const inspect = createInspector();
    const records = [...readRecordsSync(fileURLToPath(new URL('../../datasets/blind-probes/set-8.ndjson', import.meta.url))), ...readRecordsSync(fileURLToPath(new URL('../../datasets/blind-probes/benign-20.ndjson', import.meta.url)))];
    expect(records.length).toBeGreaterThan(500);
    expect(sameCandidates(records.map((r) => inspect(recordToRawRequest(r))))).toBeGreaterThan(300);
  }, 120_000);

  it('on random bytes, empty bodies and bodies of the lengths where the chain count changes, attack literals planted across the seams', () => {
    const inspect = createInspector();
    const next = rng(1212);
    const planted = ['union select', '../../etc/passwd', '<script>', '${jndi:ldap://', 'cmd.exe', ';cat /etc/', 'eval(', 'base64_decode('];
    const inspections: Inspection[] = [];
    const request = (body: Buffer, contentType: string, query = ''): Inspection =>
      inspect({ method: 'POST', url: `/api/upload${query}`, httpVersion: '1.1', rawHeaders: ['Host', 'shop.example', 'Content-Type', contentType, 'Content-Length', String(body.length)], body, bodyTruncated: false, source: { ip: '203.0.113.9', port: 40000, peerIp: '203.0.113.9' } });
    for (let k = 0; k < 120; k++) {
      const length = [0, 63, 64, 65, 80, 127, 128, 129, 255, 256, 257, 511, 512, 513, 1024][k % 15] + (k >= 15 ? next(3000) : 0);
      const bytes = Buffer.alloc(length);
      for (let i = 0; i < length; i++) bytes[i] = k % 3 === 0 ? next(256) : 0x20 + next(95);
      // A literal over a seam of the chains the body's scan (and the raw scan's body part) gets.
      if (length >= 64 && k % 2 === 0) {
        const literal = Buffer.from(planted[next(planted.length)]);
        const chains = Math.min(8, Math.floor(length / 16));
        const seam = length - (1 + next(chains - 1)) * Math.floor(length / chains);
        literal.copy(bytes, Math.max(0, Math.min(length - literal.length, seam - next(literal.length + 1))));
      }
      const query = k % 4 === 1 ? `?q=${encodeURIComponent(bytes.toString('latin1').slice(0, 200))}` : '';
      inspections.push(request(bytes, ['application/octet-stream', 'text/plain', 'application/x-www-form-urlencoded', 'application/json'][k % 4], query));
    }
    expect(sameCandidates(inspections)).toBeGreaterThan(100);
  }, 120_000);
});
