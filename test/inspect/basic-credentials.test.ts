import { describe, expect, it } from 'vitest';
import { basicUserId } from '../../src/inspect/basic-credentials.js';
import { buildInspection } from '../../src/inspect/build-inspection.js';
import { rawRequest } from './raw-request.js';

const basic = (credentials: string): string => `Basic ${Buffer.from(credentials).toString('base64')}`;

describe('Basic credentials', () => {
  it('reads the user-id of Basic credentials, up to the first colon (RFC 7617: the password may hold colons)', () => {
    expect(basicUserId(basic('alice:s3cr:et'))).toBe('alice');
    expect(basicUserId(basic("';id;#:x7Kp2"))).toBe("';id;#");
    expect(basicUserId(`basic ${Buffer.from('ci-bot:tok').toString('base64')}`)).toBe('ci-bot');
  });

  it('gives nothing for other schemes, no colon, an empty user-id, bytes that are not UTF-8 or not base64', () => {
    expect(basicUserId(`Bearer ${Buffer.from('a:b').toString('base64')}`)).toBeNull();
    expect(basicUserId(basic('no-colon-here'))).toBeNull();
    expect(basicUserId(basic(':only-a-password'))).toBeNull();
    expect(basicUserId(`Basic ${Buffer.from([0xff, 0xfe, 0x3a, 0x41]).toString('base64')}`)).toBeNull();
    expect(basicUserId('Basic not*base64!')).toBeNull();
  });

  it("makes the user-id a header target of its own beside the whole value (Kemp LoadMaster /access, CVE-2024-1212)", () => {
    const inspection = buildInspection(rawRequest('GET', '/access/set?param=enableapi&value=1', [['Authorization', basic("';id;#:x7Kp2")]]));
    const auth = inspection.targets.filter((t) => t.location === 'header' && t.name.startsWith('Authorization'));
    expect(auth.map((t) => [t.name, t.raw])).toEqual([['Authorization', basic("';id;#:x7Kp2")], ['Authorization.user', "';id;#"]]);
  });
});
