import { isOpenObject } from './check-parameters.js';
import { compileParameters } from './compile-parameters.js';
import { compileRequestBody } from './compile-request-body.js';
import type { CompiledOperation, CompiledParam, RouteLeaf } from './compiled-operation.js';
import { createOpenApiAjv, type PatternFallback } from './create-ajv.js';
import { specError, specInvalid, type SpecLocation } from './errors.js';
import { isJsonObject, type JsonObject } from './json-pointer.js';
import { parseTemplate, RouteTrie } from './route-trie.js';
import { SchemaBundler, type OpenApiVersion, type SpecNote } from './schema-bundle.js';
import { serverBasePaths } from './server-base-paths.js';
import { SpecFileSet } from './spec-files.js';
import { childLocation, ValidatorCompiler } from './validator-compiler.js';

const PATTERN_FALLBACKS: Readonly<Record<PatternFallback, string>> = {
  backtracking: 'needs backtracking (RE2 cannot run it); evaluated with RegExp',
  'non-unicode': 'is not valid with the u flag (an escape JavaScript does not know); evaluated with RegExp without it',
  'java-classes': "uses Java's \\p{...} classes; evaluated with their ASCII sets",
  unenforced: 'compiles in no engine here (Java-only syntax such as && in a class); not enforced',
};

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export interface CompileOptions {
  strictAdditionalProperties: boolean;
}

/** One OpenAPI document, parsed, resolved and compiled: everything evaluation needs and nothing it recomputes. */
export interface CompiledSpec {
  file: string;
  files: string[];
  openapi: string;
  version: OpenApiVersion;
  title: string;
  routes: RouteTrie<RouteLeaf>;
  operations: CompiledOperation[];
  /** Full route templates (base path + path) each operation answers on. */
  routesByOperation: Map<CompiledOperation, string[]>;
  notes: SpecNote[];
  validatorCount: number;
}

export async function compileSpec(file: string, options: CompileOptions): Promise<CompiledSpec> {
  const files = await SpecFileSet.load(file);
  const rootLoc: SpecLocation = { file: files.root, pointer: '' };
  const doc = files.document(files.root);
  if (!isJsonObject(doc)) throw specError(specInvalid, rootLoc, 'the document is not an object');
  const version = openApiVersion(doc, rootLoc);
  const notes: SpecNote[] = [];
  const notedPatterns = new Set<string>();
  const ajv = createOpenApiAjv((pattern, how) => {
    if (notedPatterns.has(pattern)) return;
    notedPatterns.add(pattern);
    notes.push({ loc: rootLoc, message: `pattern ${JSON.stringify(pattern)} ${PATTERN_FALLBACKS[how]}` });
  });
  const validators = new ValidatorCompiler(ajv, new SchemaBundler(files, version, options.strictAdditionalProperties));
  const apiKeyQueryNames = apiKeyQueryParameters(doc);
  const rootBases = serverBasePaths(doc.servers, childLocation(rootLoc, 'servers'), notes);
  const routes = new RouteTrie<RouteLeaf>();
  const operations: CompiledOperation[] = [];
  const routesByOperation = new Map<CompiledOperation, string[]>();

  noteIgnoredFeatures(doc, rootLoc, notes);
  const paths = doc.paths ?? {};
  if (!isJsonObject(paths)) throw specError(specInvalid, childLocation(rootLoc, 'paths'), 'paths must be an object');
  for (const [template, rawItem] of Object.entries(paths)) {
    // Specification extensions (`x-codegen-contextRoot`) may sit beside the paths: not routes.
    if (template.startsWith('x-')) continue;
    const itemAt = childLocation(rootLoc, 'paths', template);
    if (!template.startsWith('/')) throw specError(specInvalid, itemAt, 'a path must start with /');
    const { loc: itemLoc, value: item } = files.deref(itemAt, rawItem);
    if (!isJsonObject(item)) throw specError(specInvalid, itemLoc, 'a path item must be an object');
    const pathBases = item.servers !== undefined ? serverBasePaths(item.servers, childLocation(itemLoc, 'servers'), notes) : rootBases;
    for (const method of METHODS) {
      const op = item[method];
      if (op === undefined) continue;
      const opLoc = childLocation(itemLoc, method);
      if (!isJsonObject(op)) throw specError(specInvalid, opLoc, 'an operation must be an object');
      const params = compileParameters(
        [
          { list: item.parameters, loc: childLocation(itemLoc, 'parameters') },
          { list: op.parameters, loc: childLocation(opLoc, 'parameters') },
        ],
        files,
        validators,
        notes,
      );
      const operation: CompiledOperation = {
        id: `${method.toUpperCase()} ${template}`,
        method: method.toUpperCase(),
        template,
        operationId: typeof op.operationId === 'string' ? op.operationId : null,
        pathParams: pathParamsInTemplateOrder(template, params, opLoc, notes),
        queryParams: params.filter((p) => p.in === 'query'),
        headerParams: params.filter((p) => p.in === 'header'),
        cookieParams: params.filter((p) => p.in === 'cookie'),
        knownQueryNames: knownQueryNames(params, apiKeyQueryNames),
        absorbsUnknownQuery: params.some((p) => p.in === 'query' && p.shape === 'object' && p.style === 'form' && p.explode && !p.json && isOpenObject(p)),
        body: compileRequestBody(op.requestBody, childLocation(opLoc, 'requestBody'), files, validators, notes),
      };
      if (op.callbacks !== undefined) notes.push({ loc: childLocation(opLoc, 'callbacks'), message: 'callbacks are requests the API makes, not ones Warden sees; ignored' });
      const bases = op.servers !== undefined ? serverBasePaths(op.servers, childLocation(opLoc, 'servers'), notes) : pathBases;
      const full = bases.map((base) => base + template).filter((route) => insertRoute(routes, route, operation, opLoc, notes));
      operations.push(operation);
      routesByOperation.set(operation, full);
    }
  }
  const validatorCount = validators.compileAll(notes);
  const info = isJsonObject(doc.info) ? doc.info : {};
  return {
    file: files.root,
    files: files.files(),
    openapi: String(doc.openapi),
    version,
    title: typeof info.title === 'string' ? info.title : '',
    routes,
    operations,
    routesByOperation,
    notes,
    validatorCount,
  };
}

