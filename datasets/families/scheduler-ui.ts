/**
 * Scheduled jobs saved through schedulers' UIs and APIs: the command field of a hosting panel's cron job
 * (cPanel, Plesk, DirectAdmin, Webmin, aaPanel), Laravel Forge and Ploi jobs, Cronicle events, Rundeck job
 * definitions, a Jenkins freestyle job's shell step, GitLab pipeline schedules, Healthchecks and an RMM's
 * scheduled script — commands as operators write them: an interpreter and a script, `cd … &&`, output thrown
 * away (`> /dev/null 2>&1`), `$(date +\%F)` in file names, pipes into gzip, lock files, curl pings.
 * Issue 14's model-side false positives of session 26: a hosting panel's cron `command` (0.88).
 */
import type { Family } from '../lib/family.js';
import { browserHeaders, pickBrowser } from '../lib/clients.js';
import type { Rng } from '../lib/rng.js';
import { encodePairs, withBody, type WireRequest } from '../lib/wire.js';
import { panelOrigin } from './config-editor.js';

const USERS = ['shop', 'acme', 'blog', 'deploy', 'forge', 'ploi', 'web1', 'client42', 'app', 'wpuser'];
const APPS = ['shop', 'app', 'api', 'crm', 'portal', 'blog', 'billing', 'site'];

/** One scheduled command, drawn from the grammar operators use. */
export function cronCommand(rng: Rng, pct: boolean): string {
  const u = rng.pick(USERS);
  const app = rng.pick(APPS);
  const home = rng.pick([`/home/${u}`, `/var/www/${app}`, `/home/${u}/domains/${app}.example.com`, `/srv/${app}`]);
  const pub = rng.pick(['public_html', 'htdocs', 'public', 'current', 'httpdocs']);
  const php = rng.pick(['/usr/bin/php', '/usr/local/bin/php', 'php', '/opt/cpanel/ea-php82/root/usr/bin/php', '/usr/bin/php8.2', '/opt/plesk/php/8.3/bin/php']);
  const py = rng.pick(['/usr/bin/python3', `${home}/venv/bin/python`, 'python3']);
  const d = pct ? '\\%' : '%';
  const discard = rng.pick(['> /dev/null 2>&1', '>/dev/null 2>&1', '>> /dev/null 2>&1', `>> ${home}/logs/cron.log 2>&1`, '2>&1 | logger -t ' + app, '', '']);
  const core = rng.pick([
    () => `${php} ${rng.chance(0.3) ? '-q ' : ''}${home}/${pub}/${rng.pick(['cron.php', 'wp-cron.php', 'admin/cli/cron.php', 'index.php cron', 'bin/magento cron:run', 'artisan schedule:run', 'console cron:run', 'tools/scheduler.php --run'])}`,
    () => `cd ${home}/${pub} && ${php} artisan ${rng.pick(['schedule:run', 'queue:work --stop-when-empty', 'backup:run --only-db', 'sitemap:generate'])}`,
    () => `${rng.pick(['wget -q -O -', 'wget -qO-', 'curl -s', 'curl -fsS --retry 3'])} "https://${app}.example.com/${rng.pick(['wp-cron.php?doing_wp_cron', 'cron/run?token=' + rng.alnum(24), 'index.php?option=com_ajax&plugin=cron&format=raw', 'api/cron/daily'])}"`,
    () => `curl -fsS -m 10 --retry 5 -o /dev/null https://hc-ping.com/${rng.uuid()}`,
    () => `${py} ${home}/${rng.pick(['manage.py clearsessions', 'manage.py send_queued_mail', 'scripts/import_feed.py --source erp', 'jobs/nightly.py'])}`,
    () => `mysqldump ${rng.chance(0.5) ? '--single-transaction ' : ''}-u ${u} ${rng.pick([`${u}_${app}`, app])} | gzip > ${home}/backups/${app}-$(date +${d}F).sql.gz`,
    () => `tar -czf ${home}/backups/${pub}-$(date +${d}Y${d}m${d}d).tar.gz -C ${home} ${pub}`,
    () => `find ${home}/${rng.pick(['tmp', 'logs', 'backups', `${pub}/var/cache`])} -type f -mtime +${rng.int(2, 30)} -delete`,
    () => `/usr/local/bin/${rng.pick(['backup.sh', 'rotate-logs.sh', 'sync-media.sh', 'renew-certs.sh'])} ${rng.pick(['--full', '--incremental', app, `--keep ${rng.int(3, 14)}`, ''])}`.trim(),
    () => `certbot renew --quiet --deploy-hook "systemctl reload ${rng.pick(['nginx', 'apache2', 'haproxy'])}"`,
    () => `rsync -az --delete ${home}/${pub}/ backup@${rng.pick(['10.0.0.5', 'backup.internal', '192.168.1.20'])}:/srv/backup/${app}/`,
    () => `/usr/bin/flock -n /tmp/${app}-sync.lock ${php} ${home}/${pub}/bin/console ${rng.pick(['app:sync-stock', 'messenger:consume async --time-limit=3600', 'app:send-reminders'])}`,
    () => `node ${home}/${rng.pick(['app/scripts/sync.js --since 24h', 'dist/jobs/digest.js', 'bin/cleanup.js'])}`,
    () => `docker ${rng.pick(['system prune -af --filter "until=168h"', `exec ${app}-web php artisan schedule:run`, `compose -f /opt/${app}/docker-compose.yml run --rm worker npm run nightly`])}`,
    () => `sh ${home}/scripts/${rng.pick(['cleanup.sh', 'export.sh', 'warmup-cache.sh'])}`,
    () => `/bin/bash -lc "cd ${home}/current && bundle exec rake ${rng.pick(['sitemap:refresh', 'reports:daily', 'cleanup:sessions'])} RAILS_ENV=production"`,
  ])();
  return discard ? `${core} ${discard}` : core;
}

