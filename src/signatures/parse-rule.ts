/**
 * Parses one rule statement into a `Rule`, or throws a WardenError (WARDEN_SIGNATURES_*) saying why
 * Warden refuses it. Pure: variables and served ports come in, nothing is read or logged.
 */
import type { BufferRef, DetectionOption, Flavour, Rule, RuleHeader, RuleLocation } from './rule.js';
import type { RawOption } from './split-options.js';
import type { VariableTable } from './variables.js';
import { splitRuleOptions } from './split-options.js';
import { parseRuleHeader, tokenizeHeader } from './rule-header.js';
import { namedNetworkSide } from './header-direction.js';
import { portSetIncludes } from './variables.js';
import { RuleBuilder } from './rule-builder.js';
import { optionKeywords } from './options/registry.js';
import {
  ruleBadOptionValue,
  ruleMissingSid,
  ruleNoDetection,
  ruleNotHttpTraffic,
  ruleOutboundTraffic,
  ruleResponseSide,
  ruleSyntaxError,
  ruleUnknownKeyword,
} from './errors.js';
import { NO_DIRECTIVES, type RuleFileDirectives } from './file-directives.js';

export interface ParseRuleContext {
  flavour: Flavour;
  variables: VariableTable;
  /** Ports Warden serves: a rule applies when its destination ports include one of them. */
  servedPorts: readonly number[];
  location: RuleLocation;
  enabled: boolean;
  /** The file's `# warden:` directives (file-directives.ts); none when absent. */
  fileDirectives?: Readonly<RuleFileDirectives>;
}

/** Header protocols whose traffic can reach an HTTP proxy. */
const HTTP_CAPABLE_PROTOCOLS = new Set(['tcp', 'http', 'ip', 'tcp-pkt', 'tcp-stream', 'http1', 'http2']);

export interface RuleIdentity {
  gid: number | null;
  sid: number | null;
  rev: number | null;
  msg: string;
}

export interface SplitRule {
  headerText: string;
  options: RawOption[];
}

export function splitRule(text: string): SplitRule {
  // `$(VAR:-default)` in the header is not the options' parenthesis.
  let open = text.indexOf('(');
  while (open > 0 && text[open - 1] === '$') open = text.indexOf('(', text.indexOf(')', open) + 1);
  const close = text.lastIndexOf(')');
  if (open < 0 || close < open) throw ruleSyntaxError('rule has no (options)');
  if (text.slice(close + 1).trim().length > 0) throw ruleSyntaxError('text after the closing parenthesis');
  return { headerText: text.slice(0, open), options: splitRuleOptions(text.slice(open + 1, close)) };
}

/** Reads gid/sid/rev/msg without evaluating anything, so even a rejected rule can be named in the report. */
export function readRuleIdentity(options: readonly RawOption[]): RuleIdentity {
  const identity: RuleIdentity = { gid: null, sid: null, rev: null, msg: '' };
  for (const o of options) {
    const v = (o.value ?? '').trim();
    if (o.name === 'sid' && /^\d+$/.test(v)) identity.sid = Number(v);
    else if (o.name === 'gid' && /^\d+$/.test(v)) identity.gid = Number(v);
    else if (o.name === 'rev' && /^\d+$/.test(v)) identity.rev = Number(v);
    else if (o.name === 'msg') identity.msg = v.replace(/^"|"$/g, '');
  }
  if (identity.sid !== null) {
    identity.gid ??= 1;
    identity.rev ??= 1;
  }
  return identity;
}

export function parseRule(split: SplitRule, context: ParseRuleContext): Rule {
  // Before the addresses are expanded: `!$HOME_NET` is a request leaving the network even where HOME_NET is any.
  checkInbound(split.headerText, context.variables);
  const header = parseRuleHeader(split.headerText, context.variables);
  const httpService = split.options.some((o) => saysHttpService(o, context.flavour));
  const httpKeywords = split.options.some((o) => o.name.startsWith('http') || o.name === 'uricontent');
  checkReachesProxy(header, split.headerText, { httpService, httpKeywords }, context.servedPorts);

  const builder = new RuleBuilder(context.flavour, applyOption);
  // Snort 3 `rewrite` + `replace:` edits the matched bytes; Warden cannot edit a request, so by default
  // it blocks it (DEFAULT_ACTION_EFFECTS), and says so on the rule rather than rejecting it.
  const rewrite = header.action === 'rewrite';
  if (rewrite) builder.warn("action 'rewrite': Warden does not edit requests, a match blocks (rules.actions.rewrite changes that)");
  for (const option of split.options) {
    if (!(rewrite && option.name === 'replace')) applyOption(option.name, option.value, builder);
  }

  resolveIsDataAtBuffers(builder.detection);
  if (builder.sid === null) throw ruleMissingSid();
  if (builder.responseSide !== null) throw ruleResponseSide(builder.responseSide);
  if (builder.services.length > 0 && !builder.services.some((s) => s === 'http' || s === 'http2')) {
    throw ruleNotHttpTraffic(`service ${builder.services.join(',')}`);
  }
  const addressRestricted = !header.source.any || header.source.exclude.length > 0;
  if (builder.detection.length === 0 && builder.flowbits.length === 0 && !addressRestricted) throw ruleNoDetection();
  if (header.bidirectional) builder.warn('<> rule evaluated on requests only');

  return {
    gid: builder.gid,
    sid: builder.sid,
    rev: builder.rev,
    msg: builder.msg,
    classtype: builder.classtype,
    priority: builder.priority,
    flavour: context.flavour,
    enabled: context.enabled,
    header,
    references: builder.references,
    metadata: builder.metadata,
    services: builder.services,
    flow: builder.flow,
    detection: builder.detection,
    flowbits: builder.flowbits,
    threshold: builder.threshold,
    detectionFilter: builder.detectionFilter,
    location: context.location,
    fileDirectives: context.fileDirectives ?? NO_DIRECTIVES,
    warnings: builder.warnings,
  };
}

