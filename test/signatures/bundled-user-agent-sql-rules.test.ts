/**
 * Bundled rule of rev 2026-12-08o: SQL in the User-Agent header. Inside a product comment
 * (`Mozilla/5.0 (compatible; union select …)`) the model does not score the header, so without this
 * rule such a request passed whole. It fires on its attacks and stays quiet on real user agents.
 */
import { describe } from 'vitest';
import type { RequestSpec } from './fixtures.js';
import { type RuleCase, testPrefilterEntries, testRuleCases, useBundledRuleSet } from './bundled-requests.js';

const { hits, rules } = useBundledRuleSet();

const ua = (value: string): RequestSpec => ({ url: '/products?page=2', headers: [['Host', 'shop.example.com'], ['User-Agent', value]] });

const CASES: RuleCase[] = [
  [9000141, 'block', 'UNION SELECT in a product comment', ua('Mozilla/5.0 (compatible; union select password from users)'), ua('Mozilla/5.0 (compatible; Union/2.1; +https://union.example/bot)')],
  [9000141, 'block', 'a quote breakout with UNION and a comment', ua("Mozilla/5.0 (compatible; x' union select password from users--)"), ua('Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15')],
  [9000141, 'block', 'a time probe', ua('Mozilla/5.0 (X11; 1 or sleep(5); Linux)'), ua('SleepCycle/5.21 (iPhone; iOS 17.5; Scale/3.00)')],
  [9000141, 'block', 'WAITFOR DELAY', ua('Mozilla/5.0 (compatible; waitfor delay 0:0:5)'), ua('Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)')],
  [9000141, 'block', 'a quote then OR', ua("Mozilla/5.0' or '1'='1"), ua('okhttp/4.12.0')],
  [9000141, 'block', 'OR 1=1', ua('Mozilla/5.0 (compatible; or 1=1)'), ua('Mozilla/5.0 (Linux; Android 14; Pixel 8 Build/AP2A.240805.005) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/127.0.0.0 Mobile Safari/537.36')],
  [9000141, 'block', 'DROP TABLE', ua('Mozilla/5.0 (compatible; drop table users)'), ua('Dropbox/200.4.5 (Windows; 10; x64; en_US)')],
];

describe('bundled rule of rev 2026-12-08o (SQL in the User-Agent header)', () => {
  testRuleCases(CASES, hits);
  testPrefilterEntries(CASES.map(([sid]) => sid), rules);
});
