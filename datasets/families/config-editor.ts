/**
 * Server admin panels saving configuration files: the file's path under /etc (or a home directory) and its
 * whole content in the body — nginx and Apache virtual hosts, systemd units and timers, sshd drop-ins, cron
 * tables, /etc/hosts, HAProxy, Redis, Prometheus rules, logrotate, sysctl, fail2ban jails — sent by cPanel's
 * File Manager, DirectAdmin, Webmin, aaPanel, Ajenti, OPNsense/pfSense's file editor, Proxmox and a Portainer
 * config, from a panel that usually lives on an internal address (its settings page is the Referer).
 * Issue 14's model-side false positives of session 26: the bare /etc path and the file content score as a
 * file write or inclusion (0.83–0.97), the panel's internal Referer as an SSRF (0.91).
 */
import type { Family } from '../lib/family.js';
import { browserHeaders, pickBrowser } from '../lib/clients.js';
import type { Rng } from '../lib/rng.js';
import { encodePairs, withBody, type WireRequest } from '../lib/wire.js';

/** An internal panel address: private IPv4, a LAN host name or localhost, with the panel's port. */
export function panelOrigin(rng: Rng, ports: readonly number[]): string {
  const host = rng.pick([
    () => `10.${rng.int(0, 40)}.${rng.int(0, 255)}.${rng.int(2, 250)}`,
    () => `192.168.${rng.pick([0, 1, 10, 20, 88, 178])}.${rng.int(2, 250)}`,
    () => `172.${rng.int(16, 31)}.${rng.int(0, 255)}.${rng.int(2, 250)}`,
    () => `${rng.pick(['srv', 'web', 'vps', 'node', 'host', 'pve', 'fw', 'gw'])}${rng.int(1, 40)}.${rng.pick(['lan', 'internal', 'corp.local', 'home.arpa', 'intra.example.net'])}`,
    () => 'localhost',
    () => '127.0.0.1',
  ])();
  const port = rng.pick(ports);
  const scheme = port === 80 ? 'http' : port === 443 ? 'https' : rng.pick(['https', 'http']);
  return port === 80 || port === 443 ? `${scheme}://${host}` : `${scheme}://${host}:${port}`;
}

const APPS = ['shop', 'api', 'blog', 'portal', 'app', 'crm', 'wiki', 'status', 'git', 'grafana', 'billing', 'intranet'];
const DOMAINS = ['example.com', 'example.net', 'example.org', 'acme.test', 'shop.example', 'corp.example.io'];

function ip(rng: Rng): string {
  return rng.pick([`10.${rng.int(0, 40)}.${rng.int(0, 255)}.${rng.int(2, 250)}`, `192.168.${rng.int(0, 20)}.${rng.int(2, 250)}`, `172.${rng.int(16, 31)}.${rng.int(0, 9)}.${rng.int(2, 250)}`]);
}

