import type { AlertKind, AlertSeverity } from './config.js';

/**
 * One alert as every sink receives it (the `json` webhook format sends exactly this object). The
 * shape is the contract with receivers: add fields, never rename them.
 */
export interface Alert {
  /** `warden.alert`, so a generic receiver can route on it. */
  type: 'warden.alert';
  version: 1;
  /** The rule's id (`block-surge`) and kind (`block-rate`). */
  rule: string;
  when: AlertKind;
  severity: AlertSeverity;
  /** What the rule fired for: a source address, a limit rule, an error code, or `*` (the whole instance). */
  key: string;
  /** The period the counts cover (ISO 8601, UTC). */
  window: { from: string; to: string; seconds: number };
  /** The numbers behind the alert (requests, blocks, rate, baseline, ...), all finite. */
  counts: Record<string, number>;
  /** Triggers of this rule and key held back by `throttleSeconds` since the previous alert, and when that one was sent. */
  suppressed: { count: number; since: string | null };
  /** Up to `alerts.examples` incident ids, newest last (`warden incident <id>`). */
  examples: string[];
  /** One line for a chat: no links, no line breaks. */
  summary: string;
  /** The Warden host and when the alert was raised. */
  host: string;
  at: string;
}

const SUMMARY_MAX = 300;
/** Any scheme://… run: chat clients turn it into a link, and an error message may carry a URL with a token in it. */
const URL_LIKE = /\b[a-z][a-z0-9+.-]*:\/\/\S*/gi;

/** A summary fit for a chat line: one line, no URLs, bounded. */
export function chatLine(text: string): string {
  const line = text.replace(URL_LIKE, '[url]').replace(/[\r\n\t]+/g, ' ').replace(/\s{2,}/g, ' ').trim();
  return line.length <= SUMMARY_MAX ? line : `${line.slice(0, SUMMARY_MAX - 1)}…`;
}

/** Slack wants `&`, `<` and `>` escaped in text (its own link and mention syntax uses them). */
function slackEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function formatCount(n: number): string {
  return Number.isInteger(n) ? n.toLocaleString('en-US') : n.toFixed(2);
}

/**
 * A Slack incoming-webhook payload: `text` is the summary (what notifications and old clients show),
 * the blocks add the counts and example ids. Mattermost and Rocket.Chat take the same shape.
 */
export function slackPayload(alert: Alert): object {
  const text = slackEscape(alert.summary);
  const counts = Object.entries(alert.counts).map(([k, v]) => `${k} ${formatCount(v)}`);
  if (alert.suppressed.count > 0) counts.push(`suppressed ${alert.suppressed.count}`);
  const context = [`rule ${alert.rule} (${alert.when})`, `severity ${alert.severity}`, `key ${alert.key}`, `window ${alert.window.seconds} s`, `host ${alert.host}`];
  const blocks: object[] = [
    { type: 'section', text: { type: 'plain_text', text: alert.summary, emoji: false } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: slackEscape(context.join(' · ')) }] },
  ];
  if (counts.length > 0) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: slackEscape(counts.join(' · ')) }] });
  if (alert.examples.length > 0) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `incidents: ${alert.examples.map((id) => `\`${id}\``).join(' ')}` }] });
  return { text, blocks };
}

/** What `warden alerts test` sends: every field filled, clearly a test. */
export function sampleAlert(host: string, now = Date.now()): Alert {
  const to = new Date(now).toISOString();
  return {
    type: 'warden.alert',
    version: 1,
    rule: 'alerts-test',
    when: 'block-rate',
    severity: 'low',
    key: '*',
    window: { from: new Date(now - 60_000).toISOString(), to, seconds: 60 },
    counts: { requests: 0, blocks: 0, percent: 0 },
    suppressed: { count: 0, since: null },
    examples: [],
    summary: chatLine(`Warden test alert from ${host}: this sink receives Warden's alerts (sent by warden alerts test)`),
    host,
    at: to,
  };
}
