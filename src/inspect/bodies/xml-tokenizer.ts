import { hexValue } from '../text/hex.js';
import { finishNow, type Steps } from '../work-clock.js';

/**
 * What the tokenizer reports; every callback is optional so validation can run with no sink at all.
 * `text` and `attribute` may return steps (a long value added in pieces), which the walk runs before going on.
 */
export interface XmlSink {
  /**
   * Text content of an element (entities decoded, CDATA included, comments removed, trimmed).
   * `escaped`: the document spells it otherwise (a reference resolved, a comment dropped inside it).
   */
  text?(path: string, text: string, escaped: boolean): Steps<void> | void;
  /** `escaped`: a reference in the value was resolved. */
  attribute?(path: string, name: string, value: string, escaped: boolean): Steps<void> | void;
  /** The DOCTYPE declaration's content, internal subset included, unparsed. */
  doctype?(content: string): void;
  processingInstruction?(target: string): void;
  /** A reference to an entity other than the five predefined ones; left unexpanded in the text. */
  entityReference?(name: string): void;
  depthExceeded?(): void;
  /** True once nothing more can become a target: the walk ends there, as well-formed as far as it went (the JSON walk stops so too). */
  stopped?(): boolean;
}

export const XML_END_OF_INPUT = 'unexpected end of input';

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const NAME_START = /[A-Za-z_:\u00c0-\uffff]/;

