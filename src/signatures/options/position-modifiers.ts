/**
 * offset/depth (absolute from the buffer start) and distance/within (relative to the end of the
 * previous match). The two pairs cannot be mixed on one content; depth/within shorter than the pattern
 * could never match, which Snort also refuses.
 */
import type { OptionKeyword } from './option-keyword.js';
import type { ContentOption } from '../rule.js';
import { parseInteger } from '../rule-builder.js';
import { ruleBadOptionValue } from '../errors.js';

type Position = 'offset' | 'depth' | 'distance' | 'within';
const ABSOLUTE: readonly Position[] = ['offset', 'depth'];

function positionModifier(name: Position): OptionKeyword {
  return {
    names: [name],
    value: 'required',
    apply(value, rule) {
      const option = rule.lastContent(name);
      const min = name === 'depth' || name === 'within' ? 1 : -65535;
      const n = parseInteger(name, value, min);
      checkCompatible(option, name);
      if ((name === 'depth' || name === 'within') && n < option.bytes.length) {
        throw ruleBadOptionValue(name, `${n} is shorter than the ${option.bytes.length}-byte pattern`);
      }
      option[name] = n;
    },
  };
}

function checkCompatible(option: ContentOption, name: Position): void {
  if (option[name] !== null) throw ruleBadOptionValue(name, 'given twice on one content');
  const other: readonly Position[] = ABSOLUTE.includes(name) ? ['distance', 'within'] : ABSOLUTE;
  for (const o of other) {
    if (option[o] !== null) throw ruleBadOptionValue(name, `cannot be combined with ${o} on one content`);
  }
  if (option.endsWith && ABSOLUTE.includes(name)) throw ruleBadOptionValue(name, 'cannot be combined with startswith/endswith');
}

export const offset = positionModifier('offset');
export const depth = positionModifier('depth');
export const distance = positionModifier('distance');
export const within = positionModifier('within');
