/** GraphQL persisted and automatic-persisted queries: GETs carrying only an operation name, JSON variables and a sha256 hash; Relay doc_id posts; batched APQ. */
import type { Family } from '../lib/family.js';
import { browserHeaders, pickBrowser } from '../lib/clients.js';
import { LOCALE_MIX } from '../lib/people.js';
import { apiHost } from '../lib/sites.js';
import { encodePairs, withBody } from '../lib/wire.js';

export const graphqlPersisted: Family = {
  name: 'graphql-persisted',
  summary: 'GraphQL persisted queries: APQ GETs (operationName, variables JSON, extensions {"persistedQuery":{"version":1,"sha256Hash":...}}), Relay doc_id form posts, batched hash-only POSTs.',
  perScale: 3_000,
  make(ctx) {
    const { rng, en } = ctx;
    const b = pickBrowser(rng, rng.weighted(LOCALE_MIX));
    const host = apiHost(rng, en);
    const op = rng.pick(['ProductPage', 'SearchQuery', 'CartLines', 'ViewerNotifications', 'UserProfileQuery', 'FeedTimeline']);
    const variables = rng.pick([{ id: String(rng.int(1, 99999)) }, { query: en.commerce.productName(), first: 20, after: rng.chance(0.5) ? Buffer.from(`cursor:${rng.int(1, 999)}`).toString('base64') : null }, { handle: en.internet.username(), filters: { price: { min: 0, max: rng.int(10, 500) }, tags: [en.commerce.productAdjective()] } }]);
    const extensions = { persistedQuery: { version: 1, sha256Hash: rng.hex(64) } };
    const h = browserHeaders(rng, b, host, 'xhr', { origin: `https://${host.replace(/^api\./, 'www.')}`, site: 'same-site' });
    // APQ GETs dominate: CDNs cache them, which is why clients persist queries at all.
    switch (rng.weighted([[0, 3], [1, 1], [2, 1]] as const)) {
      case 0:
        return { method: 'GET', path: '/graphql', query: encodePairs([['operationName', op], ['variables', JSON.stringify(variables)], ['extensions', JSON.stringify(extensions)]], rng.pick(['component', 'form'])), headers: { ...h, 'apollographql-client-name': 'web', 'apollographql-client-version': `1.${rng.int(0, 99)}.0` } };
      case 1:
        return withBody({ method: 'POST', path: '/api/graphql/', query: '', headers: h }, 'application/x-www-form-urlencoded', encodePairs([['av', rng.digits(15)], ['__user', rng.digits(15)], ['__a', '1'], ['fb_dtsg', `${rng.alnum(20)}:${rng.digits(2)}:${rng.digits(10)}`], ['fb_api_caller_class', 'RelayModern'], ['fb_api_req_friendly_name', op], ['variables', JSON.stringify(variables)], ['server_timestamps', 'true'], ['doc_id', rng.digits(16)]], 'form'));
      default:
        return withBody({ method: 'POST', path: '/graphql', query: '', headers: h }, 'application/json', JSON.stringify(Array.from({ length: rng.int(1, 3) }, () => ({ operationName: rng.pick(['ProductPage', 'CartLines', 'Recommendations']), variables, extensions: { persistedQuery: { version: 1, sha256Hash: rng.hex(64) } } }))));
    }
  },
};
