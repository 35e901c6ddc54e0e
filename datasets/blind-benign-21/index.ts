/**
 * Blind benign set 21 (session 38): traffic classes the generated families and blind benign sets 1–20 draw thinly —
 * spreadsheet and CSV exports posted as bodies, Markdown with code fences in issue trackers, SQL saved in BI tools'
 * query JSON, shell inside CI configurations, regular expressions in log-search UIs, LaTeX, chemistry and scientific
 * notation, email bodies with quoted replies, translation files, source maps and build artefacts, package manifests,
 * iCalendar and vCard bodies, OAuth/OIDC and SAML flows, presigned object-storage URLs, feature-flag payloads and
 * device and mobile-app telemetry. Written by hand from knowledge of these formats, names and addresses invented, no
 * captured traffic, and committed before it was measured (DEVELOPERS.md, "Blind sets").
 *
 *   npx tsx datasets/blind-benign-21/index.ts --out datasets/blind-probes/benign-21.ndjson
 */
import type { RequestRecord } from '../../src/eval/record.js';
import type { Rng } from '../lib/rng.js';
import { blindSetRecords, writeBlindSet } from '../lib/blind-set.js';
import type { Draft } from '../blind-benign-4/wire.js';
import { ciconfig, csvexport, issuemd, logregex, savedquery } from './sheets-code.js';
import { l10nfiles, mailreply, manifests, scimath, sourcemaps } from './science-mail.js';
import { apptelemetry, calendar, flags, oidc, presigned } from './identity-devices.js';

/** The classes in file order; each draws from its own stream, so one class's edit does not move another's. */
export const BENIGN_21_CLASSES: readonly (readonly [string, (rng: Rng) => Draft[]])[] = [
  ['csvexport', csvexport], ['issuemd', issuemd], ['savedquery', savedquery], ['ciconfig', ciconfig], ['logregex', logregex],
  ['scimath', scimath], ['mailreply', mailreply], ['l10nfiles', l10nfiles], ['sourcemaps', sourcemaps], ['manifests', manifests],
  ['calendar', calendar], ['oidc', oidc], ['presigned', presigned], ['flags', flags], ['apptelemetry', apptelemetry],
];

export function benign21Records(): RequestRecord[] {
  return blindSetRecords(21, BENIGN_21_CLASSES);
}

if (import.meta.url === `file://${process.argv[1]}`) writeBlindSet(benign21Records());
