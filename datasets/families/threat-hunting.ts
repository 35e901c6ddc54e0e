/**
 * Threat hunting and detection engineering: analysts searching their logs, SIEM and EDR for the strings attacks
 * send — system files, traversals, scanner names, shells spawned by web servers — in each tool's language:
 * Kibana KQL (lower-case booleans, wildcards around quoted traversals, CIDR ranges), Lucene with escaped
 * slashes, Datadog facets with negations and encoded wildcards, EQL with `in (…)` lists, Sentinel/Kusto
 * pipelines, SPL and LogQL; and the detection rules that save such a query. Blind benign sets 5 and 7 (read)
 * showed these searches blocked (0.71–0.9997): the values quote what they look for.
 */
import type { Family } from '../lib/family.js';
import { browserHeaders, cookieJar, pickBrowser, pickServerUa } from '../lib/clients.js';
import type { Rng } from '../lib/rng.js';
import { cookieHeader, encodePairs, withBody, type WireRequest } from '../lib/wire.js';

/** Paths probes ask for, as a hunt quotes them. */
const PATHS = ['/etc/passwd', '/.git/config', '/.env', '/wp-login.php', '/xmlrpc.php', '/phpinfo.php', '/cgi-bin/', '/actuator/env', '/server-status', '/.aws/credentials', '/wp-config.php.bak', '/vendor/phpunit/', '/boaform/admin/formLogin', '/HNAP1/', '/owa/auth/', '/console/login', '/solr/admin/cores', '/manager/html'];
/** Traversal spellings searched for as substrings. */
const TRAVERSALS = ['../', '..%2F', '..%2f', '%2e%2e', '..\\\\', '%252e%252e'];
/** Scanner and tool names in user agents. */
const TOOLS = ['sqlmap', 'nikto', 'nuclei', 'zgrab', 'masscan', 'gobuster', 'wpscan', 'dirbuster', 'python-requests', 'Go-http-client', 'curl'];
/** Processes a hunt for web-server compromise lists. */
const SHELLS = ['sh', 'bash', 'dash', 'cmd.exe', 'powershell.exe', 'pwsh', 'whoami', 'id', 'uname', 'hostname', 'nc', 'ncat', 'curl', 'wget', 'python3', 'perl'];
const PARENTS = ['nginx', 'httpd', 'apache2', 'php-fpm', 'w3wp.exe', 'tomcat9', 'java', 'node'];
const NETS = ['10.0.0.0/8', '192.168.0.0/16', '172.16.0.0/12', '203.0.113.0/24'];

function some(rng: Rng, items: readonly string[], min: number, max: number): string[] {
  const out = new Set<string>();
  const n = rng.int(min, max);
  while (out.size < n) out.add(rng.pick(items));
  return [...out];
}

