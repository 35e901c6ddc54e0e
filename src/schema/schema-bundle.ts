import { specError, specInvalid, type SpecLocation } from './errors.js';
import { appendPointer, isJsonObject, type JsonObject } from './json-pointer.js';
import type { SpecFileSet } from './spec-files.js';

/** `$id` of the one schema resource per document that holds every `$ref` target as a `$defs` entry. */
export const BUNDLE_ID = 'https://warden.invalid/openapi-bundle.json';

export type OpenApiVersion = '3.0' | '3.1';

/** Something in the spec Warden does not enforce (or enforces differently): listed by `schema check`. */
export interface SpecNote {
  loc: SpecLocation;
  message: string;
}

/**
 * Where a schema sits decides whether strict mode may close it: a value position (`use`) may;
 * a branch of allOf/anyOf/oneOf/if/not must not (closing one branch would reject its siblings'
 * properties); a `$defs` root is closed at each place it is used instead.
 */
type Position = 'use' | 'branch' | 'def';

const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);
const SCHEMA_VALUES = new Set(['additionalProperties', 'unevaluatedProperties', 'additionalItems', 'unevaluatedItems', 'contains', 'propertyNames', 'items']);
const SCHEMA_BRANCH_LISTS = new Set(['allOf', 'anyOf', 'oneOf']);
const SCHEMA_BRANCHES = new Set(['not', 'if', 'then', 'else']);
const DROPPED_IDENTIFIERS = new Set(['$schema', '$id', '$anchor', '$dynamicAnchor', '$dynamicRef', '$recursiveRef', '$recursiveAnchor']);
const MAX_SCHEMA_DEPTH = 256;
const MAX_CLOSABLE_PROBE = 8;

/**
 * Rewrites OpenAPI schemas into one JSON Schema 2020-12 bundle ajv compiles once: every `$ref`
 * (same file or another) becomes a `$defs` entry, OpenAPI 3.0 dialect (`nullable`, boolean
 * `exclusiveMinimum`) becomes 2020-12, `readOnly` properties stop being required in requests, and
 * strict mode closes open objects with `unevaluatedProperties: false` where that is sound.
 */
export class SchemaBundler {
  readonly formats = new Set<string>();
  readonly notes: SpecNote[] = [];
  private readonly defs: JsonObject = {};
  private readonly defKeys = new Map<string, string>();
  private readonly defLocations = new Map<string, SpecLocation>();
  private readonly queue: { key: string; loc: SpecLocation; value: unknown }[] = [];

  constructor(
    private readonly files: SpecFileSet,
    private readonly version: OpenApiVersion,
    private readonly strict: boolean,
  ) {}

  /** A schema that validates a value directly (a parameter, a body, a form field). */
  atUseSite(schema: unknown, loc: SpecLocation): unknown {
    return this.transform(schema, loc, 'use', 0);
  }

  /** Transforms every `$ref` target reached so far (and the ones they reach). */
  drain(): void {
    for (let next = this.queue.pop(); next !== undefined; next = this.queue.pop()) {
      this.defs[next.key] = this.transform(next.value, next.loc, 'def', 0);
    }
  }

  bundle(): JsonObject {
    this.drain();
    return { $id: BUNDLE_ID, $defs: this.defs };
  }

  /** Each `$defs` entry with the spec location it came from, for errors that name the file and pointer. */
  definitions(): { key: string; loc: SpecLocation; schema: unknown }[] {
    return [...this.defLocations].map(([key, loc]) => ({ key, loc, schema: this.defs[key] }));
  }

  private defKey(target: SpecLocation, value: unknown): string {
    const canonical = `${target.file}#${target.pointer}`;
    let key = this.defKeys.get(canonical);
    if (key === undefined) {
      const last = target.pointer.slice(target.pointer.lastIndexOf('/') + 1).replace(/[^A-Za-z0-9_.-]/g, '_');
      key = `d${this.defKeys.size}_${last}`;
      this.defKeys.set(canonical, key);
      this.defLocations.set(key, target);
      this.queue.push({ key, loc: target, value });
    }
    return key;
  }

