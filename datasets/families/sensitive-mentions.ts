/**
 * Values that merely mention a sensitive-sounding file: support questions about `.env` or
 * `~/.ssh/config`, file names in an upload form, a setting naming `/var/log/nginx/error.log`, a
 * search for `wp-config.php`. Never a request *for* the file: the path is in a value, not the URL path.
 */
import type { Family } from '../lib/family.js';
import { browserHeaders, pickBrowser } from '../lib/clients.js';
import { LOCALE_MIX } from '../lib/people.js';
import { webHost } from '../lib/sites.js';
import { encodePairs, withBody } from '../lib/wire.js';

const PATHS = ['.env', '.env.local', '.env.example', '~/.ssh/config', '~/.ssh/id_ed25519.pub', 'id_rsa.pub', '/etc/hosts', '/etc/nginx/nginx.conf', '/var/log/nginx/error.log', '/var/log/syslog', 'C:\\Windows\\System32\\drivers\\etc\\hosts', 'wp-config.php', '.htaccess', '.gitignore', '.git/config', '~/.gitconfig', 'docker-compose.yml', '.npmrc', '~/.aws/credentials', 'backup.sql', 'db.sqlite3', 'config/database.yml', 'settings.py', 'appsettings.Development.json', '/proc/cpuinfo', 'web.config', 'php.ini', '~/.bash_history', '.DS_Store', 'kubeconfig.yaml'];
const TEMPLATES = [
  (p: string) => `Where do I put the ${p} file?`,
  (p: string) => `My ${p} is ignored after the update, any idea?`,
  (p: string) => `Is it safe to commit ${p}?`,
  (p: string) => `how to edit ${p} on mac`,
  (p: string) => `Please rotate the key, it leaked in ${p} last week.`,
  (p: string) => `Permissions on ${p} should be 600, not 644.`,
  (p: string) => `${p} not found`,
  (p: string) => `Attached: ${p.split(/[\\/]/).pop()} (from the staging box)`,
  (p: string) => `diff of ${p} between v1 and v2`,
];

export const sensitiveMentions: Family = {
  name: 'sensitive-mentions',
  summary: 'Values that merely mention sensitive-sounding files (.env, ~/.ssh/config, /etc/hosts, wp-config.php, backup.sql, /var/log/...): support questions, searches, file names in forms, log-path settings — never a request for the file itself.',
  perScale: 3_000,
  make(ctx) {
    const { rng, en } = ctx;
    const b = pickBrowser(rng, rng.weighted(LOCALE_MIX));
    const site = webHost(rng, en);
    const p = rng.pick(PATHS);
    const text = rng.pick(TEMPLATES)(p);
    switch (rng.int(0, 3)) {
      case 0:
        return { method: 'GET', path: rng.pick(['/search', '/docs/search', '/help', '/questions']), query: encodePairs([['q', rng.chance(0.5) ? text : p]], rng.pick(['form', 'component'])), headers: browserHeaders(rng, b, site, 'document', { referer: `https://${site}/`, site: 'same-origin' }) };
      case 1:
        return withBody({ method: 'POST', path: rng.pick(['/support/tickets', '/api/comments', '/contact']), query: '', headers: browserHeaders(rng, b, site, 'form', { origin: `https://${site}`, referer: `https://${site}/support`, site: 'same-origin' }) }, 'application/x-www-form-urlencoded', encodePairs([['subject', text.slice(0, 50)], ['message', `${text}\n\n${en.lorem.sentence()}`], ['email', en.internet.email()]], 'form'));
      case 2:
        return withBody({ method: 'PATCH', path: rng.pick(['/api/v1/settings/logging', '/api/projects/42/config', '/api/agents/7']), query: '', headers: browserHeaders(rng, b, site, 'xhr', { origin: `https://${site}`, site: 'same-origin' }) }, 'application/json', JSON.stringify({ log_file: rng.pick(['/var/log/app/app.log', '/var/log/nginx/access.log', 'C:\\ProgramData\\App\\logs\\app.log']), config_path: p, watch: [p, rng.pick(PATHS)], note: text }));
      default:
        return { method: 'GET', path: rng.pick(['/api/files', '/drive/list', '/api/repos/contents']), query: encodePairs([['name', p.split(/[\\/]/).pop() ?? p], ['dir', rng.pick(['/', '/projects/app', '~/Documents'])]], 'component'), headers: browserHeaders(rng, b, site, 'xhr', { referer: `https://${site}/files`, site: 'same-origin' }) };
    }
  },
};
