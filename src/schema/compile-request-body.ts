import { planCoercion } from './coercion.js';
import type { CompiledBody, CompiledMediaType } from './compiled-operation.js';
import { specError, specInvalid, type SpecLocation } from './errors.js';
import { isJsonObject } from './json-pointer.js';
import type { SpecNote } from './schema-bundle.js';
import type { SpecFileSet } from './spec-files.js';
import { childLocation, type ValidatorCompiler } from './validator-compiler.js';

export function compileRequestBody(
  requestBody: unknown,
  at: SpecLocation,
  files: SpecFileSet,
  validators: ValidatorCompiler,
  notes: SpecNote[],
): CompiledBody | null {
  if (requestBody === undefined) return null;
  const { loc, value } = files.deref(at, requestBody);
  if (!isJsonObject(value) || !isJsonObject(value.content)) {
    throw specError(specInvalid, loc, 'requestBody must be an object with a content map');
  }
  const exact = new Map<string, CompiledMediaType>();
  const wildcards = new Map<string, CompiledMediaType>();
  let any: CompiledMediaType | null = null;
  for (const [declared, media] of Object.entries(value.content)) {
    const mediaLoc = childLocation(loc, 'content', declared);
    const range = declared.split(';')[0].trim().toLowerCase();
    const schema = isJsonObject(media) ? media.schema : undefined;
    const compiled: CompiledMediaType = {
      range,
      plan: planCoercion(files, childLocation(mediaLoc, 'schema'), schema ?? {}),
      validate: null,
    };
    if (schema !== undefined) validators.request(schema, childLocation(mediaLoc, 'schema'), (fn) => (compiled.validate = fn));
    if (isJsonObject(media) && isJsonObject(media.encoding)) {
      for (const [field, enc] of Object.entries(media.encoding)) {
        if (isJsonObject(enc) && ((enc.style !== undefined && enc.style !== 'form') || enc.explode === false)) {
          notes.push({ loc: childLocation(mediaLoc, 'encoding', field), message: 'form field encodings other than form/explode are read as form/explode' });
        }
      }
    }
    if (range === '*/*') any = compiled;
    else if (range.endsWith('/*')) wildcards.set(range.slice(0, -2), compiled);
    else exact.set(range, compiled);
  }
  return { required: value.required === true, exact, wildcards, any };
}
