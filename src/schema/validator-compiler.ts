import type { ValidateFunction } from 'ajv';
import type { Ajv2020 } from 'ajv/dist/2020.js';
import { specCompileFailed, specError, type SpecLocation } from './errors.js';
import { appendPointer } from './json-pointer.js';
import type { SchemaBundler, SpecNote } from './schema-bundle.js';

interface PendingValidator {
  schema: unknown;
  loc: SpecLocation;
  assign: (validate: ValidateFunction) => void;
}

/**
 * Collects every use-site schema while operations are compiled, then compiles them all once the
 * `$ref` bundle is complete. Identical schemas (most `{type: integer}` path ids) share one function.
 */
export class ValidatorCompiler {
  private readonly pending: PendingValidator[] = [];

  constructor(
    private readonly ajv: Ajv2020,
    private readonly bundler: SchemaBundler,
  ) {}

  request(schema: unknown, loc: SpecLocation, assign: (validate: ValidateFunction) => void): void {
    this.pending.push({ schema: this.bundler.atUseSite(schema, loc), loc, assign });
  }

  compileAll(notes: SpecNote[]): number {
    const bundle = this.bundler.bundle();
    for (const format of this.bundler.formats) {
      if (this.ajv.formats[format] === undefined) {
        this.ajv.addFormat(format, true);
        notes.push({ loc: { file: '', pointer: '' }, message: `format "${format}" is not known; values are not checked against it` });
      }
    }
    for (const def of this.bundler.definitions()) this.checkAgainstMetaSchema(def.schema, def.loc);
    try {
      this.ajv.addSchema(bundle);
    } catch (err) {
      throw specError(specCompileFailed, { file: '', pointer: '' }, (err as Error).message, err);
    }
    const cache = new Map<string, ValidateFunction>();
    for (const p of this.pending) {
      const key = JSON.stringify(p.schema);
      let validate = cache.get(key);
      if (validate === undefined) {
        this.checkAgainstMetaSchema(p.schema, p.loc);
        try {
          validate = this.ajv.compile(p.schema as object);
        } catch (err) {
          throw specError(specCompileFailed, p.loc, (err as Error).message, err);
        }
        cache.set(key, validate);
      }
      p.assign(validate);
    }
    return cache.size;
  }

  /** Names the exact spot of a malformed schema (`minimum: "ten"`) instead of ajv's bundle-relative path. */
  private checkAgainstMetaSchema(schema: unknown, loc: SpecLocation): void {
    if (typeof schema === 'boolean') return;
    if (this.ajv.validateSchema(schema as object) === true) return;
    const first = this.ajv.errors?.[0];
    const pointer = first ? loc.pointer + first.instancePath : loc.pointer;
    const reason = first ? `${first.instancePath === '' ? 'schema' : first.instancePath.slice(1)} ${first.message ?? 'is invalid'}` : 'is not a valid schema';
    throw specError(specCompileFailed, { file: loc.file, pointer }, reason);
  }
}

export function childLocation(loc: SpecLocation, ...tokens: (string | number)[]): SpecLocation {
  return { file: loc.file, pointer: appendPointer(loc.pointer, ...tokens) };
}
