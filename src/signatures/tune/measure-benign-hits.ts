/**
 * Runs a compiled rule set over benign request records and counts, per rule, the requests it matched
 * (one per request however often it fires in it), per source, with the first few matched values as
 * examples. The same normalizer as the proxy builds each inspection, so a hit here is a hit in
 * production.
 */
import type { RequestRecord } from '../../eval/record.js';
import { recordToRawRequest } from '../../eval/record-request.js';
import { createInspector } from '../../inspect/build-inspection.js';
import type { SignatureGate } from '../types.js';
import { matchedText } from '../match/decoded-views.js';
import type { BenignTextSample } from './everyday-literals.js';

export interface BenignRecord {
  /** Where it came from: a file's family (`warden-gen/link-values`), `apache-access-log`, `traffic-log`. */
  source: string;
  record: RequestRecord;
}

export interface RuleHitExample {
  id: string;
  /** `location name` of the field the match falls in, or the buffer when it spans none. */
  field: string;
  value: string;
  /** The bytes the rule's last content or pcre matched (what to read first when narrowing it). */
  matched: string;
}

export interface RuleBenignHits {
  hits: number;
  bySource: Map<string, number>;
  examples: RuleHitExample[];
}

export interface BenignHitMeasurement {
  requests: number;
  bySource: Map<string, number>;
  /** Keyed by `gid:sid`; rules that never fired are absent. */
  rules: Map<string, RuleBenignHits>;
}

const EXAMPLES_PER_RULE = 3;
const EXAMPLE_CHARS = 160;
const MATCHED_CHARS = 100;

/** A request as one text for literal counts: method and target, headers, body. */
function requestText(record: RequestRecord): string {
  let text = `${record.method} ${record.path}${record.query === '' ? '' : `?${record.query}`}\n`;
  for (const [k, v] of Object.entries(record.headers)) text += `${k}: ${v}\n`;
  return record.body === undefined ? text : `${text}\n${record.body}`;
}

/** With `sample`, each request's text is offered to it too (what `EverydayLiterals` counts literals in). */
export async function measureBenignHits(gate: SignatureGate, records: AsyncIterable<BenignRecord> | Iterable<BenignRecord>, sample?: BenignTextSample): Promise<BenignHitMeasurement> {
  const inspect = createInspector();
  const out: BenignHitMeasurement = { requests: 0, bySource: new Map(), rules: new Map() };
  const seen = new Set<string>();
  for await (const { source, record } of records) {
    out.requests++;
    out.bySource.set(source, (out.bySource.get(source) ?? 0) + 1);
    sample?.offer(() => requestText(record));
    const inspection = inspect(recordToRawRequest(record));
    seen.clear();
    for (const hit of gate.evaluate(inspection).hits) {
      const key = `${hit.gid}:${hit.sid}`;
      if (seen.has(key)) continue;
      seen.add(key);
      let entry = out.rules.get(key);
      if (entry === undefined) out.rules.set(key, (entry = { hits: 0, bySource: new Map(), examples: [] }));
      entry.hits++;
      entry.bySource.set(source, (entry.bySource.get(source) ?? 0) + 1);
      if (entry.examples.length < EXAMPLES_PER_RULE) {
        const target = inspection.targets[hit.targetIndex];
        entry.examples.push({
          id: record.id,
          field: target === undefined ? hit.buffer : `${target.location} ${target.name}${hit.decoded === undefined ? '' : ` (decoded: ${hit.decoded})`}`,
          value: (target === undefined ? `${record.method} ${record.path}${record.query === '' ? '' : `?${record.query}`}` : target.raw).slice(0, EXAMPLE_CHARS),
          matched: matchedText(inspection, hit, MATCHED_CHARS),
        });
      }
    }
  }
  return out;
}
