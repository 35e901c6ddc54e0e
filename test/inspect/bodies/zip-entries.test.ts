import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildInspection } from '../../../src/inspect/build-inspection.js';
import { isZip, MAX_ZIP_ENTRIES, zipEntries } from '../../../src/inspect/bodies/zip-entries.js';
import { rawRequest } from '../raw-request.js';

/** A zip of local file entries as an archiver writes them (CRCs left 0: readers that unpack check them, this one does not need to). */
function zip(entries: readonly { name: string; data: string; deflate?: boolean; descriptor?: boolean }[]): Buffer {
  const parts: Buffer[] = [];
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const data = e.deflate === true ? deflateRawSync(Buffer.from(e.data)) : Buffer.from(e.data);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(e.descriptor === true ? 0x08 : 0, 6);
    header.writeUInt16LE(e.deflate === true ? 8 : 0, 8);
    header.writeUInt32LE(e.descriptor === true ? 0 : data.length, 18);
    header.writeUInt32LE(e.descriptor === true ? 0 : e.data.length, 22);
    header.writeUInt16LE(name.length, 26);
    parts.push(header, name, data);
  }
  parts.push(Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0)]));
  return Buffer.concat(parts);
}

describe('zip entries', () => {
  it('reads stored and deflated entries in order, names as stored', () => {
    const entries = zipEntries(zip([{ name: '../../../../etc/cron.d/x', data: '* * * * * root id\n' }, { name: 'WEB-INF/web.xml', data: '<web-app/>', deflate: true }]), { contents: true });
    expect(entries.map((e) => [e.name, e.content?.toString()])).toEqual([['../../../../etc/cron.d/x', '* * * * * root id\n'], ['WEB-INF/web.xml', '<web-app/>']]);
    // Without contents (what the inspector asks for): the same names, nothing inflated.
    const names = zipEntries(zip([{ name: '../../../../etc/cron.d/x', data: '* * * * * root id\n' }, { name: 'WEB-INF/web.xml', data: '<web-app/>', deflate: true }]));
    expect(names.map((e) => [e.name, e.content])).toEqual([['../../../../etc/cron.d/x', null], ['WEB-INF/web.xml', null]]);
  });

  it('stops at an entry whose size a data descriptor holds, keeping its name', () => {
    const entries = zipEntries(zip([{ name: 'a.txt', data: 'a' }, { name: '../shell.jsp', data: '<% %>', descriptor: true }, { name: 'never.txt', data: 'n' }]), { contents: true });
    expect(entries.map((e) => e.name)).toEqual(['a.txt', '../shell.jsp']);
    expect(entries[1].content).toBeNull();
  });

  it('is bounded in entries, and says nothing about bytes that are not a zip', () => {
    const many = zip(Array.from({ length: MAX_ZIP_ENTRIES + 10 }, (_, i) => ({ name: `f${i}.txt`, data: 'x' })));
    expect(zipEntries(many)).toHaveLength(MAX_ZIP_ENTRIES);
    expect(isZip(Buffer.from('PK but not a zip'))).toBe(false);
    expect(zipEntries(Buffer.from('%PDF-1.7\n'))).toEqual([]);
    const cut = zip([{ name: 'a.txt', data: 'abcdef' }]).subarray(0, 37);
    expect(zipEntries(cut, { contents: true }).map((e) => [e.name, e.content])).toEqual([['a.txt', null]]);
  });

  it('makes each entry name of an uploaded archive a filename target the rules see as a decoded form', () => {
    const archive = zip([{ name: 'plugin.xml', data: '<plugin/>', deflate: true }, { name: '../../../../../webapps/ROOT/s.jsp', data: '<% %>', deflate: true }]);
    const boundary = 'b0undary';
    const body = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="key"; filename="key.zip"\r\nContent-Type: application/zip\r\n\r\n`), archive, Buffer.from(`\r\n--${boundary}--\r\n`)]);
    const inspection = buildInspection(rawRequest('POST', '/configWizard/keyUpload.jsp', [['Content-Type', `multipart/form-data; boundary=${boundary}`]], body));
    const names = inspection.targets.filter((t) => t.unescaped === 'archive').map((t) => [t.role, t.name, t.raw]);
    expect(names).toEqual([['filename', 'key[zip:0]', 'plugin.xml'], ['filename', 'key[zip:1]', '../../../../../webapps/ROOT/s.jsp']]);
  });

  it('reads a zip sent as the whole body too', () => {
    const inspection = buildInspection(rawRequest('PUT', '/api/import', [['Content-Type', 'application/zip']], zip([{ name: '/etc/passwd', data: 'x' }])));
    expect(inspection.targets.filter((t) => t.unescaped === 'archive').map((t) => t.raw)).toEqual(['/etc/passwd']);
  });
});
