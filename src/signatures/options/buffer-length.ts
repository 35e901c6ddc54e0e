/**
 * `urilen` (Snort 2: `N`, `<N`, `>N`, `N<>M` inclusive; optional `,norm|raw`, raw by default) and
 * `bufferlen` (Snort 3, on the current sticky buffer: `N<>M` exclusive, `N<=>M` inclusive), Suricata
 * `bsize`. All become one inclusive length range.
 */
import type { OptionKeyword } from './option-keyword.js';
import type { LengthRange } from '../rule.js';
import { ruleBadOptionValue } from '../errors.js';

const MAX = 0x7fffffff;

export function parseLengthRange(keyword: string, text: string, rangeInclusive: boolean): LengthRange {
  const t = text.replace(/\s+/g, '');
  let m = /^(\d+)(<=>|<>)(\d+)$/.exec(t);
  if (m) {
    const inclusive = m[2] === '<=>' || rangeInclusive;
    const lo = Number(m[1]);
    const hi = Number(m[3]);
    const range = inclusive ? { min: lo, max: hi } : { min: lo + 1, max: hi - 1 };
    if (range.min > range.max) throw ruleBadOptionValue(keyword, `empty range ${text}`);
    return range;
  }
  m = /^(<=|>=|<|>|=|!)?(\d+)$/.exec(t);
  if (!m) throw ruleBadOptionValue(keyword, `expected N, <N, >N or N<>M, got '${text}'`);
  const n = Number(m[2]);
  switch (m[1]) {
    case '<':
      return { min: 0, max: n - 1 };
    case '<=':
      return { min: 0, max: n };
    case '>':
      return { min: n + 1, max: MAX };
    case '>=':
      return { min: n, max: MAX };
    case '!':
      throw ruleBadOptionValue(keyword, 'negated lengths are not supported');
    default:
      return { min: n, max: n };
  }
}

export const urilen: OptionKeyword = {
  names: ['urilen'],
  value: 'required',
  apply(value, rule) {
    const [range, mode] = (value ?? '').split(',').map((s) => s.trim());
    if (mode !== undefined && mode !== 'raw' && mode !== 'norm') throw ruleBadOptionValue('urilen', `unknown mode '${mode}'`);
    rule.detection.push({
      kind: 'length',
      buffer: { name: mode === 'norm' ? 'uri' : 'rawUri', headerField: null },
      range: parseLengthRange('urilen', range, true),
    });
  },
};

export const bufferlen: OptionKeyword = {
  names: ['bufferlen', 'bsize'],
  value: 'required',
  apply(value, rule) {
    const text = (value ?? '').trim();
    const relative = text.endsWith(',relative');
    if (relative) throw ruleBadOptionValue('bufferlen', 'relative bufferlen is not supported');
    rule.detection.push({ kind: 'length', buffer: rule.stickyBuffer, range: parseLengthRange('bufferlen', text, false) });
  },
};
