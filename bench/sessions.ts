/**
 * What the session-fixation guard (src/sessions/) adds per request and per upstream answer, as the
 * proxy calls it: `SessionGuard.check` on a request's headers (null without a configured session
 * cookie: no digest, no lookup), and `recordIssued` on an answer's headers. The memory registry, so
 * the figures are the guard's own work (a Redis lookup adds one round trip, only for requests that
 * carry a session cookie). Run: npx tsx bench/sessions.ts   (figures in µs; median and p99 per call)
 */
import { Bench } from 'tinybench';
import { validateWardenConfig } from '../src/config/load-config.js';
import { MemorySessionRegistry } from '../src/sessions/registry.js';
import { SessionGuard } from '../src/sessions/session-guard.js';
import { randomHashKey } from '../src/sessions/session-digest.js';
import { microBenchOptions, printMicroResults } from './lib/micro-harness.js';

const config = validateWardenConfig({ sessions: { warmupSeconds: 0 } }).sessions!;
const registry = new MemorySessionRegistry({ ttlMs: config.ttlSeconds * 1000, warmupMs: 0, maxEntries: config.maxEntries, startedAt: Date.now() });
const guard = new SessionGuard(config, randomHashKey(), registry);

// A browser's GET with the analytics and preference cookies a real site carries.
const browser = [
  'Host', 'shop.example', 'User-Agent', 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36',
  'Accept', 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', 'Accept-Language', 'en-GB,en;q=0.9',
  'Accept-Encoding', 'gzip, deflate, br', 'Referer', 'https://shop.example/cart', 'Sec-Fetch-Mode', 'navigate', 'Sec-Fetch-Site', 'same-origin',
];
const analytics = '_ga=GA1.2.1234567890.1733380000; _gid=GA1.2.987654321.1733380000; _fbp=fb.1.1733380000.123456789; theme=dark; lang=en-GB; cart=3f9a; consent=analytics%3Dtrue; _hjSessionUser_123=eyJpZCI6ImFiYyJ9';
await guard.recordIssued({ 'set-cookie': 'PHPSESSID=5f2b8c9d0e1a4b7c8d9e0f1a2b3c4d5e; path=/; HttpOnly' });
const cases: Record<string, string[]> = {
  'no Cookie header': browser,
  '8 cookies, none a session cookie': [...browser, 'Cookie', analytics],
  '8 cookies + a planted PHPSESSID (digest + lookup + stripped header)': [...browser, 'Cookie', `${analytics}; PHPSESSID=attackerchosen`],
  '8 cookies + an issued PHPSESSID (digest + lookup)': [...browser, 'Cookie', `${analytics}; PHPSESSID=5f2b8c9d0e1a4b7c8d9e0f1a2b3c4d5e`],
};
for (const [name, headers] of Object.entries(cases)) {
  const pending = guard.check(headers);
  const outcome = pending === null ? null : (await pending).outcome;
  const expected = name.includes('issued') ? 'issued' : name.includes('planted') ? 'unissued' : null;
  if (outcome !== expected) throw new Error(`bench case "${name}": ${outcome}, expected ${expected}`);
}

const bench = new Bench(microBenchOptions({ time: 1000 }));
for (const [name, headers] of Object.entries(cases)) {
  if (name.includes('PHPSESSID')) bench.add(`check: ${name}`, async () => void (await guard.check(headers)));
  else bench.add(`check: ${name}`, () => void guard.check(headers));
}
const plain = { 'content-type': 'text/html', 'content-length': '5120', 'cache-control': 'no-cache' };
bench.add('recordIssued: answer without Set-Cookie', () => void guard.recordIssued(plain));
bench.add('recordIssued: answer setting theme and lang only', () => void guard.recordIssued({ ...plain, 'set-cookie': ['theme=dark; Path=/', 'lang=en; Path=/'] }));
let n = 0;
bench.add('recordIssued: answer issuing a new PHPSESSID', async () => void (await guard.recordIssued({ ...plain, 'set-cookie': `PHPSESSID=fresh${n++}; path=/; HttpOnly` })));
await bench.run();
printMicroResults(bench);
