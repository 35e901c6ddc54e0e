/**
 * The ports a bench's Warden serves (bench/lib/ports.ts) do not change which rules it loads. On the kernel's
 * random ports they did: snort3-community's sids 572, 1751 and 2007 are written `-> $HOME_NET 32771:34000`,
 * and bench/reload-stall.ts loaded 8,378 rules (184 rejected) when its upstream port fell there, 8,376 (183)
 * otherwise, from the same files (session 32).
 */
import { describe, expect, it } from 'vitest';
import { readRuleSources } from '../../src/signatures/read-rule-files.js';
import { tokenizeHeader } from '../../src/signatures/rule-header.js';
import { defaultVariables, expandPorts, portSetIncludes } from '../../src/signatures/variables.js';
import type { PortSet } from '../../src/signatures/rule.js';
import { BUNDLED_RULES } from '../../src/assemble.js';
import { SERVED_PORT_BAND, freeServedPort } from '../../bench/lib/ports.js';
import { CORPUS_FLAVOURS, SIGNATURES_CORPUS } from '../signatures/corpus-location.js';

const BAND_SIZE = SERVED_PORT_BAND.last - SERVED_PORT_BAND.first + 1;

function bandPortsNamed(set: PortSet): number {
  let n = 0;
  for (let p = SERVED_PORT_BAND.first; p <= SERVED_PORT_BAND.last; p++) if (portSetIncludes(set, p)) n++;
  return n;
}

/** Rules (commented-out ones too: they are reported) whose source or destination ports name part of the band. */
async function rulesNamingPartOfTheBand(paths: string[]): Promise<string[]> {
  const variables = defaultVariables();
  // ~650 distinct port fields in ~29,000 rules: each is expanded and read against the band once.
  const partOfBand = new Map<string, number | null>();
  const namedOf = (field: string): number | null => {
    if (!partOfBand.has(field)) {
      let n: number | null = null;
      try {
        n = bandPortsNamed(expandPorts(field, variables));
      } catch {
        // a field the parser refuses: the rule is rejected whatever the ports
      }
      partOfBand.set(field, n);
    }
    return partOfBand.get(field)!;
  };
  const partial: string[] = [];
  for (const source of await readRuleSources(paths)) {
    source.text.split('\n').forEach((raw, i) => {
      const line = raw.replace(/^\s*#\s*/, '');
      const open = line.indexOf('(');
      if (open < 0) return;
      const fields = tokenizeHeader(line.slice(0, open));
      if (fields.length !== 7) return; // a Snort 3 service rule (any port), or not a rule
      for (const field of [fields[3], fields[6]]) {
        const n = namedOf(field);
        if (n !== null && n > 0 && n < BAND_SIZE) partial.push(`${source.file}:${i + 1} ports ${field} name ${n} of the band's`);
      }
    });
  }
  return partial;
}

describe('bench ports (bench/lib/ports.ts)', () => {
  it('draws a free port of the band', async () => {
    const port = await freeServedPort();
    expect(port).toBeGreaterThanOrEqual(SERVED_PORT_BAND.first);
    expect(port).toBeLessThanOrEqual(SERVED_PORT_BAND.last);
  });

  it('the band lies below the ephemeral range, where 32771:34000 and 49152: rules fall', () => {
    expect(SERVED_PORT_BAND.last).toBeLessThan(32768);
  });

  it('no bundled rule names some of the band\'s ports and not the others', async () => {
    expect(await rulesNamingPartOfTheBand([BUNDLED_RULES])).toEqual([]);
  });

  it.skipIf(SIGNATURES_CORPUS === null)('no rule of the shared corpus names some of the band\'s ports and not the others', async () => {
    const folders = Object.keys(CORPUS_FLAVOURS).map((f) => `${SIGNATURES_CORPUS}/${f}`);
    expect(await rulesNamingPartOfTheBand(folders)).toEqual([]);
  }, 60_000);
});
