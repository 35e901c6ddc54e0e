/** `isdataat:[!]N[,relative]`: there is a byte at position N (from the buffer start, or from the cursor). */
import type { OptionKeyword } from './option-keyword.js';
import { parseInteger } from '../rule-builder.js';
import { ruleBadOptionValue, ruleUnsupportedKeyword } from '../errors.js';

export const isdataat: OptionKeyword = {
  names: ['isdataat'],
  value: 'required',
  apply(value, rule) {
    let text = (value ?? '').trim();
    let negated = false;
    if (text.startsWith('!')) {
      negated = true;
      text = text.slice(1).trim();
    }
    const [n, ...mods] = text.split(',').map((s) => s.trim());
    let relative = false;
    for (const mod of mods) {
      if (mod === 'relative') relative = true;
      else if (mod === 'rawbytes') throw ruleUnsupportedKeyword('isdataat rawbytes', 'raw packet bytes are not visible to a proxy');
      else throw ruleBadOptionValue('isdataat', `unknown modifier '${mod}'`);
    }
    rule.detection.push({ kind: 'isdataat', buffer: rule.currentBuffer(), position: parseInteger('isdataat', n, 0), relative, negated });
  },
};
