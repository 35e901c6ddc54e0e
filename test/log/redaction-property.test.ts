import fc from 'fast-check';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { buildInspection } from '../../src/inspect/build-inspection.js';
import { verdictLogFields } from '../../src/log/decision-log.js';
import { DEFAULT_REDACTED_FIELDS, DEFAULT_REDACTED_HEADERS, redactLogObject, redactionPolicyOf } from '../../src/log/redact.js';
import { TrafficLog } from '../../src/log/traffic-log.js';
import type { GateResults, Verdict } from '../../src/decision/types.js';
import { rawRequest } from '../inspect/raw-request.js';

// Issue 17: no planted secret survives in any log line, whatever the body shape, the field or the way
// the secret is recognisable (by its field's name or by its value).
const policy = redactionPolicyOf({ redactHeaders: DEFAULT_REDACTED_HEADERS, redactFields: DEFAULT_REDACTED_FIELDS });
const traffic = new TrafficLog({ file: join(mkdtempSync(join(tmpdir(), 'redact-prop-')), 'traffic.ndjson'), sampleRate: 1, maxBodyBytes: 65536, redaction: policy });
afterAll(() => traffic.close());

const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const token = (min: number, max: number, alphabet = ALNUM) =>
  fc.array(fc.constantFrom(...alphabet), { minLength: min, maxLength: max }).map((a) => a.join(''));

function luhnComplete(digits: string): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return digits + String((10 - (sum % 10)) % 10);
}

