import { describe, expect, it } from 'vitest';
import { isIniSettings } from '../../src/model/ini-settings.js';

// Configuration files as a hosting panel's file editor or a config API saves them.
const FILES = [
  '[PHP]\nmemory_limit = 512M\nupload_max_filesize = 64M\npost_max_size = 64M\nmax_execution_time = 120\ndisable_functions = exec,passthru,shell_exec,system,proc_open,popen\nexpose_php = Off\n',
  '; site overrides\nupload_max_filesize = 32M\npost_max_size = 32M\ndate.timezone = "Europe/Berlin"\n',
  '[opcache]\nopcache.enable = 1\nopcache.memory_consumption = 128\nopcache.validate_timestamps = 0\n',
  '[mysqld]\nbind-address = 127.0.0.1\nmax_connections = 200\ndatadir = /var/lib/mysql\n',
];

// Files that load or run something, lift a guard, or are no settings file.
const NOT_FILES = [
  'auto_prepend_file = php://input\nallow_url_include = On\nexpose_php = Off\n',
  '[PHP]\nauto_prepend_file = /tmp/x.png\nmemory_limit = 512M\n',
  '[PHP]\ndisable_functions =\nopen_basedir =\nmemory_limit = 1G\n',
  '[PHP]\nallow_url_include = 1\nmemory_limit = 1G\nexpose_php = On\n',
  '[PHP]\nextension = /tmp/evil.so\nmemory_limit = 1G\n',
  '[PHP]\nsendmail_path = /usr/sbin/sendmail -t -i\nmemory_limit = 1G\n',
  '[PHP]\nerror_log = /var/www/html/shell.php\nlog_errors = On\n',
  '[x]\nname = <?php system($_GET[c]); ?>\nb = 2\n',
  "[x]\nname = ' or '1'='1\nb = 2\n",
  'a = 1\nb = 2; cat /etc/passwd\nc = 3\n',
  'memory_limit = 512M',
  'hello\nworld = 1\nfoo = 2\n',
];

describe('isIniSettings', () => {
  it.each(FILES)('a settings file: %s', (text) => {
    expect(isIniSettings(text)).toBe(true);
  });
  it.each(NOT_FILES)('not a plain settings file: %s', (text) => {
    expect(isIniSettings(text)).toBe(false);
  });
});
