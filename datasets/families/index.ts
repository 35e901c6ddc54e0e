/** The registry: every family by name. Adding a family means adding a file and a line here. */
import type { Family } from '../lib/family.js';
import { analyticsBeacon } from './analytics-beacon.js';
import { browserAsset } from './browser-asset.js';
import { browserPage } from './browser-page.js';
import { formAuth } from './form-auth.js';
import { formCheckout } from './form-checkout.js';
import { formContact } from './form-contact.js';
import { graphql } from './graphql.js';
import { hardBenign } from './hard-benign.js';
import { multipartUpload } from './multipart-upload.js';
import { openapiOps } from './openapi-ops.js';
import { richText } from './rich-text.js';
import { tokens } from './tokens.js';
import { webhook } from './webhook.js';
import { xmlSoap } from './xml-soap.js';
import { i18nText } from './i18n-text.js';
import { jsonApi } from './json-api.js';
import { linkValues } from './link-values.js';
import { searchListing } from './search-listing.js';
import { adBeacon } from './ad-beacon.js';
import { apiSelectors } from './api-selectors.js';
import { linkTracking } from './link-tracking.js';
import { ciWebhook } from './ci-webhook.js';
import { devReferer } from './dev-referer.js';
import { i18nEntities } from './i18n-entities.js';
import { sensitiveMentions } from './sensitive-mentions.js';
import { cloudApi } from './cloud-api.js';
import { cmsAdmin } from './cms-admin.js';
import { mapsVideo } from './maps-video.js';
import { paymentChat } from './payment-chat.js';
import { graphqlPersisted } from './graphql-persisted.js';
import { legacyEncoding } from './legacy-encoding.js';
import { errorReports } from './error-reports.js';
import { codeHosting } from './code-hosting.js';
import { searchBackends } from './search-backends.js';
import { siteSearch } from './site-search.js';
import { platformCookies } from './platform-cookies.js';
import { techNotation } from './tech-notation.js';
import { techDiscussion } from './tech-discussion.js';
import { threatHunting } from './threat-hunting.js';
import { configEditor } from './config-editor.js';
import { clusterPaths } from './cluster-paths.js';
import { securityRules } from './security-rules.js';
import { tagSnippets } from './tag-snippets.js';
import { schedulerUi } from './scheduler-ui.js';
import { reportBlobs } from './report-blobs.js';

export const FAMILIES: readonly Family[] = [
  browserPage, browserAsset, searchListing, formAuth, formCheckout, formContact, jsonApi, richText, webhook, graphql, multipartUpload,
  tokens, linkValues, i18nText, xmlSoap, analyticsBeacon, openapiOps, hardBenign,
  // Issue 14's benign classes (2026-12). Each family has its own random stream, so the ones above are unchanged.
  adBeacon, apiSelectors, linkTracking, ciWebhook, devReferer, i18nEntities, sensitiveMentions, cloudApi, cmsAdmin, mapsVideo, paymentChat, graphqlPersisted,
  // 2026-12-05: text in pre-UTF-8 URL encodings, error/telemetry reports (code lines, quoted SQL, paths), a code forge, search back ends.
  legacyEncoding, errorReports, codeHosting, searchBackends,
  // A site's search and the beacons and Referers that repeat it, terms sharing words with SQL/shell syntax.
  siteSearch,
  // 2026-12-05 (session 16): the cookie jars of shop, CMS, tracker and edge platforms, delimiters that are also operators.
  platformCookies,
  // 2026-12-05 (session 17): notations a blind benign probe set found the model scoring as attacks (regexes, LaTeX, Windows paths, address lists, API query operators, tiny tables).
  techNotation,
  // 2026-12-05 (session 20): code, SQL and shell quoted in ordinary text fields (issue 14's worst false positives of session 19).
  techDiscussion,
  // 2026-12-06 (session 24): hunts and detection rules quoting what attacks send (blind benign sets 5 and 7's log searches).
  threatHunting,
  // 2026-12-06 (session 26): admin saves the model scored as attacks (issue 14): config files by path, cluster proxy paths, security rule texts, tag snippets, cron commands.
  configEditor, clusterPaths, securityRules, tagSnippets, schedulerUi,
  // 2026-12-07 (session 30): Windows module and folder paths the escape decoder misreads, padded base64 of binary data (blind benign set 13).
  reportBlobs,
];

/**
 * The families payload-v1.1 was trained on; since payload-v1.2 the recipe draws all of `FAMILIES`
 * (`training-set.ts`), and `--families v1.1` rebuilds the older corpus.
 */
export const V11_FAMILIES: readonly string[] = [
  'browser-page', 'browser-asset', 'search-listing', 'form-auth', 'form-checkout', 'form-contact', 'json-api', 'rich-text', 'webhook', 'graphql', 'multipart-upload',
  'tokens', 'link-values', 'i18n-text', 'xml-soap', 'analytics-beacon', 'openapi-ops', 'hard-benign',
];

export function familyByName(name: string): Family | undefined {
  return FAMILIES.find((f) => f.name === name);
}
