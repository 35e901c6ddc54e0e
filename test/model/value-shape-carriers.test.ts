/**
 * Value shapes blind benign sets 10 and 11 (read) showed the model misreads, through the full pipeline (bundled rules +
 * the shipped model, `warden eval`): a size with feet and inch marks and a food log's amount (screen.ts
 * `isMeasurement`), a coding test's bracket input (`isPunctuationOnly`), the image tag an accessibility report quotes
 * (`isInertImageTag`) and a FIX message joined by SOH (fix-messages.ts) pass, and attacks placed in the same fields
 * — SQL and markup beside a measurement, quotes and tags among brackets, an image with a handler, a script URL or
 * another host, SQL in a FIX text field — are still blocked.
 */
import { testCarriers, type Carrier } from './carrier-verdicts.js';

const json = (host: string, path: string, body: (v: string) => unknown): Carrier => (v) => ({ method: 'POST', path, query: '', headers: { Host: host, 'Content-Type': 'application/json' }, body: JSON.stringify(body(v)) });
const SOH = '\u0001';
const fix = (...fields: string[]): string => `${fields.join(SOH)}${SOH}`;

const CARRIERS: Record<string, Carrier> = {
  'cart property': json('shop.example-frames.com', '/cart/add.js', (v) => ({ items: [{ id: 4412, quantity: 1, properties: { 'Mat opening': v } }] })),
  'food log': json('api.example-fit.com', '/v1/food/log', (v) => ({ meal: 'breakfast', items: [{ name: 'Rolled oats', qty: v }] })),
  'coding test': json('assess.example-hire.com', '/api/submissions/run', (v) => ({ problem: 'balanced-brackets', language: 'python3', stdin: v })),
  'axe report': json('a11y.example-audit.com', '/api/scans/results', (v) => ({ violations: [{ id: 'image-alt', impact: 'critical', nodes: [{ target: ['img.hero'], html: v }] }] })),
  'FIX drop copy': json('ops.example-broker.com', '/api/dropcopy/messages', (v) => ({ session: 'BRKR-01', raw: v })),
};

const BENIGN: [string, string][] = [
  ['cart property', '7-1/2" x 9-1/2"'],
  ['cart property', '5\'3" x 7\'6"'],
  ['cart property', '1/4"-20 x 1-1/2"'],
  ['food log', '1/2 cup (40 g)'],
  ['food log', '3/4 cup'],
  ['coding test', '{[()]}\n([)]\n'],
  ['coding test', '(())\n()()\n'],
  ['axe report', '<img src="/img/hero.jpg" class="hero">'],
  ['axe report', '<img src="assets/logo.svg" width="120" height="40">'],
  ['FIX drop copy', fix('8=FIX.4.4', '9=153', '35=8', '49=BROKER', '56=ACME', '34=412', '52=20261206-14:05:01.123', '37=ORD-8812', '17=EX-4412', '150=F', '39=2', '55=AAPL', '54=1', '38=100', '32=100', '31=187.42', '10=112')],
];

const ATTACKS: [string, string][] = [
  ['cart property', '7" x 9"\' OR \'1\'=\'1'],
  ['cart property', '1" or "1"="1'],
  ['cart property', '7-1/2" x 9-1/2"<script>alert(1)</script>'],
  ['food log', "1/2 cup' UNION SELECT password FROM users--"],
  ['food log', '1/2 cup; cat /etc/passwd'],
  ['coding test', '{[()]}"><svg onload=alert(1)>'],
  ['coding test', "')) OR 1=1--"],
  ['axe report', '<img src="/img/hero.jpg" onerror="alert(document.cookie)">'],
  ['axe report', '<img src="javascript:alert(1)">'],
  ['axe report', '<img src=x onerror=alert(1)>'],
  ['FIX drop copy', fix('8=FIX.4.4', '9=153', '35=8', '58=\' UNION SELECT password FROM users--')],
  ['FIX drop copy', fix('8=FIX.4.4', '9=153', '35=D', '58=<script>alert(1)</script>')],
];

testCarriers("value shapes of blind benign sets 10 and 11 through the full pipeline", 'lets measurements, bracket-only input, a report\'s image tag and a FIX message pass', CARRIERS, BENIGN, ATTACKS);
