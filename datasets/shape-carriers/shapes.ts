/**
 * The value shapes the model gate lets pass or scores in part (src/model: gate.ts and the screen's shape tests), each
 * with benign values it accepts (from its own tests and the benign family that motivated it), the field and route it is
 * meant for, and the payload kinds an attacker would wrap in it. datasets/shape-carriers.ts wraps payloads in them.
 */

/** How a value travels: a query parameter, a form field, a JSON field (dotted path of objects), a multipart field, a header, or the request path. */
export type Spelling = 'query' | 'form' | 'json' | 'multipart' | 'header' | 'path';

export interface ShapeRoute {
  method: string;
  host: string;
  path: string;
  spelling: Spelling;
  /** The field's name (a header's name for `header`; a JSON field's dotted path, `a.b.0.c`). */
  field: string;
  /** Other fields sent beside it, as they are (query or form pairs, JSON fields). */
  beside?: Record<string, string>;
  /** JSON fields beside it that are no string (a number, an array of lines), by dotted path. */
  json?: Record<string, unknown>;
  /** The JSON field holds the value as an array of its lines, each with its line break (nbformat's multi-line strings). */
  lines?: boolean;
}

export type PayloadKind = 'sql' | 'sql-tail' | 'xss' | 'js' | 'cmd' | 'path' | 'ssti' | 'jndi' | 'family';

export interface ShapeSpec {
  /** The recogniser, as `module:function`. */
  recogniser: string;
  /** Benign values the recogniser accepts. */
  shapes: readonly string[];
  /** The payload kinds wrapped in it. */
  kinds: readonly PayloadKind[];
  /** The routes it is meant for (ordinary routes are added by the generator). */
  routes: readonly ShapeRoute[];
  /** Whether the generator's ordinary routes apply (false for headers and whole request paths). */
  ordinary?: boolean;
}

const q = (host: string, path: string, field: string, beside?: Record<string, string>): ShapeRoute => ({ method: 'GET', host, path, spelling: 'query', field, beside });
const j = (host: string, path: string, field: string, beside?: Record<string, string>, method = 'POST'): ShapeRoute => ({ method, host, path, spelling: 'json', field, beside });
const f = (host: string, path: string, field: string, beside?: Record<string, string>): ShapeRoute => ({ method: 'POST', host, path, spelling: 'form', field, beside });
const h = (name: string, host = 'shop.example.test', path = '/account/orders'): ShapeRoute => ({ method: 'GET', host, path, spelling: 'header', field: name });

const GTAG = "<script async src=\"https://www.googletagmanager.com/gtag/js?id=G-8XK2LQ4M1Z\"></script>\n<script>\n  window.dataLayer = window.dataLayer || [];\n  function gtag(){dataLayer.push(arguments);}\n  gtag('js', new Date());\n\n  gtag('config', 'G-8XK2LQ4M1Z', { 'anonymize_ip': true });\n</script>";
const GTM = "<!-- Google Tag Manager -->\n<script>(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':\nnew Date().getTime(),event:'gtm.js'});var f=d.getElementsByTagName(s)[0],\nj=d.createElement(s),dl=l!='dataLayer'?'&l='+l:'';j.async=true;j.src=\n'https://www.googletagmanager.com/gtm.js?id='+i+dl;f.parentNode.insertBefore(j,f);\n})(window,document,'script','dataLayer','GTM-K7Q2ZP4');</script>\n<!-- End Google Tag Manager -->";
const MATOMO = "<script>\n  var _paq = window._paq = window._paq || [];\n  _paq.push(['trackPageView']);\n  _paq.push(['enableLinkTracking']);\n  (function() {\n    var u=\"https://stats.example.org/\";\n    _paq.push(['setTrackerUrl', u+'matomo.php']);\n    _paq.push(['setSiteId', '3']);\n    var d=document, g=d.createElement('script'), s=d.getElementsByTagName('script')[0];\n    g.async=true; g.src=u+'matomo.js'; s.parentNode.insertBefore(g,s);\n  })();\n</script>";
const LIQUID = `<!doctype html>\n<html lang="{{ request.locale.iso_code }}">\n<head>\n  <meta charset="utf-8">\n  <meta name="viewport" content="width=device-width,initial-scale=1">\n  <title>{{ page_title }}</title>\n  {{ content_for_header }}\n  {{ 'base.css' | asset_url | stylesheet_tag }}\n</head>\n<body class="template-{{ template.name }}">\n  {% section 'header' %}\n  {{ content_for_layout }}\n</body>\n</html>`;
// A self-hosted Umami's tag (adm33b, session 33: tag-snippets.ts SELF_HOSTED_UMAMI).
const UMAMI = '<script async src="https://umami.shop.example/script.js" data-website-id="9bd0e433-5d7c-40ce-8098-54344f81e465"></script>';
const SOH = '\u0001';
/** A cell of a Jupyter notebook saved through Jupyter Server's contents API, its source an array of lines (session 33, nb33). */
const nb = (field: string): ShapeRoute => ({
  method: 'PUT', host: 'hub.example-uni.ac.uk', path: '/user/aosei/api/contents/analysis/fit.ipynb', spelling: 'json', field, lines: true,
  beside: { type: 'notebook', format: 'json', 'content.cells.0.cell_type': 'markdown', 'content.cells.1.cell_type': 'code' },
  json: { 'content.cells.0.source': ['## Fit the model\n', 'Random intercept per `site`.'], 'content.nbformat': 4, 'content.nbformat_minor': 5 },
});

