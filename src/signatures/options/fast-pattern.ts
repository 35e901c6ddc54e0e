/** `fast_pattern`, `fast_pattern:only`, `fast_pattern:offset,length` (Snort 2), and Snort 3's `fast_pattern_offset/length` sub-options. */
import type { OptionKeyword } from './option-keyword.js';
import { parseInteger } from '../rule-builder.js';
import { ruleBadOptionValue } from '../errors.js';

export const fastPattern: OptionKeyword = {
  names: ['fast_pattern'],
  value: 'optional',
  apply(value, rule) {
    const option = rule.lastContent('fast_pattern');
    if (option.negated) {
      rule.warn('fast_pattern on a negated content ignored');
      return;
    }
    const text = (value ?? '').trim();
    option.fastPattern = option.fastPattern ?? { only: false, slice: null };
    if (text === '') return;
    if (text === 'only') {
      option.fastPattern.only = true;
      return;
    }
    const m = /^(\d+)\s*,\s*(\d+)$/.exec(text);
    if (!m) throw ruleBadOptionValue('fast_pattern', `expected only or offset,length, got '${text}'`);
    setSlice(option.bytes.length, Number(m[1]), Number(m[2]), option);
  },
};

function setSlice(patternLength: number, offset: number, length: number, option: { fastPattern: { only: boolean; slice: { offset: number; length: number } | null } | null }): void {
  if (length < 1 || offset + length > patternLength) throw ruleBadOptionValue('fast_pattern', 'slice outside the content');
  option.fastPattern = { only: option.fastPattern?.only ?? false, slice: { offset, length } };
}

export const fastPatternOnly: OptionKeyword = {
  names: ['fast_pattern_only'],
  value: 'none',
  apply(_value, rule) {
    const option = rule.lastContent('fast_pattern_only');
    option.fastPattern = { only: true, slice: option.fastPattern?.slice ?? null };
  },
};

export const fastPatternOffset: OptionKeyword = {
  names: ['fast_pattern_offset'],
  value: 'required',
  apply(value, rule) {
    const option = rule.lastContent('fast_pattern_offset');
    const offset = parseInteger('fast_pattern_offset', value, 0);
    const length = option.fastPattern?.slice?.length ?? option.bytes.length - offset;
    setSlice(option.bytes.length, offset, length, option);
  },
};

export const fastPatternLength: OptionKeyword = {
  names: ['fast_pattern_length'],
  value: 'required',
  apply(value, rule) {
    const option = rule.lastContent('fast_pattern_length');
    const length = parseInteger('fast_pattern_length', value, 1);
    setSlice(option.bytes.length, option.fastPattern?.slice?.offset ?? 0, length, option);
  },
};
