import { forEachParameter, parseMediaType, type MediaType } from '../content-type.js';
import { addArchiveEntryTargets } from './archive.js';
import { fileLooksBinary, markBinaryBytes } from './binary-regions.js';
import { isInertUploadedText } from './uploaded-file.js';
import { LIMIT_REACHED, MALFORMED_MULTIPART, PARAMETER_POLLUTION } from '../findings.js';
import { decodeUrlOnce } from '../decoders/url.js';
import { latin1ToUtf8 } from '../text/latin1-to-utf8.js';
import { hexValue } from '../text/hex.js';
import { alsoReadAsWritten, bodyAsUtf8, isTranscodedCharset } from './body-charset.js';
import type { BodyKind } from '../types.js';
import type { BodyContext } from './body-context.js';
import { declaredBodyKind, isValidJson, structuredShape } from './body-kind.js';
import { bodyTextInSteps, bodyTextOrNull, fieldText, fieldTextInSteps } from './text.js';
import { isHtmlDocumentUpload } from './html-document.js';
import type { Steps } from '../work-clock.js';

/** How a part whose content is JSON, XML or multipart is read: the body dispatcher, passed in to avoid an import cycle. */
export type InspectPartAs = (kind: BodyKind, body: Buffer, context: BodyContext) => Steps<BodyKind>;

/** RFC 2046: 1 to 70 characters. */
const MAX_BOUNDARY = 70;
const MAX_PART_HEADERS = 8192;

interface PartHeaders {
  name: string | null;
  filename: string | null;
  contentType: string | undefined;
  /** Content-Transfer-Encoding, lower case (RFC 7578 deprecates it; MIME parsers still decode it). */
  transferEncoding: string | undefined;
}

/** `filename*=UTF-8''na%C3%AFve.txt` (RFC 5987) wins over `filename=` as browsers and most frameworks do. */
function extendedFilename(value: string): string {
  const quote = value.indexOf("''");
  const encoded = quote >= 0 ? value.slice(quote + 2) : value;
  return decodeUrlOnce(encoded, { plusAsSpace: false, flags: 0 });
}

/** What String.prototype.trim removes, among the chars of a latin1 string. */
function isTrimmed(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0;
}

/**
 * Whether block[from, to), trimmed and lower-cased, is `name` (lower-case ASCII): what
 * `block.slice(from, to).trim().toLowerCase() === name` says for a latin1 string, without making the strings.
 */
function fieldNameIs(block: string, from: number, to: number, name: string): boolean {
  while (from < to && isTrimmed(block.charCodeAt(from))) from++;
  while (to > from && isTrimmed(block.charCodeAt(to - 1))) to--;
  if (to - from !== name.length) return false;
  for (let k = 0; k < name.length; k++) {
    const c = block.charCodeAt(from + k);
    if (c !== name.charCodeAt(k) && !(c >= 0x41 && c <= 0x5a && (c | 0x20) === name.charCodeAt(k))) return false;
  }
  return true;
}

/**
 * The part's name, filename and Content-Type from its header block. Read line by line with indexOf,
 * field names compared in place, and the disposition's parameters without a Map: ~12,000 parts fit in
 * 1 MiB, and a split array, a Map and their strings per part were most of what walking such a body
 * allocated (issue 17: young-GC pauses).
 */
function readPartHeaders(block: string): PartHeaders {
  const headers: PartHeaders = { name: null, filename: null, contentType: undefined, transferEncoding: undefined };
  // The next ':' at or after the line's start, kept across lines without one (a search per line would go quadratic on them).
  let colon = block.indexOf(':');
  for (let start = 0; start <= block.length; ) {
    const lf = block.indexOf('\n', start);
    const end = lf < 0 ? block.length : lf;
    // The line as split(/\r?\n/) gives it: one CR before the LF belongs to the line break.
    const lineEnd = lf > start && block.charCodeAt(lf - 1) === 0x0d ? lf - 1 : end;
    const lineStart = start;
    start = end + 1;
    if (colon >= 0 && colon < lineStart) colon = block.indexOf(':', lineStart);
    if (colon < 0 || colon >= lineEnd) continue;
    if (fieldNameIs(block, lineStart, colon, 'content-disposition')) readDisposition(block.slice(colon + 1, lineEnd).trim(), headers);
    else if (fieldNameIs(block, lineStart, colon, 'content-type')) headers.contentType = block.slice(colon + 1, lineEnd).trim();
    else if (fieldNameIs(block, lineStart, colon, 'content-transfer-encoding')) headers.transferEncoding = block.slice(colon + 1, lineEnd).trim().toLowerCase();
  }
  return headers;
}

