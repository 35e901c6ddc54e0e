import type { Decoder } from './decoder.js';
import { urlDecoder } from './url.js';
import { percentUDecoder } from './percent-u.js';
import { htmlEntitiesDecoder } from './html-entities.js';
import { jsEscapesDecoder } from './js-escapes.js';
import { base64Decoder } from './base64.js';
import { base64GzipRunsDecoder } from './base64-gzip-runs.js';
import { jwtDecoder } from './jwt.js';
import { flaskSessionDecoder } from './flask-session.js';
import { unicodeFoldDecoder } from './unicode-fold.js';
import { sqlCommentsDecoder } from './sql-comments.js';
import { whitespaceDecoder } from './whitespace.js';
import { utf7Decoder } from './utf7.js';

/** Every decoder by name; adding one means adding a file and a line here. Order is the default chain order. */
const DECODERS: ReadonlyMap<string, Decoder> = new Map(
  [
    urlDecoder,
    percentUDecoder,
    htmlEntitiesDecoder,
    jsEscapesDecoder,
    utf7Decoder,
    base64Decoder,
    base64GzipRunsDecoder,
    jwtDecoder,
    flaskSessionDecoder,
    unicodeFoldDecoder,
    sqlCommentsDecoder,
    whitespaceDecoder,
  ].map((d) => [d.name, d]),
);

export const DEFAULT_DECODER_NAMES: readonly string[] = [...DECODERS.keys()];

export function decoderNames(): string[] {
  return [...DECODERS.keys()];
}

/** Resolves names to decoders once (at inspector creation), failing loudly on a typo in configuration. */
export function resolveDecoders(names: readonly string[]): Decoder[] {
  return names.map((name) => {
    const decoder = DECODERS.get(name);
    if (decoder === undefined) throw new Error(`unknown decoder "${name}"; known: ${[...DECODERS.keys()].join(', ')}`);
    return decoder;
  });
}