function cronSpec(rng: Rng): [string, string, string, string, string] {
  return [rng.pick(['*/5', '0', '*/15', '30', String(rng.int(0, 59))]), rng.pick(['*', '2', '3', '*/6', String(rng.int(0, 23))]), rng.pick(['*', '*', '1', '15']), '*', rng.pick(['*', '*', '1-5', '0'])];
}

export const schedulerUi: Family = {
  name: 'scheduler-ui',
  summary: 'Scheduled jobs saved through schedulers: the command field of cPanel, Plesk, DirectAdmin, Webmin and aaPanel cron jobs, Forge/Ploi jobs, Cronicle events, Rundeck job definitions, Jenkins shell steps, GitLab pipeline schedules, Healthchecks checks and an RMM task (interpreters and scripts, `cd … &&`, `> /dev/null 2>&1`, `$(date +\\%F)`, pipes into gzip).',
  perScale: 3_000,
  make(ctx): WireRequest {
    const { rng } = ctx;
    const b = pickBrowser(rng, rng.pick(['en-US', 'en-GB', 'de-DE', 'nl-NL', 'pl-PL', 'pt-BR']));
    const tool = rng.int(0, 10);
    const ports: Record<number, number[]> = { 0: [2083, 443], 1: [8443, 443], 2: [2222, 443], 3: [10000, 443], 4: [8888, 443], 7: [4440, 443], 8: [8080, 443] };
    const origin = ports[tool] ? panelOrigin(rng, ports[tool]) : `https://${rng.pick(['forge.laravel.com', 'ploi.io', 'cronicle.example.net', 'gitlab.example.com', 'healthchecks.example.io', 'rmm.example.com'])}`;
    const host = origin.replace(/^https?:\/\//, '');
    const cookie = rng.pick([`cpsession=${rng.alnum(8)}%3a${rng.alnum(16)}%2c${rng.hex(32)}`, `PLESKSESSID=${rng.hex(32)}`, `session=${rng.alnum(40)}`, `JSESSIONID=${rng.hex(32).toUpperCase()}`, `_gitlab_session=${rng.hex(32)}`]);
    const xhr = (referer: string): Record<string, string> => browserHeaders(rng, b, host, 'xhr', { origin, referer: `${origin}${referer}`, site: 'same-origin', cookie });
    const form = (referer: string): Record<string, string> => browserHeaders(rng, b, host, 'form', { origin, referer: `${origin}${referer}`, site: 'same-origin', cookie });
    const urlenc = 'application/x-www-form-urlencoded';
    const [mi, ho, dm, mo, dw] = cronSpec(rng);
    const cmd = cronCommand(rng, tool <= 4 || tool === 9);
    switch (tool) {
      case 0: {
        const cps = `/cpsess${rng.digits(10)}`;
        return withBody({ method: 'POST', path: rng.chance(0.6) ? `${cps}/execute/Cron/add_line` : `${cps}/json-api/cpanel`, query: rng.chance(0.6) ? '' : 'cpanel_jsonapi_version=2&cpanel_jsonapi_module=Cron&cpanel_jsonapi_func=add_line', headers: xhr(`${cps}/frontend/jupiter/cron/index.html`) }, urlenc, encodePairs([['command', cmd], ['minute', mi], ['hour', ho], ['day', dm], ['month', mo], ['weekday', dw]], 'form'));
      }
      case 1:
        return withBody({ method: 'POST', path: `/smb/scheduled-tasks/${rng.pick(['create', 'edit'])}/domainId/${rng.int(1, 40)}`, query: '', headers: form(`/smb/scheduled-tasks/list/domainId/${rng.int(1, 40)}`) }, urlenc, encodePairs([['taskType', rng.pick(['exec', 'php'])], ['command', cmd], ['isActive', '1'], ['runPeriod', rng.pick(['cron', 'daily', 'hourly'])], ['cronStyle[minute]', mi], ['cronStyle[hour]', ho], ['cronStyle[dayOfMonth]', dm], ['cronStyle[month]', mo], ['cronStyle[dayOfWeek]', dw], ['notify', rng.pick(['ignore', 'errors'])], ['forgery_protection_token', rng.hex(32)]], 'form'));
      case 2:
        return withBody({ method: 'POST', path: '/CMD_CRON_JOBS', query: '', headers: form('/CMD_CRON_JOBS') }, urlenc, encodePairs([['action', 'create'], ['minute', mi], ['hour', ho], ['dayofmonth', dm], ['month', mo], ['dayofweek', dw], ['command', cmd], ['json', 'yes']], 'form'));
      case 3:
        return withBody({ method: 'POST', path: '/cron/save_cron.cgi', query: '', headers: form(`/cron/edit_cron.cgi?idx=${rng.int(0, 40)}`) }, urlenc, encodePairs([['new', '1'], ['user', rng.pick(USERS)], ['active', '1'], ['cmd', cmd], ['comment', rng.pick(['nightly backup', 'cache warmup', 'queue', ''])], ['all_mins', '0'], ['mins', mi], ['hours', ho], ['days', dm], ['months', mo], ['weekdays', dw]], 'form'));
      case 4:
        return withBody({ method: 'POST', path: '/crontab', query: 'action=AddCrontab', headers: xhr('/crontab') }, urlenc, encodePairs([['name', rng.pick(['Backup site', 'Clean tmp', 'Run scheduler', 'Renew certificates'])], ['type', rng.pick(['day', 'hour-n', 'minute-n', 'week'])], ['where1', String(rng.int(1, 6))], ['hour', ho.replace(/\D/g, '') || '1'], ['minute', mi.replace(/\D/g, '') || '0'], ['week', ''], ['sType', 'toShell'], ['sBody', cmd], ['sName', ''], ['backupTo', 'localhost'], ['save', '3'], ['urladdress', '']], 'form'));
      case 5:
        return withBody({ method: 'POST', path: `/api/v1/servers/${rng.int(100000, 999999)}/jobs`, query: '', headers: { Host: 'forge.laravel.com', 'User-Agent': rng.pick(['GuzzleHttp/7', 'forge-cli/1.9']), Accept: 'application/json', Authorization: `Bearer ${rng.alnum(36)}.${rng.alnum(150)}.${rng.alnum(43)}` } }, 'application/json', JSON.stringify({ command: cmd, frequency: rng.pick(['minutely', 'hourly', 'nightly', 'weekly', 'custom']), user: rng.pick(['forge', 'root']), minute: mi, hour: ho, day: dm, month: mo, weekday: dw }));
      case 6:
        return withBody({ method: 'POST', path: '/api/app/create_event/v1', query: '', headers: { ...xhr('/#Schedule?sub=new_event'), 'X-Session-ID': rng.hex(32) } }, 'application/json', JSON.stringify({ title: rng.pick(['Nightly export', 'DB backup', 'Feed import']), enabled: 1, category: 'general', target: rng.pick(['allgrp', 'maingrp']), plugin: 'shellplug', params: { script: `#!/bin/sh\n\n${cmd}\n`, annotate: 0, json: 0 }, timing: { hours: [rng.int(0, 23)], minutes: [rng.int(0, 59)] }, timezone: rng.pick(['UTC', 'Europe/Berlin', 'America/New_York']), max_children: 1, timeout: 3600 }));
      case 7: {
        const yaml = [`- name: ${rng.pick(['nightly-backup', 'cleanup-tmp', 'sync-media'])}`, `  group: ${rng.pick(['ops', 'maintenance', 'web'])}`, `  schedule:`, `    time: { hour: '${ho.replace(/\D/g, '') || '2'}', minute: '${mi.replace(/\D/g, '') || '0'}', seconds: '0' }`, `  nodefilters:`, `    filter: 'tags: ${rng.pick(['web', 'db', 'app'])}'`, `  sequence:`, `    keepgoing: false`, `    commands:`, `      - exec: ${cmd.includes(': ') ? JSON.stringify(cmd) : cmd}`, ...(rng.chance(0.5) ? [`      - script: |\n          #!/bin/bash\n          set -euo pipefail\n          ${cronCommand(rng, false)}`] : [])].join('\n');
        return withBody({ method: 'POST', path: `/api/${rng.int(41, 47)}/project/${rng.pick(['ops', 'web', 'infra'])}/jobs/import`, query: 'fileformat=yaml&dupeOption=update', headers: { Host: host, 'User-Agent': 'rd-cli/2.0', Accept: 'application/json', 'X-Rundeck-Auth-Token': rng.alnum(32) } }, 'application/yaml', yaml);
      }
      case 8: {
        const xml = `<?xml version='1.1' encoding='UTF-8'?>\n<project>\n  <description>${rng.pick(['Nightly maintenance', 'Cache warmup', 'Backup'])}</description>\n  <triggers>\n    <hudson.triggers.TimerTrigger>\n      <spec>H ${ho} * * ${dw}</spec>\n    </hudson.triggers.TimerTrigger>\n  </triggers>\n  <builders>\n    <hudson.tasks.Shell>\n      <command>${cmd.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</command>\n    </hudson.tasks.Shell>\n  </builders>\n</project>`;
        return withBody({ method: 'POST', path: `/job/${rng.pick(['maintenance', 'nightly-backup', 'warmup'])}/config.xml`, query: '', headers: { Host: host, 'User-Agent': rng.pick(['python-jenkins/1.8.2', 'curl/8.5.0']), Authorization: `Basic ${Buffer.from(`admin:${rng.alnum(34)}`).toString('base64')}`, 'Jenkins-Crumb': rng.hex(64) } }, 'application/xml', xml);
      }
      case 9:
        return rng.chance(0.5)
          ? withBody({ method: 'POST', path: `/api/v4/projects/${rng.int(1, 999)}/pipeline_schedules`, query: '', headers: { Host: host, 'User-Agent': 'python-gitlab/4.10.0', 'PRIVATE-TOKEN': `glpat-${rng.alnum(20)}`, Accept: 'application/json' } }, 'application/json', JSON.stringify({ description: rng.pick(['Nightly build', 'Weekly dependency update', 'Backup']), ref: rng.pick(['main', 'master', 'release']), cron: `${mi} ${ho} ${dm} ${mo} ${dw}`, cron_timezone: rng.pick(['UTC', 'Europe/Amsterdam']), active: true }))
          : withBody({ method: 'POST', path: `/projects/${rng.alnum(8).toLowerCase()}/checks/add/`, query: '', headers: form('/projects/checks/') }, urlenc, encodePairs([['csrfmiddlewaretoken', rng.alnum(64)], ['name', rng.pick(['cron: backup', 'nightly import', 'cert renewal'])], ['kind', 'cron'], ['schedule', `${mi} ${ho} ${dm} ${mo} ${dw}`], ['tz', 'UTC'], ['grace', String(rng.pick([60, 300, 3600]))], ['desc', `Runs: ${cmd}`]], 'form'));
      default: {
        const ps = rng.pick(['C:\\Scripts\\Backup-Database.ps1', 'C:\\ProgramData\\Ops\\Clear-TempFiles.ps1', 'D:\\Jobs\\Export-Reports.ps1 -Days 7']);
        return withBody({ method: 'POST', path: '/api/v2/scheduled-tasks', query: '', headers: { ...xhr('/automation/tasks/new'), 'X-CSRF-Token': rng.alnum(40) } }, 'application/json', JSON.stringify({ name: rng.pick(['Nightly DB backup', 'Weekly cleanup', 'Report export']), target: { siteId: rng.int(1, 50), devices: [rng.uuid()] }, schedule: { type: rng.pick(['daily', 'weekly']), at: `${String(rng.int(0, 23)).padStart(2, '0')}:${rng.pick(['00', '30'])}` }, action: rng.chance(0.5) ? { type: 'powershell', command: `powershell.exe -NoProfile -NonInteractive -File ${ps}` } : { type: 'shell', command: cmd }, runAs: rng.pick(['SYSTEM', 'LocalService', 'root']) }));
      }
    }
  },
};
