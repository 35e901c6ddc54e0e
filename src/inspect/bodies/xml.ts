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
import { finishNow, type Steps } from '../work-clock.js';
import { tokenizeXml, tokenizeXmlInSteps, XML_END_OF_INPUT, type XmlSink } from './xml-tokenizer.js';

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
    // A value the document spells with references (`&#x24;{jndi:`) is marked `xml`: the body's rules
    // see it resolved too (src/signatures/match/decoded-views.ts), not only the spelling in the body.
    // A long one is added in steps, which the walk runs before going on.
    text: (path, text, escaped) => collector.addValue('body', path, 'value', text, escaped ? 'xml' : undefined),
    attribute: (path, name, value, escaped) => collector.addValue('body', `${path}/@${name}`, 'value', value, escaped ? 'xml' : undefined),
    doctype: (content) => reportDoctype(content, context),
    processingInstruction: (target) => collector.report(XML_PROCESSING_INSTRUCTION, [target], 'body'),
    entityReference: (name) => collector.report(XML_ENTITY_REFERENCE, [name], 'body'),
    depthExceeded: () => collector.report(LIMIT_REACHED, ['maxXmlDepth', options.maxXmlDepth], 'body'),
    stopped: () => collector.exhausted,
  };
}

/**
 * application/xml, text/xml, +xml: element text and attribute values become targets named by path
 * (`/order/item/@id`). The walk pauses between markup constructs when the collector's slice is used up.
 */
export function* parseXmlTextInSteps(text: string, context: BodyContext): Steps<boolean> {
  const root = context.namePrefix === '' ? '' : context.namePrefix.slice(0, -1);
  const { collector } = context;
  const error = yield* tokenizeXmlInSteps(text, inspectionSink(context), context.options.maxXmlDepth, root, () => collector.due());
  if (error === null) return true;
  if (!(error === XML_END_OF_INPUT && context.truncated)) collector.report(MALFORMED_XML, [error], 'body');
  return false;
}

/** `parseXmlTextInSteps` at once (tests, offline callers). */
export function parseXmlText(text: string, context: BodyContext): boolean {
  return finishNow(parseXmlTextInSteps(text, context));
}

export function* parseXmlBody(body: Buffer, context: BodyContext): Steps<boolean> {
  const text = body.toString('utf8');
  context.collector.chargeText(text.length);
  // The UTF-8 decoding of a big body is a whole-body pass of its own: the walk may start on a fresh slice.
  if (context.collector.dueNow()) yield;
  return yield* parseXmlTextInSteps(text, context);
}

const NO_SINK: XmlSink = {};

/** For sniffing: does the body parse as XML at all (no targets, no findings)? */
export function isWellFormedXml(body: Buffer): boolean {
  return tokenizeXml(body.toString('utf8'), NO_SINK, Number.MAX_SAFE_INTEGER) === null;
}

/** `isWellFormedXml` pausing between constructs when `due()` says so (the sniff of a relabelled body on the proxy's path). */
export function* wellFormedXmlInSteps(body: Buffer, due: () => boolean): Steps<boolean> {
  return (yield* tokenizeXmlInSteps(body.toString('utf8'), NO_SINK, Number.MAX_SAFE_INTEGER, '', due)) === null;
}