/** Quoted-printable to bytes: `=XX` escapes, `=` soft line breaks dropped, everything else as is. */
function decodeQuotedPrintable(content: Buffer): Buffer {
  const out = Buffer.allocUnsafe(content.length);
  let n = 0;
  for (let i = 0; i < content.length; i++) {
    const c = content[i];
    if (c === 0x3d) {
      if (content[i + 1] === 0x0d && content[i + 2] === 0x0a) {
        i += 2;
        continue;
      }
      if (content[i + 1] === 0x0a) {
        i += 1;
        continue;
      }
      const hi = hexValue(content[i + 1] ?? -1);
      const lo = hexValue(content[i + 2] ?? -1);
      if (hi >= 0 && lo >= 0) {
        out[n++] = (hi << 4) | lo;
        i += 2;
        continue;
      }
    }
    out[n++] = c;
  }
  return out.subarray(0, n);
}

/**
 * A part's content as a MIME parser hands it to the application: its transfer encoding undone
 * (quoted-printable, base64), so a payload spelled `=31=27=20=75=6E=69=6F=6E` is read as what it says.
 */
function transferDecoded(content: Buffer, headers: PartHeaders): Buffer {
  if (headers.transferEncoding === 'quoted-printable') return decodeQuotedPrintable(content);
  if (headers.transferEncoding === 'base64') return Buffer.from(content.toString('latin1'), 'base64');
  return content;
}

/** A UTF-16, UTF-32 or EBCDIC part charset transcoded (body-charset.ts); other charsets read as the bytes are. */
function transcoded(bytes: Buffer, charset: string | undefined, collector: BodyContext['collector']): Buffer {
  return charset === undefined || !isTranscodedCharset(charset.toLowerCase()) ? bytes : bodyAsUtf8(bytes, charset, collector);
}

/** name, filename and filename* of a Content-Disposition value; the first of each counts, as parseMediaType keeps it. */
function readDisposition(value: string, headers: PartHeaders): void {
  let name: string | undefined;
  let plain: string | undefined;
  let extended: string | undefined;
  forEachParameter(value, (key, v) => {
    if (key === 'name') name ??= v;
    else if (key === 'filename') plain ??= v;
    else if (key === 'filename*') extended ??= v;
  });
  if (name !== undefined) headers.name = latin1ToUtf8(name);
  if (extended !== undefined) headers.filename = extendedFilename(extended);
  else if (plain !== undefined) headers.filename = latin1ToUtf8(plain);
}

/** A part's header block, from just after its delimiter, naming the field `_charset_`, and the field's value. */
const CHARSET_FIELD = /^[ \t]*\r?\n(?:[^\r\n]+\r?\n)*?content-disposition:[^\r\n]*;\s*name="?_charset_"?\s*(?:;[^\r\n]*)?\r?\n(?:[^\r\n]+\r?\n)*\r?\n([\x21-\x7e]{1,40})\r?\n/i;

/**
 * The value of a `_charset_` field when it names a charset that changes how bytes read (UTF-16,
 * UTF-32, EBCDIC), wherever the field stands among the parts; else undefined. Only bodies holding
 * the name pay for the regex, once a part at most (to `maxParts`): the name written in an earlier
 * field's text must not hide the field after it.
 */
