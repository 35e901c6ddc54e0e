import { describe, expect, it } from 'vitest';
import { buildInspection } from '../../../src/inspect/build-inspection.js';
import { mayBeUuencoded, uudecode } from '../../../src/inspect/bodies/uuencoded.js';
import { rawRequest } from '../raw-request.js';
import { uuencode } from '../../../datasets/lib/uuencode.js';

/** One stored zip entry (CRC left 0: the reader does not check it). */
function storedZip(name: string, data: string): Buffer {
  const n = Buffer.from(name);
  const d = Buffer.from(data);
  const h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt32LE(d.length, 18);
  h.writeUInt32LE(d.length, 22);
  h.writeUInt16LE(n.length, 26);
  return Buffer.concat([h, n, d, Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0)])]);
}

describe('uuencoded uploads', () => {
  it("decodes what binascii.b2a_uu wrote, lines of 45 bytes and a short last one, either zero spelling", () => {
    // Python: binascii.b2a_uu(b'hello uuencode') and the 50 bytes (i*37+11)&255 with backtick=True.
    expect(uudecode(Buffer.from('begin 644 a.txt\n.:&5L;&\\@=75E;F-O9&4 \n \nend\n'))?.toString()).toBe('hello uuencode');
    const fifty = Buffer.from(Array.from({ length: 50 }, (_, i) => (i * 37 + 11) & 255));
    const text = 'begin 600 b.bin\nM"S!5>I_$Z0XS6\'VBQ^P1-EN`I<KO%#E>@ZC-\\A<\\88:KT/4:/V2)KM/X\'4)G\n%C+\'6^R``\n`\nend\n';
    expect(uudecode(Buffer.from(text, 'latin1'))?.equals(fifty)).toBe(true);
    for (const n of [1, 2, 3, 44, 45, 46, 137]) {
      const data = Buffer.from(Array.from({ length: n }, (_, i) => (i * 91 + 7) & 255));
      expect(uudecode(Buffer.from(uuencode('x.zip', data), 'latin1'))?.equals(data), `${n}`).toBe(true);
      expect(uudecode(Buffer.from(uuencode('x.zip', data, ' '), 'latin1'))?.equals(data), `${n} spaces`).toBe(true);
    }
  });

  it('takes a short preamble before the begin line, CRLF line ends, and nothing that is not uuencoded', () => {
    expect(uudecode(Buffer.from('From: a@b\r\n\r\nbegin 644 a.txt\r\n.:&5L;&\\@=75E;F-O9&4 \r\n \r\nend\r\n'))?.toString()).toBe('hello uuencode');
    expect(uudecode(Buffer.from('the beginning of a letter, not a file'))).toBeNull();
    expect(uudecode(Buffer.from('begin 644 empty.txt\n`\nend\n'))).toBeNull();
    expect(uudecode(Buffer.from(`${'x'.repeat(5000)}\nbegin 644 late.txt\n.:&5L;&\\@=75E;F-O9&4 \nend\n`))).toBeNull();
    expect(mayBeUuencoded(Buffer.from('%PDF-1.7'))).toBe(false);
  });

  it("shows the entry names of a uuencoded zip upload to the rules and the model (Oracle EBS BneUploaderService, CVE-2022-21587)", () => {
    const uue = uuencode('x.zip', storedZip('../../../../../FMW_Home/Oracle_EBS-app1/applications/oacore/html/cabo/images/s.jsp', '<% %>'));
    const boundary = 'b0undary';
    const body = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="bne:uueupload"; filename="x.uue"\r\nContent-Type: text/plain\r\n\r\n${uue}\r\n--${boundary}--\r\n`, 'latin1');
    const inspection = buildInspection(rawRequest('POST', '/OA_HTML/BneUploaderService', [['Content-Type', `multipart/form-data; boundary=${boundary}`]], body));
    expect(inspection.targets.filter((t) => t.unescaped === 'archive').map((t) => [t.role, t.name, t.raw])).toEqual([
      ['filename', 'bne:uueupload[zip:0]', '../../../../../FMW_Home/Oracle_EBS-app1/applications/oacore/html/cabo/images/s.jsp'],
    ]);
    // A uuencoded text file stays a text field: only an archive is unpacked.
    const note = buildInspection(rawRequest('POST', '/upload', [['Content-Type', `multipart/form-data; boundary=${boundary}`]], Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="f"; filename="a.uue"\r\n\r\n${uuencode('a.txt', Buffer.from('hello'))}\r\n--${boundary}--\r\n`)));
    expect(note.targets.some((t) => t.unescaped === 'archive')).toBe(false);
    expect(note.targets.some((t) => t.name === 'f' && t.raw.startsWith('begin 644'))).toBe(true);
  });
});
