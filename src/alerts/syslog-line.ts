import { readFileSync } from 'node:fs';
import type { Alert } from './alert.js';
import type { AlertKind, AlertSeverity } from './config.js';

/**
 * RFC 5424 and CEF lines, written here rather than with a syslog package: the one maintained-looking
 * client (`syslog-client`) has no structured data and frames TCP with newlines, not the octet counting
 * of RFC 6587 §3.4.1 that keeps a message with a newline in it whole; CEF has no package worth a
 * dependency. Both formats are a few escaping rules, tested field by field against a parser of our own.
 */

/** RFC 5424 severity (0 emergency … 7 debug) of each alert severity. */
const SYSLOG_SEVERITY: Record<AlertSeverity, number> = { low: 5, medium: 4, high: 3, critical: 2 };
/** CEF severity (0–10) of each alert severity. */
const CEF_SEVERITY: Record<AlertSeverity, number> = { low: 3, medium: 5, high: 8, critical: 10 };
/** CEF's Name field: what kind of event, the same for every alert of the kind. */
const CEF_NAME: Record<AlertKind, string> = {
  'source-rate': 'Source request rate above its baseline',
  'block-rate': 'Share of blocked requests above threshold',
  'model-unavailable': 'Payload model unavailable',
  'reload-failed': 'Configuration reload failed',
  'rate-limited': 'Requests refused by a rate limit',
  'ratelimit-store-down': 'Rate-limit store unreachable',
};

const VERSION = ((): string => {
  try {
    return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return '0';
  }
})();

export interface SyslogHeader {
  /** Facility code (local0 = 16). */
  facility: number;
  hostname: string;
  appName: string;
  procId: string;
  /** SD-ID enterprise number: `warden@<enterpriseId>`. */
  enterpriseId: number;
}

/** PRINTUSASCII (33–126) only, at most `max` characters; "-" (the NILVALUE) when nothing is left. */
function headerField(value: string, max: number): string {
  const clean = value.replace(/[^!-~]/g, '').slice(0, max);
  return clean === '' ? '-' : clean;
}

/** RFC 5424 §6.3.3: inside PARAM-VALUE, `"`, `\` and `]` are escaped with a backslash. */
export function sdValue(value: string): string {
  return value.replace(/[\\"\]]/g, (c) => `\\${c}`);
}

/** The MSG part: plain ASCII as is, anything else as MSG-UTF8 (a BOM, then UTF-8), as RFC 5424 §6.4 asks. */
function msgPart(text: string): string {
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(text) ? text : `\ufeff${text}`;
}

function priority(header: SyslogHeader, alert: Alert): number {
  return header.facility * 8 + SYSLOG_SEVERITY[alert.severity];
}

function headerLine(header: SyslogHeader, alert: Alert): string {
  return [
    `<${priority(header, alert)}>1`,
    alert.at,
    headerField(header.hostname, 255),
    headerField(header.appName, 48),
    headerField(header.procId, 128),
    headerField(alert.when, 32),
  ].join(' ');
}

/**
 * `<PRI>1 TIMESTAMP HOST warden PID <kind> [warden@PEN rule=.. key=.. ...][origin software="warden"] summary`.
 * Counts are parameters of their own name; example incidents repeat the `incident` parameter.
 */
export function rfc5424Line(alert: Alert, header: SyslogHeader): string {
  const params: [string, string][] = [
    ['rule', alert.rule],
    ['severity', alert.severity],
    ['key', alert.key],
    ['windowSeconds', String(alert.window.seconds)],
    ['from', alert.window.from],
    ['to', alert.window.to],
    ['suppressed', String(alert.suppressed.count)],
  ];
  for (const [k, v] of Object.entries(alert.counts)) params.push([k, String(v)]);
  for (const id of alert.examples) params.push(['incident', id]);
  const sd = `[warden@${header.enterpriseId} ${params.map(([k, v]) => `${headerField(k, 32).replace(/[="\]]/g, '')}="${sdValue(v)}"`).join(' ')}]`;
  const origin = `[origin software="warden" swVersion="${sdValue(VERSION)}"]`;
  return `${headerLine(header, alert)} ${sd}${origin} ${msgPart(alert.summary)}`;
}

/** CEF header fields: `\` and `|` escaped, no line breaks. */
export function cefHeaderValue(value: string): string {
  return value.replace(/[\\|]/g, (c) => `\\${c}`).replace(/[\r\n]+/g, ' ');
}

/** CEF extension values: `\` and `=` escaped, line breaks as `\n` / `\r`. */
export function cefExtensionValue(value: string): string {
  return value.replace(/[\\=]/g, (c) => `\\${c}`).replace(/\r/g, '\\r').replace(/\n/g, '\\n');
}

const IP_LIKE = /^(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f:]*:[0-9a-f:.]*)$/i;

/**
 * `CEF:0|Warden|Warden WAF|<version>|<kind>|<name>|<0-10>|rt=… msg=… cs1Label=rule cs1=…`, the
 * ArcSight Common Event Format. Custom strings carry the rule, key, counts and incidents; `src` is set
 * when the key is a client address, so a SIEM correlates it with its other sources.
 */
export function cefLine(alert: Alert, hostname: string): string {
  const ext: [string, string][] = [
    ['rt', String(Date.parse(alert.at))],
    ['start', String(Date.parse(alert.window.from))],
    ['end', String(Date.parse(alert.window.to))],
    ['dvchost', hostname],
    ['msg', alert.summary],
    ['cs1Label', 'rule'],
    ['cs1', alert.rule],
    ['cs2Label', 'key'],
    ['cs2', alert.key],
    ['cs3Label', 'incidents'],
    ['cs3', alert.examples.join(' ')],
    ['cs4Label', 'counts'],
    ['cs4', Object.entries(alert.counts).map(([k, v]) => `${k}:${v}`).join(' ')],
    ['cn1Label', 'windowSeconds'],
    ['cn1', String(alert.window.seconds)],
    ['cn2Label', 'suppressed'],
    ['cn2', String(alert.suppressed.count)],
  ];
  if (alert.when === 'source-rate' && IP_LIKE.test(alert.key)) ext.push(['src', alert.key]);
  const header = ['CEF:0', 'Warden', 'Warden WAF', VERSION, alert.when, CEF_NAME[alert.when], String(CEF_SEVERITY[alert.severity])].map(cefHeaderValue);
  return `${header.join('|')}|${ext.map(([k, v]) => `${k}=${cefExtensionValue(v)}`).join(' ')}`;
}

/** CEF carried as the MSG of an RFC 5424 header (no structured data), so PRI, host and time frame it like the rfc5424 format. */
export function cefSyslogLine(alert: Alert, header: SyslogHeader): string {
  return `${headerLine(header, alert)} - ${msgPart(cefLine(alert, header.hostname))}`;
}

/** RFC 6587 §3.4.1 octet counting: `<byte length> <message>`, so a receiver never splits a message at a newline inside it. */
export function octetCounted(message: string): Buffer {
  const body = Buffer.from(message, 'utf8');
  return Buffer.concat([Buffer.from(`${body.length} `, 'ascii'), body]);
}
