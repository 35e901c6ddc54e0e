/**
 * `warden schema check <spec>`: loads an OpenAPI document exactly as the proxy would (same resolver,
 * same compiler) and lists its operations and whatever Warden does not enforce, so an operator
 * sees a bad spec before `warden serve` refuses it.
 */
import { relative } from 'node:path';
import { WardenError } from '../errors.js';
import { compileSpec, type CompiledSpec } from '../schema/compile-spec.js';
import type { CompiledOperation } from '../schema/compiled-operation.js';
import { parseArgs, type CommandSpec } from './args.js';
import { cliUsage } from './errors.js';

const HELP = `Usage: warden schema check <openapi.yaml|json> [options]

Loads an OpenAPI 3.0 / 3.1 document (following $refs across files), compiles every validator,
and lists the operations with the routes they answer on, their parameters and body media types,
then anything in the document Warden does not enforce.

Options:
  --json                            One JSON document: {file, openapi, operations[], unsupported[]}
  --strict-additional-properties    Compile with strict mode (objects with properties are closed)
  -h, --help                        This text

Exit codes: 0 loaded, 1 the document fails to load or compile (file, JSON pointer and reason
are printed), 2 usage error.
`;

export const SCHEMA_CHECK_FLAGS: CommandSpec = {
  name: 'schema check',
  flags: { json: { kind: 'boolean' }, 'strict-additional-properties': { kind: 'boolean' } },
};

export async function runSchemaCommand(args: string[], io: { out: (s: string) => void; err: (s: string) => void }): Promise<number> {
  const [command, ...rest] = args;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.out(HELP);
    return command === undefined ? 2 : 0;
  }
  if (command !== 'check') throw cliUsage('schema', `unknown subcommand "${command}" (the one there is: check)`);
  const parsed = parseArgs(rest, SCHEMA_CHECK_FLAGS);
  if (parsed.flags.has('help')) {
    io.out(HELP);
    return 0;
  }
  if (parsed.positionals.length !== 1) throw cliUsage('schema check', 'expected exactly one spec file');
  let spec: CompiledSpec;
  try {
    spec = await compileSpec(parsed.positionals[0], { strictAdditionalProperties: parsed.flags.has('strict-additional-properties') });
  } catch (err) {
    if (!(err instanceof WardenError)) throw err;
    if (parsed.flags.has('json')) io.out(JSON.stringify({ error: { code: err.code, message: err.message, ...(err.details as object) } }));
    else io.err(`${err.code}: ${err.message}`);
    return 1;
  }
  io.out(parsed.flags.has('json') ? JSON.stringify(describeJson(spec), null, 2) : describeText(spec));
  return 0;
}

function display(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel;
}

function parameterSummary(op: CompiledOperation): string {
  const parts: string[] = [];
  const groups: [string, { name: string; required: boolean }[]][] = [
    ['path', op.pathParams.filter((p) => p !== null)],
    ['query', op.queryParams],
    ['header', op.headerParams],
    ['cookie', op.cookieParams],
  ];
  for (const [where, params] of groups) {
    if (params.length > 0) parts.push(`${where}: ${params.map((p) => (p.required ? `${p.name}*` : p.name)).join(', ')}`);
  }
  if (op.body !== null) {
    const media = [...op.body.exact.keys(), ...[...op.body.wildcards.keys()].map((t) => `${t}/*`), ...(op.body.any ? ['*/*'] : [])];
    parts.push(`body${op.body.required ? '*' : ''}: ${media.join(', ')}`);
  }
  return parts.join('; ');
}

function describeText(spec: CompiledSpec): string {
  const lines: string[] = [];
  lines.push(`${display(spec.file)}: OpenAPI ${spec.openapi}${spec.title ? ` "${spec.title}"` : ''}, ${spec.files.length} file(s)`);
  lines.push(`${spec.operations.length} operations, ${spec.validatorCount} distinct validators`);
  lines.push('');
  const rows = spec.operations.flatMap((op) => (spec.routesByOperation.get(op) ?? []).map((route) => ({ op, route })));
  const routeWidth = Math.min(60, Math.max(...rows.map((r) => r.route.length), 5));
  for (const { op, route } of rows) {
    const summary = parameterSummary(op);
    lines.push(`  ${op.method.padEnd(7)} ${route.padEnd(routeWidth)}  ${(op.operationId ?? '-').padEnd(20)} ${summary}`.trimEnd());
  }
  lines.push('');
  if (spec.notes.length === 0) {
    lines.push('Everything in the document is enforced.');
  } else {
    lines.push(`Not enforced or enforced differently (${spec.notes.length}):`);
    for (const note of spec.notes) lines.push(`  ${note.loc.file === '' ? '' : `${display(note.loc.file)}#${note.loc.pointer}: `}${note.message}`);
  }
  lines.push('(* required)');
  return lines.join('\n');
}

function describeJson(spec: CompiledSpec): object {
  return {
    file: spec.file,
    files: spec.files,
    openapi: spec.openapi,
    title: spec.title,
    validators: spec.validatorCount,
    operations: spec.operations.map((op) => ({
      id: op.id,
      method: op.method,
      path: op.template,
      operationId: op.operationId,
      routes: spec.routesByOperation.get(op) ?? [],
      parameters: [...op.pathParams.filter((p) => p !== null), ...op.queryParams, ...op.headerParams, ...op.cookieParams].map((p) => ({
        in: p.in,
        name: p.name,
        required: p.required,
        style: p.style,
        explode: p.explode,
      })),
      body: op.body === null ? null : { required: op.body.required, mediaTypes: [...op.body.exact.keys(), ...[...op.body.wildcards.keys()].map((t) => `${t}/*`), ...(op.body.any ? ['*/*'] : [])] },
    })),
    unsupported: spec.notes.map((n) => ({ file: n.loc.file, pointer: n.loc.pointer, message: n.message })),
  };
}
