import { describe, expect, it } from 'vitest';
import { CidrList } from '../../src/reputation/cidr.js';
import { formatIp, parseIp } from '../../src/reputation/ip-address.js';
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
  ])('reads %s as %s', (text, canonical) => {
    const ip = parseIp(text);
    expect(ip).not.toBeNull();
    expect(formatIp(ip!)).toBe(canonical);
  });

  it.each(['', '1.2.3', '1.2.3.4.5', '256.1.1.1', '010.0.0.1', '1::2::3', '12345::1', 'unknown', '1:2:3:4:5:6:7:8:9', 'a.b.c.d'])(
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

  it('fails with the config path of a bad entry', () => {
    try {
      new CidrList(['10.0.0.0/8', '10.0.0.0/33'], 'reputation.trustedSources');
      expect.unreachable();
    } catch (err) {
      expect(reputationConfigInvalid.is(err)).toBe(true);
      expect((err as Error).message).toContain('reputation.trustedSources[1]');
    }
    expect(() => new CidrList(['not-an-ip'])).toThrow(expect.objectContaining({ code: 'WARDEN_REPUTATION_CONFIG_INVALID' }));
  });
});
