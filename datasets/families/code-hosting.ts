/**
 * A self-hosted code forge (Gitea, GitLab, a GitHub Enterprise-style UI and API) behind the proxy: file
 * views, raw downloads, blame and history of repository paths, the contents APIs that take the path as
 * a path or an encoded parameter, code search with path and filename qualifiers, compare and commit
 * diffs, archives, and Git's smart HTTP protocol. The paths are the repositories' own — infrastructure
 * repositories hold `etc/nginx/nginx.conf`, `roles/web/templates/nginx.conf.j2`, `.env.example`,
 * `config/database.yml`, `wp-config-sample.php` — so a request path naming a system or configuration
 * file is, here, a page.
 */
import type { Family } from '../lib/family.js';
import { browserHeaders, cookieJar, pickBrowser } from '../lib/clients.js';
import { LOCALE_MIX } from '../lib/people.js';
import type { Rng } from '../lib/rng.js';
import { cookieHeader, encodePairs, withBody, type WireRequest } from '../lib/wire.js';

/** Files of infrastructure repositories (Ansible, Docker, Kubernetes, systemd, web servers). */
const OPS_FILES = [
  'etc/nginx/nginx.conf', 'etc/nginx/conf.d/default.conf', 'etc/nginx/sites-available/app.conf', 'etc/haproxy/haproxy.cfg', 'etc/mysql/my.cnf',
  'etc/mysql/conf.d/tuning.cnf', 'etc/redis/redis.conf', 'etc/php/8.2/fpm/php.ini', 'etc/systemd/system/app.service', 'etc/logrotate.d/app',
  'etc/cron.d/backup', 'etc/ssh/sshd_config', 'etc/sysctl.d/99-tuning.conf', 'etc/hosts', 'etc/fstab', 'etc/crontab', 'etc/prometheus/prometheus.yml',
  'etc/supervisor/conf.d/worker.conf', 'etc/postgresql/16/main/postgresql.conf', 'etc/apache2/sites-enabled/000-default.conf',
  'roles/web/templates/nginx.conf.j2', 'roles/db/tasks/main.yml', 'roles/common/files/etc/security/limits.conf', 'group_vars/all.yml',
  'inventory/production/hosts.ini', 'docker-compose.yml', 'docker/nginx/Dockerfile', 'k8s/base/deployment.yaml', 'k8s/overlays/prod/kustomization.yaml',
  'helm/app/values.yaml', 'helm/app/templates/_helpers.tpl', 'terraform/modules/vpc/main.tf', '.github/workflows/ci.yml', '.gitlab-ci.yml',
  'scripts/deploy.sh', 'scripts/backup-db.sh', 'Makefile', 'rootfs/etc/s6-overlay/s6-rc.d/nginx/run', 'rootfs/usr/local/bin/entrypoint.sh',
];

/** Files of application repositories. */
const APP_FILES = [
  'src/index.ts', 'src/server/routes/orders.ts', 'src/components/Cart.jsx', 'app/Http/Controllers/OrderController.php', 'config/database.yml',
  'config/database.php', 'config/settings.py', '.env.example', '.env.sample', 'wp-config-sample.php', 'public/index.php', 'public/.htaccess',
  'app/models/user.rb', 'lib/tasks/import.rake', 'cmd/server/main.go', 'internal/api/handlers.go', 'pom.xml', 'src/main/resources/application.yml',
  'src/main/webapp/WEB-INF/views/index.jsp', 'templates/base.html', 'migrations/0042_add_paid_at.sql', 'db/schema.sql', 'README.md', 'CHANGELOG.md',
  'package.json', 'composer.json', 'requirements.txt', 'Gemfile.lock', 'test/fixtures/users.json', 'docs/install.md', 'docs/admin/backup.md',
];

const OWNERS = ['platform', 'infra', 'ops', 'web', 'acme', 'data-team', 'mobile', 'payments', 'jdoe', 'mgarcia'];
const REPOS = ['infrastructure', 'ansible', 'deploy', 'shop', 'api', 'website', 'dotfiles', 'helm-charts', 'docker-images', 'backend', 'wordpress-site'];

function ref(rng: Rng): string {
  return rng.pick(['main', 'master', 'develop', `v${rng.int(1, 4)}.${rng.int(0, 20)}.${rng.int(0, 9)}`, rng.hex(40), `feature/${rng.pick(['tls', 'backup', 'checkout', 'cache'])}-${rng.int(10, 999)}`]);
}

/** A path's segments encoded as a browser writes them in a URL path (they are plain here, but `+`, `@` and spaces occur). */
function pathPart(file: string): string {
  return file.split('/').map((s) => encodeURIComponent(s).replace(/%40/g, '@')).join('/');
}

