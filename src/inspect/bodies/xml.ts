import {
  LIMIT_REACHED,
  MALFORMED_XML,
  XML_DOCTYPE,
  XML_ENTITY_DECLARATION,
  XML_ENTITY_REFERENCE,
  XML_EXTERNAL_DTD,
  XML_PROCESSING_INSTRUCTION,
} from '../findings.js';
import type { BodyContext } from './body-context.js';
import { tokenizeXml, XML_END_OF_INPUT, type XmlSink } from './xml-tokenizer.js';

const ENTITY_DECLARATION = /<!ENTITY\s+(%\s+)?[^\s>]+\s+(SYSTEM|PUBLIC)?/gi;
const EXTERNAL_ID = /^\s*[^\s[>]+\s+(SYSTEM|PUBLIC)\b/i;

/** Reports the XXE markers a DOCTYPE carries: the DOCTYPE itself, an external DTD, entity declarations. */
function reportDoctype(content: string, context: BodyContext): void {
  const { collector } = context;
  collector.report(XML_DOCTYPE, [], 'body');
  if (EXTERNAL_ID.test(content)) collector.report(XML_EXTERNAL_DTD, [], 'body');
  ENTITY_DECLARATION.lastIndex = 0;
  let external = false;
  let any = false;
  for (let m = ENTITY_DECLARATION.exec(content); m !== null; m = ENTITY_DECLARATION.exec(content)) {
    any = true;
    if (m[2] !== undefined) external = true;
  }
  if (any) collector.report(XML_ENTITY_DECLARATION, [external], 'body');
}

function inspectionSink(context: BodyContext): XmlSink {
  const { collector, options } = context;
  return {
    text: (path, text) => collector.add('body', path, 'value', text),
    attribute: (path, name, value) => collector.add('body', `${path}/@${name}`, 'value', value),
    doctype: (content) => reportDoctype(content, context),
    processingInstruction: (target) => collector.report(XML_PROCESSING_INSTRUCTION, [target], 'body'),
    entityReference: (name) => collector.report(XML_ENTITY_REFERENCE, [name], 'body'),
    depthExceeded: () => collector.report(LIMIT_REACHED, ['maxXmlDepth', options.maxXmlDepth], 'body'),
  };
}

/** application/xml, text/xml, +xml: element text and attribute values become targets named by path (`/order/item/@id`). */
export function parseXmlText(text: string, context: BodyContext): boolean {
  const root = context.namePrefix === '' ? '' : context.namePrefix.slice(0, -1);
  const error = tokenizeXml(text, inspectionSink(context), context.options.maxXmlDepth, root);
  if (error === null) return true;
  if (!(error === XML_END_OF_INPUT && context.truncated)) context.collector.report(MALFORMED_XML, [error], 'body');
  return false;
}

export function parseXmlBody(body: Buffer, context: BodyContext): boolean {
  const text = body.toString('utf8');
  context.collector.chargeText(text.length);
  return parseXmlText(text, context);
}

const NO_SINK: XmlSink = {};

/** For sniffing: does the body parse as XML at all (no targets, no findings)? */
export function isWellFormedXml(body: Buffer): boolean {
  return tokenizeXml(body.toString('utf8'), NO_SINK, Number.MAX_SAFE_INTEGER) === null;
}
