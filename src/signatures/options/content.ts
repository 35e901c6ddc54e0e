/**
 * `content:[!]"bytes"` (and Snort 3 `content:"x",depth 4,nocase`), `uricontent:"x"` (Snort 2 shorthand
 * for content + http_uri). The buffer is the sticky buffer at this point; Snort 2 modifiers may change it.
 */
import type { OptionKeyword } from './option-keyword.js';
import type { ContentOption } from '../rule.js';
import type { RuleBuilder } from '../rule-builder.js';
import { decodeContentLiteral, splitQuotedValue } from '../content-literal.js';

function addContent(keyword: string, value: string, rule: RuleBuilder, uri: boolean): void {
  const quoted = splitQuotedValue(keyword, value);
  const option: ContentOption = {
    kind: 'content',
    buffer: uri ? { name: 'uri', headerField: null } : rule.stickyBuffer,
    bytes: decodeContentLiteral(keyword, quoted.body),
    negated: quoted.negated,
    nocase: false,
    offset: null,
    depth: null,
    distance: null,
    within: null,
    endsWith: false,
    fastPattern: null,
    bufferModified: uri,
  };
  rule.detection.push(option);
  if (quoted.rest) {
    for (const sub of quoted.rest.split(',')) {
      const text = sub.trim();
      if (!text) continue;
      const space = text.search(/\s/);
      const name = (space < 0 ? text : text.slice(0, space)).toLowerCase();
      const subValue = space < 0 ? null : text.slice(space + 1).trim();
      rule.applySubOption(name, subValue, rule);
    }
  }
}

export const content: OptionKeyword = {
  names: ['content'],
  value: 'required',
  apply(value, rule) {
    addContent('content', value ?? '', rule, false);
  },
};

export const uricontent: OptionKeyword = {
  names: ['uricontent'],
  value: 'required',
  apply(value, rule) {
    addContent('uricontent', value ?? '', rule, true);
  },
};
