/**
 * Binary uploads through the real inspector and the bundled rules (issue 14, benign side): a binary body or file
 * part is read by printable-only rules as its printable runs (signatures/match/binary-text-view.ts), a checked
 * image gives the model no windows of its pixels (layouts/media-layout.ts); each benign file beside its closest attack.
 */
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildInspection } from '../../../src/inspect/build-inspection.js';
import type { Inspection } from '../../../src/inspect/types.js';
import { loadRuleSet } from '../../../src/signatures/load-rule-set.js';
import type { CompiledSignatureGate } from '../../../src/signatures/compile/compile-rules.js';
import { BROWSER, BUNDLED_RULES } from '../../signatures/bundled-requests.js';
import { GLYF_RUN, ico, jpeg, noise, png, pngChunk, quietNoise, trueTypeFont } from './binary-fixtures.js';

const BOUNDARY = '----WebKitFormBoundaryq3';

function put(body: Buffer, name = 'file.bin'): Inspection {
  return buildInspection({
    method: 'PUT',
    url: `/files/${name}`,
    httpVersion: '1.1',
    rawHeaders: [...BROWSER, ['Content-Type', 'application/octet-stream']].flat(),
    body,
    bodyTruncated: false,
    source: { ip: '203.0.113.9', port: 40000, peerIp: '203.0.113.9' },
  });
}

/** A multipart upload: a `title` text field, then the file part. */
function upload(file: Buffer, title = 'holiday', filename = 'file.bin'): Inspection {
  const body = Buffer.concat([
    Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="title"\r\n\r\n${title}\r\n`),
    Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    file,
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ]);
  return buildInspection({
    method: 'POST',
    url: '/upload',
    httpVersion: '1.1',
    rawHeaders: [...BROWSER, ['Content-Type', `multipart/form-data; boundary=${BOUNDARY}`]].flat(),
    body,
    bodyTruncated: false,
    source: { ip: '203.0.113.9', port: 40000, peerIp: '203.0.113.9' },
  });
}

const windowsOf = (inspection: Inspection): string[] => inspection.targets.filter((t) => /^body\[text:\d+\]$/.test(t.name)).map((t) => t.raw);

let gate: CompiledSignatureGate;
beforeAll(async () => {
  gate = (await loadRuleSet([BUNDLED_RULES])).gate;
});
const sids = (inspection: Inspection): number[] => gate.evaluate(inspection).hits.map((h) => h.sid);

/** 9001304's `%{ … #` spelled across garbage, as compressed bytes spelled it in three real .gz files. */
const OGNL_ACROSS_GARBAGE = Buffer.concat([quietNoise(300, 11), Buffer.from('%{'), Buffer.from([0x01, 0x9c, 0xe3]), Buffer.from('#'), quietNoise(300, 12)]);
const OGNL = "%{#_memberAccess['allowStaticMethodAccess']=true}";

describe('rules that spell only printable bytes read a binary body as its printable runs', () => {
  it("9001641 stays quiet on a checked font's glyph bytes, sent as a PUT body or a file part", () => {
    const font = trueTypeFont(Buffer.concat([quietNoise(400, 1), Buffer.from(GLYF_RUN), quietNoise(400, 2)]));
    expect(sids(put(font, 'f.ttf'))).not.toContain(9001641);
    expect(sids(upload(font, 'holiday', 'f.ttf'))).not.toContain(9001641);
  });

  it('9001641 still fires on the same run in binary bytes that are no checked font, and on a spliced word in the text field beside a font', () => {
    expect(sids(put(Buffer.concat([quietNoise(400, 1), Buffer.from(GLYF_RUN), quietNoise(400, 2)])))).toContain(9001641);
    const font = trueTypeFont(quietNoise(400, 1));
    expect(sids(upload(font, 'a `en``v` b', 'f.ttf'))).toContain(9001641);
  });

  it('9001304 stays quiet on `%{ … #` spelled across binary garbage, and fires on an OGNL payload after a gzip magic', () => {
    expect(sids(put(OGNL_ACROSS_GARBAGE, 'a.gz'))).not.toContain(9001304);
    expect(sids(upload(OGNL_ACROSS_GARBAGE, 'holiday', 'a.gz'))).not.toContain(9001304);
    expect(sids(put(Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08, 0x00]), quietNoise(64, 4), Buffer.from(OGNL), quietNoise(64, 5)]), 'a.gz'))).toContain(9001304);
  });

  it('a payload in a real gzip member is one printable run when stored: 9001304 fires on it', () => {
    const stored = gzipSync(Buffer.from(OGNL), { level: 0 });
    expect(sids(put(Buffer.concat([stored, quietNoise(200, 6)]), 'a.gz'))).toContain(9001304);
  });

  it('a Java serialization stream in a raw binary body still meets 9001001, which reads the bytes', () => {
    const stream = Buffer.concat([Buffer.from([0xac, 0xed, 0x00, 0x05, 0x73, 0x72, 0x00]), quietNoise(300, 7)]);
    const inspection = put(stream, 'obj.ser');
    expect(inspection.binaryRegions).toEqual([0, stream.length]);
    expect(sids(inspection)).toContain(9001001);
  });

  it('an SQL injection in the text field next to a binary file part is still found', () => {
    const hits = sids(upload(quietNoise(2000, 8), "x' OR '1'='1' -- ", 'photo.jpg'));
    expect(hits.length).toBeGreaterThan(0);
  });

  it('marks a file part binary by its bytes, not by its Content-Type, and leaves a text file unmarked', () => {
    const text = upload(Buffer.from("<?php echo 'hello'; ?>\n".repeat(10)), 'holiday', 'a.png');
    expect(text.binaryRegions).toBeUndefined();
    const binary = upload(quietNoise(500, 9), 'holiday', 'notes.txt');
    expect(binary.binaryRegions).toHaveLength(2);
    const [start, end] = binary.binaryRegions!;
    expect(binary.body.subarray(start, end).equals(quietNoise(500, 9))).toBe(true);
  });
});

describe("the model's text windows of a checked image hold its text, not its pixels", () => {
  const RUN = 'Q#8(*D&@!x%2=PA';

  it('a PNG, a JPEG and an icon give no window of a printable run in their pixels', () => {
    const pixels = Buffer.concat([quietNoise(500, 1), Buffer.from(RUN), quietNoise(500, 2)]);
    for (const file of [png(pixels), jpeg(pixels), ico(pixels)]) expect(windowsOf(put(file))).toEqual([]);
  });

  it("the same run after a PNG or JPEG magic that does not check out is a window, and so is a PNG's tEXt payload", () => {
    const sqli = "1' OR '1'='1' -- ";
    const holds = (windows: string[]): boolean => windows.some((w) => w.includes(sqli));
    expect(holds(windowsOf(put(Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), quietNoise(100, 3), Buffer.from(sqli), quietNoise(100, 4)]))))).toBe(true);
    expect(holds(windowsOf(put(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), quietNoise(100, 3), Buffer.from(sqli), quietNoise(100, 4)]))))).toBe(true);
    const withText = png(Buffer.concat([quietNoise(500, 1), Buffer.from(RUN)]), [pngChunk('tEXt', Buffer.from(`Comment\x00${sqli}`, 'latin1'))]);
    expect(windowsOf(put(withText))).toEqual([sqli]);
  });

  it("a JPEG's comment segment is still a window", () => {
    expect(windowsOf(put(jpeg(quietNoise(800, 5), "<?php system($_GET['c']); ?>")))).toEqual(["<?php system($_GET['c']); ?>"]);
    expect(windowsOf(put(jpeg(noise(0, 5))))).toEqual([]);
  });
});
