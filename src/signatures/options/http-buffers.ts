/**
 * Buffer selectors. Snort 2 (and Suricata's underscore names) use `http_uri` etc. as modifiers of the
 * content before them; Snort 3 (and Suricata's dotted names) make them sticky for every following
 * content/pcre. `file_data` and `pkt_data` are sticky in every flavour.
 */
import type { OptionKeyword } from './option-keyword.js';
import type { BufferName } from '../../inspect/types.js';
import type { BufferRef, DerivedBuffer } from '../rule.js';
import type { RuleBuilder } from '../rule-builder.js';
import { ruleBadOptionValue } from '../errors.js';

interface BufferKeyword {
  buffer: BufferName;
  headerField?: string;
  derived?: DerivedBuffer;
  /** Sticky in every flavour (file_data, pkt_data, Suricata dotted names). */
  alwaysSticky?: boolean;
}

const REQUEST_BUFFERS: Record<string, BufferKeyword> = {
  http_uri: { buffer: 'uri' },
  http_raw_uri: { buffer: 'rawUri' },
  http_header: { buffer: 'header' },
  http_raw_header: { buffer: 'rawHeader' },
  http_cookie: { buffer: 'cookie' },
  http_raw_cookie: { buffer: 'rawCookie' },
  http_client_body: { buffer: 'clientBody' },
  http_raw_body: { buffer: 'clientBody' },
  http_method: { buffer: 'method' },
  file_data: { buffer: 'clientBody', alwaysSticky: true },
  pkt_data: { buffer: 'raw', alwaysSticky: true },
  // Suricata sticky buffers.
  'http.uri': { buffer: 'uri', alwaysSticky: true },
  'http.uri.raw': { buffer: 'rawUri', alwaysSticky: true },
  'http.method': { buffer: 'method', alwaysSticky: true },
  'http.request_body': { buffer: 'clientBody', alwaysSticky: true },
  'http.header': { buffer: 'header', alwaysSticky: true },
  'http.header.raw': { buffer: 'rawHeader', alwaysSticky: true },
  'http.cookie': { buffer: 'cookie', alwaysSticky: true },
  'file.data': { buffer: 'clientBody', alwaysSticky: true },
  'http.user_agent': { buffer: 'header', headerField: 'user-agent', alwaysSticky: true },
  'http.host': { buffer: 'header', headerField: 'host', alwaysSticky: true },
  'http.host.raw': { buffer: 'header', headerField: 'host', alwaysSticky: true },
  'http.referer': { buffer: 'header', headerField: 'referer', alwaysSticky: true },
  'http.content_type': { buffer: 'header', headerField: 'content-type', alwaysSticky: true },
  'http.content_len': { buffer: 'header', headerField: 'content-length', alwaysSticky: true },
  'http.accept': { buffer: 'header', headerField: 'accept', alwaysSticky: true },
  'http.accept_lang': { buffer: 'header', headerField: 'accept-language', alwaysSticky: true },
  'http.accept_enc': { buffer: 'header', headerField: 'accept-encoding', alwaysSticky: true },
  'http.connection': { buffer: 'header', headerField: 'connection', alwaysSticky: true },
  'http.header_names': { buffer: 'rawHeader', derived: 'headerNames', alwaysSticky: true },
  'http.request_line': { buffer: 'raw', derived: 'requestLine', alwaysSticky: true },
  'http.start': { buffer: 'raw', derived: 'start', alwaysSticky: true },
  'http.protocol': { buffer: 'raw', derived: 'protocol', alwaysSticky: true },
};

/** Buffers that only exist in responses: a rule using one cannot apply to a request. */
const RESPONSE_BUFFERS = [
  'http_stat_code',
  'http_stat_msg',
  'http_server_body',
  'http_raw_status',
  'http.stat_code',
  'http.stat_msg',
  'http.response_body',
  'http.response_line',
  'http.server',
  'http.location',
  'http.response_header',
];

function selectBuffer(keyword: string, spec: BufferKeyword, value: string | null, rule: RuleBuilder): void {
  const ref: BufferRef = { name: spec.buffer, headerField: spec.headerField ?? null };
  if (spec.derived) ref.derived = spec.derived;
  if (value !== null && value.trim() !== '') {
    const field = /^field\s+([A-Za-z0-9_-]+)$/i.exec(value.trim());
    if (field && spec.buffer === 'header') ref.headerField = field[1].toLowerCase();
    else rule.warn(`${keyword}:${value.trim()} selector widened to the whole ${spec.buffer} buffer`);
  }
  const sticky = spec.alwaysSticky === true || rule.flavour === 'snort3';
  if (sticky) {
    rule.stickyBuffer = ref;
    return;
  }
  const option = rule.lastContent(keyword);
  if (option.bufferModified) throw ruleBadOptionValue(keyword, 'content already has a buffer modifier');
  option.buffer = ref;
  option.bufferModified = true;
}

export const httpBufferKeywords: OptionKeyword[] = Object.entries(REQUEST_BUFFERS).map(([name, spec]) => ({
  names: [name],
  value: 'optional',
  apply(value: string | null, rule: RuleBuilder) {
    selectBuffer(name, spec, value, rule);
  },
}));

export const responseBufferKeywords: OptionKeyword[] = RESPONSE_BUFFERS.map((name) => ({
  names: [name],
  value: 'optional',
  apply(_value: string | null, rule: RuleBuilder) {
    rule.responseSide ??= `${name} is a response buffer`;
  },
}));