export const SHAPES: readonly ShapeSpec[] = [
  { recogniser: 'sql-condition:isSqlCondition', shapes: ["entity IN ('UK01','DE02') AND counterparty IN ('UK01','DE02') AND account LIKE '1_5%'", "status = 'active' AND created_at >= '2026-01-01'", 'region_id = 4 AND amount > 1000'], kinds: ['sql-tail', 'sql', 'family'], routes: [j('close.example-fin.com', '/api/v2/elimination-rules', 'rule.where_clause'), q('data.example-city.gov', '/resource/x7qp-2mfa.json', '$where', { $select: 'name,total', $limit: '50' })] },
  { recogniser: 'quoted-code:isWholeSqlStatement', shapes: ["SELECT id, name FROM orders WHERE status = 'paid' ORDER BY id LIMIT 20", 'SELECT count(*) FROM events GROUP BY day'], kinds: ['sql-tail', 'sql', 'family'], routes: [j('bi.example.com', '/api/v1/questions', 'dataset_query.native.query'), q('bi.example.com', '/question', 'query')] },
  { recogniser: 'quoted-code:maskQuotedCode', shapes: ["Why is `SELECT id FROM orders WHERE status = 'paid'` slow on Postgres 16? The table has 4M rows.", 'Try this:\n```\nconst rows = await db.all(sql);\nconsole.log(rows.length);\n```\nIt should print the count.'], kinds: ['sql', 'xss', 'cmd', 'family'], routes: [j('forum.example.dev', '/api/posts', 'post.raw')] },
  { recogniser: 'quoted-program:isQuotedProgram', shapes: ['const items = list.filter((x) => x.active);\nconsole.log(items.length);\n', 'def total(rows):\n    return sum(r.amount for r in rows)\nprint(total(data))\n'], kinds: ['cmd', 'js', 'family'], routes: [j('chat.example.ai', '/v1/snippets', 'code')] },
  { recogniser: 'import-lines:isStaticImportLines', shapes: ['import { env } from "std-env";\nimport path from "node:path";'], kinds: ['js', 'family'], routes: [j('chat.example.ai', '/v1/snippets', 'file')] },
  { recogniser: 'ini-settings:isIniSettings', shapes: ['[database]\nhost = db.internal\nport = 5432\nname = shop\n', '[mail]\nsmtp_host = smtp.example.com\nsmtp_port = 587\n'], kinds: ['cmd', 'path', 'family'], routes: [j('panel.example.net', '/api/config/files', 'content', { path: '/etc/shop/app.ini' })] },
  { recogniser: 'dialplan:isDialplan', shapes: ['exten => 100,1,Dial(PJSIP/100&PJSIP/101,20)\nexten => 100,n,VoiceMail(100@default,u)\n'], kinds: ['cmd', 'family'], routes: [j('pbx.example.net', '/admin/config.php', 'extensions_custom')] },
  { recogniser: 'apache-directives:routingQueries', shapes: ['RewriteEngine On\nRewriteCond %{REQUEST_FILENAME} !-f\nRewriteRule ^(.*)$ index.php?q=$1 [L,QSA]\n'], kinds: ['cmd', 'path', 'family'], routes: [j('panel.example.net', '/api/config/files', 'content', { path: '/var/www/html/.htaccess' })] },
  { recogniser: 'csv-text:csvText', shapes: ['name,email,notes\n"Ann Lee","ann@example.com","likes ""tea"""\n"Bo Chen","bo@example.com","second row"\n'], kinds: ['sql', 'xss', 'family'], routes: [j('crm.example.com', '/api/imports', 'data')] },
  { recogniser: 'graph-query:traversalLiterals', shapes: ["g.V().has('account','id','A-1001').out('transfer').values('amount')"], kinds: ['cmd', 'path', 'js', 'family'], routes: [j('graph.example.com', '/gremlin', 'gremlin')] },
  { recogniser: 'data-mapping:textAroundMappings', shapes: ['Order {{3.id}} for {{3.customer.name}} is paid', 'Hi {{ $json.body.firstName }}, your ticket {{ $json.body.id }} is open'], kinds: ['ssti', 'sql', 'xss', 'family'], routes: [j('automate.example.com', '/api/v1/workflows', 'nodes.0.parameters.text')] },
  { recogniser: 'jmeter-functions:textAroundJmeterRefs', shapes: ['/api/search?q=${__urlencode(${term})}&page=${__Random(1,5)}', 'id-${__UUID()}-${__time(yyyyMMdd,)}'], kinds: ['ssti', 'jndi', 'path', 'family'], routes: [j('load.example.com', '/api/plans/42/samplers', 'path')] },
  { recogniser: 'fix-messages:fixFieldsText', shapes: [['8=FIX.4.4', '9=153', '35=8', '49=BROKER', '56=ACME', '34=412', '55=AAPL', '54=1', '38=100', '10=112'].join(SOH) + SOH], kinds: ['sql', 'xss', 'family'], routes: [j('ops.example-broker.com', '/api/dropcopy/messages', 'raw')] },
  { recogniser: 'tag-snippets:textAroundTagSnippets', shapes: [GTAG, GTM, MATOMO], kinds: ['js', 'xss', 'family'], routes: [f('shop.example.com', '/wp-admin/options-general.php', 'ihaf_insert_header', { _wpnonce: 'a1b2c3d4e5', submit: 'Save' }), j('blog.example.com', '/ghost/api/admin/settings/', 'settings.0.value', { 'settings.0.key': 'codeinjection_head' }, 'PUT')] },
  { recogniser: 'tag-snippets:selfHostedUmami', shapes: [UMAMI, `${GTM}\n${UMAMI}`], kinds: ['js', 'xss', 'family'], routes: [f('shop.example.com', '/wp-admin/options-general.php', 'ihaf_insert_header', { _wpnonce: 'a1b2c3d4e5', submit: 'Save' }), j('blog.example.com', '/ghost/api/admin/settings/', 'settings.0.value', { 'settings.0.key': 'codeinjection_head' }, 'PUT')] },
  { recogniser: 'page-layout:textOutsidePageLayout', shapes: [LIQUID.replace('  {{ content_for_header }}\n', `  {{ content_for_header }}\n${GTAG}\n`), LIQUID.replace('  {{ content_for_header }}\n', `  {{ content_for_header }}\n${GTM}\n`)], kinds: ['js', 'xss', 'ssti', 'family'], routes: [j('k3x9q2m1.myshopify.com', '/admin/api/2024-07/themes/357906983048/assets.json', 'asset.value', { 'asset.key': 'layout/theme.liquid' }, 'PUT')] },
  { recogniser: 'log-search:isLogSearch', shapes: ['{app="nginx"} |= "/etc/passwd" | json | status >= 500', 'service:web AND status:500 AND path:"/wp-login.php"'], kinds: ['cmd', 'sql', 'path', 'family'], routes: [q('grafana.example.com', '/explore', 'q')] },
  { recogniser: 'code-search:isCodeSearch', shapes: ['Runtime.getRuntime().exec lang:java repo:acme/legacy-admin', 'getServletContext lang:java file:src/main'], kinds: ['cmd', 'sql', 'js', 'family'], routes: [q('sourcegraph.example.com', '/search', 'q')] },
  { recogniser: 'field-intent:isSearchProse', shapes: ['union select mattress', 'table for 2 or 3', 'echo box'], kinds: ['sql', 'cmd', 'xss', 'family'], routes: [q('shop.example.test', '/search', 'q')] },
  { recogniser: 'field-intent:isMessageProse', shapes: ['and in PowerShell?', 'can you show me the select statement for that'], kinds: ['sql', 'cmd', 'xss', 'family'], routes: [j('chat.example.ai', '/v1/chat/completions', 'messages.1.content')] },
  { recogniser: 'field-intent:isLabelSelector', shapes: ['metadata.namespace!=kube-system', 'tier in (frontend,backend),!canary'], kinds: ['sql', 'cmd', 'path', 'family'], routes: [q('k8s.example.internal', '/api/v1/pods', 'labelSelector')] },
  { recogniser: 'field-intent:isUnifiedDiff', shapes: ['@@ -12,3 +12,4 @@\n const a = 1;\n-const b = 2;\n+const b = 3;\n'], kinds: ['sql', 'xss', 'cmd', 'family'], routes: [j('forge.example.com', '/api/v4/projects/12/merge_requests/3/discussions', 'position.diff_hunk')] },
  { recogniser: 'field-intent:passwordMayCarryAttack', shapes: ['Tr0ub4dor&3!x', 'k#9Vq!2mZ@p'], kinds: ['sql', 'cmd', 'family'], routes: [f('shop.example.test', '/login', 'password', { username: 'ann' })] },
  { recogniser: 'spreadsheet-formula:isSpreadsheetFormula', shapes: ['=SUM(A1:A10)/COUNT(A1:A10)', '=IF(B2>100,"high","low")'], kinds: ['sql-tail', 'cmd', 'family'], routes: [j('sheets.example.com', '/api/v1/cells', 'formula')] },
  { recogniser: 'product-tokens:isProductList', shapes: ['Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0', 'OpenAI/Python 1.57.0'], kinds: ['jndi', 'cmd', 'sql', 'family'], routes: [h('User-Agent')], ordinary: false },
  { recogniser: 'referer-origin:sameOriginRefererParts', shapes: ['https://shop.example.test/account/orders?page=2&sort=date', 'https://shop.example.test/settings/network'], kinds: ['sql', 'xss', 'path', 'family'], routes: [h('Referer')], ordinary: false },
  { recogniser: 'referer-origin:namedHostRefererParts', shapes: ['https://grafana.internal/d/bYjhjyxaf/rabbitmq?orgId=1&var-namespace=istio-system'], kinds: ['sql', 'xss', 'path', 'family'], routes: [h('Referer')], ordinary: false },
  { recogniser: 'url-values:urlValueParts', shapes: ['https://shop.example.test/search?q=shadow+box&page=2', 'q=table+lamp&page=2&sort=price'], kinds: ['sql', 'xss', 'path', 'family'], routes: [q('www.example-analytics.com', '/g/collect', 'dl', { v: '2', tid: 'G-8XK2LQ4M1Z', en: 'page_view' })] },
  { recogniser: 'path-mention:isPathMention', shapes: ['/var/log/nginx/access.log', '/usr/bin/convert', '/var/log/nginx/*.log'], kinds: ['cmd', 'path', 'family'], routes: [j('panel.example.net', '/api/settings', 'log_file')] },
  { recogniser: 'file-save:mayBeSaveLocation', shapes: ['/home/shop/public_html/index.php', '/etc/nginx/conf.d/shop.conf'], kinds: ['path', 'cmd', 'family'], routes: [f('10.0.4.12:2083', '/cpsess1234567890/execute/Fileman/save_file_content', 'path', { content: 'server {\n    listen 80;\n}\n', from_charset: 'UTF-8' })] },
  { recogniser: 'forge-paths:isForgePath', shapes: ['/acme/shop/blob/main/src/app.ts', '/acme/shop/commits/main/etc/nginx.conf'], kinds: ['path', 'cmd', 'sql', 'family'], routes: [{ method: 'GET', host: 'forge.example.com', path: '', spelling: 'path', field: 'path' }], ordinary: false },
  { recogniser: 'wildcard-paths:isWildcardPath', shapes: ['/logs-*/_search', '/metrics-2026.*/_count'], kinds: ['path', 'cmd', 'sql', 'family'], routes: [{ method: 'GET', host: 'search.example.internal:9200', path: '', spelling: 'path', field: 'path' }], ordinary: false },
  { recogniser: 'error-messages:isErrorMessage', shapes: ["TypeError: Cannot read properties of undefined (reading 'id')", '[Errno 2] No such file or directory: /srv/app/config.yaml'], kinds: ['sql', 'xss', 'cmd', 'family'], routes: [j('sentry.example.com', '/api/42/store/', 'exception.values.0.value')] },
  { recogniser: 'path-mention:isLspDocumentUri', shapes: ['file:///workspace/src/server.ts'], kinds: ['path', 'cmd', 'family'], routes: [j('ide.example.dev', '/lsp', 'params.textDocument.uri', { method: 'textDocument/didOpen' })] },
  { recogniser: 'firewall-expression:isFirewallExpression', shapes: ['ip.geoip.country in {"CN" "RU"} and cf.threat_score gt 14', 'http.request.headers["x-api-key"][0] ne "abc" and http.request.method eq "POST"'], kinds: ['sql-tail', 'cmd', 'family'], routes: [j('api.example-cdn.com', '/client/v4/zones/1/filters', 'expression')] },
  { recogniser: 'property-expression:isPropertyExpression', shapes: ['user.firstName + " " + user.lastName', '$session.params.order_id != null AND $session.params.order_status = "shipped"'], kinds: ['sql-tail', 'js', 'ssti', 'family'], routes: [j('idp.example.com', '/api/v1/mappings', 'properties.displayName.expression')] },
  { recogniser: 'value-shapes:isMeasurement', shapes: ['7-1/2" x 9-1/2"', '1/2 cup (40 g)'], kinds: ['sql', 'xss', 'cmd', 'family'], routes: [j('shop.example-frames.com', '/cart/add.js', 'items.0.properties.Mat opening')] },
  { recogniser: 'value-shapes:isPunctuationOnly', shapes: ['{[()]}', '(())\n()()'], kinds: ['sql', 'xss', 'family'], routes: [j('assess.example-hire.com', '/api/submissions/run', 'stdin')] },
  { recogniser: 'value-shapes:isInertImageTag', shapes: ['<img src="/img/hero.jpg" class="hero">'], kinds: ['xss', 'js', 'family'], routes: [j('a11y.example-audit.com', '/api/scans/results', 'violations.0.nodes.0.html')] },
  { recogniser: 'value-shapes:isSpfRecord', shapes: ['v=spf1 include:_spf.google.com ip4:203.0.113.0/24 ~all'], kinds: ['cmd', 'sql', 'family'], routes: [j('dns.example.com', '/api/zones/example.com/records', 'content', { type: 'TXT' })] },
  { recogniser: 'value-shapes:isHostBlockRule', shapes: ['||ads.example.net^'], kinds: ['cmd', 'xss', 'family'], routes: [j('dns.example.com', '/control/filtering/set_rules', 'rules.0')] },
  { recogniser: 'value-shapes:isItemKey', shapes: ['vfs.file.contents[/proc/sys/net/ipv4/ip_forward]'], kinds: ['cmd', 'path', 'family'], routes: [j('zabbix.example.com', '/api_jsonrpc.php', 'params.key_')] },
  { recogniser: 'value-shapes:isDimensionList', shapes: ['H. 4.1 cm (1 5/8 in.); Diam. 12.7 cm (5 in.)', '30 x 20 cm; 2 kg'], kinds: ['sql', 'xss', 'cmd', 'family'], routes: [j('museum.example.org', '/api/objects/77', 'dimensions')] },
  { recogniser: 'value-shapes:isNumericCode', shapes: ['1-0:1.8.0*255'], kinds: ['sql', 'cmd', 'family'], routes: [j('meter.example.net', '/api/registers', 'obis')] },
  { recogniser: 'value-shapes:isDatePattern', shapes: ["yyyy-MM-dd'T'HH:mm:ss.SSSXXX", "EEEE, d 'de' MMMM 'de' y"], kinds: ['sql', 'ssti', 'family'], routes: [j('app.example.com', '/api/locale', 'datePattern')] },
  { recogniser: 'value-shapes:isQuotedCode', shapes: ["'500@399'", "'2026-12-06'"], kinds: ['sql', 'cmd', 'family'], routes: [q('ssd.example.gov', '/api/horizons.api', 'CENTER')] },
  { recogniser: 'value-shapes:isLdapFilter', shapes: ['(|(cn=*smith*)(mail=*smith*)(sAMAccountName=*smith*))', '(&(objectClass=user)(memberOf=CN=Staff,OU=Groups,DC=example,DC=com))'], kinds: ['sql', 'cmd', 'family'], routes: [j('idp.example.com', '/api/directories/1', 'userFilter')] },
  { recogniser: 'value-shapes:isPlainXmlFragment', shapes: ['<entry><name>web-01</name><port>8443</port></entry>'], kinds: ['xss', 'path', 'sql', 'family'], routes: [j('fw.example.net', '/api/config', 'element')] },
  { recogniser: 'value-shapes:isDmsPosition', shapes: ["53°57.2'N 009°57.4'E", '40°26\'46"N, 79°58\'56"W'], kinds: ['sql', 'xss', 'family'], routes: [j('ais.example.net', '/api/positions', 'position')] },
  { recogniser: 'value-shapes:isClusterServiceOrigin', shapes: ['http://orders.orders.svc:8080/'], kinds: ['path', 'cmd', 'family'], routes: [j('gw.example.internal', '/apis', 'proxy.target_url')] },
  { recogniser: 'value-shapes:isImageDataUri', shapes: ['data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='], kinds: ['xss', 'js', 'family'], routes: [j('cms.example.com', '/api/media', 'src')] },
  // Session 33, nb33: blind benign set 16's shapes (bb33: tex-markup.ts, format-fields.ts, FHIRPath in property-expression.ts) and notebook cells (notebook-cells.ts).
  { recogniser: 'tex-markup:isTexMarkup', shapes: ['\\usepackage[utf8]{inputenc}', '\\addbibresource{refs.bib}', '\\graphicspath{{figures/}}', '\\includegraphics[width=0.8\\textwidth]{figures/fit}'], kinds: ['path', 'cmd', 'ssti', 'xss', 'sql', 'family'], routes: [j('tex.example-uni.ac.uk', '/project/6571c0ffee0123456789abcd/doc/6571c0ffee0123456789abce/save', 'lines.1', { 'lines.0': '\\documentclass{article}', 'lines.2': '\\begin{document}' })] },
  { recogniser: 'format-fields:textAroundFormatFields', shapes: ["print(f'{boot.mean():.3f} ± {boot.std():.3f}')", 'logger.info(f"{elapsed:.2f}s for {n:,} rows")\n'], kinds: ['cmd', 'js', 'ssti', 'sql', 'family'], routes: [nb('content.cells.1.source'), j('chat.example.ai', '/v1/snippets', 'code')] },
  { recogniser: 'property-expression:isPropertyExpression(FHIRPath)', shapes: ['%weight / ((%height / 100).power(2))', '%resource.item.count() > 3'], kinds: ['sql-tail', 'js', 'ssti', 'family'], routes: [j('fhir.example-health.org', '/r4/Questionnaire/$populate', 'parameter.0.resource.item.0.extension.0.valueExpression.expression', { 'parameter.0.name': 'questionnaire', 'parameter.0.resource.resourceType': 'Questionnaire', 'parameter.0.resource.item.0.linkId': 'bmi', 'parameter.0.resource.item.0.extension.0.valueExpression.language': 'text/fhirpath' })] },
  { recogniser: 'notebook-cells:notebookCellLines', shapes: ["import pandas as pd\ndf = pd.read_parquet('data/visits.parquet')\ndf.groupby('site')['y'].mean()", '%%sql\nSELECT site, count(*) AS n\nFROM visits\nGROUP BY site\nORDER BY n DESC', 'boot = np.array([m.params.dose for _ in range(200)])\nprint(boot.mean())\n', '!pip install -q scikit-learn==1.5.2\nimport sklearn\nprint(sklearn.__version__)'], kinds: ['cmd', 'sql', 'xss', 'js', 'path', 'family'], routes: [nb('content.cells.1.source')] },
];
