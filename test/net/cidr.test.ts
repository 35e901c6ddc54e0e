import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CidrList, parseNetwork } from '../../src/net/cidr.js';
import { formatIp, parseIp, type IpAddress } from '../../src/net/ip-address.js';
import { cidrInvalid } from '../../src/net/errors.js';
import { reputationConfigInvalid } from '../../src/reputation/errors.js';

describe('parseIp / formatIp', () => {
  it.each([
    ['10.0.0.1', '10.0.0.1'],
    ['::1', '::1'],
    ['2001:DB8:0:0:0:0:0:1', '2001:db8::1'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    ['::ffff:192.0.2.7', '192.0.2.7'],
    ['fe80::1%eth0', 'fe80::1'],
    ['::', '::'],
    ['64:ff9b::192.0.2.33', '64:ff9b::c000:221'],
    ['0.0.0.0', '0.0.0.0'],
    ['255.255.255.255', '255.255.255.255'],
    ['100.64.0.10', '100.64.0.10'],
  ])('reads %s as %s', (text, canonical) => {
    const ip = parseIp(text);
    expect(ip).not.toBeNull();
    expect(formatIp(ip!)).toBe(canonical);
  });

  it.each(['', '1.2.3', '1.2.3.4.5', '256.1.1.1', '010.0.0.1', '1.2.3.04', '1.2.3.00', '1..2.3', '.1.2.3', '1.2.3.', '1.2.3.4 ', ' 1.2.3.4', '1.2.3.1000', '1.2.3.-1', '1.2.3.+1', '1.2.3.0x1', '1.2.3.\u0661', '::ffff:010.0.0.1', '1::2::3', '12345::1', 'unknown', '1:2:3:4:5:6:7:8:9', 'a.b.c.d'])(
    'refuses %j',
    (text) => expect(parseIp(text)).toBeNull(),
  );
});

describe('CidrList', () => {
  it('matches IPv4 networks and single addresses', () => {
    const list = new CidrList(['10.0.0.0/8', '192.168.1.5', '172.16.0.0/12']);
    expect(list.contains('10.200.3.4')).toBe(true);
    expect(list.contains('192.168.1.5')).toBe(true);
    expect(list.contains('192.168.1.6')).toBe(false);
    expect(list.contains('172.31.255.255')).toBe(true);
    expect(list.contains('172.32.0.0')).toBe(false);
    expect(list.contains('11.0.0.1')).toBe(false);
  });

  it('matches IPv6 prefixes that do not fall on a 16-bit boundary', () => {
    const list = new CidrList(['2001:db8:abcd:12::/62']);
    expect(list.contains('2001:db8:abcd:13:ffff::1')).toBe(true);
    expect(list.contains('2001:db8:abcd:14::1')).toBe(false);
    expect(list.contains('10.0.0.1')).toBe(false);
  });

  it('treats IPv4-mapped IPv6 peers as IPv4', () => {
    const list = new CidrList(['127.0.0.0/8']);
    expect(list.contains('::ffff:127.0.0.1')).toBe(true);
    expect(new CidrList(['::ffff:10.0.0.0/104']).contains('10.9.9.9')).toBe(true);
  });

  it('matches everything with /0 of the same family only', () => {
    expect(new CidrList(['0.0.0.0/0']).contains('8.8.8.8')).toBe(true);
    expect(new CidrList(['0.0.0.0/0']).contains('::1')).toBe(false);
    expect(new CidrList(['::/0']).contains('2001:db8::1')).toBe(true);
  });

  it('fails with the config path of a bad entry, under the error code of the room that asked', () => {
    try {
      new CidrList(['10.0.0.0/8', '10.0.0.0/33'], 'reputation.trustedSources', reputationConfigInvalid);
      expect.unreachable();
    } catch (err) {
      expect(reputationConfigInvalid.is(err)).toBe(true);
      expect((err as Error).message).toContain('reputation.trustedSources[1]');
    }
    expect(() => new CidrList(['not-an-ip'])).toThrow(expect.objectContaining({ code: cidrInvalid.code }));
    expect(() => new CidrList(['10.0.0.1', '10.0.0.0/8x'], (i) => `deny.txt:${i + 3}`)).toThrow(/deny\.txt:4/);
  });

  it('merges overlapping and nested networks without losing either edge', () => {
    const list = new CidrList(['10.0.0.0/16', '10.0.128.0/17', '10.0.255.255', '10.1.0.0/24', '10.0.0.0/24']);
    expect(list.contains('10.0.0.0')).toBe(true);
    expect(list.contains('10.0.255.255')).toBe(true);
    expect(list.contains('10.1.0.255')).toBe(true);
    expect(list.contains('10.1.1.0')).toBe(false);
    expect(list.contains('9.255.255.255')).toBe(false);
    const v6 = new CidrList(['2001:db8::/32', '2001:db8:8000::/33', '2001:db9::1', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff']);
    expect(v6.contains('2001:db8:ffff:ffff:ffff:ffff:ffff:ffff')).toBe(true);
    expect(v6.contains('2001:db9::1')).toBe(true);
    expect(v6.contains('2001:db9::2')).toBe(false);
    expect(v6.contains('ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff')).toBe(true);
    expect(v6.contains('2001:db7:ffff::')).toBe(false);
  });

  it('answers like a linear scan over every network for random lists and addresses', () => {
    const naive = (cidrs: string[], ip: IpAddress): boolean =>
      cidrs.some((c) => {
        const net = parseNetwork(c);
        if (typeof net === 'string' || net.version !== ip.version) return false;
        for (let i = 0, bits = net.bits; bits > 0; i++, bits -= 16) {
          const mask = bits >= 16 ? 0xffff : (0xffff << (16 - bits)) & 0xffff;
          if ((ip.words[i] & mask) !== net.words[i]) return false;
        }
        return true;
      });
    // Small alphabets of octets/words make overlaps, nesting and near misses common.
    const v4 = fc.tuple(fc.constantFrom(0, 10, 192, 255), fc.constantFrom(0, 1, 168, 255), fc.nat(3), fc.nat(3)).map((o) => o.join('.'));
    const v6 = fc.tuple(fc.constantFrom('2001', 'fe80', 'ffff', '0'), fc.constantFrom('db8', '0', 'ffff'), fc.nat(3), fc.nat(3)).map(([a, b, c, d]) => `${a}:${b}::${c}:${d}`);
    const addr = fc.oneof(v4, v6);
    const cidr = fc.tuple(addr, fc.nat(128)).map(([a, bits]) => `${a}/${a.includes(':') ? bits : bits % 33}`);
    fc.assert(
      fc.property(fc.array(cidr, { maxLength: 30 }), fc.array(addr, { minLength: 1, maxLength: 20 }), (cidrs, probes) => {
        const list = new CidrList(cidrs);
        for (const p of probes) expect(list.contains(p)).toBe(naive(cidrs, parseIp(p)!));
      }),
      { numRuns: 300, seed: 19 },
    );
  });

  it('builds a 100k-network list and matches in it', () => {
    const cidrs: string[] = [];
    for (let i = 0; i < 100_000; i++) cidrs.push(i % 2 === 0 ? `${(i >> 8) & 255}.${i & 255}.${(i * 7) & 255}.0/24` : `2001:db8:${(i & 0xffff).toString(16)}::/48`);
    const list = new CidrList(cidrs);
    expect(list.size).toBe(100_000);
    expect(list.contains('2.4.28.77')).toBe(true); // i = 516: 2.4.(516*7 & 255 = 28).0/24
    expect(list.contains('2001:db8:205:1::1')).toBe(true); // i = 517
    expect(list.contains('2001:db9::1')).toBe(false);
  });
});
