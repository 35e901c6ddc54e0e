import type { Flavour } from '../../src/signatures/rule.js';
import type { CompileRulesOptions } from '../../src/signatures/compile/compile-rules.js';
import { compileRules } from '../../src/signatures/compile/compile-rules.js';
import { parseText } from './parse-helpers.js';
import type { RequestSpec } from './fixtures.js';
import { buildInspection } from './fixtures.js';

export const HDR = 'alert tcp any any -> any $HTTP_PORTS';

/** Compiles rule text (which must be accepted entirely) into a gate. */
export function gateFor(text: string, flavour?: Flavour, options?: CompileRulesOptions) {
  const { rules, entries } = parseText(text, flavour);
  const refused = entries.filter((e) => e.status === 'rejected');
  if (refused.length > 0) throw new Error(`rules rejected: ${JSON.stringify(refused)}`);
  return compileRules(rules, options);
}

/** Sids that fire for `options` (one rule body) on a request. */
export function fires(options: string, request: RequestSpec, flavour: Flavour = 'snort2'): boolean {
  const gate = gateFor(`${HDR} (${options} sid:1;)`, flavour);
  return gate.evaluate(buildInspection(request)).hits.length > 0;
}
