/** GraphQL over HTTP: named queries and mutations with variables, batches, persisted-query GETs. */
import type { Family, GenContext } from '../lib/family.js';
import { browserHeaders, cookieJar, pickAppUa, pickBrowser } from '../lib/clients.js';
import { entity } from '../lib/entities.js';
import { LOCALE_MIX } from '../lib/people.js';
import { searchPhrase } from '../lib/phrases.js';
import { jwt } from '../lib/secrets.js';
import { apiHost } from '../lib/sites.js';
import { cookieHeader, encodePairs, withBody } from '../lib/wire.js';
import { createHash } from 'node:crypto';

interface Op {
  name: string;
  query: string;
  variables: (ctx: GenContext) => Record<string, unknown>;
}

const FRAGMENT = 'fragment ProductCard on Product {\n  id\n  title\n  handle\n  price { amount currencyCode }\n  featuredImage { url altText width height }\n}';

const OPS: readonly Op[] = [
  { name: 'GetProduct', query: 'query GetProduct($handle: String!, $country: CountryCode) @inContext(country: $country) {\n  product(handle: $handle) {\n    ...ProductCard\n    description\n    variants(first: 10) { nodes { id title availableForSale } }\n  }\n}\n' + FRAGMENT, variables: (ctx) => ({ handle: ctx.en.helpers.slugify(ctx.en.commerce.productName()).toLowerCase(), country: ctx.rng.pick(['US', 'DE', 'JP', 'GB']) }) },
  { name: 'SearchProducts', query: 'query SearchProducts($query: String!, $first: Int = 24, $after: String, $sortKey: ProductSortKeys) {\n  search(query: $query, first: $first, after: $after, sortKey: $sortKey) {\n    pageInfo { hasNextPage endCursor }\n    nodes { ... on Product { ...ProductCard } }\n  }\n}\n' + FRAGMENT, variables: (ctx) => ({ query: searchPhrase(ctx.rng, ctx.rng.weighted(LOCALE_MIX)), first: ctx.rng.pick([12, 24, 48]), after: ctx.rng.chance(0.4) ? ctx.rng.base64(24) : null, sortKey: ctx.rng.pick(['RELEVANCE', 'PRICE', 'BEST_SELLING']) }) },
  { name: 'Viewer', query: 'query Viewer {\n  viewer {\n    id\n    login\n    name\n    avatarUrl(size: 64)\n    organizations(first: 5) { nodes { login } }\n  }\n}', variables: () => ({}) },
  { name: 'RepoIssues', query: 'query RepoIssues($owner: String!, $name: String!, $states: [IssueState!], $cursor: String) {\n  repository(owner: $owner, name: $name) {\n    issues(first: 50, states: $states, after: $cursor, orderBy: {field: UPDATED_AT, direction: DESC}) {\n      totalCount\n      edges { node { number title author { login } labels(first: 5) { nodes { name } } } }\n    }\n  }\n}', variables: (ctx) => ({ owner: ctx.en.internet.username(), name: ctx.en.helpers.slugify(ctx.en.word.noun()), states: ['OPEN'], cursor: ctx.rng.chance(0.5) ? ctx.rng.base64(30) : null }) },
  { name: 'CreateOrder', query: 'mutation CreateOrder($input: OrderInput!) {\n  createOrder(input: $input) {\n    order { id number total { amount currency } }\n    userErrors { field message }\n  }\n}', variables: (ctx) => ({ input: entity(ctx, 'orders') }) },
  { name: 'UpdateTask', query: 'mutation UpdateTask($id: ID!, $patch: TaskPatch!) {\n  updateTask(id: $id, patch: $patch) { id status updatedAt }\n}', variables: (ctx) => ({ id: ctx.rng.uuid(), patch: entity(ctx, 'tasks') }) },
  { name: 'AddComment', query: 'mutation AddComment($subjectId: ID!, $body: String!) {\n  addComment(input: {subjectId: $subjectId, body: $body}) {\n    commentEdge { node { id url } }\n  }\n}', variables: (ctx) => ({ subjectId: `I_kwDO${ctx.rng.base64(12, true)}`, body: ctx.rng.pick(ctx.text.paragraphs) }) },
  { name: 'CartLinesAdd', query: 'mutation CartLinesAdd($cartId: ID!, $lines: [CartLineInput!]!) {\n  cartLinesAdd(cartId: $cartId, lines: $lines) {\n    cart { id totalQuantity cost { totalAmount { amount currencyCode } } }\n  }\n}', variables: (ctx) => ({ cartId: `gid://shopify/Cart/${ctx.rng.alnum(26)}`, lines: [{ merchandiseId: `gid://shopify/ProductVariant/${ctx.rng.int(1e12, 9e12)}`, quantity: ctx.rng.skewed(4) }] }) },
  { name: 'Notifications', query: 'query Notifications($first: Int!, $unreadOnly: Boolean) {\n  notifications(first: $first, filter: {unread: $unreadOnly}) {\n    nodes { id __typename createdAt ... on MentionNotification { comment { body } } }\n  }\n}', variables: (ctx) => ({ first: 20, unreadOnly: ctx.rng.chance(0.5) }) },
  { name: 'IntrospectionQuery', query: 'query IntrospectionQuery {\n  __schema {\n    queryType { name }\n    mutationType { name }\n    types { kind name description }\n  }\n}', variables: () => ({}) },
];

