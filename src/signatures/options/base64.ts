/**
 * `base64_decode` and `base64_data` (Snort 2.9, Snort 3, Suricata): decode a base64 run of the current
 * buffer, then match contents in what it decoded. ET and Talos use them for SAML responses, XML-RPC
 * `<base64>` values and Basic credentials (`base64_decode:bytes 300, offset 0, relative; base64_data;
 * content:"<!DOCTYPE";`). The decoded text is made while the rule is evaluated (match/base64-run.ts).
 */
import type { BufferRef } from '../rule.js';
import type { OptionKeyword } from './option-keyword.js';
import { parseInteger } from '../rule-builder.js';
import { ruleBadOptionValue } from '../errors.js';

/** The buffer contents after `base64_data` search; a hit in it is reported in the field's decoded form that holds it (compile-rules.ts). */
export const BASE64_DATA_BUFFER: BufferRef = { name: 'raw', headerField: null, derived: 'base64Data' };

export const base64Decode: OptionKeyword = {
  names: ['base64_decode'],
  value: 'optional',
  apply(value, rule) {
    let bytes: number | null = null;
    let offset = 0;
    let relative = false;
    const text = (value ?? '').trim();
    for (const part of text === '' ? [] : text.split(',').map((s) => s.trim())) {
      const [name, arg] = part.split(/\s+/, 2);
      if (name === 'relative' && arg === undefined) relative = true;
      else if (name === 'bytes') bytes = parseInteger('base64_decode bytes', arg ?? null, 1);
      else if (name === 'offset') offset = parseInteger('base64_decode offset', arg ?? null, 0);
      else throw ruleBadOptionValue('base64_decode', `unknown argument '${part}'`);
    }
    rule.detection.push({ kind: 'base64Decode', buffer: rule.currentBuffer(), bytes, offset, relative });
  },
};

export const base64Data: OptionKeyword = {
  names: ['base64_data'],
  value: 'none',
  apply(_value, rule) {
    if (!rule.detection.some((o) => o.kind === 'base64Decode')) throw ruleBadOptionValue('base64_data', 'must follow base64_decode');
    rule.stickyBuffer = BASE64_DATA_BUFFER;
  },
};
