/**
 * Blind benign set 7: people writing to people — support and chat messages that quote the commands, errors
 * and stack traces they are asking about (support), and runbooks and postmortems saved in wikis (wiki).
 */
import type { Rng } from '../lib/rng.js';
import { alnum, b64url, browser, client, form, hex, json, uuid, type Draft } from '../blind-benign-4/wire.js';

/** Messages customers and colleagues send in support desks and chat. */
const MESSAGES: readonly string[] = [
  'Hi, after the update nginx does not start anymore. I ran `sudo systemctl restart nginx` and got:\n\nJob for nginx.service failed because the control process exited with error code.\nSee "systemctl status nginx.service" and "journalctl -xeu nginx.service" for details.\n\nnginx -t says: nginx: [emerg] unknown directive "proxy_cache_lock_age" in /etc/nginx/conf.d/cache.conf:12',
  'Our checkout page shows this since this morning:\n\nWarning: mysqli_connect(): (HY000/2002): Connection refused in /var/www/html/includes/db.php on line 14\nFatal error: Uncaught Error: Call to a member function query() on bool in /var/www/html/cart.php:88\n\nDid something change on your side?',
  'When I save the product form I get "You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near \'s Choice\' at line 1". The product name is "Editor\'s Choice". Can you look?',
  'Traceback (most recent call last):\n  File "/app/worker.py", line 41, in <module>\n    main()\n  File "/app/worker.py", line 37, in main\n    client.upload(path, bucket="exports")\n  File "/usr/local/lib/python3.12/site-packages/sdk/client.py", line 212, in upload\n    raise PermissionError(f"403 for {bucket}")\nPermissionError: 403 for exports\n\nthis started after rotating the key, any idea?',
  'how do I give the deploy user rights to restart only php-fpm? is this right in visudo:\ndeploy ALL=(root) NOPASSWD: /bin/systemctl restart php8.3-fpm',
  'The API returns 401 even with the new token:\n\ncurl -X POST https://api.example.com/v2/orders -H "Authorization: Bearer sk_live_REDACTED" -H "Content-Type: application/json" -d \'{"sku":"TR-2","qty":1}\'\n\n{"error":"invalid_token","error_description":"The access token expired"}',
  'npm ERR! code EACCES\nnpm ERR! syscall mkdir\nnpm ERR! path /usr/local/lib/node_modules/@acme\nnpm ERR! errno -13\nnpm ERR! Error: EACCES: permission denied, mkdir \'/usr/local/lib/node_modules/@acme\'\n\nshould I just use sudo npm install -g?',
  'PS C:\\Users\\anna> Invoke-WebRequest -Uri https://downloads.example.com/agent.msi -OutFile $env:TEMP\\agent.msi\nInvoke-WebRequest : The request was aborted: Could not create SSL/TLS secure channel.\n\nWe are on Windows Server 2012 R2 still.',
  'Is it safe to run `DELETE FROM wp_options WHERE option_name LIKE \'_transient_%\';` on a live site? The table is 2 GB.',
  'kubectl get pods -n shop\nNAME                    READY   STATUS             RESTARTS   AGE\napi-7d9c8b5f4-x2kqp     0/1     CrashLoopBackOff   12         38m\n\nlogs say: Error: connect ECONNREFUSED 10.96.0.15:5432',
  'My .htaccess has\nRewriteEngine On\nRewriteRule ^shop/(.*)$ /index.php?route=$1 [L,QSA]\nbut /shop/cart gives a 404. mod_rewrite is enabled (a2enmod rewrite said already enabled).',
  'Can you whitelist our office IP? Our staff get "Request blocked" when they paste this into the product description: <iframe src="https://www.youtube.com/embed/abc123" allowfullscreen></iframe>',
  'docker compose up fails:\nError response from daemon: driver failed programming external connectivity on endpoint shop-db-1: Bind for 0.0.0.0:5432 failed: port is already allocated\n\nlsof -i :5432 shows postgres from the host install.',
  'Exception in thread "main" java.lang.OutOfMemoryError: Java heap space\n\tat java.base/java.util.Arrays.copyOf(Arrays.java:3537)\n\tat com.example.export.CsvWriter.flush(CsvWriter.java:77)\nWe export ~2M rows. -Xmx is 512m.',
  'Quick question: our cron line is `*/5 * * * * /usr/bin/flock -n /tmp/sync.lock /opt/sync/run.sh >> /var/log/sync.log 2>&1` but it runs twice sometimes. Is flock wrong here?',
  'For the record, the fix was: `chown -R www-data:www-data /var/www/shop/storage && chmod -R 775 /var/www/shop/storage/logs`. Thanks for the help!',
  'git push is rejected:\n! [remote rejected] main -> main (pre-receive hook declined)\nremote: GitLab: You are not allowed to force push code to a protected branch on this project.\nI only did git rebase -i HEAD~3, then git push --force-with-lease.',
  'Customer writes: "I typed my address as 12 O\'Brien St & Sons Ltd <Unit 4> and the form ate everything after the ampersand". Reproducible on the iOS app 5.2.1.',
  'We see `SSL_ERROR_SYSCALL` on about 1% of requests from the EU region. openssl s_client -connect api.example.com:443 -servername api.example.com works fine from here.',
  'the import fails on row 1832: ERROR: invalid input syntax for type integer: "N/A" CONTEXT: COPY products, line 1832, column stock: "N/A". Can the importer treat N/A as empty?',
];

