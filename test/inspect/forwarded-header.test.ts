import { describe, expect, it } from 'vitest';
import { forwardedPairs } from '../../src/inspect/forwarded-header.js';
import { buildInspection } from '../../src/inspect/build-inspection.js';
import { rawRequest } from './raw-request.js';

describe('Forwarded (RFC 7239)', () => {
  it('reads every pair of every element, quoted strings unquoted', () => {
    expect(forwardedPairs('for=192.0.2.60;proto=http;by=203.0.113.43')).toEqual([['for', '192.0.2.60'], ['proto', 'http'], ['by', '203.0.113.43']]);
    expect(forwardedPairs('For="[2001:db8:cafe::17]:4711";proto=https, for="_gazonk"')).toEqual([['for', '[2001:db8:cafe::17]:4711'], ['proto', 'https'], ['for', '_gazonk']]);
    expect(forwardedPairs('for="a\\"b;c", for=unknown')).toEqual([['for', 'a"b;c'], ['for', 'unknown']]);
  });

  it('refuses what is not the header: a bare value, an open quote, a value outside the grammar', () => {
    expect(forwardedPairs('192.0.2.60')).toBeNull();
    expect(forwardedPairs('for="open')).toBeNull();
    expect(forwardedPairs("for=1' or 1=1--")).toBeNull();
    expect(forwardedPairs('')).toBeNull();
  });

  it('makes each pair a header target of its own, and keeps a malformed header whole', () => {
    const targets = (value: string) =>
      buildInspection(rawRequest('GET', '/', [['Forwarded', value]])).targets.filter((t) => t.location === 'header').map((t) => [t.name, t.raw]);
    expect(targets('for="_gazonk";proto=https;by=203.0.113.43')).toEqual([['Forwarded.for', '_gazonk'], ['Forwarded.proto', 'https'], ['Forwarded.by', '203.0.113.43']]);
    expect(targets('for="\' union select password from users--"')).toEqual([['Forwarded.for', "' union select password from users--"]]);
    expect(targets("for=1' or 1=1--")).toEqual([['Forwarded', "for=1' or 1=1--"]]);
  });
});
