import { coerceText, itemPlan, propertyPlan, type CoercionPlan, type ValueShape } from './coercion.js';

export type ParamStyle = 'form' | 'simple' | 'label' | 'matrix' | 'spaceDelimited' | 'pipeDelimited' | 'deepObject';

/** Returned when the text does not follow the parameter's style (a label value without its leading dot). */
export const MALFORMED = Symbol('malformed');
export type Deserialized = unknown;

/** One serialized parameter value, text → schema value, per OpenAPI 3 `style`/`explode`. */
export interface SerializedParam {
  name: string;
  style: ParamStyle;
  explode: boolean;
  shape: ValueShape;
  plan: CoercionPlan;
}

/**
 * Deserializes a value that arrives as one string: a path segment (simple/label/matrix), a header
 * (simple), a cookie or a non-exploded query value (form, spaceDelimited, pipeDelimited). The text is
 * split on the style's delimiters before each part is decoded, so an encoded delimiter stays data.
 */
export function deserializeText(raw: string, p: SerializedParam, decode: (s: string) => string | null): Deserialized {
  let body = raw;
  let explodedDelimiter = ',';
  if (p.style === 'label') {
    if (!raw.startsWith('.')) return MALFORMED;
    body = raw.slice(1);
    explodedDelimiter = '.';
  } else if (p.style === 'matrix') {
    if (!raw.startsWith(';')) return MALFORMED;
    body = raw.slice(1);
    explodedDelimiter = ';';
    if (p.shape === 'primitive' || !p.explode || p.shape === 'array') {
      // `;id=5`, `;id=3,4`; exploded arrays repeat the name: `;id=3;id=4`.
      if (p.shape === 'array' && p.explode) return matrixExplodedArray(body, p, decode);
      const prefix = `${p.name}=`;
      if (body === p.name) body = '';
      else if (body.startsWith(prefix)) body = body.slice(prefix.length);
      else return MALFORMED;
    }
  }
  if (p.shape === 'primitive') return decodeAndCoerce(body, p.plan, decode);
  const delimiter = p.explode ? explodedDelimiter : listDelimiter(p.style);
  const parts = body === '' ? [] : splitDelimited(body, delimiter, p.style);
  if (p.shape === 'array') return decodeList(parts, itemPlan(p.plan), decode);
  if (p.explode) return keyValueObject(parts, p.plan, decode);
  return alternatingObject(parts, p.plan, decode);
}

function listDelimiter(style: ParamStyle): string {
  if (style === 'spaceDelimited') return ' ';
  if (style === 'pipeDelimited') return '|';
  return ',';
}

/** Splits on a delimiter, also on its percent-encoded form for the delimited query styles. */
function splitDelimited(body: string, delimiter: string, style: ParamStyle): string[] {
  if (style === 'spaceDelimited') return body.split(/ |\+|%20/);
  if (style === 'pipeDelimited') return body.split(/\||%7[cC]/);
  return body.split(delimiter);
}

function matrixExplodedArray(body: string, p: SerializedParam, decode: (s: string) => string | null): Deserialized {
  const out: unknown[] = [];
  const prefix = `${p.name}=`;
  const plan = itemPlan(p.plan);
  for (const part of body.split(';')) {
    if (!part.startsWith(prefix)) return MALFORMED;
    const v = decodeAndCoerce(part.slice(prefix.length), plan, decode);
    if (v === MALFORMED) return MALFORMED;
    out.push(v);
  }
  return out;
}

export function decodeAndCoerce(raw: string, plan: CoercionPlan, decode: (s: string) => string | null): Deserialized {
  const text = decode(raw);
  return text === null ? MALFORMED : coerceText(text, plan);
}

export function decodeList(parts: readonly string[], plan: CoercionPlan, decode: (s: string) => string | null): Deserialized {
  const out: unknown[] = new Array(parts.length);
  for (let i = 0; i < parts.length; i++) {
    const v = decodeAndCoerce(parts[i], plan, decode);
    if (v === MALFORMED) return MALFORMED;
    out[i] = v;
  }
  return out;
}

function keyValueObject(parts: readonly string[], plan: CoercionPlan, decode: (s: string) => string | null): Deserialized {
  const out: Record<string, unknown> = {};
  for (const part of parts) {
    const eq = part.indexOf('=');
    if (eq === -1) return MALFORMED;
    const key = decode(part.slice(0, eq));
    if (key === null) return MALFORMED;
    const v = decodeAndCoerce(part.slice(eq + 1), propertyPlan(plan, key), decode);
    if (v === MALFORMED) return MALFORMED;
    defineOwn(out, key, v);
  }
  return out;
}

function alternatingObject(parts: readonly string[], plan: CoercionPlan, decode: (s: string) => string | null): Deserialized {
  if (parts.length % 2 !== 0) return MALFORMED;
  const out: Record<string, unknown> = {};
  for (let i = 0; i < parts.length; i += 2) {
    const key = decode(parts[i]);
    if (key === null) return MALFORMED;
    const v = decodeAndCoerce(parts[i + 1], propertyPlan(plan, key), decode);
    if (v === MALFORMED) return MALFORMED;
    defineOwn(out, key, v);
  }
  return out;
}

/** Client-chosen keys must not reach Object.prototype (`__proto__=...`). */
export function defineOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

export function isStyleAllowed(location: 'path' | 'query' | 'header' | 'cookie', style: ParamStyle): boolean {
  switch (location) {
    case 'path':
      return style === 'simple' || style === 'label' || style === 'matrix';
    case 'query':
      return style === 'form' || style === 'spaceDelimited' || style === 'pipeDelimited' || style === 'deepObject';
    case 'header':
      return style === 'simple';
    case 'cookie':
      return style === 'form';
  }
}

export function defaultStyle(location: 'path' | 'query' | 'header' | 'cookie'): ParamStyle {
  return location === 'query' || location === 'cookie' ? 'form' : 'simple';
}
