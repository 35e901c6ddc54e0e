import type { OptionKeyword } from './option-keyword.js';
import { ruleBadOptionValue } from '../errors.js';

const STATE_WORDS = new Set(['established', 'not_established', 'stateless', 'no_stream', 'only_stream', 'no_frag', 'only_frag']);

/** `flow:to_server,established`. A proxy only sees established requests, so the state words always hold. */
export const flow: OptionKeyword = {
  names: ['flow'],
  value: 'required',
  apply(value, rule) {
    for (const raw of (value ?? '').split(',')) {
      const word = raw.trim().toLowerCase();
      if (word === 'to_server' || word === 'from_client') rule.flow.toServer = true;
      else if (word === 'to_client' || word === 'from_server') {
        rule.flow.toClient = true;
        rule.responseSide ??= `flow:${word}`;
      } else if (word === 'not_established') throw ruleBadOptionValue('flow', 'not_established never holds for a proxied request');
      else if (!STATE_WORDS.has(word)) throw ruleBadOptionValue('flow', `unknown flow word '${word}'`);
    }
  },
};
