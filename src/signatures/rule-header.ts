/**
 * `action proto src_ip src_port dir dst_ip dst_port`. Snort 3 also allows `alert http` with the
 * networks and ports left out (a service rule), which means any to any.
 */
import type { RuleAction, RuleHeader } from './rule.js';
import { RULE_ACTIONS } from './rule.js';
import { ruleSyntaxError } from './errors.js';
import type { VariableTable } from './variables.js';
import { expandAddresses, expandPorts } from './variables.js';

export function parseRuleHeader(text: string, variables: VariableTable): RuleHeader {
  const tokens = tokenizeHeader(text);
  const action = tokens[0] as RuleAction;
  if (!RULE_ACTIONS.includes(action)) throw ruleSyntaxError(`unknown action '${tokens[0]}'`);
  if (tokens.length === 1 || tokens.length === 2) {
    const any = expandAddresses('any', variables);
    const anyPort = expandPorts('any', variables);
    return {
      action,
      protocol: (tokens[1] ?? 'ip').toLowerCase(),
      source: any,
      sourcePorts: anyPort,
      bidirectional: false,
      destination: any,
      destinationPorts: anyPort,
    };
  }
  if (tokens.length !== 7) throw ruleSyntaxError(`rule header needs 7 fields, found ${tokens.length}: ${text.trim()}`);
  const [, protocol, src, srcPort, direction, dst, dstPort] = tokens;
  if (direction !== '->' && direction !== '<>') throw ruleSyntaxError(`bad direction '${direction}'`);
  return {
    action,
    protocol: protocol.toLowerCase(),
    source: expandAddresses(src, variables),
    sourcePorts: expandPorts(srcPort, variables),
    bidirectional: direction === '<>',
    destination: expandAddresses(dst, variables),
    destinationPorts: expandPorts(dstPort, variables),
  };
}

/** Whitespace separates fields except inside `[...]` lists, which some rule writers space out. */
export function tokenizeHeader(text: string): string[] {
  const tokens: string[] = [];
  let current = '';
  let level = 0;
  for (const c of text.trim()) {
    if (c === '[') level++;
    if (c === ']') level--;
    if ((c === ' ' || c === '\t' || c === '\n') && level === 0) {
      if (current) tokens.push(current);
      current = '';
    } else if (!((c === ' ' || c === '\t' || c === '\n') && level > 0)) current += c;
  }
  if (current) tokens.push(current);
  return tokens;
}
