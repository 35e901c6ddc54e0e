/**
 * Blind benign set 5: operators at work — log and metric searches in each store's language, CI pipeline
 * and infrastructure-as-code saves, database consoles, chat-ops commands and incident notes, and server
 * configuration edited through an admin UI.
 */
import type { Rng } from '../lib/rng.js';
import { alnum, b64url, browser, client, form, hex, json, query, uuid, type Draft } from '../blind-benign-4/wire.js';

/** Log and metric searches: [store, query]. */
const SEARCHES: readonly (readonly [string, string])[] = [
  ['loki', 'sum by (status) (rate({app="ingress-nginx"} |= "/wp-admin" [5m]))'],
  ['loki', '{namespace="web", container="api"} |~ "(?i)timeout|refused" != "healthz" | logfmt | duration > 2s'],
  ['loki', '{job="nginx"} |= "GET /.env" | pattern `<ip> - - <_> "<method> <uri> <_>" <status> <_>` | status = 404'],
  ['prometheus', 'sum(rate(http_requests_total{job="api",status=~"5.."}[5m])) / sum(rate(http_requests_total{job="api"}[5m])) > 0.02'],
  ['prometheus', 'histogram_quantile(0.99, sum by (le, route) (rate(http_request_duration_seconds_bucket{route!~"/healthz|/metrics"}[10m])))'],
  ['kql', 'url.path : "/etc/passwd" or url.path : *"../"* and not source.ip : 10.0.0.0/8'],
  ['kql', 'event.dataset : "nginx.access" and http.response.status_code >= 500 and url.original : */api/*'],
  ['cloudwatch', 'fields @timestamp, @message\n| filter @message like /ERROR/ and @logStream like /api/\n| sort @timestamp desc\n| limit 50'],
  ['cloudwatch', 'fields @timestamp, httpRequest.uri, action\n| filter action = "BLOCK"\n| stats count(*) as blocked by httpRequest.uri\n| sort blocked desc'],
  ['splunk', 'index=web sourcetype=access_combined uri_path="/cgi-bin/*" | stats count by clientip, uri_path | where count > 10'],
  ['splunk', 'index=linux sourcetype=linux_secure "Failed password" | rex "from (?<src_ip>\\d+\\.\\d+\\.\\d+\\.\\d+)" | top src_ip'],
  ['datadog', 'service:checkout env:prod @http.status_code:>=500 -@http.url_details.path:"/healthz"'],
  ['sentry', 'is:unresolved error.type:SQLAlchemyError transaction:"/api/orders/{id}"'],
  ['graylog', 'source:web-* AND message:"SELECT * FROM" AND level:<=3'],
  ['elastic', 'SELECT client.ip, COUNT(*) AS hits FROM "logs-nginx-*" WHERE url.original LIKE \'%/.git/%\' GROUP BY client.ip ORDER BY hits DESC LIMIT 20'],
];