/** One configuration file: where it lives and what it holds, drawn from the grammar of its format. */
export function configFile(rng: Rng): { path: string; content: string } {
  const app = rng.pick(APPS);
  const domain = `${app}.${rng.pick(DOMAINS)}`;
  const port = rng.pick([3000, 5000, 8000, 8080, 8081, 8443, 9000, 9090]);
  const user = rng.pick(['www-data', 'deploy', 'app', 'node', app]);
  const nl = rng.chance(0.15) ? '\r\n' : '\n';
  const lines = (xs: string[]): string => xs.join(nl) + (rng.chance(0.7) ? nl : '');
  switch (rng.int(0, 12)) {
    case 0: {
      const loc = [`    location / {`, `        proxy_pass http://127.0.0.1:${port};`, `        proxy_set_header Host $host;`, `        proxy_set_header X-Real-IP $remote_addr;`, `        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;`, `        proxy_set_header X-Forwarded-Proto $scheme;`, `    }`];
      const extra = rng.pick([[], [`    location ~ \\.php$ {`, `        include snippets/fastcgi-php.conf;`, `        fastcgi_pass unix:/run/php/php8.${rng.int(1, 3)}-fpm.sock;`, `    }`], [`    location ~ /\\.(?!well-known) {`, `        deny all;`, `    }`], [`    location /static/ {`, `        alias /var/www/${app}/static/;`, `        expires 30d;`, `    }`]]);
      return { path: `/etc/nginx/${rng.pick(['sites-available', 'conf.d', 'sites-enabled'])}/${domain}${rng.pick(['.conf', ''])}`, content: lines([`server {`, `    listen ${rng.pick(['443 ssl http2', '443 ssl', '80'])};`, `    server_name ${domain}${rng.chance(0.4) ? ` www.${domain}` : ''};`, `    root /var/www/${app}/public;`, `    client_max_body_size ${rng.pick(['10m', '50m', '100m'])};`, `    ssl_certificate /etc/letsencrypt/live/${domain}/fullchain.pem;`, `    ssl_certificate_key /etc/letsencrypt/live/${domain}/privkey.pem;`, `    access_log /var/log/nginx/${app}.access.log;`, ...loc, ...extra, `}`]) };
    }
    case 1:
      return { path: `/etc/systemd/system/${app}${rng.pick(['', '-worker', '-api'])}.service`, content: lines([`[Unit]`, `Description=${app} ${rng.pick(['web service', 'queue worker', 'API'])}`, `After=network-online.target${rng.chance(0.5) ? ' postgresql.service' : ''}`, `Wants=network-online.target`, ``, `[Service]`, `Type=${rng.pick(['simple', 'exec', 'notify'])}`, `User=${user}`, `WorkingDirectory=/opt/${app}`, `EnvironmentFile=-/etc/default/${app}`, `ExecStart=${rng.pick([`/usr/bin/node /opt/${app}/dist/server.js`, `/opt/${app}/venv/bin/gunicorn -w 4 -b 127.0.0.1:${port} ${app}.wsgi`, `/usr/local/bin/${app} serve --config /etc/${app}/config.yaml`, `/usr/bin/java -Xmx512m -jar /opt/${app}/${app}.jar`])}`, `ExecReload=/bin/kill -HUP $MAINPID`, `Restart=on-failure`, `RestartSec=${rng.int(2, 10)}`, ...(rng.chance(0.5) ? [`NoNewPrivileges=true`, `ProtectSystem=strict`, `ReadWritePaths=/var/lib/${app}`] : []), ``, `[Install]`, `WantedBy=multi-user.target`]) };
    case 2:
      return { path: rng.pick(['/etc/ssh/sshd_config', `/etc/ssh/sshd_config.d/${rng.int(10, 99)}-${rng.pick(['hardening', 'local', 'users'])}.conf`]), content: lines([`# ${rng.pick(['Managed by the panel', 'Hardening', 'Local changes'])}`, `Port ${rng.pick([22, 22, 2222, 22022])}`, `PermitRootLogin ${rng.pick(['no', 'prohibit-password'])}`, `PasswordAuthentication ${rng.pick(['no', 'yes'])}`, `PubkeyAuthentication yes`, `AuthorizedKeysFile .ssh/authorized_keys`, `AllowUsers ${rng.sample(['deploy', 'admin', 'ops', user, 'backup'], rng.int(1, 3)).join(' ')}`, `MaxAuthTries ${rng.int(3, 6)}`, `ClientAliveInterval ${rng.pick([60, 120, 300])}`, `X11Forwarding no`, `Subsystem sftp /usr/lib/openssh/sftp-server`]) };
    case 3: {
      const jobs = Array.from({ length: rng.int(1, 4) }, () => `${rng.pick(['*/5', '0', '15', '30', '*/15'])} ${rng.pick(['*', '2', '3', '*/6'])} * * ${rng.pick(['*', '1-5', '0'])} ${user} ${rng.pick([`/usr/bin/php /var/www/${app}/artisan schedule:run >> /dev/null 2>&1`, `/opt/${app}/bin/cleanup --older-than 7d`, `/usr/local/bin/backup.sh ${app} > /var/log/backup-${app}.log 2>&1`, `cd /opt/${app} && ./venv/bin/python manage.py clearsessions`, `/usr/bin/find /var/www/${app}/storage/tmp -type f -mtime +2 -delete`])}`);
      return { path: `/etc/cron.d/${app}${rng.pick(['', '-backup', '-jobs'])}`, content: lines([`SHELL=/bin/bash`, `PATH=/usr/local/sbin:/usr/local/bin:/sbin:/bin:/usr/sbin:/usr/bin`, `MAILTO=${rng.pick(['""', `ops@${rng.pick(DOMAINS)}`])}`, ...jobs]) };
    }
    case 4:
      return { path: '/etc/hosts', content: lines([`127.0.0.1 localhost`, `127.0.1.1 ${rng.pick(['srv', 'web', 'node'])}${rng.int(1, 20)}`, ...Array.from({ length: rng.int(1, 5) }, () => `${ip(rng)} ${rng.pick(APPS)}.${rng.pick(['internal', 'lan', 'local'])}${rng.chance(0.5) ? ` ${rng.pick(APPS)}` : ''}`), ``, `# The following lines are desirable for IPv6 capable hosts`, `::1     ip6-localhost ip6-loopback`, `ff02::1 ip6-allnodes`]) };
    case 5:
      return { path: '/etc/haproxy/haproxy.cfg', content: lines([`frontend ${app}_front`, `    bind *:${rng.pick([80, 443])}${rng.chance(0.5) ? ` ssl crt /etc/haproxy/certs/${domain}.pem` : ''}`, `    mode http`, `    acl is_api path_beg /api`, `    use_backend ${app}_api if is_api`, `    default_backend ${app}_web`, ``, `backend ${app}_web`, `    balance ${rng.pick(['roundrobin', 'leastconn'])}`, `    option httpchk GET /healthz`, ...Array.from({ length: rng.int(1, 3) }, (_, i) => `    server web${i + 1} ${ip(rng)}:${port} check inter 5s`)]) };
    case 6:
      return { path: rng.pick(['/etc/redis/redis.conf', '/etc/redis/redis-server.conf']), content: lines([`bind 127.0.0.1 ${ip(rng)}`, `protected-mode yes`, `port 6379`, `maxmemory ${rng.pick(['256mb', '1gb', '2gb'])}`, `maxmemory-policy ${rng.pick(['allkeys-lru', 'volatile-lru', 'noeviction'])}`, `appendonly ${rng.pick(['yes', 'no'])}`, `save 900 1`, `save 300 10`, `dir /var/lib/redis`, `logfile /var/log/redis/redis-server.log`]) };
    case 7: {
      const metric = rng.pick(['node_filesystem_avail_bytes{mountpoint="/"} / node_filesystem_size_bytes{mountpoint="/"} < 0.1', `rate(http_requests_total{job="${app}",status=~"5.."}[5m]) > 0.05`, 'up == 0', `histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{job="${app}"}[5m]))) > 1`]);
      return { path: `/etc/prometheus/rules/${app}.yml`, content: lines([`groups:`, `  - name: ${app}`, `    rules:`, `      - alert: ${rng.pick(['DiskAlmostFull', 'HighErrorRate', 'TargetDown', 'SlowRequests'])}`, `        expr: ${metric}`, `        for: ${rng.pick(['5m', '10m', '15m'])}`, `        labels:`, `          severity: ${rng.pick(['warning', 'critical'])}`, `        annotations:`, `          summary: "{{ $labels.instance }} ${rng.pick(['is down', 'has a high error rate', 'is running out of disk'])}"`]) };
    }
    case 8:
      return { path: `/etc/logrotate.d/${app}`, content: lines([`/var/log/${app}/*.log {`, `    ${rng.pick(['daily', 'weekly'])}`, `    rotate ${rng.int(4, 30)}`, `    compress`, `    delaycompress`, `    missingok`, `    notifempty`, `    create 0640 ${user} adm`, `    sharedscripts`, `    postrotate`, `        ${rng.pick([`systemctl reload ${app} > /dev/null 2>&1 || true`, '[ -f /var/run/nginx.pid ] && kill -USR1 `cat /var/run/nginx.pid`', `invoke-rc.d rsyslog rotate > /dev/null`])}`, `    endscript`, `}`]) };
    case 9:
      return { path: `/etc/sysctl.d/${rng.int(10, 99)}-${rng.pick(['tuning', 'network', 'local'])}.conf`, content: lines([`net.core.somaxconn = ${rng.pick([1024, 4096, 65535])}`, `net.ipv4.tcp_max_syn_backlog = ${rng.pick([2048, 8192])}`, `net.ipv4.ip_local_port_range = 1024 65000`, `vm.swappiness = ${rng.int(1, 60)}`, `fs.file-max = ${rng.pick([100000, 2097152])}`, `net.ipv4.ip_forward = ${rng.int(0, 1)}`]) };
    case 10:
      return { path: rng.pick(['/etc/fail2ban/jail.local', `/etc/fail2ban/jail.d/${app}.conf`]), content: lines([`[DEFAULT]`, `bantime = ${rng.pick(['1h', '10m', '1d'])}`, `findtime = ${rng.pick(['10m', '1h'])}`, `maxretry = ${rng.int(3, 8)}`, `ignoreip = 127.0.0.1/8 ${ip(rng)}/24`, ``, `[sshd]`, `enabled = true`, `port = ssh`, ``, `[nginx-http-auth]`, `enabled = true`, `logpath = /var/log/nginx/error.log`]) };
    case 11:
      return { path: rng.pick([`/etc/apache2/sites-available/${domain}.conf`, `/etc/httpd/conf.d/${app}.conf`]), content: lines([`<VirtualHost *:${rng.pick([80, 443])}>`, `    ServerName ${domain}`, `    DocumentRoot /var/www/${app}/public`, `    <Directory /var/www/${app}/public>`, `        AllowOverride All`, `        Require all granted`, `    </Directory>`, `    ProxyPass /api http://127.0.0.1:${port}/api`, `    ProxyPassReverse /api http://127.0.0.1:${port}/api`, `    ErrorLog \${APACHE_LOG_DIR}/${app}-error.log`, `    CustomLog \${APACHE_LOG_DIR}/${app}-access.log combined`, `</VirtualHost>`]) };
    default:
      return { path: rng.pick([`/etc/${app}/config.yaml`, `/etc/default/${app}`, `/home/${user}/.config/${app}/settings.ini`, `/opt/${app}/.env`]), content: lines(rng.chance(0.5)
        ? [`NODE_ENV=production`, `PORT=${port}`, `DATABASE_URL=postgres://${app}@${ip(rng)}:5432/${app}`, `REDIS_URL=redis://127.0.0.1:6379/${rng.int(0, 5)}`, `LOG_LEVEL=${rng.pick(['info', 'warn', 'debug'])}`]
        : [`server:`, `  listen: 0.0.0.0:${port}`, `  base_url: https://${domain}/`, `storage:`, `  path: /var/lib/${app}`, `log:`, `  level: ${rng.pick(['info', 'warn'])}`, `  file: /var/log/${app}/${app}.log`]) };
  }
}

