/**
 * `warden incident <id>`: one decision-log line made readable for the operator a user just called
 * about a 403: what was decided, how sure, the arithmetic behind the score, which gate said what
 * about which field, and what each gate cost. Pure: the caller reads the log.
 */
import type { DecisionLogLine } from './decision-log-reader.js';

interface ReasonField {
  gate?: string;
  ruleId?: string;
  score?: number;
  weightSource?: string;
  decoded?: string;
  target?: { location?: string; name?: string };
  message?: string;
}

const str = (v: unknown): string => (v === undefined || v === null || v === '' ? '-' : String(v));
const num = (v: unknown): string => (typeof v === 'number' ? String(v) : '-');
const obj = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {});

function target(t: ReasonField['target']): string {
  return t === undefined ? '' : `${str(t.location)} '${str(t.name)}'`;
}

function arithmetic(explain: Record<string, unknown>): string[] {
  if (Object.keys(explain).length === 0) return [];
  // A rate limit decides on a count, not on evidence: its own two lines.
  if (explain.decidedBy === 'ratelimit') {
    const down = explain.onStoreDown !== undefined ? ` (store down, onStoreDown ${str(explain.onStoreDown)})` : '';
    return [`rate limit  rule ${str(explain.rateLimit)}, key ${str(explain.rateLimitKey)}: request ${num(explain.count)} of limit ${num(explain.limit)} per ${num(explain.windowSeconds)} s${down}`, 'decided by  ratelimit'];
  }
  const lines = [
    `payload     ${num(explain.payload)} → term ${num(explain.payloadTerm)}${explain.payloadField ? ` (field ${str(explain.payloadField)})` : ''}`,
    `signatures  term ${num(explain.signatureTerm)} from ${num(explain.signatureHits)} hit(s)${explain.topRule ? `, top rule ${str(explain.topRule)}` : ''}`,
    `context     term ${num(explain.context)} → exponent ${num(explain.contextExponent)}`,
    `evidence    ${num(explain.evidence)}`,
    `reputation  ${num(explain.reputation)} → exponent ${num(explain.reputationExponent)}`,
    `score       ${num(explain.score)} = 1-(1-evidence)^reputationExponent`,
    `threshold   ${num(explain.threshold)} (minimum confidence ${str(explain.minimumConfidence)}; evidence needed ${num(explain.evidenceNeeded)})`,
    `decided by  ${str(explain.decidedBy)}${explain.topField ? `, top field ${str(explain.topField)}` : ''}`,
  ];
  return lines;
}

const OPCODES: Record<string, string> = { 1: 'text', 2: 'binary' };

/** A WebSocket message's lines: which message of which connection, and how the connection ended. */
function messageLines(line: DecisionLogLine, websocket: Record<string, unknown>): string[] {
  const request = obj(line.request);
  const close = websocket.close === undefined ? 'the connection went on' : `closed ${num(websocket.close)}`;
  return [
    `action      ${str(line.action)} (${close}, mode ${str(line.mode)})`,
    `confidence  ${str(line.confidence)}, score ${num(line.score)}`,
    `message     #${num(websocket.messageIndex)} (${OPCODES[String(websocket.opcode)] ?? `opcode ${str(websocket.opcode)}`}, ${num(websocket.bytes)} bytes) of the WebSocket to ${str(request.host)} ${str(request.path)}`,
    `connection  handshake ${str(websocket.handshakeId)} (warden incident ${str(websocket.handshakeId)} when its verdict was logged)`,
  ];
}

function verdictReport(line: DecisionLogLine): string[] {
  const request = obj(line.request);
  const source = obj(line.source);
  const websocket = line.websocket === undefined ? null : obj(line.websocket);
  const out = [
    ...(websocket !== null
      ? messageLines(line, websocket)
      : [
          `action      ${str(line.action)} (status ${str(line.status)}, mode ${str(line.mode)})`,
          `confidence  ${str(line.confidence)}, score ${num(line.score)}`,
          `request     ${str(request.method)} ${str(request.host)} ${str(request.path)} (${num(request.bytes)} bytes body)`,
        ]),
    `source      ${str(source.ip)}${source.peer !== undefined && source.peer !== source.ip ? ` via ${str(source.peer)}` : ''}`,
  ];
  const explain = arithmetic(obj(line.explain));
  if (explain.length > 0) out.push('', 'arithmetic', ...explain.map((l) => `  ${l}`));
  const reasons = Array.isArray(line.reasons) ? (line.reasons as ReasonField[]) : [];
  out.push('', `reasons (${reasons.length})`);
  for (const r of reasons) {
    const score = typeof r.score === 'number' ? ` score ${r.score}` : '';
    const weight = r.weightSource ? ` (weight from ${r.weightSource})` : '';
    const where = target(r.target);
    const decoded = r.decoded ? `, decoded: ${r.decoded}` : '';
    out.push(`  ${str(r.gate).padEnd(10)} ${str(r.ruleId)}${score}${where ? ` in ${where}${decoded}` : decoded}: ${str(r.message)}${weight}`);
  }
  const model = obj(line.model);
  if (Object.keys(model).length > 0) out.push('', `model       ${str(model.version)}: max score ${num(model.max)}, ${num(model.screened)} of ${num(model.total)} targets screened`);
  const schema = obj(line.schema);
  if (Object.keys(schema).length > 0) {
    const violations = Array.isArray(schema.violations) ? (schema.violations as { location?: string; message?: string }[]) : [];
    out.push(`schema      operation ${str(schema.operation)}, ${violations.length} violation(s)`);
    for (const v of violations) out.push(`  ${str(v.location)}: ${str(v.message)}`);
  }
  const failures = Array.isArray(line.failures) ? (line.failures as { gate?: string; code?: string; message?: string }[]) : [];
  for (const f of failures) out.push(`gate failed ${str(f.gate)} ${str(f.code)}: ${str(f.message)}`);
  const timings = obj(line.timingsUs);
  const parts = Object.entries(timings).map(([gate, us]) => `${gate} ${num(us)} µs`);
  out.push('', `timings     ${parts.length > 0 ? parts.join(', ') : '-'}`);
  return out;
}

function otherEventReport(line: DecisionLogLine): string[] {
  const request = obj(line.request);
  return [
    `event       ${str(line.event)} ${str(line.code)} (status ${str(line.status)})`,
    `request     ${str(request.method)} ${str(request.url ?? request.path)}`,
    `message     ${str(line.msg)}`,
  ];
}

/** The text report of every line logged for one incident (a verdict, and an upstream error after it). */
export function formatIncident(id: string, lines: readonly DecisionLogLine[]): string {
  const out: string[] = [];
  for (const line of lines) {
    if (out.length > 0) out.push('');
    out.push(`incident ${id} at ${str(line.time)}`);
    out.push(...(line.event === 'verdict' ? verdictReport(line) : otherEventReport(line)).map((l) => (l === '' ? '' : `  ${l}`)));
  }
  return out.join('\n');
}
