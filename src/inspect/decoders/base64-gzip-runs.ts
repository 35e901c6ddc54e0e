import type { DecodeContext, Decoder } from './decoder.js';
import { inflatedSpelling } from './base64.js';
import { inflateGzip, isGzip } from './gzip-payload.js';
import { TRIGGER_GZIP_BASE64_RUN } from './triggers.js';

/** A gzip stream in base64 (`H4sI`, standard or url-safe alphabet), long enough to carry something. */
const RUN = /H4sI[A-Za-z0-9+/_-]{16,}={0,2}/g;

/** Runs inflated per value at most: each costs a base64 decode and a bounded inflate. */
const MAX_RUNS = 4;

/**
 * Gzip+base64 blobs *inside* a longer value, each replaced by what it carries: a .NET web part's
 * `CompressedDataTable="H4sI…"` attribute (SharePoint ToolPane, CVE-2025-53770: a DataSet whose type
 * is an ExpandedWrapper/ObjectDataProvider gadget), compressed state in markup or a JSON string. The
 * base64 decoder handles a value that is a blob and nothing else; this one finds the blob where markup
 * around it keeps the value from having the base64 shape. Text comes back as text, a binary serialized
 * object as the base64 of its bytes (the spelling rules know), anything else leaves the run as it was.
 */
export function decodeBase64GzipRuns(s: string, context: DecodeContext): string {
  RUN.lastIndex = 0;
  let out = '';
  let last = 0;
  let runs = 0;
  for (let m = RUN.exec(s); m !== null && runs < MAX_RUNS; m = RUN.exec(s)) {
    runs++;
    const bytes = Buffer.from(m[0], m[0].includes('-') || m[0].includes('_') ? 'base64url' : 'base64');
    if (!isGzip(bytes)) continue;
    const inflated = inflateGzip(bytes);
    if (inflated === null) continue;
    const text = inflatedSpelling(inflated);
    if (text === null) continue;
    out += s.slice(last, m.index) + text;
    last = m.index + m[0].length;
  }
  if (last === 0) return s;
  context.inflated = true;
  return out + s.slice(last);
}

export const base64GzipRunsDecoder: Decoder = {
  name: 'base64-gzip-runs',
  triggers: TRIGGER_GZIP_BASE64_RUN,
  decode: decodeBase64GzipRuns,
};
