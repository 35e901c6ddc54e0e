import type { DecodeContext, Decoder } from './decoder.js';
import { decodedTextOrNull } from './base64.js';
import { authSchemePrefixLength, TRIGGER_JWT_SHAPE } from './triggers.js';

/**
 * A JWT's header and payload are attacker-chosen JSON the backend parses before checking the
 * signature (`kid` SQL injection, `jku`/`x5u` SSRF): decode both, joined by a newline.
 */
export function decodeJwtParts(s: string, _context: DecodeContext): string {
  const token = s.slice(authSchemePrefixLength(s));
  const firstDot = token.indexOf('.');
  const secondDot = token.indexOf('.', firstDot + 1);
  if (firstDot < 0 || secondDot < 0) return s;
  const header = decodedTextOrNull(Buffer.from(token.slice(0, firstDot), 'base64url'));
  if (header === null) return s;
  const payload = decodedTextOrNull(Buffer.from(token.slice(firstDot + 1, secondDot), 'base64url'));
  return payload === null ? header : `${header}\n${payload}`;
}

export const jwtDecoder: Decoder = {
  name: 'jwt',
  triggers: TRIGGER_JWT_SHAPE,
  decode: decodeJwtParts,
};
