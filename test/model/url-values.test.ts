import { describe, expect, it } from 'vitest';
import { urlValueParts } from '../../src/model/url-values.js';
import { createModelGate } from '../../src/model/gate.js';
import type { Inspection, Target } from '../../src/inspect/types.js';
import type { PayloadModel } from '../../src/model/types.js';

describe('urlValueParts', () => {
  it('splits an http(s) address with a query into the address, each value decoded, and the fragment', () => {
    expect(urlValueParts('https://shop.example.test/search?q=select+tables&page=2#top')).toEqual(['https://shop.example.test/search', 'select tables', '2', 'top']);
    expect(urlValueParts('http://x.test?a=%27%20union%20select%201--&b=')).toEqual(['http://x.test', "' union select 1--"]);
    expect(urlValueParts('HTTPS://x.test/p?flag')).toEqual(['HTTPS://x.test/p', 'flag']);
    // A path on the same site (a return address), and a bare query string handed on as a value.
    expect(urlValueParts('/search?q=order+by+price')).toEqual(['/search', 'order by price']);
    expect(urlValueParts('hl=en&q=1+or+2+bedrooms')).toEqual(['en', '1 or 2 bedrooms']);
  });

  it('leaves whole what is not an http(s) address with a query, and an address with too many parameters', () => {
    expect(urlValueParts('https://shop.example.test/search')).toBeNull();
    expect(urlValueParts('javascript:alert(1)//?a=b')).toBeNull();
    expect(urlValueParts("http://x.test/a b?q=1")).toBeNull();
    expect(urlValueParts('select tables')).toBeNull();
    expect(urlValueParts('q=one value')).toBeNull();
    expect(urlValueParts("x' or 1=1--&a")).toBeNull();
    const many = `https://x.test/?${Array.from({ length: 17 }, (_, i) => `p${i}=v`).join('&')}`;
    expect(urlValueParts(many)).toBeNull();
  });
});

describe('the model gate on a URL value', () => {
  /** Flags a value that holds `?q=select`-style query syntax around SQL, like the shipped model does. */
  const model: PayloadModel & { calls: string[][] } = {
    version: 'fake-1',
    calls: [],
    score(texts: readonly string[]) {
      this.calls.push([...texts]);
      return Float32Array.from(texts, (t) => (/\?q=select/.test(t) || t.includes("' union") ? 0.99 : 0.05));
    },
  };
  const inspection = (targets: Target[]) => ({ targets, rawPath: '/' }) as unknown as Inspection;
  const page = (location: Target['location'], raw: string): Target => ({ location, name: location === 'header' ? 'Referer' : 'dl', role: 'value', raw, decoded: [] });

  it('scores a parameter holding an address as the request that address makes, and an attack inside it alone', async () => {
    model.calls.length = 0;
    const gate = createModelGate(model, { screen: () => true });
    const benign = await gate.evaluate(inspection([page('query', 'https://shop.example.test/search?category=select tables')]), { hits: [], candidates: 0 });
    expect(model.calls[0]).toEqual(['https://shop.example.test/search', 'select tables']);
    expect(benign.maxScore).toBeCloseTo(0.05, 5);
    // In a search parameter the same words are a search term (field-intent.ts): words and spaces are not scored.
    await gate.evaluate(inspection([page('query', 'https://www.example.test/find?q=select tables')]), { hits: [], candidates: 0 });
    expect(model.calls[1]).toEqual(['https://www.example.test/find']);
    model.calls.length = 0;
    const attack = await gate.evaluate(inspection([page('body', "https://shop.example.test/search?q=' union select password from users--")]), { hits: [], candidates: 0 });
    expect(attack.maxScore).toBeCloseTo(0.99, 5);
  });

  it('keeps a Referer and a target a signature hit whole', async () => {
    model.calls.length = 0;
    const gate = createModelGate(model, { screen: () => true });
    await gate.evaluate(inspection([page('header', 'https://www.example.test/search?q=select+union')]), { hits: [], candidates: 0 });
    expect(model.calls[0]).toEqual(['https://www.example.test/search?q=select+union']);
    await gate.evaluate(inspection([page('query', 'https://x.test/?q=select')]), { hits: [{ targetIndex: 0 } as never], candidates: 1 });
    expect(model.calls[1]).toEqual(['https://x.test/?q=select']);
  });
});