function formCharsetField(s: string, delimiter: string, maxParts: number): string | undefined {
  let at = s.indexOf('_charset_');
  for (let looks = 0; at >= 0 && looks < maxParts; looks++) {
    const start = s.lastIndexOf(delimiter, at);
    if (start >= 0) {
      const label = CHARSET_FIELD.exec(s.slice(start + delimiter.length, at + MAX_PART_HEADERS))?.[1].toLowerCase();
      if (label !== undefined && isTranscodedCharset(label)) return label;
    }
    const next = s.indexOf(delimiter, at);
    if (next < 0) return undefined;
    at = s.indexOf('_charset_', next);
  }
  return undefined;
}

/** Index of `delimiter` at s[from..] that starts a line (at `from` itself, or after LF). */
function findDelimiterLine(s: string, delimiter: string, from: number): number {
  let at = s.indexOf(delimiter, from);
  while (at >= 0 && at !== from && s.charCodeAt(at - 1) !== 0x0a) at = s.indexOf(delimiter, at + 1);
  return at;
}

/**
 * The first `--boundary` glued to something before it on its line (a byte-order mark, junk), followed by a
 * line end or `--`, when it comes before the first delimiter at a line start (`lineAt`, -1 when none): -1
 * otherwise. Java's commons-fileupload (Tomcat's copy: Spring, Struts, every servlet form) skips the
 * preamble up to the first occurrence of the delimiter anywhere, so a body opening with `\uFEFF--b` has its
 * parts there, while a line-start reading sees only the close delimiter and no part at all (lead session 36:
 * a multipart SQLi behind a BOM passed at 0.7 on the raw rule's alert alone). Later delimiters need their line
 * break in every parser.
 */
function openingDelimiterInLine(s: string, delimiter: string, lineAt: number): number {
  const at = s.indexOf(delimiter);
  if (at <= 0 || at === lineAt || s.charCodeAt(at - 1) === 0x0a) return -1;
  let cursor = at + delimiter.length;
  if (s.startsWith('--', cursor)) return -1;
  while (s.charCodeAt(cursor) === 0x20 || s.charCodeAt(cursor) === 0x09) cursor++;
  if (s.charCodeAt(cursor) === 0x0d) cursor++;
  return s.charCodeAt(cursor) === 0x0a ? at : -1;
}

/**
 * multipart/form-data (and nested multipart/mixed), parsed on the bytes with our own bounded reader:
 * fields become targets, filenames become `filename` targets (traversal, double extensions), small
 * text uploads become targets (web shells), JSON/XML parts are walked like bodies within the limits.
 */