export const graphql: Family = {
  name: 'graphql',
  summary: 'GraphQL queries and mutations with fragments, directives and variables (nested inputs, cursors, search text), batched arrays, Apollo persisted-query GETs.',
  perScale: 5_000,
  make(ctx) {
    const { rng, en } = ctx;
    const host = apiHost(rng, en);
    let headers: Record<string, string>;
    if (rng.chance(0.7)) {
      const locale = rng.weighted(LOCALE_MIX);
      const site = host.replace(/^(api|gateway|backend)\./, 'www.');
      headers = browserHeaders(rng, pickBrowser(rng, locale), host, 'xhr', { referer: `https://${site}/`, origin: `https://${site}`, site: 'same-site', cookie: rng.chance(0.5) ? cookieHeader(cookieJar(rng, { session: true })) : undefined });
      if (rng.chance(0.4)) headers['apollographql-client-name'] = rng.pick(['web', 'storefront', 'admin-ui']);
    } else headers = { Host: host, 'User-Agent': pickAppUa(rng), Accept: 'application/graphql-response+json, application/json' };
    if (rng.chance(0.5)) headers.Authorization = `Bearer ${jwt(rng)}`;
    if (rng.chance(0.2)) headers['X-Shopify-Storefront-Access-Token'] = rng.hex(32);
    const op = rng.pick(OPS);
    const path = rng.pick(['/graphql', '/graphql', '/api/graphql', '/api/2024-07/graphql.json', '/gql', '/v1/graphql']);
    if (rng.chance(0.2) && !op.query.startsWith('mutation')) {
      const hash = createHash('sha256').update(op.query).digest('hex');
      const pairs: [string, string][] = [['operationName', op.name], ['variables', JSON.stringify(op.variables(ctx))], ['extensions', JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } })]];
      return { method: 'GET', path, query: encodePairs(pairs, rng.chance(0.5) ? 'component' : 'form'), headers };
    }
    const one = () => {
      const o = rng.pick(OPS);
      return { operationName: o.name, variables: o.variables(ctx), query: o.query };
    };
    const payload = rng.chance(0.08) ? [one(), one()] : rng.chance(0.1) ? { query: op.query, variables: op.variables(ctx) } : { operationName: op.name, variables: op.variables(ctx), query: op.query };
    return withBody({ method: 'POST', path, query: '', headers }, rng.chance(0.8) ? 'application/json' : 'application/json; charset=utf-8', JSON.stringify(payload));
  },
};
