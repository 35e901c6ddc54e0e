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

export const FAMILIES: readonly Family[] = [
  browserPage, browserAsset, searchListing, formAuth, formCheckout, formContact, jsonApi, richText, webhook, graphql, multipartUpload,
  tokens, linkValues, i18nText, xmlSoap, analyticsBeacon, openapiOps, hardBenign,
];

export function familyByName(name: string): Family | undefined {
  return FAMILIES.find((f) => f.name === name);
}