export const codeHosting: Family = {
  name: 'code-hosting',
  summary: 'A self-hosted code forge: file, raw, blame and history views of repository paths (etc/nginx/nginx.conf, .env.example, config/database.yml), contents APIs with the path in the path or a parameter, code search with path:/filename: qualifiers, compare and commit diffs, archives, Git smart HTTP.',
  perScale: 3_000,
  make(ctx): WireRequest {
    const { rng } = ctx;
    const b = pickBrowser(rng, rng.weighted(LOCALE_MIX));
    const host = rng.pick(['git.example.com', 'gitlab.corp.example', 'code.example.org', 'gitea.internal.example.net']);
    const owner = rng.pick(OWNERS);
    const repo = rng.pick(REPOS);
    const file = rng.chance(0.55) ? rng.pick(OPS_FILES) : rng.pick(APP_FILES);
    const r = ref(rng);
    const cookie = cookieHeader(cookieJar(rng, { session: true, csrf: rng.chance(0.5) }));
    const page = (path: string, query = ''): WireRequest => ({ method: 'GET', path, query, headers: browserHeaders(rng, b, host, 'document', { referer: `https://${host}/${owner}/${repo}`, cookie, site: 'same-origin' }) });
    const api = (path: string, query = ''): WireRequest => ({ method: 'GET', path, query, headers: { Host: host, 'User-Agent': rng.pick(['git/2.45.2', 'python-gitlab/4.6.0', 'go-gitea/sdk 0.19', 'Renovate Bot', 'curl/8.8.0', 'ansible-galaxy/2.17.1']), Accept: 'application/json', Authorization: `${rng.pick(['token', 'Bearer'])} ${rng.alnum(40)}` } });
    switch (rng.int(0, 8)) {
      case 0:
        return page(`/${owner}/${repo}/${rng.pick(['blob', 'tree', 'blame', 'commits', 'raw'])}/${r}/${pathPart(file)}`, rng.chance(0.2) ? `plain=1` : '');
      case 1:
        // GitLab's /-/ routes, with a line anchor's query or a fragment-less line range.
        return page(`/${owner}/${repo}/-/${rng.pick(['blob', 'raw', 'blame', 'commits', 'ide/project/' + owner + '/' + repo + '/edit'])}/${r}/${rng.chance(0.3) ? '-/' : ''}${pathPart(file)}`, rng.chance(0.3) ? `ref_type=heads` : '');
      case 2:
        // Gitea/Forgejo.
        return page(`/${owner}/${repo}/${rng.pick(['src', 'raw', 'blame', 'commits'])}/${rng.pick(['branch', 'tag', 'commit'])}/${r}/${pathPart(file)}`);
      case 3:
        // Contents APIs: the path in the path (GitHub-style, Gitea) or one encoded segment (GitLab).
        if (rng.chance(0.5)) return api(`/api/v4/projects/${rng.int(1, 900)}/repository/files/${encodeURIComponent(file)}${rng.chance(0.6) ? '/raw' : ''}`, encodePairs([['ref', r]], 'component'));
        return api(`/${rng.pick(['api/v1/repos', 'api/v3/repos', 'repos'])}/${owner}/${repo}/contents/${pathPart(file)}`, encodePairs([['ref', r]], 'component'));
      case 4: {
        // Code search with qualifiers.
        const name = file.split('/').pop() ?? file;
        const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '';
        const q = rng.pick([`filename:${name}`, `path:${dir || '/'} ${rng.pick(['worker_processes', 'listen 443', 'max_connections', 'DATABASE_URL', 'proxy_pass'])}`, `"${rng.pick(['ssl_certificate', 'client_max_body_size', 'innodb_buffer_pool_size', 'APP_KEY'])}" path:${dir || 'config'}`, `${rng.pick(['TODO', 'FIXME', 'deprecated'])} extension:${name.split('.').pop() ?? 'yml'}`]);
        return page(rng.pick(['/search', `/${owner}/${repo}/search`, '/explore/code']), encodePairs([['q', q], ['type', 'code']], rng.chance(0.5) ? 'form' : 'component'));
      }
      case 5:
        return page(`/${owner}/${repo}/${rng.pick(['compare', '-/compare'])}/${rng.pick(['v1.2.0...v1.3.0', 'main...feature/tls-42', `${rng.hex(7)}...${rng.hex(7)}`])}`, rng.chance(0.4) ? 'diff=split&w=1' : '');
      case 6:
        return page(`/${owner}/${repo}/${rng.pick(['commit', '-/commit'])}/${rng.hex(40)}${rng.pick(['', '.diff', '.patch'])}`, rng.chance(0.3) ? `path=${encodeURIComponent(file)}` : '');
      case 7:
        return page(`/${owner}/${repo}/${rng.pick(['archive/refs/tags', '-/archive/main', 'archive'])}/${rng.pick([`v${rng.int(1, 3)}.${rng.int(0, 9)}.${rng.int(0, 9)}.tar.gz`, `${repo}-main.zip`, 'main.tar.gz'])}`);
      default: {
        // Git smart HTTP: the ref advertisement, then the pack negotiation (pkt-lines).
        const gitHeaders = { Host: host, 'User-Agent': rng.pick(['git/2.45.2', 'git/2.39.5', 'JGit/6.10.0']), Accept: '*/*', 'Git-Protocol': 'version=2', Authorization: `Basic ${Buffer.from(`${owner}:${rng.alnum(20)}`).toString('base64')}` };
        if (rng.chance(0.5)) return { method: 'GET', path: `/${owner}/${repo}.git/info/refs`, query: `service=${rng.pick(['git-upload-pack', 'git-receive-pack'])}`, headers: gitHeaders };
        const want = `0032want ${rng.hex(40)}\n0032want ${rng.hex(40)}\n00000032have ${rng.hex(40)}\n0009done\n`;
        return withBody({ method: 'POST', path: `/${owner}/${repo}.git/git-upload-pack`, query: '', headers: gitHeaders }, 'application/x-git-upload-pack-request', want);
      }
    }
  },
};
