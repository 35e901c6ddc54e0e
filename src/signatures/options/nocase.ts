import type { OptionKeyword } from './option-keyword.js';

export const nocase: OptionKeyword = {
  names: ['nocase'],
  value: 'none',
  apply(_value, rule) {
    rule.lastContent('nocase').nocase = true;
  },
};