const dirOf = (p: string): string => p.slice(0, p.lastIndexOf('/')) || '/';
const baseOf = (p: string): string => p.slice(p.lastIndexOf('/') + 1);

export const configEditor: Family = {
  name: 'config-editor',
  summary: 'Server admin panels saving configuration files by path with their content (nginx/Apache vhosts, systemd units, sshd drop-ins, cron tables, /etc/hosts, HAProxy, Redis, Prometheus rules, logrotate, sysctl, fail2ban): cPanel File Manager, DirectAdmin, Webmin, aaPanel, Ajenti, OPNsense/pfSense, Proxmox, Portainer, the panel on an internal address as Referer.',
  perScale: 3_000,
  make(ctx): WireRequest {
    const { rng } = ctx;
    const f = configFile(rng);
    const b = pickBrowser(rng, rng.pick(['en-US', 'en-GB', 'de-DE', 'fr-FR', 'nl-NL']));
    rng.alnum(16); // a draw of the first version, kept so that the records (and the weights trained on them) stay the same
    const panel = rng.int(0, 9);
    const ports: Record<number, number[]> = { 0: [2083, 2083, 443], 1: [2222, 443], 2: [10000, 10000, 443], 3: [8888, 7800, 443], 4: [8000, 443], 5: [443, 80], 6: [443, 80], 7: [8006], 8: [9443, 9000], 9: [9090, 443] };
    const origin = panelOrigin(rng, ports[panel]);
    const host = origin.replace(/^https?:\/\//, '');
    const cookie = rng.pick([`cpsession=${rng.alnum(8)}%3a${rng.alnum(16)}%2c${rng.hex(32)}`, `session=${rng.alnum(32)}`, `sid=${rng.hex(32)}`, `PHPSESSID=${rng.alnum(26).toLowerCase()}`]);
    const xhr = (referer: string): Record<string, string> => browserHeaders(rng, b, host, 'xhr', { origin, referer, site: 'same-origin', cookie });
    const form = (referer: string): Record<string, string> => browserHeaders(rng, b, host, 'form', { origin, referer, site: 'same-origin', cookie });
    const urlenc = 'application/x-www-form-urlencoded';
    // The page the operator came from, without the save: the settings page whose Referer is the panel's own address.
    if (rng.chance(0.12)) {
      const page = rng.pick([`/cpsess${rng.digits(10)}/frontend/jupiter/filemanager/editit.html?file=${encodeURIComponent(baseOf(f.path))}&dir=${encodeURIComponent(dirOf(f.path))}`, `/settings/${rng.pick(['general', 'network', 'security', 'updates', 'notifications'])}`, `/admin/settings.php?tab=${rng.pick(['network', 'smtp', 'backup', 'advanced'])}`, `/system_advanced_admin.php`, `/#/config/${rng.pick(['files', 'services', 'network'])}`]);
      return { method: 'GET', path: rng.pick(['/api/v1/status', '/settings/network', '/json-api/version', '/api/system/info', '/index.php']), query: rng.chance(0.5) ? `_=${rng.digits(13)}` : '', headers: xhr(`${origin}${page}`) };
    }
    switch (panel) {
      case 0: {
        const cps = `/cpsess${rng.digits(10)}`;
        return withBody({ method: 'POST', path: `${cps}/execute/Fileman/save_file_content`, query: '', headers: xhr(`${origin}${cps}/frontend/jupiter/filemanager/editit.html?file=${encodeURIComponent(baseOf(f.path))}&dir=${encodeURIComponent(dirOf(f.path))}`) }, urlenc, encodePairs([['dir', dirOf(f.path)], ['file', baseOf(f.path)], ['from_charset', 'UTF-8'], ['to_charset', 'UTF-8'], ['content', f.content], ['fallback', '1']], 'form'));
      }
      case 1:
        return withBody({ method: 'POST', path: '/CMD_FILE_MANAGER', query: '', headers: form(`${origin}/CMD_FILE_MANAGER?action=edit&path=${encodeURIComponent(f.path)}`) }, urlenc, encodePairs([['action', 'edit'], ['path', dirOf(f.path)], ['filename', baseOf(f.path)], ['text', f.content], ['json', 'yes']], 'form'));
      case 2:
        return withBody({ method: 'POST', path: rng.pick(['/updown/save.cgi', '/proc/save_file.cgi', `/${rng.pick(['nginx', 'apache', 'sshd', 'cron', 'syslog'])}/save_manual.cgi`]), query: '', headers: form(`${origin}/${rng.pick(['nginx', 'apache', 'sshd'])}/edit_manual.cgi?file=${encodeURIComponent(f.path)}&xnavigation=1`) }, urlenc, encodePairs([['file', f.path], ['data', f.content], ['save', 'Save']], 'form'));
      case 3:
        return withBody({ method: 'POST', path: '/files', query: 'action=SaveFileBody', headers: xhr(`${origin}/files?path=${encodeURIComponent(dirOf(f.path))}`) }, urlenc, encodePairs([['data', f.content], ['path', f.path], ['encoding', 'utf-8'], ['st_mtime', String(rng.int(1700000000, 1760000000))], ['force', '0']], 'form'));
      case 4:
        return withBody({ method: 'POST', path: `/api/filesystem/write${f.path}`, query: '', headers: xhr(`${origin}/view/notepad${f.path}`) }, 'text/plain;charset=UTF-8', f.content);
      case 5:
        return withBody({ method: 'POST', path: rng.pick(['/diag_edit.php', '/ui/core/file_editor/save']), query: '', headers: xhr(`${origin}/diag_edit.php`) }, urlenc, encodePairs([['action', 'save'], ['file', f.path], ['data', Buffer.from(f.content).toString('base64')]], 'form'));
      case 6:
        return withBody({ method: 'PUT', path: '/api/v1/files', query: encodePairs([['path', f.path]], 'component'), headers: { ...xhr(`${origin}/files/edit?path=${encodeURIComponent(f.path)}`), 'X-CSRF-Token': rng.alnum(40) } }, 'application/json', JSON.stringify({ path: f.path, content: f.content, mode: rng.pick(['0644', '0640', '0600']), owner: rng.pick(['root', 'www-data']), backup: rng.chance(0.6) }));
      case 7:
        return withBody({ method: 'POST', path: `/api2/extjs/nodes/${rng.pick(['pve', 'pve1', 'node2'])}/${rng.pick(['dns', 'hosts'])}`, query: '', headers: { ...xhr(`${origin}/`), CSRFPreventionToken: `${rng.hex(8).toUpperCase()}:${rng.alnum(43)}` } }, urlenc, encodePairs([['data', f.content], ['digest', rng.hex(40)]], 'form'));
      case 8:
        return withBody({ method: 'POST', path: `/api/endpoints/${rng.int(1, 5)}/docker/configs/create`, query: '', headers: { ...xhr(`${origin}/`), Authorization: `Bearer ${rng.alnum(36)}.${rng.alnum(120)}.${rng.alnum(43)}` } }, 'application/json', JSON.stringify({ Name: baseOf(f.path).replace(/\.[a-z]+$/, '') + `-v${rng.int(1, 30)}`, Labels: { path: f.path }, Data: Buffer.from(f.content).toString('base64') }));
      default: {
        // Cockpit-style JSON: the editor sends path, tag and content.
        return withBody({ method: 'POST', path: '/cockpit/channel/fsreplace1', query: '', headers: xhr(`${origin}/${rng.pick(['system', 'files', 'navigator'])}`) }, 'application/json', JSON.stringify({ payload: 'fsreplace1', path: f.path, tag: `1:${rng.digits(8)}-${rng.digits(10)}`, content: f.content, superuser: 'try' }));
      }
    }
  },
};
