/**
 * API field selectors and query languages in parameters: partial-response `fields=a,b(c,d)`,
 * OData `$select/$filter/$orderby`, JSON:API `include`/sparse fieldsets, GitHub/Jira/Lucene/
 * Elasticsearch search syntax, search-engine operators (`site:`, `filetype:`, `-word`, `"phrase"`).
 */
import type { Family } from '../lib/family.js';
import { browserHeaders, pickBrowser, pickServerUa } from '../lib/clients.js';
import { LOCALE_MIX } from '../lib/people.js';
import { apiHost, webHost } from '../lib/sites.js';
import { encodePairs, pickQueryStyle, withBody } from '../lib/wire.js';

export const apiSelectors: Family = {
  name: 'api-selectors',
  summary: 'Field selectors and query languages in parameters: fields=a,b(c/d), OData $filter/$select, JSON:API include and fields[type], JQL, GitHub and Lucene/Elasticsearch query strings, search-engine operators (site:, filetype:, -word, "phrase", OR).',
  perScale: 3_000,
  make(ctx) {
    const { rng, en } = ctx;
    const b = pickBrowser(rng, rng.weighted(LOCALE_MIX));
    const word = () => en.commerce.productAdjective().toLowerCase();
    const date = () => `20${rng.int(20, 25)}-0${rng.int(1, 9)}-${rng.int(10, 28)}`;
    const pairs: [string, string][] = [];
    let path = '/api/items';
    switch (rng.int(0, 7)) {
      case 0:
        path = rng.pick(['/youtube/v3/videos', '/drive/v3/files', '/v1/people/me', '/api/v2/users']);
        pairs.push(['fields', rng.pick(['items(id,snippet(title,description),statistics/viewCount)', 'nextPageToken,files(id,name,mimeType,owners/emailAddress)', 'names,emailAddresses,photos(url)', 'id,name,owner{login,email},tags[0:3]', '*'])], ['part', 'snippet,statistics'], ['maxResults', String(rng.int(5, 50))]);
        break;
      case 1:
        path = rng.pick(['/odata/Products', '/api/data/v9.2/accounts', '/sap/opu/odata/sap/API_SALES_ORDER_SRV/A_SalesOrder']);
        pairs.push(['$select', rng.pick(['Name,Price,Category', 'name,accountnumber,revenue', 'SalesOrder,TotalNetAmount'])], ['$filter', rng.pick([`Price le ${rng.int(10, 500)} and startswith(Name,'${en.commerce.product()}')`, `contains(name,'${word()}') or revenue gt ${rng.int(1000, 90000)}`, `CreationDate ge datetime'${date()}T00:00:00' and OverallSDProcessStatus ne 'C'`, `Category/Name eq 'Beverages' and not (Discontinued eq true)`])], ['$orderby', rng.pick(['Price desc', 'createdon asc,name'])], ['$top', String(rng.int(5, 100))], ['$expand', rng.pick(['Category($select=Name)', 'primarycontactid($select=fullname)', 'to_Item'])]);
        break;
      case 2:
        path = rng.pick(['/api/articles', '/api/v1/orders', '/jsonapi/node/article']);
        pairs.push(['include', rng.pick(['author,comments.author', 'customer,line_items.product', 'field_image,uid'])], [`fields[${rng.pick(['articles', 'people', 'node--article'])}]`, rng.pick(['title,body,author', 'name,email', 'title,created'])], ['filter[status]', rng.pick(['in:open|pending', 'published', '!draft'])], ['filter[created][gte]', date()], ['sort', rng.pick(['-created_at,+name', '-updated', 'title,-id'])], ['page[size]', String(rng.int(10, 50))]);
        break;
      case 3:
        path = '/rest/api/3/search';
        pairs.push(['jql', rng.pick([`project = ${rng.alnum(3).toUpperCase()} AND status in ("In Progress", Done) ORDER BY created DESC`, `assignee = currentUser() AND resolution = Unresolved AND priority >= High`, `labels in (backend, "tech-debt") AND updated >= -7d AND text ~ "${word()}*"`, `sprint in openSprints() AND (type = Bug OR type = Story) AND "Story Points" > 3`])], ['fields', 'summary,status,assignee'], ['maxResults', '50']);
        break;
      case 4:
        path = rng.pick(['/search/issues', '/search/code', '/search/repositories']);
        pairs.push(['q', rng.pick([`is:open is:pr author:@me label:"${word()}" created:>=${date()}`, `${word()} in:file language:typescript repo:${en.internet.username()}/${word()}`, `stars:>1000 pushed:>${date()} topic:${word()} -archived:true`, `org:${en.internet.username()} "${en.commerce.product()}" NOT fork:true`])], ['per_page', '30']);
        break;
      case 5: {
        path = rng.pick(['/logs/_search', '/api/search', '/kibana/api/console/proxy']);
        if (rng.chance(0.5)) {
          const query = rng.pick([`status:>=400 AND path:\\/api\\/* AND NOT user_agent:*bot*`, `title:"${en.commerce.productName()}" AND price:[10 TO 100]`, `_exists_:error.stack_trace AND @timestamp:[now-1h TO now]`]);
          const host = apiHost(rng, en);
          return withBody({ method: 'POST', path, query: '', headers: browserHeaders(rng, b, host, 'xhr', { origin: `https://${host}`, site: 'same-origin' }) }, 'application/json', JSON.stringify({ query: { query_string: { query, default_operator: 'AND' } }, size: rng.int(10, 100), sort: [{ '@timestamp': 'desc' }] }));
        }
        pairs.push(['q', rng.pick([`status:>=400 AND path:/api/* AND NOT user_agent:*bot*`, `title:"${en.commerce.productName()}" AND (tag:${word()} OR tag:${word()}) price:[10 TO 100]`, `host.name:web-0? AND message:"timeout" -level:debug`, `_exists_:error.stack_trace AND @timestamp:[now-1h TO now]`])], ['size', String(rng.int(10, 100))]);
        break;
      }
      case 6:
        path = rng.pick(['/search', '/s', '/results']);
        pairs.push(['q', rng.pick([`${word()} ${en.commerce.product()} site:${webHost(rng, en)}`, `"${en.commerce.productName()}" filetype:pdf`, `${en.commerce.product()} -used -refurbished`, `${word()} OR ${word()} ${en.commerce.product()}`, `intitle:"${en.commerce.product()}" inurl:review`, `${en.commerce.product()} price < ${rng.int(50, 500)}`, `related:${webHost(rng, en)}`, `define:${word()}`, `${rng.int(1, 99)} * ${rng.int(1, 99)}`, `before:${date()} ${en.commerce.product()}`])]);
        break;
      default:
        path = rng.pick(['/api/v1/query', '/api/v1/query_range']);
        pairs.push(['query', rng.pick([`sum(rate(http_requests_total{job="api",code=~"5.."}[5m])) by (route)`, `histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket[5m])))`, `up{instance=~"10\\\\.0\\\\..*"} == 0`, `avg_over_time(node_load1[15m]) > 2 and on(instance) node_memory_MemAvailable_bytes < 1e9`])], ['step', '30']);
    }
    const host = rng.chance(0.5) ? apiHost(rng, en) : webHost(rng, en);
    const headers = rng.chance(0.7) ? browserHeaders(rng, b, host, 'xhr', { referer: `https://${host}/`, site: 'same-origin' }) : { Host: host, 'User-Agent': pickServerUa(rng), Accept: 'application/json', Authorization: `Bearer ${rng.alnum(40)}` };
    return { method: 'GET', path, query: encodePairs(pairs, pickQueryStyle(rng)), headers };
  },
};
