/**
 * Classifies rule text as "HTTP request-side" independently of the parser, so the acceptance figure
 * (accepted / HTTP request-side rules) is not graded by the code it measures.
 */
import type { RuleSource } from './read-rule-files.js';
import type { RuleReportEntry } from './report.js';
import { splitRuleStatements } from './rule-statements.js';
const HTTP_SIGNAL = /\b(?:http_[a-z_]+|uricontent|http\.[a-z_.]+)\b|service\s*:\s*http|metadata:[^;]*service http|^[a-z]+\s+http\s|\$HTTP_PORTS/;
const RESPONSE_SIGNAL = /flow\s*:[^;]*(?:to_client|from_server)|http_stat_(?:code|msg)|http\.stat_|http\.response|http_server_body|\$HTTP_PORTS\s+->/;

/** A header whose destination is the outside (`-> $EXTERNAL_NET` / `-> !$HOME_NET`): a request leaving the protected network. */
const OUTBOUND_HEADER = /^\s*#?\s*[a-z]+\s+\S+\s+\S+\s+\S+\s+->\s+(?:\$EXTERNAL_NET|!\$HOME_NET)\s/;

export function isHttpRequestRuleText(text: string): boolean {
  return HTTP_SIGNAL.test(text) && !RESPONSE_SIGNAL.test(text) && !OUTBOUND_HEADER.test(text);
}

export interface HttpAcceptance {
  /** Enabled rules that the text census calls HTTP request-side. */
  httpRequestRules: number;
  /** Of those, accepted (cleanly or with a warning). */
  accepted: number;
  rate: number;
}

export function measureHttpAcceptance(sources: readonly RuleSource[], entries: readonly RuleReportEntry[]): HttpAcceptance {
  const status = new Map<string, RuleReportEntry['status']>();
  for (const e of entries) status.set(`${e.file}:${e.line}`, e.status);
  let httpRequestRules = 0;
  let accepted = 0;
  for (const source of sources) {
    for (const statement of splitRuleStatements(source.text)) {
      if (statement.kind !== 'rule' || statement.disabled || !isHttpRequestRuleText(statement.text)) continue;
      httpRequestRules++;
      const s = status.get(`${source.file}:${statement.line}`);
      if (s === 'accepted' || s === 'warning') accepted++;
    }
  }
  return { httpRequestRules, accepted, rate: httpRequestRules === 0 ? 1 : accepted / httpRequestRules };
}
