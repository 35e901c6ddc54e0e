/**
 * `pcre:[!]"/regex/flags"`. Buffer flags (U uri, I raw uri, P body, H header, D raw header, M method,
 * C cookie, K raw cookie; Suricata V user-agent, W host) override the sticky buffer; S/Y (status)
 * make the rule response-side. The regex is compiled here so an unsafe or unsupported pattern is
 * rejected at import, with the reason.
 */
import type { OptionKeyword } from './option-keyword.js';
import type { BufferRef, PcreOption } from '../rule.js';
import { ruleBadOptionValue } from '../errors.js';
import { compileSafeRegex } from '../safe-regex.js';

const FLAG_BUFFERS: Record<string, BufferRef> = {
  U: { name: 'uri', headerField: null },
  I: { name: 'rawUri', headerField: null },
  P: { name: 'clientBody', headerField: null },
  Q: { name: 'clientBody', headerField: null },
  H: { name: 'header', headerField: null },
  D: { name: 'rawHeader', headerField: null },
  M: { name: 'method', headerField: null },
  C: { name: 'cookie', headerField: null },
  K: { name: 'rawCookie', headerField: null },
  V: { name: 'header', headerField: 'user-agent' },
  W: { name: 'header', headerField: 'host' },
  Z: { name: 'header', headerField: 'host' },
};

export const pcre: OptionKeyword = {
  names: ['pcre'],
  value: 'required',
  apply(value, rule) {
    let text = (value ?? '').trim();
    let negated = false;
    if (text.startsWith('!')) {
      negated = true;
      text = text.slice(1).trim();
    }
    if (!text.startsWith('"') || !text.endsWith('"') || text.length < 2) throw ruleBadOptionValue('pcre', 'value must be a quoted /regex/flags');
    text = text.slice(1, -1);
    const m = /^\/([\s\S]*)\/([A-Za-z]*)$/.exec(text);
    if (!m) throw ruleBadOptionValue('pcre', 'expected /regex/flags (m{} delimiters are not supported)');
    const [, source, flags] = m;
    let buffer = rule.stickyBuffer;
    for (const f of flags) {
      if (f === 'S' || f === 'Y') rule.responseSide ??= `pcre flag ${f} inspects the response status`;
      const selected = FLAG_BUFFERS[f];
      if (selected) buffer = selected;
    }
    const compiled = compileSafeRegex(source, flags);
    for (const note of compiled.relaxations) rule.warn(`pcre: ${note}`);
    if (flags.includes('O')) rule.warn('pcre flag O ignored (RE2 needs no match limit)');
    const option: PcreOption = { kind: 'pcre', buffer, source, flags, negated, relative: flags.includes('R') };
    rule.detection.push(option);
  },
};
