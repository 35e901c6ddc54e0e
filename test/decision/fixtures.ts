import type { Finding, Inspection, Target } from '../../src/inspect/types.js';
import type { SignatureHit } from '../../src/signatures/types.js';
import type { ModelResult } from '../../src/model/types.js';
import type { Reputation } from '../../src/reputation/types.js';
import type { SchemaResult, SchemaViolation } from '../../src/schema/types.js';
import type { GateResults, RoutePolicy } from '../../src/decision/types.js';

/** Targets: 0 query.id, 1 query.q, 2 body.comment (rich text), 3 header.User-Agent. */
export const TARGETS: Target[] = [
  { location: 'query', name: 'id', role: 'value', raw: '42', decoded: [] },
  { location: 'query', name: 'q', role: 'value', raw: "1' OR '1'='1", decoded: [] },
  { location: 'body', name: 'comment', role: 'value', raw: '<p>select your <b>favourite</b> from the list</p>', decoded: [] },
  { location: 'header', name: 'User-Agent', role: 'value', raw: 'Mozilla/5.0', decoded: [] },
];
export const ID = 0;
export const Q = 1;
export const COMMENT = 2;

const EMPTY_BUFFERS = { raw: '', method: 'GET', uri: '', rawUri: '', header: '', rawHeader: '', cookie: '', rawCookie: '', clientBody: '' };

export function inspection(findings: Finding[] = [], id = '01hqtest0000000000'): Inspection {
  return {
    id,
    receivedAt: 1_700_000_000_000,
    source: { ip: '198.51.100.7', port: 40000, peerIp: '198.51.100.7' },
    method: 'POST',
    rawUrl: '/search?id=42',
    rawPath: '/search',
    rawQuery: 'id=42',
    path: '/search',
    httpVersion: '1.1',
    headers: [['Host', 'shop.test']],
    headerMap: new Map([['host', 'shop.test']]),
    host: 'shop.test',
    contentType: 'application/json',
    body: Buffer.alloc(0),
    bodyTruncated: false,
    bodyKind: 'json',
    buffers: EMPTY_BUFFERS,
    targets: TARGETS,
    findings,
  };
}

export function hit(sid: number, priority: number, targetIndex: number, effect: SignatureHit['effect'] = 'suspicious', gid = 1): SignatureHit {
  return {
    gid,
    sid,
    rev: 1,
    msg: `rule ${sid}`,
    classtype: priority === 1 ? 'web-application-attack' : 'web-application-activity',
    priority,
    effect,
    buffer: 'uri',
    offset: 0,
    length: 4,
    targetIndex,
  };
}

/** A model result with one score per (targetIndex, score), highest first as the gate sorts them. */
export function model(...scores: [number, number][]): ModelResult {
  const sorted = [...scores].sort((a, b) => b[1] - a[1]);
  return {
    scores: sorted.map(([targetIndex, score]) => ({ targetIndex, score, form: 'raw' })),
    maxScore: sorted[0]?.[1] ?? 0,
    screened: sorted.length,
    total: TARGETS.length,
    modelVersion: 'test-1',
  };
}

export function reputation(score: number, trusted = false, hostileScope?: Reputation['hostileScope']): Reputation {
  return {
    key: 'ip:198.51.100.7',
    score,
    requests: 10,
    attacks: score < 0 ? 3 : 0,
    blocks: 0,
    trusted,
    clean: score > 0 ? 10 : 0,
    attackEvidence: score < 0 ? 0.9 : 0,
    attackers: 0,
    cleanSinceAttack: 0,
    hostileScope: hostileScope ?? (score < 0 ? 'client' : undefined),
  };
}

export function violation(kind: SchemaViolation['kind'], location: string, status = 400): SchemaViolation {
  return { kind, location, message: `${kind} at ${location}`, status };
}

export function schema(violations: SchemaViolation[], mode: SchemaResult['mode'] = 'report'): SchemaResult {
  return { operation: 'POST /search', violations, mode };
}

export function results(parts: Partial<GateResults> & { hits?: SignatureHit[] } = {}): GateResults {
  const { hits, ...rest } = parts;
  return {
    signatures: hits === undefined ? null : { hits, candidates: hits.length },
    model: null,
    reputation: null,
    schema: null,
    failures: [],
    ...rest,
  };
}

export function policy(overrides: Partial<RoutePolicy> = {}): RoutePolicy {
  return {
    mode: 'prevent',
    minimumConfidence: 'high',
    blockStatus: 403,
    failClosed: false,
    disabledRules: new Set(),
    ignoredTargets: new Set(),
    ...overrides,
  };
}
