/**
 * Blind benign set 5 (session 21): developer and operations traffic — code pasted into gists, pastes and
 * snippet APIs in many languages; issue, merge-request and Jira comments with stack traces, logs and
 * reproduction steps; Q&A posts (security questions with the safe code in them); notebook saves and cell
 * runs; log and metric searches in each store's language (LogQL, PromQL, KQL, CloudWatch Logs Insights, SPL,
 * Datadog, Sentry, Graylog, Elasticsearch SQL) for the strings probes send; CI pipeline files linted or
 * saved; infrastructure as code (Terraform variables, AWX extra vars, ConfigMaps and CronJobs holding
 * scripts, Helm values, CloudFormation user data, Vault policies, Grafana dashboards); database consoles
 * (phpMyAdmin, pgAdmin, Adminer, Supabase, ClickHouse, MongoDB aggregation, Redis); chat-ops commands and
 * incident notes; server configuration edited through an admin UI (nginx, .htaccess, systemd, crontab,
 * HAProxy, Caddy, sshd, Prometheus rules, logrotate, php.ini). Written by hand from knowledge of these tools,
 * no captured traffic, and committed before it was measured (DEVELOPERS.md, "Blind sets").
 *
 *   npx tsx datasets/blind-benign-5/index.ts --out datasets/blind-probes/benign-5.ndjson
 */
import type { RequestRecord } from '../../src/eval/record.js';
import type { Rng } from '../lib/rng.js';
import { blindSetRecords, writeBlindSet } from '../lib/blind-set.js';
import type { Draft } from '../blind-benign-4/wire.js';
import { issues, notebook, qa, snippets } from './code.js';
import { chatops, ci, configs, dbadmin, iac, logsearch } from './ops.js';

/** The classes in file order; each draws from its own stream, so one class's edit does not move another's. */
export const BENIGN_5_CLASSES: readonly (readonly [string, (rng: Rng) => Draft[]])[] = [
  ['snippets', snippets], ['issues', issues], ['qa', qa], ['notebook', notebook], ['logsearch', logsearch],
  ['ci', ci], ['iac', iac], ['dbadmin', dbadmin], ['chatops', chatops], ['configs', configs],
];

export function benign5Records(): RequestRecord[] {
  return blindSetRecords(5, BENIGN_5_CLASSES);
}

if (import.meta.url === `file://${process.argv[1]}`) writeBlindSet(benign5Records());
