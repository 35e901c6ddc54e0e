import { createRequire } from 'node:module';
import { generateBenign, loadSharedPayloads } from '../../datasets/loaders.js';
import { recordUrl, type RequestRecord } from '../../src/eval/record.js';
import { seededRandom, shuffleInPlace } from '../../src/model/prng.js';
import { loadHeaders, type LoadRequest } from './scenarios.js';

export interface MixedWorkload {
  requests: LoadRequest[];
  benign: number;
  /** Attack requests per carrier: query parameter, JSON body, urlencoded form body. */
  attacks: { query: number; json: number; form: number };
  /** Shared corpora the attack payloads were drawn from. */
  corpora: string[];
}

// autocannon refuses methods outside its own list (the generators also send PROPFIND and the like).
const SENDABLE = new Set(createRequire(import.meta.url)('autocannon/lib/httpMethods.js') as string[]);

function toLoadRequest(r: RequestRecord): LoadRequest {
  return { method: r.method, path: recordUrl(r), headers: loadHeaders(r), ...(r.body !== undefined ? { body: r.body } : {}) };
}

/** A payload in a query parameter, a JSON string field or a form field; null when it cannot be URL-encoded (lone surrogate). */
function attackRequest(carrier: number, payload: string, ua: string): LoadRequest | null {
  let encoded: string;
  try {
    encoded = encodeURIComponent(payload);
  } catch {
    return null;
  }
  const headers = { 'User-Agent': ua, Accept: '*/*' };
  if (carrier === 0) return { method: 'GET', path: `/catalog/search?q=${encoded}&page=1`, headers };
  if (carrier === 1) {
    const body = JSON.stringify({ customer: 48213, comment: payload, items: [{ sku: 'RUN-42-BLU', qty: 1 }] });
    return { method: 'POST', path: '/api/v1/reviews', headers: { ...headers, 'Content-Type': 'application/json' }, body };
  }
  return { method: 'POST', path: '/contact', headers: { ...headers, 'Content-Type': 'application/x-www-form-urlencoded' }, body: `name=Ann+Lee&message=${encoded}&send=1` };
}

/**
 * Mostly benign traffic with one request in ten carrying an attack: the generated benign families
 * (browser pages and assets, JSON APIs, forms, multipart, XML, GraphQL, webhooks...) plus payloads
 * of the shared corpora in a query parameter, a JSON body or a form body, in turn. Shuffled with a
 * fixed seed so any slice of a run (a short smoke run) sees the whole mix.
 */
export function mixedWorkload(options: { seed: number; scale: number; sharedRoot: string }): MixedWorkload {
  const records = generateBenign({ seed: options.seed, scale: options.scale }).filter((r) => SENDABLE.has(r.method));
  const requests = records.map(toLoadRequest);
  const shared = loadSharedPayloads(options.sharedRoot).payloads.filter((p) => p.label === 'attack');
  if (shared.length === 0) throw new Error(`no attack payloads under ${options.sharedRoot}`);
  const random = seededRandom(options.seed);
  const attacks = { query: 0, json: 0, form: 0 };
  const wanted = Math.round(requests.length / 9); // 1 in 10 of the total
  for (let i = 0, tries = 0; attacks.query + attacks.json + attacks.form < wanted && tries < wanted * 4; tries++) {
    const payload = shared[Math.floor(random() * shared.length)].text;
    const carrier = i % 3;
    const ua = (records[i % records.length].headers['User-Agent'] ?? records[i % records.length].headers['user-agent']) || 'curl/8.5.0';
    const request = attackRequest(carrier, payload, ua);
    if (request === null) continue;
    requests.push(request);
    if (carrier === 0) attacks.query++;
    else if (carrier === 1) attacks.json++;
    else attacks.form++;
    i++;
  }
  return {
    requests: shuffleInPlace(requests, random),
    benign: records.length,
    attacks,
    corpora: [...new Set(shared.map((p) => p.corpus))].sort(),
  };
}
