/**
 * Search back ends reached through the proxy by applications, dashboards and log shippers:
 * Elasticsearch/OpenSearch (index patterns in the path — `logs-*`, `filebeat-*,metricbeat-*` —, query
 * DSL with `query_string`, `_bulk` JSON lines, `_cat` listings, scrolls), Solr (`q=title:(a AND b)`,
 * `fq=price:[10 TO 100]`, local params) and Meilisearch/Typesense filter expressions. Wildcards,
 * ranges, boolean operators and `/*`-shaped paths are the syntax of these APIs, not an injection.
 */
import type { Family } from '../lib/family.js';
import { pickServerUa } from '../lib/clients.js';
import type { Rng } from '../lib/rng.js';
import { encodePairs, withBody, type WireRequest } from '../lib/wire.js';

const INDEX_PATTERNS = ['logs-*', 'filebeat-*', 'metricbeat-*,filebeat-*', 'logs-app-2026.12.*', 'kibana_sample_data_*', '.ds-logs-*', 'orders', 'products_v3', 'traces-apm*,apm-*', 'audit-*'];
const ENDPOINTS = ['_search', '_count', '_mapping', '_field_caps', '_stats', '_settings', '_refresh'];

function esQuery(rng: Rng, word: string): Record<string, unknown> {
  return rng.pick<() => Record<string, unknown>>([
    () => ({ query: { query_string: { query: rng.pick([`status:>=500 AND url.path:\\/api\\/* AND NOT user_agent.original:*bot*`, `message:"${word}" AND host.name:web-0?`, `level:(error OR fatal) AND service.name:checkout`, `_exists_:error.stack_trace`]), default_operator: 'AND' } }, size: rng.int(10, 500), sort: [{ '@timestamp': { order: 'desc' } }] }),
    () => ({ query: { bool: { must: [{ match: { title: word } }], filter: [{ range: { price: { gte: rng.int(1, 50), lte: rng.int(60, 900) } } }, { terms: { 'category.keyword': ['books', 'music'] } }] } }, aggs: { by_brand: { terms: { field: 'brand.keyword', size: 20 } } } }),
    () => ({ size: 0, query: { range: { '@timestamp': { gte: 'now-24h/h', lt: 'now/h' } } }, aggs: { per_hour: { date_histogram: { field: '@timestamp', fixed_interval: '1h' }, aggs: { p95: { percentiles: { field: 'event.duration', percents: [95, 99] } } } } } }),
    () => ({ query: { wildcard: { 'user.name': { value: `${word.slice(0, 3)}*` } } }, _source: ['user.*', '@timestamp'] }),
  ])();
}