function openApiVersion(doc: JsonObject, loc: SpecLocation): OpenApiVersion {
  if (typeof doc.swagger === 'string') throw specError(specInvalid, childLocation(loc, 'swagger'), 'Swagger 2.0 is not supported; convert the document to OpenAPI 3');
  const v = doc.openapi;
  if (typeof v === 'string' && /^3\.0\.\d+/.test(v)) return '3.0';
  if (typeof v === 'string' && /^3\.1\.\d+/.test(v)) return '3.1';
  throw specError(specInvalid, childLocation(loc, 'openapi'), `openapi must be a 3.0.x or 3.1.x version string, got ${JSON.stringify(v)}`);
}

function noteIgnoredFeatures(doc: JsonObject, loc: SpecLocation, notes: SpecNote[]): void {
  if (doc.webhooks !== undefined) notes.push({ loc: childLocation(loc, 'webhooks'), message: 'webhooks are requests the API makes, not ones Warden sees; ignored' });
  const components = isJsonObject(doc.components) ? doc.components : {};
  if (doc.security !== undefined || components.securitySchemes !== undefined) {
    notes.push({ loc: childLocation(loc, 'security'), message: 'security requirements are not enforced (authentication stays with the upstream); apiKey query names are accepted as declared' });
  }
}

function apiKeyQueryParameters(doc: JsonObject): Set<string> {
  const out = new Set<string>();
  const schemes = isJsonObject(doc.components) ? doc.components.securitySchemes : undefined;
  if (!isJsonObject(schemes)) return out;
  for (const scheme of Object.values(schemes)) {
    if (isJsonObject(scheme) && scheme.type === 'apiKey' && scheme.in === 'query' && typeof scheme.name === 'string') out.add(scheme.name);
  }
  return out;
}

function knownQueryNames(params: readonly CompiledParam[], apiKeys: ReadonlySet<string>): Set<string> {
  const names = new Set(apiKeys);
  for (const p of params) {
    if (p.in !== 'query') continue;
    names.add(p.name);
    if (p.shape === 'object' && p.style === 'form' && p.explode && p.plan.properties !== null) {
      for (const prop of p.plan.properties.keys()) names.add(prop);
    }
  }
  return names;
}

function pathParamsInTemplateOrder(template: string, params: readonly CompiledParam[], loc: SpecLocation, notes: SpecNote[]): (CompiledParam | null)[] {
  const names = parseTemplate(template).flatMap((s) => s.params);
  const out = names.map((name) => {
    const param = params.find((p) => p.in === 'path' && p.name === name) ?? null;
    if (param === null) notes.push({ loc, message: `path parameter {${name}} is not declared; any value is accepted` });
    return param;
  });
  for (const p of params) {
    if (p.in === 'path' && !names.includes(p.name)) notes.push({ loc, message: `path parameter "${p.name}" is not in the template` });
  }
  return out;
}

/**
 * Adds one route of an operation; false when an operation declared earlier already answers the same
 * requests. Templated paths that differ only in parameter names (`/v1/{name}`, `/v1/{jobName}`) or in
 * empty segments (a trailing slash) match the same URLs: OpenAPI forbids them, real documents carry
 * them. The first one in document order keeps the route and the later one is a warning, so loading
 * is deterministic and the operator sees which operation requests are validated against.
 */
function insertRoute(routes: RouteTrie<RouteLeaf>, route: string, operation: CompiledOperation, loc: SpecLocation, notes: SpecNote[]): boolean {
  const leaf = routes.leafFor(parseTemplate(route), () => ({ operations: new Map() }));
  const existing = leaf.operations.get(operation.method);
  if (existing !== undefined && existing !== operation) {
    notes.push({
      loc,
      message: `${operation.method} ${route} matches the same requests as ${existing.id} (paths that differ only in parameter names or empty segments); requests are validated against ${existing.id}, declared first`,
    });
    return false;
  }
  leaf.operations.set(operation.method, operation);
  return true;
}
