/**
 * Blind benign set 4 (session 20): API traffic of the classes issue 14 names beside the ones measured
 * so far — payment (checkout, Stripe/Adyen/PayPal/Klarna-like calls and webhooks, 3-D Secure returns,
 * wallet tokens), maps and geo (tiles, geocoding, directions with pipes, encoded polylines, WMS/WFS,
 * Overpass), video and streaming (HLS/DASH manifests and segments, CMCD, player beacons, DRM licences),
 * chat (Slack/Teams/Matrix/Mattermost/Discord-like messages with markdown and code), CMS admin saves
 * (WordPress blocks, Drupal JSON:API, Strapi blocks, Ghost, Contentful, Shopify), Kubernetes and cloud
 * APIs (label and field selectors, JSON and merge patches, IAM and bucket policies, CloudFormation,
 * PromQL/LogQL), GraphQL (persisted and full queries), OAuth 2.0 / OIDC / SAML flows, search with
 * operators, and text in many scripts. Written by hand from knowledge of these APIs, with names and
 * addresses from faker's locales; no captured traffic. Written and committed before it was measured
 * (DEVELOPERS.md, "Blind sets"); the ndjson beside the other sets is what was measured.
 *
 *   npx tsx datasets/blind-benign-4/index.ts --out datasets/blind-probes/benign-4.ndjson
 */
import type { RequestRecord } from '../../src/eval/record.js';
import { FakerPool } from '../lib/people.js';
import type { Rng } from '../lib/rng.js';
import { blindSetRecords, writeBlindSet } from '../lib/blind-set.js';
import { payment, maps, video } from './commerce.js';
import { chat, cms } from './collab.js';
import { cloud, graphql, oauth } from './platform.js';
import { search, i18n } from './text.js';
import type { Draft } from './wire.js';

/** The classes in file order; each draws from its own stream, so one class's edit does not move another's. */
export const BENIGN_4_CLASSES: readonly (readonly [string, (rng: Rng, pool: FakerPool) => Draft[]])[] = [
  ['payment', payment], ['maps', maps], ['video', video], ['chat', chat], ['cms', cms],
  ['cloud', cloud], ['graphql', graphql], ['oauth', oauth], ['search', search], ['i18n', i18n],
];

export function benign4Records(): RequestRecord[] {
  return blindSetRecords(4, BENIGN_4_CLASSES, (category): [FakerPool] => [new FakerPool(4, category)]);
}

if (import.meta.url === `file://${process.argv[1]}`) writeBlindSet(benign4Records());
