/** Suricata `startswith` / `endswith`: the content is anchored at the buffer start / end. */
import type { OptionKeyword } from './option-keyword.js';
import { ruleBadOptionValue } from '../errors.js';

export const startswith: OptionKeyword = {
  names: ['startswith'],
  value: 'none',
  apply(_value, rule) {
    const option = rule.lastContent('startswith');
    if (option.offset !== null || option.depth !== null || option.distance !== null || option.within !== null) {
      throw ruleBadOptionValue('startswith', 'cannot be combined with offset/depth/distance/within');
    }
    option.offset = 0;
    option.depth = option.bytes.length;
  },
};

export const endswith: OptionKeyword = {
  names: ['endswith'],
  value: 'none',
  apply(_value, rule) {
    rule.lastContent('endswith').endsWith = true;
  },
};
