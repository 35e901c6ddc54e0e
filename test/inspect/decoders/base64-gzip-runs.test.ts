import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeBase64GzipRuns } from '../../../src/inspect/decoders/base64-gzip-runs.js';
import { MAX_INFLATED_BYTES } from '../../../src/inspect/decoders/gzip-payload.js';
import { scanTriggers, TRIGGER_GZIP_BASE64_RUN } from '../../../src/inspect/decoders/triggers.js';
import { buildInspection } from '../../../src/inspect/build-inspection.js';
import { rawRequest } from '../raw-request.js';
import { freshContext } from './context.js';

const decode = (s: string): string => decodeBase64GzipRuns(s, freshContext());
const gz64 = (text: string | Buffer): string => gzipSync(text).toString('base64');
const DATASET = '<DataSet><xs:element msdata:DataType="System.Data.Services.Internal.ExpandedWrapper`2[[System.Diagnostics.Process, System]]"/></DataSet>';

describe('base64-gzip-runs: gzip+base64 blobs inside a longer value', () => {
  it('replaces a blob in a web part attribute with the text it carries (SharePoint ToolPane CompressedDataTable)', () => {
    const value = `<ScorecardClient:ExcelDataSet CompressedDataTable="${gz64(DATASET)}" DataTable-CaseSensitive="true" runat="server"/>`;
    expect(decode(value)).toBe(`<ScorecardClient:ExcelDataSet CompressedDataTable="${DATASET}" DataTable-CaseSensitive="true" runat="server"/>`);
  });

  it('hands on a binary serialized object in the base64 spelling the rules know, and url-safe blobs too', () => {
    const java = Buffer.from('aced0005737200116a6176612e7574696c2e486173684d6170', 'hex');
    expect(decode(`state=${gz64(java)};v=2`)).toMatch(/^state=rO0AB/);
    const urlSafe = gzipSync('{"role":"admin","cmd":"id && uname -a"}').toString('base64url');
    expect(decode(`{"s":"${urlSafe}"}`)).toBe('{"s":"{"role":"admin","cmd":"id && uname -a"}"}');
  });

  it('leaves text without a blob, corrupt runs, other binary content and bombs as they are', () => {
    for (const s of ['a plain sentence mentioning H4sI once', 'x="H4sIAAAAAAAAAJVSTWvCQBC9xx"', `p=${gz64(Buffer.from('89504e470d0a1a0a0000000d4948445200', 'hex'))}`, `b=${gz64(Buffer.alloc(MAX_INFLATED_BYTES * 64, 0x41))}`]) {
      expect(decode(s)).toBe(s);
    }
  });

  it('is triggered only by H4sI somewhere in a value', () => {
    expect(scanTriggers(`a="${gz64('x'.repeat(40))}"`) & TRIGGER_GZIP_BASE64_RUN).not.toBe(0);
    expect(scanTriggers('H4s I and h4si and H4SI') & TRIGGER_GZIP_BASE64_RUN).toBe(0);
  });

  it('gives a form field the inflated form through its URL decoding (url>base64-gzip-runs)', () => {
    const body = `MSOTlPn_DWP=${encodeURIComponent(`<x:ExcelDataSet CompressedDataTable="${gz64(DATASET)}" runat="server"/>`)}`;
    const inspection = buildInspection(rawRequest('POST', '/_layouts/15/ToolPane.aspx', [['Content-Type', 'application/x-www-form-urlencoded']], body));
    const field = inspection.targets.find((t) => t.name === 'MSOTlPn_DWP');
    expect(field?.decoded.some((f) => f.includes('ExpandedWrapper'))).toBe(true);
  });
});