/** A support desk or chat tool posting one message. */
function postMessage(rng: Rng, n: number, text: string): Draft {
  switch (n % 10) {
    case 0:
      return { method: 'POST', path: `/ember/conversations/${rng.int(10000000, 99999999)}/reply`, query: '', headers: browser(rng, 'app.intercom.example.com', 'xhr', { 'Content-Type': 'application/json', 'X-CSRF-Token': b64url(rng, 88) }), body: json({ app_id: alnum(rng, 8).toLowerCase(), type: 'comment', blocks: [{ type: 'paragraph', text }], message_type: 'comment' }) };
    case 1:
      return { method: 'PUT', path: `/api/v2/tickets/${rng.int(100000, 999999)}.json`, query: '', headers: browser(rng, 'acme.zendesk.example.com', 'xhr', { 'Content-Type': 'application/json', 'X-CSRF-Token': b64url(rng, 44) }), body: json({ ticket: { comment: { body: text, public: true }, status: 'open' } }) };
    case 2:
      return { method: 'POST', path: `/api/v2/tickets/${rng.int(1000, 99999)}/reply`, query: '', headers: client('acme.freshdesk.example.com', 'freshdesk-api-ruby/1.2', { Authorization: `Basic ${Buffer.from(alnum(rng, 20) + ':X').toString('base64')}`, 'Content-Type': 'application/json' }), body: json({ body: `<div>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, '<br>')}</div>` }) };
    case 3:
      return { method: 'POST', path: '/api/chat.postMessage', query: '', headers: browser(rng, 'acme.slack.example.com', 'xhr', { 'Content-Type': 'application/x-www-form-urlencoded' }), body: form([['token', `xoxc-${rng.int(1e11, 9e11)}-${rng.int(1e11, 9e11)}-${hex(rng, 64)}`], ['channel', `C0${alnum(rng, 9).toUpperCase()}`], ['text', text], ['thread_ts', `${rng.int(1733400000, 1733490000)}.${rng.int(100000, 999999)}`]]) };
    case 4:
      return { method: 'POST', path: `/api/v10/channels/${rng.int(1e17, 9e17)}/messages`, query: '', headers: browser(rng, 'discord.example.com', 'xhr', { 'Content-Type': 'application/json', Authorization: `${b64url(rng, 24)}.${b64url(rng, 6)}.${b64url(rng, 38)}`, 'X-Super-Properties': Buffer.from(json({ os: 'Linux', browser: 'Firefox', release_channel: 'stable' })).toString('base64') }), body: json({ content: text.length > 1900 ? text.slice(0, 1900) : text, nonce: String(rng.int(1e17, 9e17)), tts: false, flags: 0 }) };
    case 5:
      return { method: 'POST', path: '/posts.json', query: '', headers: browser(rng, 'forum.example.org', 'xhr', { 'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8', 'X-CSRF-Token': b64url(rng, 86), 'Discourse-Logged-In': 'true', 'Discourse-Present': 'true' }), body: form([['raw', text], ['topic_id', String(rng.int(1000, 99999))], ['reply_to_post_number', String(rng.int(1, 30))], ['nested_post', 'true']]) };
    case 6:
      return { method: 'POST', path: `/v1.0/teams/${uuid(rng)}/channels/19:${hex(rng, 32)}@thread.tacv2/messages`, query: '', headers: client('graph.microsoft.example.com', 'Microsoft Graph Node SDK/3.0.7', { Authorization: `Bearer ${b64url(rng, 36)}.${b64url(rng, 900)}.${b64url(rng, 342)}`, 'Content-Type': 'application/json' }), body: json({ body: { contentType: 'text', content: text } }) };
    case 7:
      return { method: 'POST', path: '/api/v4/posts', query: '', headers: browser(rng, 'chat.example.io', 'xhr', { 'Content-Type': 'application/json', 'X-Requested-With': 'XMLHttpRequest', 'X-CSRF-Token': alnum(rng, 26).toLowerCase() }), body: json({ channel_id: alnum(rng, 26).toLowerCase(), message: text, root_id: alnum(rng, 26).toLowerCase(), props: {}, file_ids: [] }) };
    case 8:
      return { method: 'PUT', path: `/_matrix/client/v3/rooms/${encodeURIComponent(`!${alnum(rng, 18)}:example.org`)}/send/m.room.message/m${rng.int(1e12, 9e12)}.${rng.int(0, 99)}`, query: '', headers: browser(rng, 'matrix.example.org', 'xhr', { 'Content-Type': 'application/json', Authorization: `Bearer syt_${alnum(rng, 12)}_${alnum(rng, 20)}_${alnum(rng, 6)}` }), body: json({ msgtype: 'm.text', body: text, format: 'org.matrix.custom.html', formatted_body: `<pre><code>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</code></pre>` }) };
    default:
      return { method: 'POST', path: `/ws/website/${uuid(rng)}/conversation/session_${uuid(rng)}/message`, query: '', headers: browser(rng, 'client.crisp.example.chat', 'xhr', { 'Content-Type': 'application/json' }), body: json({ type: 'text', from: 'user', origin: 'chat', content: text, fingerprint: rng.int(1e13, 9e13) }) };
  }
}