export function logsearch(rng: Rng): Draft[] {
  const now = 1733390000 + rng.int(0, 86400);
  return SEARCHES.map(([store, q]): Draft => {
    switch (store) {
      case 'loki':
        return { method: 'GET', path: '/api/datasources/proxy/uid/loki-prod/loki/api/v1/query_range', query: query([['query', q], ['start', `${now - 3600}000000000`], ['end', `${now}000000000`], ['step', '30'], ['limit', '1000']]), headers: browser(rng, 'grafana.example.io', 'xhr', { 'X-Grafana-Org-Id': '1', Cookie: `grafana_session=${hex(rng, 32)}` }) };
      case 'prometheus':
        return { method: 'POST', path: '/api/v1/query_range', query: '', headers: browser(rng, 'prometheus.example.io', 'xhr', { 'Content-Type': 'application/x-www-form-urlencoded' }), body: form([['query', q], ['start', String(now - 21600)], ['end', String(now)], ['step', '60']]) };
      case 'kql':
        return { method: 'POST', path: '/internal/bsearch', query: 'compress=true', headers: browser(rng, 'kibana.example.net', 'xhr', { 'Content-Type': 'application/json', 'kbn-version': '8.16.1', 'x-elastic-internal-origin': 'Kibana' }), body: json({ batch: [{ request: { params: { index: 'logs-*', body: { query: { bool: { filter: [{ kql: q }, { range: { '@timestamp': { gte: 'now-24h' } } }] } }, size: 500 } } }, options: { strategy: 'ese' } }] }) };
      case 'cloudwatch':
        return { method: 'POST', path: '/', query: '', headers: client('logs.eu-west-1.amazonaws.example.com', 'aws-cli/2.22.4 Python/3.12.6 Linux/6.8.0', { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': 'Logs_20140328.StartQuery', 'X-Amz-Date': '20261205T101500Z', Authorization: `AWS4-HMAC-SHA256 Credential=AKIA${alnum(rng, 16).toUpperCase()}/20261205/eu-west-1/logs/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=${hex(rng, 64)}` }), body: json({ logGroupName: '/aws/waf/prod', startTime: now - 3600, endTime: now, queryString: q }) };
      case 'splunk':
        return { method: 'POST', path: '/servicesNS/admin/search/search/jobs', query: 'output_mode=json', headers: client('splunk.example.com:8089', 'splunk-sdk-python/2.1.0', { Authorization: `Bearer ${b64url(rng, 120)}`, 'Content-Type': 'application/x-www-form-urlencoded' }), body: form([['search', `search ${q}`], ['earliest_time', '-4h'], ['latest_time', 'now'], ['exec_mode', 'normal']]) };
      case 'datadog':
        return { method: 'POST', path: '/api/v2/logs/events/search', query: '', headers: client('api.datadoghq.example.com', 'datadog-api-client-python/2.30.0', { 'DD-API-KEY': hex(rng, 32), 'DD-APPLICATION-KEY': hex(rng, 40), 'Content-Type': 'application/json' }), body: json({ filter: { query: q, from: 'now-15m', to: 'now' }, sort: '-timestamp', page: { limit: 100 } }) };
      case 'sentry':
        return { method: 'GET', path: '/api/0/organizations/acme/issues/', query: query([['query', q], ['statsPeriod', '14d'], ['project', '42'], ['limit', '25']]), headers: browser(rng, 'sentry.example.io', 'xhr', { Cookie: `sentrysid=${alnum(rng, 32)}; sc=${alnum(rng, 32)}` }) };
      case 'graylog':
        return { method: 'POST', path: '/api/views/search/sync', query: '', headers: browser(rng, 'graylog.example.org', 'xhr', { 'Content-Type': 'application/json', 'X-Requested-By': 'XMLHttpRequest', Authorization: `Basic ${Buffer.from(`${hex(rng, 20)}:session`).toString('base64')}` }), body: json({ queries: [{ id: uuid(rng), query: { type: 'elasticsearch', query_string: q }, timerange: { type: 'relative', range: 3600 }, search_types: [{ id: uuid(rng), type: 'messages', limit: 150 }] }] }) };
      default:
        return { method: 'POST', path: '/_sql', query: 'format=txt', headers: client('es.example.internal:9200', 'elasticsearch-py/8.16.0', { 'Content-Type': 'application/json', Authorization: `ApiKey ${b64url(rng, 60)}` }), body: json({ query: q, fetch_size: 100 }) };
    }
  });
}

/** CI pipeline files saved or linted through the forge's API. */
const PIPELINES = [
  'stages: [test, build, deploy]\n\ntest:\n  stage: test\n  image: node:20\n  script:\n    - npm ci\n    - npm test -- --coverage\n  artifacts:\n    reports:\n      junit: junit.xml\n\ndeploy:\n  stage: deploy\n  script:\n    - ./scripts/deploy.sh "$CI_COMMIT_SHA"\n  rules:\n    - if: $CI_COMMIT_BRANCH == "main"\n',
  'name: ci\non:\n  push:\n    branches: [main]\n  pull_request:\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-python@v5\n        with:\n          python-version: "3.12"\n      - run: pip install -r requirements.txt\n      - run: pytest -q --maxfail=1\n      - name: Upload coverage\n        if: ${{ github.event_name == \'push\' }}\n        run: curl -sSf https://codecov.example.io/upload.sh | bash -s -- -t ${{ secrets.CODECOV_TOKEN }}\n',
  'pipeline {\n  agent { docker { image \'maven:3.9-eclipse-temurin-21\' } }\n  stages {\n    stage(\'Build\') {\n      steps { sh \'mvn -B -DskipTests package\' }\n    }\n    stage(\'Test\') {\n      steps { sh \'mvn -B test\' }\n      post { always { junit \'target/surefire-reports/*.xml\' } }\n    }\n  }\n}\n',
  'steps:\n  - label: ":docker: build"\n    command: "docker build -t registry.example.com/api:${BUILDKITE_COMMIT} ."\n  - wait\n  - label: ":rocket: deploy"\n    command: "kubectl set image deploy/api api=registry.example.com/api:${BUILDKITE_COMMIT} -n web"\n    branches: main\n',
  'version: 2.1\njobs:\n  build:\n    docker:\n      - image: cimg/go:1.23\n    steps:\n      - checkout\n      - run: go vet ./...\n      - run: go test ./... -race\nworkflows:\n  main:\n    jobs: [build]\n',
  'kind: pipeline\ntype: docker\nname: default\nsteps:\n  - name: test\n    image: rust:1.83\n    commands:\n      - cargo fmt -- --check\n      - cargo clippy -- -D warnings\n      - cargo test --all-features\n',
];

export function ci(rng: Rng): Draft[] {
  const out: Draft[] = [];
  PIPELINES.forEach((content, i) => {
    if (i % 3 === 0) out.push({ method: 'POST', path: `/api/v4/projects/${rng.int(10, 900)}/ci/lint`, query: '', headers: client('gitlab.example.com', 'python-gitlab/4.13.0', { 'PRIVATE-TOKEN': `glpat-${alnum(rng, 20)}`, 'Content-Type': 'application/json' }), body: json({ content, dry_run: true, include_jobs: true }) });
    else if (i % 3 === 1) out.push({ method: 'PUT', path: `/repos/acme/${rng.pick(['web', 'api'])}/contents/.github/workflows/ci.yml`, query: '', headers: client('api.github.example.com', 'gh/2.63.0', { Authorization: `token gho_${alnum(rng, 36)}`, 'Content-Type': 'application/json' }), body: json({ message: 'ci: run tests on pull requests', content: Buffer.from(content).toString('base64'), sha: hex(rng, 40), branch: 'ci-update' }) });
    else out.push({ method: 'POST', path: `/job/${rng.pick(['api', 'web'])}-pipeline/config.xml`, query: '', headers: browser(rng, 'jenkins.example.internal', 'xhr', { 'Content-Type': 'application/xml', 'Jenkins-Crumb': hex(rng, 64) }), body: `<?xml version='1.1' encoding='UTF-8'?>\n<flow-definition plugin="workflow-job@1436.vfa_244484591f">\n  <description>build and test</description>\n  <definition class="org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition" plugin="workflow-cps@3990.vd281dd77a_388">\n    <script>${content.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</script>\n    <sandbox>true</sandbox>\n  </definition>\n</flow-definition>\n` });
  });
  out.push({ method: 'POST', path: `/api/v4/projects/${rng.int(10, 900)}/variables`, query: '', headers: client('gitlab.example.com', 'terraform-provider-gitlab/17.6.0', { 'PRIVATE-TOKEN': `glpat-${alnum(rng, 20)}`, 'Content-Type': 'application/json' }), body: json({ key: 'DEPLOY_SCRIPT_ARGS', value: '--env=prod --wait --timeout=600s', protected: true, masked: false }) });
  out.push({ method: 'POST', path: `/api/v2/pipelines/${uuid(rng)}/builds`, query: '', headers: client('api.buildkite.example.com', 'buildkite-agent/3.87.0', { Authorization: `Bearer bkua_${hex(rng, 40)}`, 'Content-Type': 'application/json' }), body: json({ commit: hex(rng, 40), branch: 'main', message: 'Merge pull request #4821 from acme/fix-cart\n\nfix(cart): guard against undefined price', env: { DEPLOY: 'true' } }) });
  return out;
}

/** Infrastructure as code: Terraform, Ansible, Helm values, Kubernetes objects holding scripts, CloudFormation. */
export function iac(rng: Rng): Draft[] {
  const out: Draft[] = [];
  const tfc = (path: string, body: unknown): Draft => ({ method: 'POST', path, query: '', headers: client('app.terraform.example.io', 'go-tfe/1.70.0', { Authorization: `Bearer ${alnum(rng, 14)}.atlasv1.${alnum(rng, 67)}`, 'Content-Type': 'application/vnd.api+json' }), body: json(body) });
  out.push(tfc(`/api/v2/workspaces/ws-${alnum(rng, 16)}/vars`, { data: { type: 'vars', attributes: { key: 'allowed_cidrs', value: '["10.0.0.0/8", "192.168.0.0/16"]', category: 'terraform', hcl: true, sensitive: false } } }));
  out.push(tfc(`/api/v2/workspaces/ws-${alnum(rng, 16)}/vars`, { data: { type: 'vars', attributes: { key: 'user_data', value: '#!/bin/bash\nset -e\napt-get update -y\napt-get install -y nginx\nsystemctl enable --now nginx\n', category: 'terraform', hcl: false, sensitive: false } } }));
  out.push(tfc('/api/v2/runs', { data: { type: 'runs', attributes: { message: 'Triggered via UI: bump instance type to t3.large', 'is-destroy': false, 'target-addrs': ['module.web.aws_instance.app[0]'] }, relationships: { workspace: { data: { type: 'workspaces', id: `ws-${alnum(rng, 16)}` } } } } }));
  out.push({ method: 'POST', path: `/api/v2/job_templates/${rng.int(5, 90)}/launch/`, query: '', headers: browser(rng, 'awx.example.internal', 'xhr', { 'Content-Type': 'application/json', 'X-CSRFToken': alnum(rng, 64) }), body: json({ limit: 'web*:!web-canary', extra_vars: '---\napp_version: "2.14.3"\nrestart_services:\n  - nginx\n  - php8.3-fpm\nmaintenance_page: /var/www/maintenance.html\n' }) });
  out.push({ method: 'PUT', path: '/api/v1/namespaces/web/configmaps/api-entrypoint', query: '', headers: client('k8s.example.internal:6443', 'kubectl/v1.31.3 (linux/amd64) kubernetes/c83cbee', { Authorization: `Bearer ${b64url(rng, 400)}`, 'Content-Type': 'application/json' }), body: json({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'api-entrypoint', namespace: 'web' }, data: { 'entrypoint.sh': '#!/bin/sh\nset -e\nuntil nc -z "$DB_HOST" 5432; do echo "waiting for db"; sleep 2; done\nexec node dist/server.js\n' } }) });
  out.push({ method: 'POST', path: '/api/v1/namespaces/ops/cronjobs', query: '', headers: client('k8s.example.internal:6443', 'kubectl/v1.31.3 (linux/amd64) kubernetes/c83cbee', { Authorization: `Bearer ${b64url(rng, 400)}`, 'Content-Type': 'application/json' }), body: json({ apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'db-backup' }, spec: { schedule: '15 2 * * *', jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'backup', image: 'postgres:16', command: ['/bin/sh', '-c', 'pg_dump "$DATABASE_URL" | gzip > /backup/db-$(date +%F).sql.gz'] }] } } } } } }) });
  out.push({ method: 'POST', path: '/api/v1/applications', query: 'upsert=true', headers: browser(rng, 'argocd.example.io', 'xhr', { 'Content-Type': 'application/json', Cookie: `argocd.token=${b64url(rng, 300)}` }), body: json({ metadata: { name: 'api' }, spec: { project: 'default', source: { repoURL: 'https://git.example.com/acme/deploy.git', path: 'charts/api', targetRevision: 'main', helm: { values: 'replicaCount: 3\nimage:\n  tag: "2.14.3"\ningress:\n  hosts:\n    - host: api.example.com\n      paths: ["/"]\nresources:\n  limits: { cpu: 500m, memory: 512Mi }\n' } }, destination: { server: 'https://kubernetes.default.svc', namespace: 'web' } } }) });
  out.push({ method: 'POST', path: '/', query: '', headers: client('cloudformation.eu-west-1.amazonaws.example.com', 'aws-sdk-js/3.701.0', { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8', Authorization: `AWS4-HMAC-SHA256 Credential=AKIA${alnum(rng, 16).toUpperCase()}/20261205/eu-west-1/cloudformation/aws4_request, SignedHeaders=host;x-amz-date, Signature=${hex(rng, 64)}`, 'X-Amz-Date': '20261205T101500Z' }), body: form([['Action', 'ValidateTemplate'], ['Version', '2010-05-15'], ['TemplateBody', json({ Resources: { Web: { Type: 'AWS::EC2::Instance', Properties: { ImageId: 'ami-0abcdef1234567890', InstanceType: 't3.micro', UserData: { 'Fn::Base64': { 'Fn::Join': ['', ['#!/bin/bash\n', 'yum install -y httpd\n', 'systemctl start httpd\n']] } } } } } })]]) });
  out.push({ method: 'POST', path: '/v1/sys/policies/acl/app-read', query: '', headers: client('vault.example.internal:8200', 'Go-http-client/1.1', { 'X-Vault-Token': `hvs.${b64url(rng, 90)}`, 'Content-Type': 'application/json' }), body: json({ policy: 'path "secret/data/app/*" {\n  capabilities = ["read", "list"]\n}\npath "sys/leases/renew" {\n  capabilities = ["update"]\n}\n' }) });
  out.push({ method: 'POST', path: '/api/v1/dashboards/db', query: '', headers: browser(rng, 'grafana.example.io', 'xhr', { 'Content-Type': 'application/json' }), body: json({ dashboard: { title: 'API errors', panels: [{ type: 'timeseries', title: '5xx by route', targets: [{ expr: 'sum by (route) (rate(http_requests_total{status=~"5.."}[5m]))', refId: 'A' }] }, { type: 'logs', title: 'errors', targets: [{ expr: '{app="api"} |= "level=error"', refId: 'B' }] }] }, overwrite: true, folderUid: alnum(rng, 9) }) });
  return out;
}

/** Database consoles: statements run on purpose by their users. */
const CONSOLE_SQL = [
  'SELECT pid, now() - query_start AS duration, state, left(query, 80) FROM pg_stat_activity WHERE state <> \'idle\' ORDER BY duration DESC;',
  'SELECT table_schema, table_name, round((data_length + index_length) / 1024 / 1024) AS mb FROM information_schema.tables ORDER BY mb DESC LIMIT 20;',
  'ALTER TABLE orders ADD COLUMN shipped_at timestamptz NULL;',
  'UPDATE users SET locale = \'de-DE\' WHERE country = \'DE\' AND locale IS NULL;',
  'EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM events WHERE user_id = 4821 AND created_at > now() - interval \'1 day\';',
  'SHOW CREATE TABLE invoices;',
  'GRANT SELECT ON ALL TABLES IN SCHEMA reporting TO analyst;',
  'DELETE FROM sessions WHERE expires_at < now() - interval \'30 days\';',
  'SELECT u.email, count(o.id) AS orders FROM users u LEFT JOIN orders o ON o.user_id = u.id GROUP BY u.email HAVING count(o.id) > 10 ORDER BY orders DESC;',
  'CREATE VIEW monthly_revenue AS SELECT date_trunc(\'month\', paid_at) AS month, sum(amount) AS revenue FROM payments GROUP BY 1;',
];

export function dbadmin(rng: Rng): Draft[] {
  const out: Draft[] = CONSOLE_SQL.map((sql, i): Draft => {
    switch (i % 5) {
      case 0:
        return { method: 'POST', path: '/index.php', query: 'route=/import', headers: browser(rng, 'pma.example.internal', 'form', { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: `phpMyAdmin=${hex(rng, 26)}; pma_lang=en` }), body: form([['db', 'shop'], ['table', ''], ['sql_query', sql], ['token', hex(rng, 32)], ['ajax_request', 'true'], ['server', '1']]) };
      case 1:
        return { method: 'POST', path: `/sqleditor/query_tool/start/${rng.int(1000000, 9999999)}`, query: '', headers: browser(rng, 'pgadmin.example.internal', 'xhr', { 'Content-Type': 'application/json', 'X-pgA-CSRFToken': b64url(rng, 80) }), body: json({ sql, explain_plan: null }) };
      case 2:
        return { method: 'POST', path: '/adminer/', query: `pgsql=db&username=app&db=shop&sql=`, headers: browser(rng, 'tools.example.internal', 'form', { 'Content-Type': 'application/x-www-form-urlencoded' }), body: form([['query', sql], ['limit', '1000'], ['token', `${rng.int(100000, 999999)}:${rng.int(100000, 999999)}`]]) };
      case 3:
        return { method: 'POST', path: '/v1/query', query: '', headers: client('supabase.example.co', 'supabase-studio/1.24.12', { Authorization: `Bearer ${b64url(rng, 160)}`, 'Content-Type': 'application/json', apikey: b64url(rng, 160) }), body: json({ query: sql }) };
      default:
        return { method: 'POST', path: '/api/sql/execute', query: '', headers: browser(rng, 'dbeaver-cloud.example.io', 'xhr', { 'Content-Type': 'application/json' }), body: json({ connectionId: uuid(rng), sql, maxRows: 200 }) };
    }
  });
  out.push({ method: 'POST', path: '/api/v1/mongo/aggregate', query: '', headers: browser(rng, 'compass.example.internal', 'xhr', { 'Content-Type': 'application/json' }), body: json({ db: 'shop', collection: 'orders', pipeline: [{ $match: { status: 'paid', createdAt: { $gte: { $date: '2026-11-01T00:00:00Z' } } } }, { $group: { _id: '$country', total: { $sum: '$amount' } } }, { $sort: { total: -1 } }] }) });
  out.push({ method: 'POST', path: '/', query: query([['query', 'SELECT toStartOfHour(ts) AS h, count() FROM events WHERE ts > now() - INTERVAL 1 DAY GROUP BY h ORDER BY h FORMAT JSON']]), headers: client('clickhouse.example.internal:8123', 'clickhouse-connect/0.8.9', { 'X-ClickHouse-User': 'analyst', 'X-ClickHouse-Key': hex(rng, 24) }) });
  out.push({ method: 'POST', path: '/api/v1/redis/cli', query: '', headers: browser(rng, 'redis-insight.example.internal', 'xhr', { 'Content-Type': 'application/json' }), body: json({ command: 'SCAN 0 MATCH session:* COUNT 100', database: 0 }) });
  return out;
}

/** Chat-ops: slash commands, bot replies with command output, incident timeline notes. */
const CHATOPS = [
  ['/deploy api v2.14.3 --env=prod --canary=10%', 'command'],
  ['/rollback web --to=v2.14.2 --reason "5xx spike after release"', 'command'],
  ['!restart worker-3 && !tail worker-3 50', 'message'],
  ['Ran `sudo systemctl restart nginx && sudo nginx -t` on web-2, config test ok, 502s gone', 'message'],
  ['Mitigation: blocked 185.220.101.0/24 at the edge (`iptables -I INPUT -s 185.220.101.0/24 -j DROP` on the bastion until the WAF rule is live)', 'message'],
  ['timeline:\n09:12 alerts fire (HighErrorRate)\n09:15 `kubectl rollout undo deploy/api -n web`\n09:21 error rate back to 0.1%\n09:40 root cause: missing env var `REDIS_URL` in the new release', 'message'],
  ['disk full on db-1: `du -sh /var/lib/postgresql/16/main/pg_wal` → 180G; archive_command was failing, fixed the S3 creds', 'message'],
  ['/oncall swap @priya 2026-12-08..2026-12-10', 'command'],
  ['who touched /etc/nginx/sites-enabled/shop.conf on web-1? `git -C /etc log -p -1 nginx/` shows a manual edit at 03:12', 'message'],
  ['/runbook show "cert renewal" — steps: `certbot renew --dry-run`, then `systemctl reload nginx`', 'command'],
];

export function chatops(rng: Rng): Draft[] {
  return CHATOPS.map(([text, kind]): Draft => {
    if (kind === 'command') {
      const [command, ...rest] = text.split(' ');
      return { method: 'POST', path: '/slack/commands', query: '', headers: client('chatops.example.com', 'Slackbot 1.0 (+https://api.slack.com/robots)', { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Slack-Request-Timestamp': '1733390500', 'X-Slack-Signature': `v0=${hex(rng, 64)}` }), body: form([['token', alnum(rng, 24)], ['team_id', `T0${alnum(rng, 9).toUpperCase()}`], ['channel_name', 'ops'], ['user_name', rng.pick(['priya', 'j.alvarez', 'kim'])], ['command', command], ['text', rest.join(' ')], ['response_url', `https://hooks.slack.example.com/commands/T0${alnum(rng, 9)}/${rng.int(1e12, 1e13)}/${alnum(rng, 24)}`], ['trigger_id', `${rng.int(1e12, 1e13)}.${rng.int(1e11, 1e12)}.${hex(rng, 32)}`]]) };
    }
    return rng.chance(0.5)
      ? { method: 'POST', path: '/api/v4/posts', query: '', headers: browser(rng, 'mattermost.example.io', 'xhr', { 'Content-Type': 'application/json', 'X-Requested-With': 'XMLHttpRequest' }), body: json({ channel_id: alnum(rng, 26).toLowerCase(), message: text }) }
      : { method: 'POST', path: `/incidents/${uuid(rng)}/log_entries`, query: '', headers: client('api.pagerduty.example.com', 'pdpyras/5.3.0', { Authorization: `Token token=${alnum(rng, 20)}`, 'Content-Type': 'application/json', From: 'oncall@example.com' }), body: json({ note: { content: text } }) };
  });
}

/** Server configuration saved through an admin UI or a config API. */
const CONFIGS: readonly (readonly [string, string])[] = [
  ['/etc/nginx/sites-available/shop.conf', 'server {\n    listen 443 ssl http2;\n    server_name shop.example.com;\n    root /var/www/shop/public;\n    location / {\n        try_files $uri $uri/ /index.php?$query_string;\n    }\n    location ~ \\.php$ {\n        fastcgi_pass unix:/run/php/php8.3-fpm.sock;\n        include fastcgi_params;\n        fastcgi_param SCRIPT_FILENAME $realpath_root$fastcgi_script_name;\n    }\n    location ~ /\\.(?!well-known) { deny all; }\n}\n'],
  ['/var/www/site/.htaccess', 'RewriteEngine On\nRewriteCond %{HTTPS} off\nRewriteRule ^(.*)$ https://%{HTTP_HOST}/$1 [R=301,L]\nRewriteCond %{REQUEST_FILENAME} !-f\nRewriteCond %{REQUEST_FILENAME} !-d\nRewriteRule ^ index.php [QSA,L]\n<FilesMatch "\\.(env|ini|log)$">\n  Require all denied\n</FilesMatch>\n'],
  ['/etc/systemd/system/api.service', '[Unit]\nDescription=API server\nAfter=network-online.target\n\n[Service]\nUser=api\nWorkingDirectory=/srv/api\nEnvironmentFile=/etc/api/env\nExecStart=/usr/bin/node /srv/api/dist/server.js\nRestart=on-failure\n\n[Install]\nWantedBy=multi-user.target\n'],
  ['crontab', '# m h dom mon dow command\n*/5 * * * * /usr/local/bin/healthcheck.sh > /dev/null 2>&1\n30 3 * * 0 /usr/sbin/logrotate -f /etc/logrotate.d/app\n0 4 * * * /usr/bin/find /tmp -type f -mtime +2 -delete\n'],
  ['/etc/haproxy/haproxy.cfg', 'frontend https-in\n    bind *:443 ssl crt /etc/haproxy/certs/site.pem\n    acl is_api path_beg /api/\n    use_backend api if is_api\n    default_backend web\n\nbackend api\n    balance roundrobin\n    option httpchk GET /healthz\n    server api1 10.0.2.11:8080 check\n    server api2 10.0.2.12:8080 check\n'],
  ['Caddyfile', 'example.com {\n    encode zstd gzip\n    reverse_proxy /api/* 127.0.0.1:8080\n    file_server {\n        root /srv/www\n    }\n    log {\n        output file /var/log/caddy/access.log\n    }\n}\n'],
  ['/etc/ssh/sshd_config.d/10-hardening.conf', 'PermitRootLogin no\nPasswordAuthentication no\nKbdInteractiveAuthentication no\nAllowGroups ssh-users\nMaxAuthTries 3\n'],
  ['/etc/prometheus/rules/api.yml', 'groups:\n  - name: api\n    rules:\n      - alert: HighErrorRate\n        expr: sum(rate(http_requests_total{status=~"5.."}[5m])) / sum(rate(http_requests_total[5m])) > 0.02\n        for: 5m\n        labels:\n          severity: critical\n        annotations:\n          summary: "5xx ratio above 2% ({{ $value | humanizePercentage }})"\n'],
  ['/etc/logrotate.d/app', '/var/log/app/*.log {\n    daily\n    rotate 14\n    compress\n    missingok\n    notifempty\n    postrotate\n        systemctl kill -s USR1 app.service\n    endscript\n}\n'],
  ['php.ini', '[PHP]\nmemory_limit = 512M\nupload_max_filesize = 64M\npost_max_size = 64M\nmax_execution_time = 120\ndisable_functions = exec,passthru,shell_exec,system,proc_open,popen\nexpose_php = Off\n'],
];

export function configs(rng: Rng): Draft[] {
  return CONFIGS.map(([file, content], i): Draft => {
    if (i % 3 === 0) return { method: 'POST', path: '/api/files/save', query: '', headers: browser(rng, 'panel.example.host', 'xhr', { 'Content-Type': 'application/json', 'X-CSRF-Token': alnum(rng, 40) }), body: json({ path: file, content, encoding: 'utf-8' }) };
    if (i % 3 === 1) return { method: 'POST', path: '/CMD_FILE_MANAGER', query: '', headers: browser(rng, 'admin.example.host:2222', 'form', { 'Content-Type': 'application/x-www-form-urlencoded' }), body: form([['action', 'edit'], ['path', file.replace(/\/[^/]*$/, '') || '/'], ['filename', file.replace(/^.*\//, '')], ['text', content]]) };
    return { method: 'PUT', path: `/api/v1/hosts/${rng.pick(['web-1', 'web-2', 'lb-1'])}/config`, query: '', headers: client('config.example.internal', 'ops-cli/1.8.2', { Authorization: `Bearer ${b64url(rng, 64)}`, 'Content-Type': 'application/json' }), body: json({ file, content, reload: true, checksum: hex(rng, 64) }) };
  });
}
