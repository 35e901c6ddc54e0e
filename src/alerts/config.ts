/**
 * The `alerts` section: where alerts go (sinks) and what raises one (rules). Types, the JSON Schema
 * `warden config check` validates against, and the checks a schema cannot express (unique ids,
 * thresholds in range), each reported with the path of the key.
 */

export type AlertKind = 'source-rate' | 'block-rate' | 'model-unavailable' | 'reload-failed' | 'rate-limited' | 'ratelimit-store-down';
export const ALERT_KINDS: readonly AlertKind[] = ['source-rate', 'block-rate', 'model-unavailable', 'reload-failed', 'rate-limited', 'ratelimit-store-down'];

export type AlertSeverity = 'low' | 'medium' | 'high' | 'critical';
export const ALERT_SEVERITIES: readonly AlertSeverity[] = ['low', 'medium', 'high', 'critical'];

export interface WebhookSinkConfig {
  type: 'webhook';
  /** Name in metrics, logs and `warden alerts test` (default `webhook#<position>`); the URL is never shown (Slack URLs carry a secret). */
  name?: string;
  url: string;
  /** `slack`: an incoming-webhook payload (`text` + blocks); `json`: the alert object as is. */
  format: 'slack' | 'json';
  /** Extra request headers (an Authorization for a generic receiver); a secret one from `{ env }` or `{ file }`. */
  headers: Record<string, WebhookHeaderValue>;
}

/** A header value as written, or read (trimmed) from an environment variable or a file when the sink is built. */
export type WebhookHeaderValue = string | { env: string } | { file: string };

export interface SyslogSinkConfig {
  type: 'syslog';
  name?: string;
  /** host:port of the collector. */
  address: string;
  /** `udp`: one datagram per alert (RFC 5426); `tcp`: octet-counting framing (RFC 6587 §3.4.1). */
  protocol: 'udp' | 'tcp';
  /** `rfc5424`: structured data `[warden@<enterpriseId> ...]`; `cef`: an ArcSight CEF line as the RFC 5424 MSG. */
  format: 'rfc5424' | 'cef';
  facility: SyslogFacility;
  /** Private enterprise number of the SD-ID (default 32473, the IANA number reserved for documentation). */
  enterpriseId: number;
  /** HOSTNAME field (default: this machine's host name). */
  hostname?: string;
}

export type AlertSinkConfig = WebhookSinkConfig | SyslogSinkConfig;

interface RuleBase {
  id: string;
  /** Overrides the kind's default severity (syslog severity, CEF severity, the payload's `severity`). */
  severity?: AlertSeverity;
}

/** A source's request rate over `forSeconds` above `above` × its own baseline (see src/alerts/README.md). */
export interface SourceRateRule extends RuleBase {
  when: 'source-rate';
  /** `10x-baseline`. */
  above: string;
  forSeconds: number;
  /** Requests per second a source must reach before any multiple of its baseline counts. */
  minRate: number;
  /** Time constant of the baseline EWMA. */
  baselineSeconds: number;
}

/** The share of decisions that were blocks over `forSeconds`. */
export interface BlockRateRule extends RuleBase {
  when: 'block-rate';
  /** `5%`. */
  above: string;
  forSeconds: number;
  /** Decisions the window needs before its share means anything. */
  minRequests: number;
}

export interface ModelUnavailableRule extends RuleBase {
  when: 'model-unavailable';
}

export interface ReloadFailedRule extends RuleBase {
  when: 'reload-failed';
}

/** Requests refused by a rate limit (`rateLimits`), per limit rule, over `forSeconds`. */
export interface RateLimitedRule extends RuleBase {
  when: 'rate-limited';
  /** Only this limit rule's refusals (default: every limit rule, each its own key). */
  limit?: string;
  /** Refusals in the window that raise the alert (more than this many). */
  above: number;
  forSeconds: number;
}

/** The rate limiter's shared store (Redis, or the cluster primary) is unreachable in any process: `onStoreDown` answers. */
export interface RateLimitStoreDownRule extends RuleBase {
  when: 'ratelimit-store-down';
}

export type AlertRuleConfig = SourceRateRule | BlockRateRule | ModelUnavailableRule | ReloadFailedRule | RateLimitedRule | RateLimitStoreDownRule;

