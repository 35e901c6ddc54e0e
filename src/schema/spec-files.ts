import { readFile } from 'node:fs/promises';
import { dirname, resolve as resolvePath } from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { specError, specInvalid, specRefUnresolved, specUnparsable, specUnreadable, type SpecLocation } from './errors.js';
import { appendPointer, isJsonObject, readPointer } from './json-pointer.js';

/** Bounds that keep a hostile or broken document set from eating the start-up. */
const MAX_FILES = 256;
const MAX_REF_CHAIN = 32;

export interface Resolved {
  loc: SpecLocation;
  value: unknown;
}

/**
 * The root OpenAPI document and every file its `$ref`s reach, parsed once at load. All files are
 * loaded up front (following refs transitively) so that resolution during compilation is synchronous.
 */
export class SpecFileSet {
  readonly root: string;
  private readonly docs = new Map<string, unknown>();

  private constructor(root: string) {
    this.root = root;
  }

  static async load(rootFile: string): Promise<SpecFileSet> {
    const set = new SpecFileSet(resolvePath(rootFile));
    const pending: string[] = [set.root];
    while (pending.length > 0) {
      const file = pending.pop() as string;
      if (set.docs.has(file)) continue;
      if (set.docs.size >= MAX_FILES) {
        throw specError(specInvalid, { file, pointer: '' }, `more than ${MAX_FILES} files reached through $ref`);
      }
      const doc = await readSpecFile(file);
      set.docs.set(file, doc);
      collectExternalRefs(doc, file, '', pending, set.docs);
    }
    return set;
  }

  files(): string[] {
    return [...this.docs.keys()];
  }

  document(file: string): unknown {
    return this.docs.get(file);
  }

  /** Resolves one `$ref` written at `from` to the location and value it names. */
  resolveRef(from: SpecLocation, ref: string): Resolved {
    const target = refTarget(from, ref);
    if (!this.docs.has(target.file)) {
      throw specError(specRefUnresolved, from, `${ref}: file ${target.file} was not loaded`);
    }
    const value = readPointer(this.docs.get(target.file), target.pointer);
    if (value === undefined) {
      throw specError(specRefUnresolved, from, `${ref}: nothing at ${target.file}#${target.pointer}`);
    }
    return { loc: target, value };
  }

  /** Follows `$ref` chains of a non-schema object (parameter, request body, path item) to the object itself. */
  deref(loc: SpecLocation, value: unknown): Resolved {
    let current: Resolved = { loc, value };
    for (let hops = 0; isJsonObject(current.value) && typeof current.value.$ref === 'string'; hops++) {
      if (hops >= MAX_REF_CHAIN) throw specError(specRefUnresolved, loc, `$ref chain longer than ${MAX_REF_CHAIN} (a cycle?)`);
      current = this.resolveRef({ file: current.loc.file, pointer: appendPointer(current.loc.pointer, '$ref') }, current.value.$ref);
    }
    return current;
  }
}

async function readSpecFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw specError(specUnreadable, { file, pointer: '' }, (err as NodeJS.ErrnoException).code ?? String(err), err);
  }
  try {
    // JSON is YAML 1.2; one parser for both. maxAliasCount guards against alias bombs.
    return parseYaml(text, { maxAliasCount: 1000, uniqueKeys: true });
  } catch (err) {
    const reason = err instanceof YAMLParseError && err.linePos
      ? `line ${err.linePos[0].line}, column ${err.linePos[0].col}: ${err.message.split('\n')[0]}`
      : String(err);
    throw specError(specUnparsable, { file, pointer: '' }, reason, err);
  }
}

/** Splits a `$ref` into the file and pointer it names, relative to the file it was written in. */
export function refTarget(from: SpecLocation, ref: string): SpecLocation {
  const hash = ref.indexOf('#');
  const filePart = hash === -1 ? ref : ref.slice(0, hash);
  let pointer = hash === -1 ? '' : ref.slice(hash + 1);
  if (/^[a-z][a-z0-9+.-]*:/i.test(filePart) && !filePart.startsWith('file:')) {
    throw specError(specRefUnresolved, from, `${ref}: remote references are not supported (only files next to the spec)`);
  }
  try {
    pointer = decodeURIComponent(pointer);
  } catch {
    throw specError(specRefUnresolved, from, `${ref}: bad percent-encoding in the fragment`);
  }
  if (pointer !== '' && !pointer.startsWith('/')) {
    throw specError(specRefUnresolved, from, `${ref}: only JSON-pointer fragments are supported ($anchor names are not)`);
  }
  const path = filePart.startsWith('file:') ? new URL(filePart).pathname : decodeURI(filePart);
  const file = filePart === '' ? from.file : resolvePath(dirname(from.file), path);
  return { file, pointer };
}

function collectExternalRefs(node: unknown, file: string, pointer: string, out: string[], seen: ReadonlyMap<string, unknown>): void {
  if (Array.isArray(node)) {
    node.forEach((item, i) => collectExternalRefs(item, file, appendPointer(pointer, i), out, seen));
    return;
  }
  if (!isJsonObject(node)) return;
  if (typeof node.$ref === 'string' && !node.$ref.startsWith('#')) {
    const target = refTarget({ file, pointer: appendPointer(pointer, '$ref') }, node.$ref);
    if (!seen.has(target.file)) out.push(target.file);
  }
  for (const [key, value] of Object.entries(node)) {
    if (typeof value === 'object' && value !== null) collectExternalRefs(value, file, appendPointer(pointer, key), out, seen);
  }
}
