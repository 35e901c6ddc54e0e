/** Codes of the reasons the decision itself adds (not errors: they name why a verdict was reached). */
export const REASON_FAIL_CLOSED = 'WARDEN_DECISION_FAIL_CLOSED';
export const REASON_FAIL_OPEN = 'WARDEN_DECISION_FAIL_OPEN';
export const REASON_RULE_BLOCK = 'WARDEN_DECISION_RULE_BLOCK';
export const REASON_RULE_ALLOW = 'WARDEN_DECISION_RULE_ALLOW';
export const REASON_REPUTATION = 'WARDEN_DECISION_REPUTATION';
export const REASON_PAYLOAD = 'WARDEN_DECISION_PAYLOAD';