export interface AlertDeliveryConfig {
  /** Alerts waiting per sink; when full the oldest is dropped (and counted). */
  queueSize: number;
  /** Tries per alert (1 = no retry). */
  attempts: number;
  /** Wait before the 2nd try; doubles per try. */
  backoffMs: number;
  /** Bound of one try (connect + send + answer). */
  timeoutMs: number;
}

export interface AlertsConfig {
  sinks: AlertSinkConfig[];
  rules: AlertRuleConfig[];
  /** One alert per rule and key per window; what fires meanwhile is counted in the next alert. */
  throttleSeconds: number;
  /** Example incident ids an alert carries at most. */
  examples: number;
  delivery: AlertDeliveryConfig;
}

export const SYSLOG_FACILITIES = {
  kern: 0,
  user: 1,
  mail: 2,
  daemon: 3,
  auth: 4,
  syslog: 5,
  lpr: 6,
  news: 7,
  uucp: 8,
  cron: 9,
  authpriv: 10,
  ftp: 11,
  ntp: 12,
  security: 13,
  console: 14,
  solaris_cron: 15,
  local0: 16,
  local1: 17,
  local2: 18,
  local3: 19,
  local4: 20,
  local5: 21,
  local6: 22,
  local7: 23,
} as const;
export type SyslogFacility = keyof typeof SYSLOG_FACILITIES;

const hostPort = { type: 'string', pattern: '^(\\[[0-9a-fA-F:.]+\\]|[^:\\s]+):[0-9]{1,5}$' };
const sinkName = { type: 'string', pattern: '^[A-Za-z0-9._#:-]{1,64}$' };
const ruleId = { type: 'string', pattern: '^[A-Za-z0-9._-]{1,32}$' };
const severity = { enum: ALERT_SEVERITIES };
const forSeconds = (max: number, fallback: number) => ({ type: 'integer', minimum: 1, maximum: max, default: fallback });

/** `if type is X then these keys`: ajv reports the failing key's own path (`alerts.sinks[0].format: must be one of ...`). */
const when = (key: string, value: string, properties: Record<string, unknown>, required: string[]) => ({
  if: { properties: { [key]: { const: value } }, required: [key] },
  then: { additionalProperties: false, required, properties: { [key]: { const: value }, ...properties } },
});

const webhookSink = when(
  'type',
  'webhook',
  {
    name: sinkName,
    // Checked in alertsConfigProblems, which says what a URL must look like rather than quoting a regex.
    url: { type: 'string', minLength: 1 },
    format: { enum: ['slack', 'json'], default: 'json' },
    headers: {
      type: 'object',
      default: {},
      propertyNames: { pattern: '^[!#$%&\'*+.^_`|~0-9A-Za-z-]{1,64}$' },
      // A string as written, or exactly one of { env } / { file }: if/else rather than anyOf, so a bad value gets one precise error.
      additionalProperties: {
        type: ['string', 'object'],
        if: { type: 'string' },
        then: { pattern: '^[^\\u0000-\\u0008\\u000a-\\u001f\\u007f]*$' },
        else: {
          additionalProperties: false,
          minProperties: 1,
          maxProperties: 1,
          properties: { env: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$' }, file: { type: 'string', minLength: 1 } },
        },
      },
    },
  },
  ['url'],
);

const syslogSink = when(
  'type',
  'syslog',
  {
    name: sinkName,
    address: hostPort,
    protocol: { enum: ['udp', 'tcp'], default: 'udp' },
    format: { enum: ['rfc5424', 'cef'], default: 'rfc5424' },
    facility: { enum: Object.keys(SYSLOG_FACILITIES), default: 'local0' },
    enterpriseId: { type: 'integer', minimum: 1, maximum: 4294967295, default: 32473 },
    hostname: { type: 'string', pattern: '^[!-~]{1,255}$' },
  },
  ['address'],
);

const rule = {
  type: 'object',
  required: ['id', 'when'],
  properties: { when: { enum: ALERT_KINDS } },
  allOf: [
    when(
      'when',
      'source-rate',
      {
        id: ruleId,
        severity,
        above: { type: 'string', minLength: 1 },
        // A ring of per-second counts per tracked source: bounded so 10,000 sources cost at most 12 MB.
        forSeconds: forSeconds(600, 30),
        minRate: { type: 'number', exclusiveMinimum: 0, default: 5 },
        baselineSeconds: { type: 'integer', minimum: 60, maximum: 604800, default: 600 },
      },
      ['id', 'when', 'above'],
    ),
    when(
      'when',
      'block-rate',
      {
        id: ruleId,
        severity,
        above: { type: 'string', minLength: 1 },
        forSeconds: forSeconds(3600, 60),
        minRequests: { type: 'integer', minimum: 1, default: 20 },
      },
      ['id', 'when', 'above'],
    ),
    when('when', 'model-unavailable', { id: ruleId, severity }, ['id', 'when']),
    when('when', 'reload-failed', { id: ruleId, severity }, ['id', 'when']),
    when('when', 'ratelimit-store-down', { id: ruleId, severity }, ['id', 'when']),
    when(
      'when',
      'rate-limited',
      {
        id: ruleId,
        severity,
        limit: { type: 'string', minLength: 1 },
        above: { type: 'integer', minimum: 0, default: 0 },
        forSeconds: forSeconds(3600, 60),
      },
      ['id', 'when'],
    ),
  ],
};

/** JSON Schema of `alerts` (defaults filled by ajv). */
export const alertsConfigSchema = {
  type: 'object',
  additionalProperties: false,
  default: {},
  properties: {
    sinks: {
      type: 'array',
      default: [],
      items: { type: 'object', required: ['type'], properties: { type: { enum: ['webhook', 'syslog'] } }, allOf: [webhookSink, syslogSink] },
    },
    rules: { type: 'array', default: [], items: rule },
    throttleSeconds: { type: 'integer', minimum: 1, maximum: 604800, default: 300 },
    examples: { type: 'integer', minimum: 0, maximum: 50, default: 5 },
    delivery: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        queueSize: { type: 'integer', minimum: 1, maximum: 100000, default: 1000 },
        attempts: { type: 'integer', minimum: 1, maximum: 20, default: 4 },
        backoffMs: { type: 'integer', minimum: 0, maximum: 600000, default: 500 },
        timeoutMs: { type: 'integer', minimum: 1, maximum: 600000, default: 5000 },
      },
    },
  },
} as const;

