/** All rule keywords by name. Adding a keyword means adding a module and listing it here. */
import type { OptionKeyword } from './option-keyword.js';
import { classtype, gid, ignored, metadata, msg, priority, reference, rev, service, sid } from './rule-identity.js';
import { flow } from './flow.js';
import { content, uricontent } from './content.js';
import { nocase } from './nocase.js';
import { depth, distance, offset, within } from './position-modifiers.js';
import { fastPattern, fastPatternLength, fastPatternOffset, fastPatternOnly } from './fast-pattern.js';
import { httpBufferKeywords, responseBufferKeywords } from './http-buffers.js';
import { pcre } from './pcre.js';
import { bufferlen, urilen } from './buffer-length.js';
import { isdataat } from './isdataat.js';
import { endswith, startswith } from './suricata-anchors.js';
import { flowbits } from './flowbits.js';
import { detectionFilter, threshold } from './rate-filters.js';
import { unsupportedKeywords } from './unsupported.js';
import { base64Data, base64Decode } from './base64.js';
import { foreignHost } from './foreign-host.js';
import { lookalikeHost } from './lookalike-host.js';

const ALL: OptionKeyword[] = [
  msg, sid, rev, gid, classtype, priority, reference, metadata, service, ignored,
  flow, content, uricontent, nocase, offset, depth, distance, within,
  fastPattern, fastPatternOnly, fastPatternOffset, fastPatternLength,
  ...httpBufferKeywords, ...responseBufferKeywords,
  pcre, urilen, bufferlen, isdataat, startswith, endswith, flowbits, threshold, detectionFilter, base64Decode, base64Data, foreignHost, lookalikeHost,
  ...unsupportedKeywords,
];

export const optionKeywords: ReadonlyMap<string, OptionKeyword> = new Map(
  ALL.flatMap((keyword) => keyword.names.map((name) => [name, keyword] as const)),
);