export function* parseMultipartBody(body: Buffer, context: BodyContext, inspectPartAs: InspectPartAs): Steps<boolean> {
  const { collector, options } = context;
  const boundary = context.mediaParameters.get('boundary');
  const where = context.namePrefix === '' ? undefined : context.namePrefix.slice(0, -1);
  if (boundary === undefined || boundary.length === 0 || boundary.length > MAX_BOUNDARY) {
    collector.report(MALFORMED_MULTIPART, [boundary === undefined || boundary.length === 0 ? 'no boundary parameter' : 'boundary longer than 70 characters'], 'body', where);
    return false;
  }
  if (context.multipartLevel >= options.maxMultipartNesting) {
    collector.report(LIMIT_REACHED, ['maxMultipartNesting', options.maxMultipartNesting], 'body', where);
    return false;
  }
  let s = context.latin1;
  if (s === undefined) {
    s = body.toString('latin1');
    collector.chargeText(s.length);
  }
  const delimiter = `--${boundary}`;
  let at = findDelimiterLine(s, delimiter, 0);
  let wellFormed = true;
  const inLine = openingDelimiterInLine(s, delimiter, at);
  if (inLine >= 0) {
    collector.report(MALFORMED_MULTIPART, ['the first boundary is inside a line'], 'body', where);
    wellFormed = false;
    at = inLine;
  }
  if (at < 0) {
    collector.report(MALFORMED_MULTIPART, ['no boundary line in the body'], 'body', where);
    return false;
  }
  const formCharset = formCharsetField(s, delimiter, options.maxMultipartParts);
  let seen: Map<string, number> | null = null;
  for (let index = 0; ; index++) {
    let cursor = at + delimiter.length;
    if (s.startsWith('--', cursor)) break; // close delimiter
    while (s.charCodeAt(cursor) === 0x20 || s.charCodeAt(cursor) === 0x09) cursor++; // transport padding
    if (s.charCodeAt(cursor) === 0x0d) cursor++;
    if (s.charCodeAt(cursor) !== 0x0a) {
      if (cursor >= s.length && context.truncated) return true;
      collector.report(MALFORMED_MULTIPART, [cursor >= s.length ? 'missing close delimiter' : 'garbage after a boundary'], 'body', where);
      return false;
    }
    cursor++;
    // Past maxMultipartParts the parts are still read, but only as light targets (no JSON/XML walk, no decoders).
    const light = context.partsRead.count >= options.maxMultipartParts;
    if (light && collector.exhausted) return true;
    context.partsRead.count++;

    // Search the header block's end within a bounded window: scanning the whole rest of the body
    // for each of 256 parts would make a crafted body quadratic.
    const window = s.slice(cursor, cursor + MAX_PART_HEADERS + 4);
    const crlfEnd = window.indexOf('\r\n\r\n');
    const lfEnd = window.indexOf('\n\n');
    let headersEnd = crlfEnd < 0 ? -1 : cursor + crlfEnd;
    let contentStart = headersEnd + 4;
    if (lfEnd >= 0 && (crlfEnd < 0 || lfEnd < crlfEnd)) {
      headersEnd = cursor + lfEnd;
      contentStart = headersEnd + 2;
    }
    if (s.charCodeAt(cursor) === 0x0a || (s.charCodeAt(cursor) === 0x0d && s.charCodeAt(cursor + 1) === 0x0a)) {
      // A part with no headers at all.
      headersEnd = cursor;
      contentStart = cursor + (s.charCodeAt(cursor) === 0x0d ? 2 : 1);
    }
    if (headersEnd < 0) {
      if (context.truncated && cursor + MAX_PART_HEADERS >= s.length) return true;
      collector.report(MALFORMED_MULTIPART, ['part headers do not end'], 'body', where);
      return false;
    }
    const headers = readPartHeaders(s.slice(cursor, headersEnd));
    const next = findDelimiterLine(s, delimiter, contentStart);
    let contentEnd = next < 0 ? s.length : next;
    if (next >= 0) {
      // The CRLF before the delimiter belongs to the delimiter.
      if (s.charCodeAt(contentEnd - 1) === 0x0a) contentEnd--;
      if (s.charCodeAt(contentEnd - 1) === 0x0d) contentEnd--;
    }
    const field = headers.name ?? `part[${index}]`;
    const fullName = context.namePrefix + field;
    if (headers.name === null) {
      collector.report(MALFORMED_MULTIPART, ['part without a form-data name'], 'body', fullName);
      wellFormed = false;
    } else if (!field.endsWith('[]')) {
      seen ??= new Map();
      seen.set(fullName, (seen.get(fullName) ?? 0) + 1);
    }
    const content = body.subarray(contentStart, Math.max(contentStart, contentEnd));
    if (light) inspectPartLightly(content, headers, fullName, context);
    else yield* inspectPart(content, headers, fullName, context, inspectPartAs, formCharset);
    if (collector.due()) yield;
    if (next < 0) {
      if (!context.truncated) {
        collector.report(MALFORMED_MULTIPART, ['missing close delimiter'], 'body', where);
        wellFormed = false;
      }
      break;
    }
    at = next;
  }
  if (seen !== null) for (const [name, count] of seen) if (count > 1) collector.report(PARAMETER_POLLUTION, [name, count], 'body', name);
  return wellFormed;
}

function inspectPartLightly(received: Buffer, headers: PartHeaders, fullName: string, context: BodyContext): void {
  const { collector, options } = context;
  const content = transferDecoded(received, headers);
  const limit = options.maxMultipartParts;
  if (headers.filename !== null) collector.addRemainder('body', fullName, 'filename', headers.filename, false, 'maxMultipartParts', limit);
  if (content.length === 0 || (headers.filename !== null && content.length > options.maxFileTargetBytes)) return;
  const text = headers.filename === null ? fieldText(content) : bodyTextOrNull(content);
  if (text !== null) collector.addRemainder('body', fullName, headers.filename === null ? 'value' : fileRole(headers.filename, parseMediaType(headers.contentType).essence, text), text, false, 'maxMultipartParts', limit);
}