  private transform(node: unknown, loc: SpecLocation, pos: Position, depth: number): unknown {
    if (typeof node === 'boolean') return node;
    if (!isJsonObject(node)) throw specError(specInvalid, loc, 'a schema must be an object');
    if (depth > MAX_SCHEMA_DEPTH) throw specError(specInvalid, loc, `schema nested deeper than ${MAX_SCHEMA_DEPTH}`);
    const out: JsonObject = {};
    if (typeof node.$ref === 'string') {
      const target = this.files.resolveRef({ file: loc.file, pointer: appendPointer(loc.pointer, '$ref') }, node.$ref);
      out.$ref = `${BUNDLE_ID}#/$defs/${this.defKey(target.loc, target.value)}`;
      if (pos === 'use' && this.strict && this.isClosable(target.loc, target.value, 0)) out.unevaluatedProperties = false;
      // OpenAPI 3.0: "properties adjacent to $ref are ignored"; 3.1 (JSON Schema 2020-12) applies them.
      if (this.version === '3.0') return out;
    }
    for (const [key, value] of Object.entries(node)) {
      const at = { file: loc.file, pointer: appendPointer(loc.pointer, key) };
      if (key === '$ref' || key === 'nullable') continue;
      if (DROPPED_IDENTIFIERS.has(key)) {
        if (key !== '$schema') this.notes.push({ loc: at, message: `${key} is ignored (refs resolve by file and JSON pointer only)` });
        continue;
      }
      if (SCHEMA_MAPS.has(key) && isJsonObject(value)) {
        const mapped: JsonObject = {};
        for (const [name, sub] of Object.entries(value)) {
          mapped[name] = this.transform(sub, { file: loc.file, pointer: appendPointer(at.pointer, name) }, 'use', depth + 1);
        }
        out[key] = mapped;
      } else if (SCHEMA_VALUES.has(key) && (isJsonObject(value) || typeof value === 'boolean')) {
        out[key] = this.transform(value, at, 'use', depth + 1);
      } else if (key === 'prefixItems' && Array.isArray(value)) {
        out[key] = value.map((sub, i) => this.transform(sub, { file: loc.file, pointer: appendPointer(at.pointer, i) }, 'use', depth + 1));
      } else if (SCHEMA_BRANCH_LISTS.has(key) && Array.isArray(value)) {
        out[key] = value.map((sub, i) => this.transform(sub, { file: loc.file, pointer: appendPointer(at.pointer, i) }, 'branch', depth + 1));
      } else if (SCHEMA_BRANCHES.has(key) && (isJsonObject(value) || typeof value === 'boolean')) {
        out[key] = this.transform(value, at, 'branch', depth + 1);
      } else {
        if (key === 'format' && typeof value === 'string') this.formats.add(value);
        out[key] = value;
      }
    }
    if (this.version === '3.0') convertExclusiveBounds(node, out);
    if (Array.isArray(out.required) && isJsonObject(node.properties)) {
      const properties = node.properties;
      // readOnly: "SHOULD NOT be sent as part of the request"; required then applies to responses only.
      out.required = out.required.filter((name) => typeof name !== 'string' || !this.isReadOnly(loc, properties[name]));
    }
    if (pos === 'use' && this.strict && typeof node.$ref !== 'string' && this.isClosable(loc, node, 0)) {
      out.unevaluatedProperties = false;
    }
    if (node.nullable === true) {
      if (this.version === '3.1') this.notes.push({ loc, message: 'nullable is an OpenAPI 3.0 keyword; treated as type null allowed' });
      return allowNull(out);
    }
    return out;
  }

  private isReadOnly(loc: SpecLocation, schema: unknown): boolean {
    const resolved = this.files.deref(loc, schema).value;
    return isJsonObject(resolved) && resolved.readOnly === true;
  }

  /** True when the schema declares properties and leaves the rest open: what strict mode closes. */
  private isClosable(loc: SpecLocation, schema: unknown, probe: number): boolean {
    if (probe > MAX_CLOSABLE_PROBE) return false;
    const { loc: at, value } = this.files.deref(loc, schema);
    if (!isJsonObject(value)) return false;
    if ('additionalProperties' in value || 'unevaluatedProperties' in value || 'patternProperties' in value) return false;
    if (isJsonObject(value.properties)) return true;
    for (const list of ['allOf', 'anyOf', 'oneOf']) {
      const branches = value[list];
      if (Array.isArray(branches) && branches.some((b) => this.isClosable(at, b, probe + 1))) return true;
    }
    return false;
  }
}

function convertExclusiveBounds(node: JsonObject, out: JsonObject): void {
  for (const [flag, bound] of [['exclusiveMinimum', 'minimum'], ['exclusiveMaximum', 'maximum']] as const) {
    if (typeof node[flag] !== 'boolean') continue;
    if (node[flag] === true && typeof node[bound] === 'number') {
      out[flag] = node[bound];
      delete out[bound];
    } else {
      delete out[flag];
    }
  }
}

function allowNull(schema: JsonObject): JsonObject {
  if (typeof schema.type === 'string') schema.type = [schema.type, 'null'];
  else if (Array.isArray(schema.type)) {
    if (!schema.type.includes('null')) schema.type = [...schema.type, 'null'];
  } else {
    return { anyOf: [{ type: 'null' }, schema] };
  }
  if (Array.isArray(schema.enum) && !schema.enum.includes(null)) schema.enum = [...schema.enum, null];
  return schema;
}
