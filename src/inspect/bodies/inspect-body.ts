import { CONTENT_TYPE_MISMATCH } from '../findings.js';
import type { BodyKind } from '../types.js';
import type { BodyContext, BodyParser } from './body-context.js';
import { bodyAsUtf8 } from './body-charset.js';
import { declaredBodyKind, isValidJson, looksLikeForm, structuredShape } from './body-kind.js';
import { parseFormBody } from './form.js';
import { parseJsonBody } from './json.js';
import { parseTextBody } from './text.js';
import { isWellFormedXml, parseXmlBody } from './xml.js';
import { parseMultipartBody } from './multipart.js';

/** Body parsers by kind; adding a body format means adding a file and a line here. */
const PARSERS: Partial<Record<BodyKind, BodyParser>> = {
  form: parseFormBody,
  json: parseJsonBody,
  xml: parseXmlBody,
  multipart: (body, context) => parseMultipartBody(body, context, inspectBodyAs),
  text: parseTextBody,
};

/** Parses `body` as `kind`, falling back to one plain-text target when the parser finds it malformed. */
export function inspectBodyAs(kind: BodyKind, body: Buffer, context: BodyContext): BodyKind {
  const parser = PARSERS[kind];
  if (parser === undefined) return parseTextBody(body, context) ? 'text' : 'binary';
  if (!parser(body, context) && kind !== 'text') parseTextBody(body, context);
  return kind;
}

/**
 * Picks how to read the body — shape beats label, because attackers lie about Content-Type — and
 * adds its targets. Returns the kind actually used.
 */
export function inspectBody(received: Buffer, essence: string, context: BodyContext): BodyKind {
  if (received.length === 0) return 'none';
  const declared = declaredBodyKind(essence);
  if (declared === 'multipart') return inspectBodyAs('multipart', received, context);
  const body = bodyAsUtf8(received, context.mediaParameters.get('charset'), context.collector);
  if (body !== received) context = { ...context, latin1: undefined };

  let kind: BodyKind = declared;
  const shape = structuredShape(body);
  if (shape !== null && shape !== declared) {
    if (shape === 'json' ? isValidJson(body) : isWellFormedXml(body)) kind = shape;
  } else if (shape === null && (declared === 'none' || declared === 'text' || declared === 'binary') && looksLikeForm(body)) {
    kind = 'form';
  }
  // text/plain forms are legitimate (HTML enctype="text/plain"); other relabellings are worth a note.
  if (kind !== declared && declared !== 'none' && !(declared === 'text' && kind === 'form')) {
    context.collector.report(CONTENT_TYPE_MISMATCH, [essence, kind], 'body');
  }
  if (kind === 'none' || kind === 'binary') return parseTextBody(body, context) ? 'text' : 'binary';
  return inspectBodyAs(kind, body, context);
}