/** Lucene's escape of `/` in a term. */
const luceneEscape = (p: string): string => p.replace(/\//g, '\\/');

function query(rng: Rng): { lang: 'kql' | 'lucene' | 'datadog' | 'eql' | 'kusto' | 'spl' | 'logql'; text: string } {
  const path = rng.pick(PATHS);
  const trav = rng.pick(TRAVERSALS);
  const tool = rng.pick(TOOLS);
  const status = rng.pick(['200', '>= 400', '>= 500', '< 400']);
  switch (rng.int(0, 9)) {
    case 0:
      return { lang: 'kql', text: `url.original : *"${path}"* ${rng.pick(['and', 'AND'])} not source.ip : ${rng.pick(NETS)}` };
    case 1:
      return { lang: 'kql', text: `url.path : "${path}" or url.query : *"${trav}"* and http.response.status_code ${rng.pick([': 200', '>= 400', ': 404'])}` };
    case 2:
      return { lang: 'kql', text: `user_agent.original : *${tool}* and http.request.method : ${rng.pick(['GET', 'POST', 'PUT'])} and not source.ip : ${rng.pick(NETS)}` };
    case 3:
      return { lang: 'lucene', text: `request:*${luceneEscape(path)}* AND response:[${rng.pick(['200 TO 299', '400 TO 499', '500 TO 599'])}] AND NOT geoip.country_iso_code:${rng.pick(['DE', 'FR', 'US', 'NL'])}` };
    case 4:
      return { lang: 'datadog', text: `@http.url_details.path:*${luceneEscape(path)}* ${rng.pick(['OR', 'AND'])} @http.url_details.queryString.${rng.pick(['file', 'page', 'path', 'template'])}:*${trav}* -@network.client.ip:${rng.pick(['10.*', '192.168.*'])}` };
    case 5: {
      const shells = some(rng, SHELLS, 2, 7).map((s) => `"${s}"`).join(', ');
      const parents = some(rng, PARENTS, 2, 5).map((s) => `"${s}"`).join(', ');
      return { lang: 'eql', text: `process where event.type == "start" and process.parent.name in (${parents}) and process.name in (${shells})` };
    }
    case 6:
      return { lang: 'eql', text: `sequence by host.id with maxspan=${rng.pick(['30s', '1m', '5m'])}\n  [process where process.name == "${rng.pick(['curl', 'wget'])}" and process.args : "http*"]\n  [process where process.name in ("bash", "sh") and process.parent.name == "${rng.pick(['curl', 'wget'])}"]` };
    case 7: {
      const cmds = some(rng, ['whoami /all', 'net user /domain', 'nltest /dclist', 'ipconfig /all', 'systeminfo', 'tasklist /v', 'quser'], 2, 4).map((s) => `"${s}"`).join(', ');
      return { lang: 'kusto', text: `DeviceProcessEvents\n| where Timestamp > ago(${rng.pick(['1d', '7d', '30d'])})\n| where ProcessCommandLine has_any (${cmds})\n| summarize count() by DeviceName, AccountName\n| order by count_ desc` };
    }
    case 8:
      return { lang: 'spl', text: `search index=${rng.pick(['web', 'proxy', 'waf'])} uri_path="*${path}*" status${status.startsWith('>') || status.startsWith('<') ? status.replace(' ', '') : `=${status}`} | stats count by clientip | sort -count | head ${rng.int(10, 50)}` };
    default:
      return { lang: 'logql', text: `{job="${rng.pick(['nginx', 'ingress-nginx', 'waf'])}"} |= "${path}" | json | status ${/^\d/.test(status) ? `== ${status}` : status}` };
  }
}

export const threatHunting: Family = {
  name: 'threat-hunting',
  summary: 'Threat hunting and detection engineering: SIEM/EDR/log searches for what attacks send (system files, traversals, scanner names, shells under web servers) in KQL, Lucene, Datadog, EQL, Kusto, SPL and LogQL, run from Kibana, Datadog, Sentinel, Splunk and Grafana, and detection rules saving such a query.',
  perScale: 3_000,
  make(ctx): WireRequest {
    const { rng } = ctx;
    const q = query(rng);
    const b = pickBrowser(rng, 'en-US');
    const host = { kql: 'kibana.example.net', lucene: 'kibana.example.net', datadog: 'app.datadoghq.example.eu', eql: 'kibana.example.net', kusto: 'api.loganalytics.example.io', spl: 'splunk.example.com:8089', logql: 'grafana.example.io' }[q.lang];
    const cookie = cookieHeader(cookieJar(rng, { session: true, csrf: rng.chance(0.5) }));
    const xhr = browserHeaders(rng, b, host, 'xhr', { referer: `https://${host}/`, origin: `https://${host}`, site: 'same-origin', cookie });
    const json = (path: string, body: unknown, method = 'POST', headers: Record<string, string> = { ...xhr, 'kbn-xsrf': 'true' }): WireRequest => withBody({ method, path, query: '', headers }, 'application/json', JSON.stringify(body));
    // A detection rule saves the query instead of running it.
    if ((q.lang === 'kql' || q.lang === 'eql' || q.lang === 'lucene') && rng.chance(0.3)) {
      return json('/api/detection_engine/rules', { name: rng.pick(['Web shell spawned by web server', 'Traversal against the storefront', 'Scanner traffic', 'Sensitive file requested']), type: q.lang === 'eql' ? 'eql' : 'query', language: q.lang === 'eql' ? 'eql' : q.lang === 'kql' ? 'kuery' : 'lucene', index: [rng.pick(['logs-*', 'logs-nginx.access-*', 'logs-endpoint.events.process-*'])], query: q.text, severity: rng.pick(['low', 'medium', 'high']), risk_score: rng.int(21, 99), interval: '5m', enabled: rng.chance(0.8) }, rng.pick(['POST', 'PUT']));
    }
    switch (q.lang) {
      case 'kql':
        return json('/internal/bsearch', { batch: [{ request: { params: { index: 'logs-*', body: { size: 500, query: { bool: { filter: [{ kql: q.text }, { range: { '@timestamp': { gte: `now-${rng.pick(['15m', '24h', '7d'])}` } } }] } } } } }, options: { strategy: 'ese' } }] });
      case 'lucene':
        return json('/internal/search/es', { params: { index: 'filebeat-*', body: { size: 500, query: { bool: { must: [{ query_string: { query: q.text, analyze_wildcard: true } }] } } } } });
      case 'eql':
        return json('/internal/search/eql', { params: { index: 'logs-endpoint.events.*', body: { query: q.text, size: 100 } } });
      case 'datadog':
        return { method: 'GET', path: '/logs', query: encodePairs([['query', q.text], ['cols', 'host,service,@http.status_code'], ['live', 'true']], rng.pick(['form', 'component'] as const)), headers: browserHeaders(rng, b, host, 'document', { cookie }) };
      case 'kusto':
        return withBody({ method: 'POST', path: `/v1/workspaces/${rng.uuid()}/query`, query: '', headers: { Host: host, 'User-Agent': pickServerUa(rng), Accept: 'application/json', Authorization: `Bearer ${rng.alnum(40)}.${rng.alnum(200)}.${rng.alnum(43)}` } }, 'application/json', JSON.stringify({ query: q.text, timespan: 'P7D' }));
      case 'spl':
        return withBody({ method: 'POST', path: '/services/search/jobs', query: 'output_mode=json', headers: { Host: host, 'User-Agent': pickServerUa(rng), Accept: 'application/json', Authorization: `Splunk ${rng.uuid()}` } }, 'application/x-www-form-urlencoded', encodePairs([['search', q.text], ['earliest_time', '-24h'], ['latest_time', 'now']], 'form'));
      default:
        return { method: 'GET', path: '/api/datasources/proxy/uid/loki/loki/api/v1/query_range', query: encodePairs([['query', q.text], ['limit', String(rng.pick([100, 1000]))], ['direction', 'backward']], rng.pick(['form', 'component'] as const)), headers: xhr };
    }
  },
};