export function support(rng: Rng): Draft[] {
  return MESSAGES.map((text, n) => postMessage(rng, n, text));
}

/** [title, markdown] of runbooks, how-tos and postmortems. */
const PAGES: readonly (readonly [string, string])[] = [
  ['Restore the shop database from backup', '## When\nOnly after the incident commander says so.\n\n## Steps\n1. Stop writers: `kubectl -n shop scale deploy/api --replicas=0`\n2. Fetch the dump: `aws s3 cp s3://acme-backups/2026-12-05/shop.dump /tmp/`\n3. Restore:\n```bash\ndropdb --if-exists shop_restore\ncreatedb shop_restore\npg_restore --no-owner -j 4 -d shop_restore /tmp/shop.dump\n```\n4. Swap: `ALTER DATABASE shop RENAME TO shop_old; ALTER DATABASE shop_restore RENAME TO shop;`\n5. Scale the API back up and watch the error rate.'],
  ['Rotate the TLS certificate for the internal CA', '```sh\nopenssl req -new -newkey rsa:4096 -nodes -keyout /etc/pki/tls/private/api.key -out /tmp/api.csr -subj "/CN=api.example.internal"\nopenssl x509 -req -in /tmp/api.csr -CA /etc/pki/ca.pem -CAkey /etc/pki/ca.key -CAcreateserial -out /etc/pki/tls/certs/api.pem -days 397 -sha256\nsystemctl reload nginx\n```\nCheck with `openssl s_client -connect api.example.internal:443 </dev/null | openssl x509 -noout -dates`.'],
  ['Drain a Kubernetes node for maintenance', '1. `kubectl cordon node-7`\n2. `kubectl drain node-7 --ignore-daemonsets --delete-emptydir-data --timeout=10m`\n3. Patch the host, reboot.\n4. `kubectl uncordon node-7`\n\nIf a PodDisruptionBudget blocks the drain, check `kubectl get pdb -A` and talk to the owning team first.'],
  ['Clear stuck sessions in Redis', 'Sessions live under `sess:*`. To remove the ones of a single user:\n```\nredis-cli --scan --pattern "sess:*" | xargs -L 100 redis-cli --no-auth-warning -a "$REDIS_PASSWORD" unlink\n```\nNever run `FLUSHALL` on the shared instance: the queue lives there too.'],
  ['Block an abusive network at the edge', 'Temporary, until the CDN rule is in:\n```\nsudo iptables -I INPUT -s 203.0.113.0/24 -j DROP\nsudo iptables -L INPUT -n --line-numbers | head\n```\nRemove it with `sudo iptables -D INPUT -s 203.0.113.0/24 -j DROP` and note it in the incident ticket.'],
  ['Postmortem: checkout outage 2026-11-28', '## Summary\nFor 23 minutes checkout returned 500. A migration added a NOT NULL column without a default; the old pods still inserted rows without it.\n\n## Timeline (UTC)\n- 14:02 deploy starts\n- 14:04 `ERROR: null value in column "currency" of relation "orders" violates not-null constraint`\n- 14:25 rollback finished\n\n## Action items\n- Migrations add columns nullable first, backfill, then `ALTER TABLE ... SET NOT NULL`\n- Add a canary step'],
  ['Onboarding: SSH access', 'Add this to `~/.ssh/config`:\n```\nHost bastion\n  HostName 203.0.113.10\n  User your.name\n  IdentityFile ~/.ssh/id_ed25519\n\nHost *.example.internal\n  ProxyJump bastion\n  User ubuntu\n```\nThen `ssh web-01.example.internal`. Ask in #infra for your key to be added.'],
  ['Find what fills the disk', '```\ndf -h\nsudo du -xh / --max-depth=2 2>/dev/null | sort -h | tail -20\nsudo journalctl --vacuum-size=500M\nsudo find /var/log -name "*.gz" -mtime +30 -delete\n```\nDocker: `docker system df` and `docker image prune -a --filter "until=168h"`.'],
  ['Debugging slow queries', 'Turn on the slow log for a session: `SET log_min_duration_statement = 500;`\nThen look at the plan: `EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM orders WHERE customer_id = 42 ORDER BY created_at DESC LIMIT 20;`\nA `Seq Scan on orders` here means the `(customer_id, created_at)` index is missing.'],
  ['Windows build agent setup', '```powershell\nSet-ExecutionPolicy -Scope CurrentUser RemoteSigned\nwinget install --id Git.Git -e\nNew-Item -ItemType Directory -Path C:\\agent\ncd C:\\agent\n.\\config.cmd --unattended --url https://dev.azure.example.com/acme --auth pat --token $env:AZP_TOKEN --pool Windows --runAsService\n```'],
  ['Release checklist', '- [ ] `git tag -s v2.14.3 -m "v2.14.3"` and `git push origin v2.14.3`\n- [ ] CI green on the tag\n- [ ] `helm upgrade shop charts/shop -f values-prod.yaml --atomic --timeout 10m`\n- [ ] Smoke test: `curl -fsS https://shop.example.com/healthz && curl -fsS "https://shop.example.com/api/search?q=shoes" | jq ".total"`\n- [ ] Announce in #releases'],
  ['How the WAF decides', 'Each request is scored by the model; rules can block on their own. If a customer is blocked, find the request id in the block page and search `request_id:"..."` in the WAF log index. Common false positives: product descriptions with HTML, SQL in the BI tool (exempted by path), and shell snippets in support tickets.'],
  ['Cron jobs on the legacy server', '| Schedule | Command | Owner |\n|---|---|---|\n| `0 2 * * *` | `/opt/backup/run.sh > /var/log/backup.log 2>&1` | ops |\n| `*/10 * * * *` | `php /var/www/legacy/cron.php --task=mailqueue` | shop |\n| `30 4 * * 0` | `certbot renew --quiet --deploy-hook "systemctl reload nginx"` | ops |'],
  ['Log format reference', 'Our nginx log format:\n```\nlog_format main \'$remote_addr - $remote_user [$time_local] "$request" \'\n                \'$status $body_bytes_sent "$http_referer" \'\n                \'"$http_user_agent" rt=$request_time uct="$upstream_connect_time"\';\n```\nExample line: `198.51.100.7 - - [05/Dec/2026:10:15:01 +0000] "GET /p/42?ref=mail HTTP/2.0" 200 5123 "-" "Mozilla/5.0" rt=0.012 uct="0.001"`'],
  ['Python environment', '```\npython3 -m venv .venv && source .venv/bin/activate\npip install -r requirements.txt\nexport DJANGO_SETTINGS_MODULE=app.settings.dev\npython manage.py runserver 0.0.0.0:8000\n```\nIf `psycopg` fails to build: `sudo apt install libpq-dev python3-dev`.'],
  ['Mail deliverability checks', 'SPF: `dig +short TXT example.com` should show `v=spf1 include:_spf.example-mail.com -all`.\nDKIM: `dig +short TXT s1._domainkey.example.com`.\nDMARC: `v=DMARC1; p=quarantine; rua=mailto:dmarc@example.com; pct=100`.'],
  ['Feature flags', 'Flags are read from `FEATURE_FLAGS` (comma-separated). In code:\n```ts\nif (flags.has("checkout_v2")) {\n  return renderCheckoutV2(req, res);\n}\n```\nTo turn one on in staging: `kubectl -n shop-staging set env deploy/api FEATURE_FLAGS="checkout_v2,search_v3"`.'],
  ['Incident: scanner traffic 2026-12-01', 'A scanner hit us with ~12k requests for things like `/.env`, `/wp-config.php.bak`, `/.git/config` and `/phpinfo.php`. All 404 or blocked. No action needed beyond the usual rate limit; its range is in the blocklist for a week.'],
  ['Local HTTPS with mkcert', '```\nmkcert -install\nmkcert "shop.localhost" "*.shop.localhost" localhost 127.0.0.1 ::1\n```\nPoint the dev server at the generated `shop.localhost+4.pem` and `shop.localhost+4-key.pem`.'],
  ['Editing the storefront theme', 'Theme files are Liquid. Loop over products with\n```liquid\n{% for product in collection.products limit: 8 %}\n  <a href="{{ product.url }}">{{ product.title | escape }}</a>\n{% endfor %}\n```\nand never output `{{ product.description }}` inside an attribute.'],
];