function applyOption(name: string, value: string | null, builder: RuleBuilder): void {
  const keyword = optionKeywords.get(name);
  if (!keyword) throw ruleUnknownKeyword(name);
  if (keyword.value === 'required' && (value === null || value === '')) throw ruleBadOptionValue(name, 'needs a value');
  if (keyword.value === 'none' && value !== null && value !== '') throw ruleBadOptionValue(name, 'takes no value');
  keyword.apply(value, builder);
}

/**
 * Whether an option puts the rule in Snort's HTTP service group: Snort 3's `service:http`, Snort 2's `metadata:service
 * http` (the `service` key of the metadata list, not the word http anywhere in it). Suricata's `metadata` is only
 * information (its engine matches by protocol and header ports, never by metadata), so there it says nothing.
 */
function saysHttpService(option: RawOption, flavour: Flavour): boolean {
  if (option.name === 'service') return /\bhttp2?\b/i.test(option.value ?? '');
  if (option.name !== 'metadata' || flavour === 'suricata') return false;
  return (option.value ?? '').split(',').some((item) => /^\s*service\s+http2?\s*$/i.test(item));
}

/**
 * Port variables name services: `$ORACLE_PORTS` means Oracle TNS even though its snort.conf default
 * (`1024:`) contains HTTP ports. A rule aimed at one of these reaches Warden only if it says HTTP.
 */
const NON_HTTP_PORT_VARIABLE = /\$(?!HTTP_PORTS\b|FILE_DATA_PORTS\b)[A-Z0-9_]+_PORTS\b/;

/**
 * A header whose destination is the outside (`$EXTERNAL_NET`, `!$HOME_NET`) describes a request leaving
 * the protected network; `<>` also describes the reverse, so it is outbound only when both ends are outside.
 */
function checkInbound(headerText: string, variables: VariableTable): void {
  const tokens = tokenizeHeader(headerText);
  // A service header (`alert http (...)`) names no networks: any to any.
  if (tokens.length !== 7) return;
  const [, protocol, source, , direction, destination] = tokens;
  if (!HTTP_CAPABLE_PROTOCOLS.has(protocol.toLowerCase())) throw ruleNotHttpTraffic(`protocol ${protocol.toLowerCase()}`);
  if (namedNetworkSide(destination, variables) !== 'outside') return;
  if (direction === '<>' && namedNetworkSide(source, variables) !== 'outside') return;
  throw ruleOutboundTraffic(destination);
}

/**
 * Which requests a rule's protocol and ports let it see. A service rule (`service:http`, Snort 2's `metadata:service
 * http`) sits in Snort's service groups and applies to HTTP on any port the service is found on, so its header ports
 * are no restriction. Any other rule is matched by port, as Snort's port groups and Suricata (`alert http … -> $HOME_NET
 * 8161` is HTTP to port 8161) match it: it applies when its destination ports hold a port Warden serves.
 */
function checkReachesProxy(header: RuleHeader, headerText: string, says: { httpService: boolean; httpKeywords: boolean }, servedPorts: readonly number[]): void {
  if (!HTTP_CAPABLE_PROTOCOLS.has(header.protocol)) throw ruleNotHttpTraffic(`protocol ${header.protocol}`);
  if (says.httpService) return;
  const destinationPorts = tokenizeHeader(headerText)[6] ?? 'any';
  if (!header.protocol.startsWith('http') && !says.httpKeywords) {
    const serviceVariable = NON_HTTP_PORT_VARIABLE.exec(destinationPorts);
    if (serviceVariable) throw ruleNotHttpTraffic(`destination ${serviceVariable[0]} names another service`);
  }
  const toServedPort = servedPorts.some((p) => portSetIncludes(header.destinationPorts, p));
  if (toServedPort) return;
  const fromServedPort = !header.sourcePorts.any && servedPorts.some((p) => portSetIncludes(header.sourcePorts, p));
  if (header.bidirectional && fromServedPort) return;
  if (fromServedPort) throw ruleResponseSide('source port is a served HTTP port');
  throw ruleNotHttpTraffic(`destination ports ${destinationPorts} do not include a port Warden serves (${servedPorts.length > 8 ? `${servedPorts.slice(0, 8).join(', ')}, …` : servedPorts.join(', ')})`);
}

/**
 * isdataat checks the buffer of the content/pcre before it, which in Snort 2 is only known once the
 * modifiers after that content (`content:"x"; isdataat:1,relative; http_uri;`) have been read.
 */
function resolveIsDataAtBuffers(detection: DetectionOption[]): void {
  let previous: BufferRef | null = null;
  for (const option of detection) {
    if ((option.kind === 'isdataat' || option.kind === 'base64Decode' || option.kind === 'foreignHost') && previous) option.buffer = previous;
    if (option.kind === 'content' || option.kind === 'pcre') previous = option.buffer;
  }
}