export const searchBackends: Family = {
  name: 'search-backends',
  summary: 'Search back ends behind the proxy: Elasticsearch/OpenSearch index patterns in paths (logs-*/_search), query DSL with query_string, _bulk JSON lines, _cat listings, scrolls; Solr q/fq with ranges, booleans and local params; Meilisearch/Typesense filter expressions.',
  perScale: 3_000,
  make(ctx): WireRequest {
    const { rng, en } = ctx;
    const word = en.commerce.productAdjective().toLowerCase();
    const host = rng.pick(['es.internal.example:9200', 'search.example.com', 'opensearch.prod.example.net', 'solr.example.org:8983', 'meili.example.com']);
    const headers = { Host: host, 'User-Agent': rng.pick([pickServerUa(rng), 'elastic-transport-js/8.15.0 (linux 6.8; Node.js 20.18.0)', 'opensearch-py/2.6.0', 'Grafana/11.3.0', 'Kibana/8.15.3', 'Filebeat/8.15.3', 'Fluent-Bit/3.1']), Accept: 'application/json', Authorization: rng.pick([`ApiKey ${Buffer.from(`${rng.alnum(20)}:${rng.alnum(22)}`).toString('base64')}`, `Basic ${Buffer.from(`elastic:${rng.alnum(16)}`).toString('base64')}`]) };
    const index = rng.pick(INDEX_PATTERNS);
    switch (rng.int(0, 5)) {
      case 0:
        return withBody({ method: 'POST', path: `/${index}/${rng.pick(['_search', '_search', '_count', '_async_search'])}`, query: rng.chance(0.4) ? encodePairs([['ignore_unavailable', 'true'], ['track_total_hits', 'true']], 'component') : '', headers }, 'application/json', JSON.stringify(esQuery(rng, word)));
      case 1: {
        // _bulk: an action line, then the document, per line.
        const lines: string[] = [];
        for (let k = 0; k < rng.int(1, 4); k++) {
          lines.push(JSON.stringify({ index: { _index: `logs-app-2026.12.${String(rng.int(1, 28)).padStart(2, '0')}` } }));
          lines.push(JSON.stringify({ '@timestamp': `2026-12-05T0${rng.int(0, 9)}:1${rng.int(0, 9)}:00Z`, message: rng.pick([`GET /api/orders?status=open 200 ${rng.int(2, 900)}ms`, `user ${en.internet.username()} logged in`, `cache miss for key product:${rng.int(1, 9999)}`]), 'log.level': rng.pick(['info', 'warn', 'error']), 'service.name': rng.pick(['checkout', 'api', 'worker']) }));
        }
        return withBody({ method: 'POST', path: '/_bulk', query: '', headers }, 'application/x-ndjson', lines.join('\n') + '\n');
      }
      case 2:
        return { method: 'GET', path: `/${rng.pick(['_cat/indices', '_cat/shards', '_cat/aliases', '_cat/count'])}/${index}`, query: encodePairs([['v', 'true'], ['s', rng.pick(['index', 'store.size:desc', 'docs.count:desc'])], ['h', 'index,health,docs.count,store.size']], 'component'), headers };
      case 3:
        return { method: 'GET', path: `/${index}/${rng.pick(ENDPOINTS)}${rng.chance(0.3) ? '/field/*' : ''}`, query: rng.chance(0.5) ? encodePairs([['q', rng.pick([`${word}*`, `title:${word} AND price:<100`, 'status:[400 TO 499]'])], ['size', String(rng.int(5, 50))]], 'component') : '', headers };
      case 4:
        // Solr select with filter queries and local params.
        return { method: 'GET', path: `/solr/${rng.pick(['products', 'catalog', 'docs'])}/select`, query: encodePairs([['q', rng.pick([`title:(${word} AND ${en.commerce.product().toLowerCase()})`, `{!edismax qf="title^2 description"}${word}`, `*:*`, `name:${word}* OR sku:A-${rng.int(100, 999)}`])], ['fq', rng.pick([`price:[${rng.int(1, 50)} TO ${rng.int(60, 500)}]`, 'inStock:true', `category:"${en.commerce.department()}"`, '-discontinued:true'])], ['fl', 'id,name,price,score'], ['sort', rng.pick(['score desc', 'price asc'])], ['rows', String(rng.int(10, 50))], ['wt', 'json']], rng.chance(0.5) ? 'form' : 'component'), headers };
      default:
        // Meilisearch / Typesense filter expressions.
        return withBody({ method: 'POST', path: rng.pick(['/indexes/products/search', '/multi_search', '/collections/products/documents/search']), query: '', headers: { ...headers, Authorization: `Bearer ${rng.alnum(32)}` } }, 'application/json', JSON.stringify({ q: word, filter: rng.pick([`price > ${rng.int(1, 50)} AND price < ${rng.int(60, 500)} AND (brand = "acme" OR brand = "globex")`, 'genres IN [horror, comedy] AND release_date > 795484800', `tags = "${word}" AND NOT archived = true`]), sort: [rng.pick(['price:asc', 'release_date:desc'])], limit: rng.int(10, 40), attributesToHighlight: ['*'] }));
    }
  },
};
