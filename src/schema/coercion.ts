import type { SpecLocation } from './errors.js';
import { appendPointer, isJsonObject } from './json-pointer.js';
import type { SpecFileSet } from './spec-files.js';

/**
 * Parameters, form fields and cookies arrive as text; the schema says what type the application
 * reads them as. A coercion plan, built once per parameter at load, turns `"42"` into 42 where the
 * schema wants a number and leaves it a string otherwise, so ajv reports `must be integer` itself.
 */
export const T_STRING = 1;
export const T_NUMBER = 2;
export const T_INTEGER = 4;
export const T_BOOLEAN = 8;
export const T_NULL = 16;
export const T_OBJECT = 32;
export const T_ARRAY = 64;

const TYPE_BITS: Record<string, number> = {
  string: T_STRING,
  number: T_NUMBER,
  integer: T_INTEGER,
  boolean: T_BOOLEAN,
  null: T_NULL,
  object: T_OBJECT,
  array: T_ARRAY,
};

export interface CoercionPlan {
  /** Bit set of T_* the schema accepts; T_STRING when it says nothing (no coercion). */
  types: number;
  items: CoercionPlan | null;
  properties: ReadonlyMap<string, CoercionPlan> | null;
  additional: CoercionPlan | null;
}

export type ValueShape = 'primitive' | 'array' | 'object';

const STRING_PLAN: CoercionPlan = Object.freeze({ types: T_STRING, items: null, properties: null, additional: null });
const MAX_PLAN_DEPTH = 6;
const NUMERIC = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$/;

export function planCoercion(files: SpecFileSet, loc: SpecLocation, schema: unknown, depth = 0): CoercionPlan {
  if (depth > MAX_PLAN_DEPTH) return STRING_PLAN;
  const { loc: at, value } = files.deref(loc, schema);
  if (!isJsonObject(value)) return STRING_PLAN;
  let types = 0;
  if (typeof value.type === 'string') types |= TYPE_BITS[value.type] ?? 0;
  else if (Array.isArray(value.type)) for (const t of value.type) types |= TYPE_BITS[String(t)] ?? 0;
  if (value.nullable === true) types |= T_NULL;
  if (types === 0 && Array.isArray(value.enum)) for (const v of value.enum) types |= typeOfValue(v);
  if (types === 0 && 'const' in value) types |= typeOfValue(value.const);
  if (types === 0 && isJsonObject(value.properties)) types |= T_OBJECT;
  if (types === 0 && value.items !== undefined) types |= T_ARRAY;

  let items: CoercionPlan | null = value.items !== undefined ? planCoercion(files, sub(at, 'items'), value.items, depth + 1) : null;
  let properties: Map<string, CoercionPlan> | null = null;
  if (isJsonObject(value.properties)) {
    properties = new Map();
    for (const [name, s] of Object.entries(value.properties)) {
      properties.set(name, planCoercion(files, sub(at, 'properties', name), s, depth + 1));
    }
  }
  let additional = isJsonObject(value.additionalProperties)
    ? planCoercion(files, sub(at, 'additionalProperties'), value.additionalProperties, depth + 1)
    : null;
  for (const list of ['allOf', 'anyOf', 'oneOf'] as const) {
    const branches = value[list];
    if (!Array.isArray(branches)) continue;
    branches.forEach((branch, i) => {
      const p = planCoercion(files, sub(at, list, i), branch, depth + 1);
      // allOf narrows, anyOf/oneOf widen; for picking a text→value conversion the union is what matters.
      if (list !== 'allOf' || types === 0) types |= p.types;
      items ??= p.items;
      additional ??= p.additional;
      if (p.properties !== null) {
        properties ??= new Map();
        for (const [k, v] of p.properties) if (!properties.has(k)) properties.set(k, v);
      }
    });
  }
  return { types: types === 0 ? T_STRING : types, items, properties, additional };
}

function sub(loc: SpecLocation, ...tokens: (string | number)[]): SpecLocation {
  return { file: loc.file, pointer: appendPointer(loc.pointer, ...tokens) };
}

function typeOfValue(v: unknown): number {
  if (v === null) return T_NULL;
  if (typeof v === 'number') return Number.isInteger(v) ? T_INTEGER : T_NUMBER;
  if (typeof v === 'boolean') return T_BOOLEAN;
  if (typeof v === 'string') return T_STRING;
  return Array.isArray(v) ? T_ARRAY : T_OBJECT;
}

export function shapeOf(plan: CoercionPlan): ValueShape {
  const array = (plan.types & T_ARRAY) !== 0;
  const object = (plan.types & T_OBJECT) !== 0;
  if (array && !object) return 'array';
  if (object && !array) return 'object';
  return 'primitive';
}

/** Text → the value the schema most plausibly means; text that fits no wanted type stays text. */
export function coerceText(text: string, plan: CoercionPlan): unknown {
  const types = plan.types;
  if (types === T_STRING) return text;
  if ((types & (T_NUMBER | T_INTEGER)) !== 0 && NUMERIC.test(text)) return Number(text);
  if ((types & T_BOOLEAN) !== 0) {
    if (text === 'true') return true;
    if (text === 'false') return false;
  }
  if ((types & T_NULL) !== 0 && text === '' && (types & T_STRING) === 0) return null;
  return text;
}

export function itemPlan(plan: CoercionPlan): CoercionPlan {
  return plan.items ?? STRING_PLAN;
}

export function propertyPlan(plan: CoercionPlan, name: string): CoercionPlan {
  return plan.properties?.get(name) ?? plan.additional ?? STRING_PLAN;
}