/** Secrets recognisable by their value: [the text planted, the strings that must not reach a log]. */
const valueSecret: fc.Arbitrary<[string, string[]]> = fc.oneof(
  fc.tuple(fc.constantFrom('4', '51', '37', '6011'), token(12, 14, '0123456789'), fc.constantFrom('', ' ', '-')).map(([prefix, rest, sep]) => {
    const card = luhnComplete((prefix + rest).slice(0, 15));
    const shown = sep === '' ? card : card.match(/.{1,4}/g)!.join(sep);
    return [shown, [shown, card]] as [string, string[]];
  }),
  fc.tuple(token(8, 20), token(8, 40), token(16, 43, `${ALNUM}-_`)).map(([a, b, c]) => {
    const jwt = `eyJ${a}.eyJ${b}.${c}`;
    return [jwt, [jwt, `${b}.${c}`]] as [string, string[]];
  }),
  token(20, 40).map((t) => [`Bearer 7${t}`, [`7${t}`]] as [string, string[]]),
  fc.array(token(64, 64, `${ALNUM}+/`), { minLength: 2, maxLength: 4 }).map((lines) => {
    const pem = `-----BEGIN RSA PRIVATE KEY-----\n${lines.join('\n')}\n-----END RSA PRIVATE KEY-----`;
    return [pem, lines] as [string, string[]];
  }),
  token(16, 16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567').map((t) => [`AKIA${t}`, [`AKIA${t}`]] as [string, string[]]),
);

/** Secrets recognisable by their field's name. */
const nameSecret: fc.Arbitrary<[string, string, string[]]> = fc
  .tuple(fc.constantFrom('password', 'new_password', 'userPassword', 'passwd', 'pwd', 'pass', 'client_secret', 'accessToken', 'auth', 'card', 'cardNumber', 'cc_number', 'cvv', 'ssn', 'api_key', 'apiKey'), token(10, 16))
  .map(([name, v]) => {
    const value = `zq${v}`;
    return [name, value, [value]];
  });

const planted = fc.oneof(
  valueSecret.chain(([text, forbidden]) => fc.constantFrom('comment', 'note', 'q').map((name) => [name, text, forbidden] as [string, string, string[]])),
  nameSecret,
);

type Shape = 'json' | 'json-malformed' | 'json-unlabelled' | 'form' | 'multipart' | 'xml' | 'text-colon' | 'text-kv' | 'unknown' | 'query' | 'header' | 'cookie';
const SHAPES: Shape[] = ['json', 'json-malformed', 'json-unlabelled', 'form', 'multipart', 'xml', 'text-colon', 'text-kv', 'unknown', 'query', 'header', 'cookie'];

function request(shape: Shape, name: string, value: string, filler: string) {
  const headers: Array<[string, string]> = [['Host', 'shop.test'], ['User-Agent', 'Mozilla/5.0']];
  let url = '/api/items?page=2';
  let body = '';
  const json = JSON.stringify({ title: filler, [name]: value, tags: ['a', 'b'] });
  switch (shape) {
    case 'json':
      headers.push(['Content-Type', 'application/json']);
      body = json;
      break;
    case 'json-malformed':
      headers.push(['Content-Type', 'application/json']);
      body = `${json.slice(0, json.indexOf(value) + value.length + 1)}, "oops": `;
      break;
    case 'json-unlabelled':
      body = json;
      break;
    case 'form':
      headers.push(['Content-Type', 'application/x-www-form-urlencoded']);
      body = `title=${encodeURIComponent(filler)}&${encodeURIComponent(name)}=${encodeURIComponent(value)}&x=1`;
      break;
    case 'multipart':
      headers.push(['Content-Type', 'multipart/form-data; boundary=B0undary']);
      body = `--B0undary\r\nContent-Disposition: form-data; name="title"\r\n\r\n${filler}\r\n--B0undary\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n--B0undary--\r\n`;
      break;
    case 'xml':
      headers.push(['Content-Type', 'application/xml']);
      body = `<order><title>${filler}</title><${name}>${value}</${name}></order>`;
      break;
    case 'text-colon':
      headers.push(['Content-Type', 'text/plain']);
      body = `title: ${filler}\n${name}: ${value}\nend`;
      break;
    case 'text-kv':
      headers.push(['Content-Type', 'text/plain']);
      body = `note ${filler} ${name}=${value} more words`;
      break;
    case 'unknown':
      headers.push(['Content-Type', 'application/x-custom']);
      body = `{"title": "${filler}", "${name}": "${value}"`;
      break;
    case 'query':
      url = `/api/items?page=2&${encodeURIComponent(name)}=${encodeURIComponent(value)}`;
      break;
    case 'header':
      headers.push(value.includes('\n') ? ['X-Note', 'see body'] : [name === 'comment' || name === 'note' || name === 'q' ? 'X-Note' : 'X-Auth-Token', value]);
      if (value.includes('\n')) body = value;
      break;
    case 'cookie':
      headers.push(['Cookie', `theme=dark; ${name}=${encodeURIComponent(value)}`]);
      break;
  }
  return rawRequest(body === '' ? 'GET' : 'POST', url, headers, body);
}

function verdictQuoting(name: string, value: string, location: 'body' | 'query'): Verdict {
  // The model quotes the form it scored: the decision log must not carry the secret through it.
  return {
    action: 'block',
    status: 403,
    confidence: 'high',
    score: 0.9,
    incidentId: '01hqtest0000000000',
    mode: 'prevent',
    reasons: [{ gate: 'model', ruleId: 'WARDEN_DECISION_PAYLOAD', score: 0.9, target: { location, name }, message: `payload score 0.9 (${value})` }],
    explain: { topField: `${location}.${name}` },
    timings: {},
  };
}

const NO_RESULTS: GateResults = { signatures: null, model: null, reputation: null, schema: null, failures: [] };

describe('redaction, over generated requests (property)', () => {
  it('lets no planted secret reach a traffic or decision log line, in any body shape, header, query or cookie', () => {
    fc.assert(
      fc.property(planted, fc.constantFrom(...SHAPES), token(3, 12), ([name, value, forbidden], shape, filler) => {
        const inspection = buildInspection(request(shape, name, value, filler));
        const verdict = verdictQuoting(name, value, shape === 'query' ? 'query' : 'body');
        const line = traffic.lineFor(inspection, verdict, 'test');
        const decision = redactLogObject(verdictLogFields(inspection, verdict, NO_RESULTS, null), policy);
        let text = `${JSON.stringify(line)}\n${JSON.stringify(decision)}`;
        if (line.bodyEncoding === 'base64' && line.body !== undefined) text += Buffer.from(line.body, 'base64').toString('latin1');
        for (const secret of forbidden) {
          // JSON escapes newlines; compare on both spellings.
          if (text.includes(secret) || text.includes(JSON.stringify(secret).slice(1, -1))) {
            throw new Error(`${shape}: ${name}=${JSON.stringify(secret)} survived in ${text.slice(0, 600)}`);
          }
        }
      }),
      { numRuns: 400, seed: 17 },
    );
  });
});