function isNameChar(c: number): boolean {
  return (
    (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) ||
    c === 0x5f || c === 0x3a || c === 0x2d || c === 0x2e || c >= 0xc0
  );
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

const NEVER_DUE = (): boolean => false;

/** `tokenizeXmlInSteps` run to its end at once (validation, tests). */
export function tokenizeXml(s: string, sink: XmlSink, maxDepth: number, rootPath = ''): string | null {
  return finishNow(tokenizeXmlInSteps(s, sink, maxDepth, rootPath, NEVER_DUE));
}

/**
 * A small, bounded, non-validating XML tokenizer for inspection. It never expands entities beyond
 * the five predefined ones and character references (so no billion-laughs, no XXE), never fetches
 * anything, never recurses (nesting depth costs an array slot, not a stack frame), and returns an
 * error message instead of throwing. Comments are dropped without splitting text, so `SEL<!-- -->ECT`
 * reaches detection as `SELECT`, as the application's textContent would. It pauses (yields) before a
 * markup construct when `due()` says the running slice is used up, so a 1 MiB document of ~10⁴
 * elements is walked in slices like a JSON body (see ../work-clock.ts).
 */
export function* tokenizeXmlInSteps(s: string, sink: XmlSink, maxDepth: number, rootPath: string, due: () => boolean): Steps<string | null> {
  const stack: string[] = [];
  const paths: string[] = [rootPath];
  let pending = '';
  /** Whether `pending` differs from its spelling in the document (a reference resolved, a comment dropped). */
  let pendingEscaped = false;
  let rootClosed = false;
  let i = s.charCodeAt(0) === 0xfeff ? 1 : 0;

  const decode = (raw: string, at: number): string | { error: string } => {
    let amp = raw.indexOf('&');
    if (amp < 0) return raw;
    let out = '';
    let copied = 0;
    while (amp >= 0) {
      const semi = raw.indexOf(';', amp + 1);
      if (semi < 0 || semi - amp > 32) return { error: `bare '&' at offset ${at + amp}` };
      const ref = raw.slice(amp + 1, semi);
      let text: string | undefined;
      if (ref.charCodeAt(0) === 0x23) {
        const hex = (ref.charCodeAt(1) | 0x20) === 0x78;
        const digits = ref.slice(hex ? 2 : 1);
        let v = 0;
        let ok = digits.length > 0 && digits.length <= 8;
        for (let k = 0; ok && k < digits.length; k++) {
          const d = hex ? hexValue(digits.charCodeAt(k)) : digits.charCodeAt(k) - 0x30;
          if (d < 0 || d > (hex ? 15 : 9)) ok = false;
          else v = v * (hex ? 16 : 10) + d;
        }
        if (!ok || v > 0x10ffff) return { error: `invalid character reference &${ref}; at offset ${at + amp}` };
        text = String.fromCodePoint(v);
      } else {
        text = PREDEFINED[ref];
        if (text === undefined) {
          if (!NAME_START.test(ref[0] ?? '')) return { error: `bare '&' at offset ${at + amp}` };
          sink.entityReference?.(ref);
          text = `&${ref};`;
        }
      }
      out += raw.slice(copied, amp) + text;
      copied = semi + 1;
      amp = raw.indexOf('&', copied);
    }
    return out + raw.slice(copied);
  };

  /** Steps a sink returned for the text just flushed, run by the walk before the next construct. */
  let textSteps = undefined as Steps<void> | void;
  const flushText = (): string | null => {
    if (pending.length === 0) return null;
    const text = pending.trim();
    const escaped = pendingEscaped;
    pending = '';
    pendingEscaped = false;
    if (text.length === 0) return null;
    if (stack.length === 0) return 'text outside the root element';
    // Past maxDepth the path stops growing but the text is still a target: depth costs no recursion here.
    textSteps = sink.text?.(paths[paths.length - 1], text, escaped);
    return null;
  };

  const readName = (from: number): number => {
    let j = from;
    while (j < s.length && isNameChar(s.charCodeAt(j))) j++;
    return j;
  };

  while (i < s.length) {
    if (sink.stopped?.() === true) return null;
    if (due()) yield;
    const lt = s.indexOf('<', i);
    if (lt < 0) {
      pending += s.slice(i);
      break;
    }
    if (lt > i) {
      const spelled = s.slice(i, lt);
      const text = decode(spelled, i);
      if (typeof text !== 'string') return text.error;
      if (text !== spelled) pendingEscaped = true;
      pending += text;
    }
    if (s.startsWith('<!--', lt)) {
      const end = s.indexOf('-->', lt + 4);
      if (end < 0) return XML_END_OF_INPUT;
      if (pending.length > 0) pendingEscaped = true;
      i = end + 3;
      continue;
    }
    if (s.startsWith('<![CDATA[', lt)) {
      const end = s.indexOf(']]>', lt + 9);
      if (end < 0) return XML_END_OF_INPUT;
      if (stack.length === 0) return `CDATA outside the root element at offset ${lt}`;
      pending += s.slice(lt + 9, end);
      i = end + 3;
      continue;
    }
    if (s.startsWith('<!', lt)) {
      if (s.slice(lt + 2, lt + 9).toUpperCase() !== 'DOCTYPE') return `unexpected markup declaration at offset ${lt}`;
      if (stack.length > 0 || rootClosed) return `DOCTYPE inside the document at offset ${lt}`;
      // Up to the '>' that is outside the internal subset and outside quotes.
      let j = lt + 9;
      let inSubset = false;
      let quote = 0;
      for (; j < s.length; j++) {
        const c = s.charCodeAt(j);
        if (quote !== 0) {
          if (c === quote) quote = 0;
        } else if (c === 0x22 || c === 0x27) quote = c;
        else if (c === 0x5b) inSubset = true;
        else if (c === 0x5d) inSubset = false;
        else if (c === 0x3e && !inSubset) break;
      }
      if (j >= s.length) return XML_END_OF_INPUT;
      sink.doctype?.(s.slice(lt + 9, j));
      i = j + 1;
      continue;
    }
    if (s.charCodeAt(lt + 1) === 0x3f) {
      const end = s.indexOf('?>', lt + 2);
      if (end < 0) return XML_END_OF_INPUT;
      const target = s.slice(lt + 2, readName(lt + 2));
      if (target.toLowerCase() !== 'xml') sink.processingInstruction?.(target);
      else if (lt !== 0 && !(lt === 1 && s.charCodeAt(0) === 0xfeff)) return `XML declaration not at the start (offset ${lt})`;
      i = end + 2;
      continue;
    }
    const textError = flushText();
    if (textError !== null) return textError;
    if (textSteps !== undefined) {
      yield* textSteps;
      textSteps = undefined;
    }
    if (s.charCodeAt(lt + 1) === 0x2f) {
      const nameEnd = readName(lt + 2);
      const name = s.slice(lt + 2, nameEnd);
      let j = nameEnd;
      while (isSpace(s.charCodeAt(j))) j++;
      if (j >= s.length) return XML_END_OF_INPUT;
      if (s.charCodeAt(j) !== 0x3e) return `malformed end tag at offset ${lt}`;
      const open = stack.pop();
      if (open === undefined) return `end tag </${name}> without a start tag at offset ${lt}`;
      if (open !== name) return `end tag </${name}> does not close <${open}> at offset ${lt}`;
      paths.pop();
      if (stack.length === 0) rootClosed = true;
      i = j + 1;
      continue;
    }
    // Start tag.
    const nameEnd = readName(lt + 1);
    if (nameEnd === lt + 1) return lt + 1 >= s.length ? XML_END_OF_INPUT : `invalid tag at offset ${lt}`;
    if (rootClosed) return `second root element at offset ${lt}`;
    const name = s.slice(lt + 1, nameEnd);
    stack.push(name);
    const deep = stack.length > maxDepth;
    if (deep && stack.length === maxDepth + 1) sink.depthExceeded?.();
    const path = deep ? paths[paths.length - 1] : `${paths[paths.length - 1]}/${name}`;
    paths.push(path);
    let j = nameEnd;
    let seenAttributes: string[] | null = null;
    for (;;) {
      const hadSpace = isSpace(s.charCodeAt(j));
      while (isSpace(s.charCodeAt(j))) j++;
      if (j >= s.length) return XML_END_OF_INPUT;
      const c = s.charCodeAt(j);
      if (c === 0x3e) {
        j++;
        break;
      }
      if (c === 0x2f) {
        if (j + 1 >= s.length) return XML_END_OF_INPUT;
        if (s.charCodeAt(j + 1) !== 0x3e) return `malformed start tag at offset ${lt}`;
        stack.pop();
        paths.pop();
        if (stack.length === 0) rootClosed = true;
        j += 2;
        break;
      }
      const attrEnd = readName(j);
      if (attrEnd === j || !hadSpace) return `malformed attribute at offset ${j}`;
      const attr = s.slice(j, attrEnd);
      j = attrEnd;
      while (isSpace(s.charCodeAt(j))) j++;
      if (j >= s.length) return XML_END_OF_INPUT;
      if (s.charCodeAt(j) !== 0x3d) return `attribute ${attr} without a value at offset ${j}`;
      j++;
      while (isSpace(s.charCodeAt(j))) j++;
      const quote = s.charCodeAt(j);
      if (j >= s.length) return XML_END_OF_INPUT;
      if (quote !== 0x22 && quote !== 0x27) return `unquoted attribute ${attr} at offset ${j}`;
      const close = s.indexOf(quote === 0x22 ? '"' : "'", j + 1);
      if (close < 0) return XML_END_OF_INPUT;
      const rawValue = s.slice(j + 1, close);
      if (rawValue.indexOf('<') >= 0) return `'<' in attribute ${attr} at offset ${j}`;
      seenAttributes ??= [];
      if (seenAttributes.includes(attr)) return `duplicate attribute ${attr} at offset ${j}`;
      seenAttributes.push(attr);
      const value = decode(rawValue, j + 1);
      if (typeof value !== 'string') return value.error;
      const attributeSteps = sink.attribute?.(path, attr, value, value !== rawValue);
      if (attributeSteps !== undefined) yield* attributeSteps;
      j = close + 1;
    }
    i = j;
  }
  if (stack.length > 0) return XML_END_OF_INPUT;
  if (pending.trim().length > 0) return 'text outside the root element';
  if (!rootClosed) return 'no root element';
  return null;
}