/** A wiki saving one page. */
function savePage(rng: Rng, n: number, title: string, md: string): Draft {
  const html = `<h1>${title}</h1><p>${md.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, '<br/>')}</p>`;
  switch (n % 5) {
    case 0:
      return { method: 'PUT', path: `/wiki/rest/api/content/${rng.int(100000, 9999999)}`, query: '', headers: browser(rng, 'acme.atlassian.example.net', 'xhr', { 'Content-Type': 'application/json', 'X-Atlassian-Token': 'no-check' }), body: json({ id: String(rng.int(100000, 9999999)), type: 'page', title, space: { key: 'OPS' }, version: { number: rng.int(2, 40), message: 'edited' }, body: { storage: { value: html.replace('<p>', '<ac:structured-macro ac:name="code"><ac:parameter ac:name="language">bash</ac:parameter><ac:plain-text-body><![CDATA[').replace(/<\/p>$/, ']]></ac:plain-text-body></ac:structured-macro>').replace(/<br\/>/g, '\n').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'), representation: 'storage' } } }) };
    case 1:
      return { method: 'POST', path: '/api/documents.update', query: '', headers: browser(rng, 'wiki.example.io', 'xhr', { 'Content-Type': 'application/json', Authorization: `Bearer ol_api_${alnum(rng, 38)}` }), body: json({ id: uuid(rng), title, text: md, publish: true, append: false }) };
    case 2:
      return { method: 'PUT', path: `/api/pages/${rng.int(10, 900)}`, query: '', headers: client('docs.example.org', 'bookstack-sync/1.1', { Authorization: `Token ${alnum(rng, 32)}:${alnum(rng, 32)}`, 'Content-Type': 'application/json' }), body: json({ name: title, markdown: md, tags: [{ name: 'runbook' }] }) };
    case 3:
      return { method: 'POST', path: '/w/api.php', query: '', headers: browser(rng, 'wiki.example.org', 'xhr', { 'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8' }), body: form([['action', 'edit'], ['format', 'json'], ['title', title], ['text', `== ${title} ==\n<syntaxhighlight lang="bash">\n${md}\n</syntaxhighlight>`], ['summary', 'update'], ['token', `${hex(rng, 32)}+\\`]]) };
    default:
      return { method: 'POST', path: '/doku.php', query: '', headers: browser(rng, 'dokuwiki.example.lan', 'form', { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: `DokuWiki=${alnum(rng, 26)}` }), body: form([['sectok', hex(rng, 32)], ['id', `ops:${title.toLowerCase().replace(/[^a-z0-9]+/g, '_')}`], ['rev', '0'], ['date', String(rng.int(1733400000, 1733490000))], ['prefix', '.'], ['suffix', ''], ['changecheck', hex(rng, 32)], ['target', 'section'], ['wikitext', `====== ${title} ======\n\n${md.replace(/```(\w*)\n([\s\S]*?)```/g, '<code $1>\n$2</code>')}`], ['summary', 'edit'], ['do[save]', '1']]) };
  }
}

export function wiki(rng: Rng): Draft[] {
  return PAGES.map(([title, md], n) => savePage(rng, n, title, md));
}
