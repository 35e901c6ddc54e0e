import { describe, expect, it } from 'vitest';
import { BenignTextSample, EVERYDAY_SHARE, EverydayLiterals, ruleLiterals } from '../../../src/signatures/tune/everyday-literals.js';
import { HTTP, parseOne } from '../parse-helpers.js';

const shopNx = parseOne(`${HTTP} (msg:"ShopNx upload"; flow:to_server; http.uri; content:"/api/media"; endswith; http.request_body; content:"<script"; reference:cve,2018-12519; classtype:web-application-attack; sid:2025784; rev:3;)`);
const plugin = parseOne(`${HTTP} (msg:"plugin SQLi"; flow:to_server; content:"/wp-content/plugins/foo/get.php"; http_uri; content:"UNION"; nocase; http_uri; classtype:web-application-attack; sid:2100002; rev:1;)`);
const pcreOnly = parseOne(`${HTTP} (msg:"pcre only"; flow:to_server; pcre:"/\\$\\{jndi:/Ui"; reference:cve,2021-44228; classtype:attempted-user; sid:2100005; rev:1;)`);
const negated = parseOne(`${HTTP} (msg:"negated"; flow:to_server; content:"/api/media"; http_uri; content:!"Referer"; http_header; classtype:web-application-attack; sid:2100006; rev:1;)`);

/** 1,000 upload requests to /api/media, a tenth of them with a chart snippet, and 1,000 searches. */
function sample(): string[] {
  const s = new BenignTextSample(10_000);
  for (let i = 0; i < 1_000; i++) s.offer(`POST /api/media\nContent-Type: multipart/form-data\n\n${i % 10 === 0 ? '<script src="https://cdn.example.net/chart.js"></script>' : 'photo.jpg'}`);
  for (let i = 0; i < 1_000; i++) s.offer(`GET /search?q=union+station+${i}\nHost: shop.example.test\n`);
  return s.texts;
}

describe('everyday literals of a rule', () => {
  it('takes the positive contents, lowercased, and leaves pcres and negated contents out', () => {
    expect(ruleLiterals(shopNx)).toEqual(['/api/media', '<script']);
    expect(ruleLiterals(plugin)).toEqual(['/wp-content/plugins/foo/get.php', 'union']);
    expect(ruleLiterals(pcreOnly)).toEqual([]);
    expect(ruleLiterals(negated)).toEqual(['/api/media']);
  });

  it('says so when every literal is in at least one benign request in a thousand (ShopNx: /api/media and <script)', () => {
    const e = new EverydayLiterals(sample(), 0.001);
    expect(e.threshold).toBe(2);
    expect(e.describe(shopNx)).toBe('/api/media, <script');
  });

  it('is null when one literal is rare (a plugin path), when the rule has no literal, or with no sample', () => {
    const e = new EverydayLiterals(sample(), 0.001);
    expect(e.describe(plugin)).toBeNull();
    expect(e.describe(pcreOnly)).toBeNull();
    expect(new EverydayLiterals([], 0.001).describe(shopNx)).toBeNull();
  });

  it('counts a literal everyday from one request in ten thousand by default (3 of 23,268)', () => {
    expect(EVERYDAY_SHARE).toBe(1e-4);
    expect(new EverydayLiterals(Array.from({ length: 23_268 }, (_, i) => (i < 3 ? '<script' : 'x'))).describe(shopNx)).toBeNull();
    expect(new EverydayLiterals(Array.from({ length: 23_268 }, (_, i) => (i < 3 ? '/api/media <script' : 'x'))).describe(shopNx)).toBe('/api/media, <script');
  });

  it('raises the bar with the share: <script in 5 % of requests is not everyday at one in ten', () => {
    expect(new EverydayLiterals(sample(), 0.1).describe(shopNx)).toBeNull();
  });

  it('keeps a sample that spans the input once past its limit (every other text, then every fourth ...)', () => {
    const s = new BenignTextSample(100);
    for (let i = 0; i < 1_000; i++) s.offer(`req ${i}`);
    expect(s.texts.length).toBeGreaterThanOrEqual(100);
    expect(s.texts.length).toBeLessThan(200);
    expect(s.texts[0]).toBe('req 0');
    expect(Number(s.texts[s.texts.length - 1].slice(4))).toBeGreaterThan(800);
  });

  it('builds a text offered as a function only for the requests it keeps', () => {
    const eager = new BenignTextSample(100);
    const lazy = new BenignTextSample(100);
    let built = 0;
    for (let i = 0; i < 1_000; i++) {
      eager.offer(`req ${i}`);
      lazy.offer(() => {
        built++;
        return `req ${i}`;
      });
    }
    expect(lazy.texts).toEqual(eager.texts);
    expect(built).toBeLessThan(500);
  });
});