const MULTIPLE = /^[0-9]+(\.[0-9]+)?x-baseline$/;
const PERCENT = /^[0-9]+(\.[0-9]+)?%$/;

/** `10x-baseline` → 10, `5%` → 5. */
export function thresholdNumber(above: string): number {
  return Number.parseFloat(above);
}

/** The name a sink goes by: its own, or `<type>#<position>` (1-based). */
export function sinkNameOf(sink: AlertSinkConfig, index: number): string {
  return sink.name ?? `${sink.type}#${index + 1}`;
}

/** Problems the schema cannot see, each as `path: problem` (the shape `warden config check` prints). */
export function alertsConfigProblems(alerts: AlertsConfig): string[] {
  const problems: string[] = [];
  const ids = new Map<string, number>();
  alerts.rules.forEach((r, i) => {
    const at = `alerts.rules[${i}]`;
    const first = ids.get(r.id);
    if (first !== undefined) problems.push(`${at}.id: "${r.id}" is already the id of alerts.rules[${first}]`);
    else ids.set(r.id, i);
    if (r.when === 'source-rate') {
      if (!MULTIPLE.test(r.above)) problems.push(`${at}.above: must be a multiple of the source's baseline such as "10x-baseline" (got "${r.above}")`);
      else if (!(thresholdNumber(r.above) > 1)) problems.push(`${at}.above: the multiple of the baseline must be more than 1 (got "${r.above}")`);
    }
    if (r.when === 'block-rate') {
      const p = thresholdNumber(r.above);
      if (!PERCENT.test(r.above)) problems.push(`${at}.above: must be a percentage of decisions such as "5%" (got "${r.above}")`);
      else if (!(p > 0 && p < 100)) problems.push(`${at}.above: the block share must be more than 0% and less than 100% (got "${r.above}")`);
    }
  });
  const names = new Map<string, number>();
  alerts.sinks.forEach((s, i) => {
    if (s.type === 'webhook' && !isHttpUrl(s.url)) problems.push(`alerts.sinks[${i}].url: must be an http:// or https:// URL with a host`);
    const name = sinkNameOf(s, i);
    const first = names.get(name);
    if (first !== undefined) problems.push(`alerts.sinks[${i}].name: "${name}" is already the name of alerts.sinks[${first}]`);
    else names.set(name, i);
  });
  if (alerts.rules.length > 0 && alerts.sinks.length === 0) problems.push('alerts.sinks: rules are configured but no sink would receive their alerts');
  return problems;
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}