function* inspectPart(
  received: Buffer,
  headers: PartHeaders,
  fullName: string,
  context: BodyContext,
  inspectPartAs: InspectPartAs,
  formCharset: string | undefined,
): Steps<void> {
  if (headers.filename !== null) context.collector.add('body', fullName, 'filename', headers.filename);
  if (received.length === 0) return;
  const media = parseMediaType(headers.contentType);
  const written = transferDecoded(received, headers);
  // A field without its own charset is read in the form's `_charset_` (the HTML standard's field; Jetty
  // applies it to every part): an attacker naming ibm037 there sends EBCDIC values the server decodes.
  const charset = media.parameters.get('charset') ?? (headers.filename === null ? formCharset : undefined);
  const content = transcoded(written, charset, context.collector);
  yield* inspectPartContent(content, media, headers, fullName, context, inspectPartAs);
  // A transcoded part whose bytes are plain ASCII is read as written too, as a server that ignores the
  // part's charset (PHP) reads it: an attacker must not choose the reading Warden skips (inspect-body.ts).
  if (content !== written && alsoReadAsWritten(written)) yield* inspectPartContent(written, media, headers, fullName, context, inspectPartAs);
}

/** An uploaded text file's role: `file` when it lands inert (uploaded-file.ts), else a `value` as any field. */
function fileRole(filename: string, mediaEssence: string, text: string): 'file' | 'value' {
  return isInertUploadedText(filename, mediaEssence, text) ? 'file' : 'value';
}

/** As fileRole, with a whole HTML page a `document` (html-document.ts). */
function uploadRole(filename: string, mediaEssence: string, text: string): 'document' | 'file' | 'value' {
  return isHtmlDocumentUpload(filename, mediaEssence, text) ? 'document' : fileRole(filename, mediaEssence, text);
}

/** One reading of a part's content: by its declared kind, an archive, or text (and JSON in a plain field). */
function* inspectPartContent(
  content: Buffer,
  media: MediaType,
  headers: PartHeaders,
  fullName: string,
  context: BodyContext,
  inspectPartAs: InspectPartAs,
): Steps<void> {
  const { collector, options } = context;
  const kind = declaredBodyKind(media.essence);
  if (kind === 'json' || kind === 'xml' || kind === 'multipart') {
    yield* inspectPartAs(kind, content, {
      ...context,
      latin1: undefined,
      namePrefix: `${fullName}.`,
      mediaParameters: media.parameters,
      multipartLevel: kind === 'multipart' ? context.multipartLevel + 1 : context.multipartLevel,
    });
    return;
  }
  // An uploaded archive: its entries' names and text are what the application unpacks.
  if (addArchiveEntryTargets(content, fullName, collector)) {
    if (headers.filename !== null) markBinaryBytes(content, context);
    return;
  }
  // Uploaded files: small text ones (scripts, web shells) are targets; the rest stays in clientBody.
  if (headers.filename !== null && content.length > options.maxFileTargetBytes) {
    if (fileLooksBinary(content)) markBinaryBytes(content, context);
    return;
  }
  // A field (no filename) is a string to the application whatever bytes it holds; a file may be binary.
  const text = headers.filename === null ? yield* fieldTextInSteps(content, collector) : yield* bodyTextInSteps(content, collector);
  if (text === null && headers.filename !== null) markBinaryBytes(content, context);
  // An uploaded HTML page is a document: its scripts are its content (html-document.ts); an uploaded text file that lands inert is a file (uploaded-file.ts).
  if (text !== null) yield* collector.addInSteps('body', fullName, headers.filename === null ? 'value' : uploadRole(headers.filename, media.essence, text), text);
  // A field holding JSON without saying so (`data={...}`) is still parsed by many backends: walk it too.
  if (text !== null && headers.filename === null && structuredShape(content) === 'json' && isValidJson(content)) {
    yield* inspectPartAs('json', content, { ...context, latin1: undefined, namePrefix: `${fullName}.` });
  }
}
