import { planCoercion, shapeOf } from './coercion.js';
import type { CompiledParam, ParamLocation } from './compiled-operation.js';
import { specError, specInvalid, type SpecLocation } from './errors.js';
import { isJsonObject } from './json-pointer.js';
import { defaultStyle, isStyleAllowed, type ParamStyle } from './param-style.js';
import type { SpecNote } from './schema-bundle.js';
import type { SpecFileSet } from './spec-files.js';
import { childLocation, type ValidatorCompiler } from './validator-compiler.js';

const LOCATIONS = new Set<string>(['path', 'query', 'header', 'cookie']);
/** OpenAPI: header parameters with these names "SHALL be ignored" (they are described elsewhere). */
const IGNORED_HEADERS = new Set(['accept', 'content-type', 'authorization']);

export interface ParameterSource {
  list: unknown;
  loc: SpecLocation;
}

/**
 * Merges path-item and operation parameters (the operation's win, by name and location) and
 * compiles each into a deserializer plan plus an ajv validator request.
 */
export function compileParameters(
  sources: readonly ParameterSource[],
  files: SpecFileSet,
  validators: ValidatorCompiler,
  notes: SpecNote[],
): CompiledParam[] {
  const byKey = new Map<string, CompiledParam>();
  for (const source of sources) {
    if (source.list === undefined) continue;
    if (!Array.isArray(source.list)) throw specError(specInvalid, source.loc, 'parameters must be an array');
    source.list.forEach((entry, i) => {
      const { loc, value } = files.deref(childLocation(source.loc, i), entry);
      const param = compileParameter(value, loc, files, validators, notes);
      if (param !== null) byKey.set(`${param.in}:${param.key}`, param);
    });
  }
  return [...byKey.values()];
}

function compileParameter(
  value: unknown,
  loc: SpecLocation,
  files: SpecFileSet,
  validators: ValidatorCompiler,
  notes: SpecNote[],
): CompiledParam | null {
  if (!isJsonObject(value)) throw specError(specInvalid, loc, 'a parameter must be an object');
  const { name, in: where } = value;
  if (typeof name !== 'string') throw specError(specInvalid, loc, 'parameter without a name');
  if (name === '') {
    // Generated documents (Postman conversions) carry `name: ""`: no request can send such a
    // parameter, so it constrains nothing; ignored rather than refusing the whole document.
    notes.push({ loc, message: 'a parameter with an empty name is ignored' });
    return null;
  }
  if (typeof where !== 'string' || !LOCATIONS.has(where)) {
    throw specError(specInvalid, childLocation(loc, 'in'), `parameter "${name}": in must be path, query, header or cookie`);
  }
  const location = where as ParamLocation;
  if (location === 'header' && IGNORED_HEADERS.has(name.toLowerCase())) return null;

  let schema: unknown = value.schema;
  let schemaLoc = childLocation(loc, 'schema');
  let json = false;
  if (schema === undefined && isJsonObject(value.content)) {
    const [mediaType, media] = Object.entries(value.content)[0] ?? [];
    json = mediaType !== undefined && isJsonMediaType(mediaType);
    if (!json) notes.push({ loc, message: `parameter "${name}" uses content ${mediaType}; only JSON content parameters are validated` });
    schema = isJsonObject(media) ? media.schema : undefined;
    schemaLoc = childLocation(loc, 'content', mediaType ?? '', 'schema');
  }

  let style = defaultStyle(location);
  if (typeof value.style === 'string') {
    if (isStyleAllowed(location, value.style as ParamStyle)) style = value.style as ParamStyle;
    else notes.push({ loc: childLocation(loc, 'style'), message: `style ${value.style} is not defined for ${location} parameters; ${style} is used` });
  }
  const explode = typeof value.explode === 'boolean' ? value.explode : style === 'form';
  const plan = planCoercion(files, schemaLoc, schema ?? {});
  const param: CompiledParam = {
    name,
    in: location,
    key: location === 'header' ? name.toLowerCase() : name,
    location: `${location}.${location === 'header' ? name.toLowerCase() : name}`,
    required: value.required === true || location === 'path',
    style,
    explode,
    shape: json ? 'primitive' : shapeOf(plan),
    plan,
    json,
    allowEmptyValue: value.allowEmptyValue === true,
    validate: null,
  };
  if (param.style === 'deepObject' && param.shape !== 'object') {
    notes.push({ loc, message: `parameter "${name}": deepObject applies to objects only` });
  }
  if (schema !== undefined) validators.request(schema, schemaLoc, (fn) => (param.validate = fn));
  return param;
}

export function isJsonMediaType(mediaType: string): boolean {
  const type = mediaType.split(';')[0].trim().toLowerCase();
  return type === 'application/json' || type.endsWith('+json');
}
