import { describe, expect, it } from 'vitest';
import type { Target } from '../../src/inspect/types.js';
import { fieldNameWords, isFileSinkName, isLspDocumentUri, isMentionablePath, isPathMention } from '../../src/model/path-mention.js';

function target(name: string, raw: string, decoded: string[] = [], role: Target['role'] = 'value'): Target {
  return { location: 'body', name, role, raw, decoded };
}

describe('fieldNameWords', () => {
  it('reads the last segment of a nested name, split at separators and camelCase', () => {
    expect(fieldNameWords('settings.logging.log_file')).toEqual(['log', 'file']);
    expect(fieldNameWords('configPath')).toEqual(['config', 'path']);
    expect(fieldNameWords('watch[1]')).toEqual(['watch']);
    expect(fieldNameWords('filter[path]')).toEqual(['path']);
    expect(fieldNameWords('p')).toEqual(['p']);
  });
});

describe('isFileSinkName', () => {
  it('takes the parameters file inclusion goes through as sinks', () => {
    for (const name of ['page', 'file', 'template', 'include', 'lang', 'path', 'doc', 'p', 'f', 'file_path', 'include_file', 'templatePath', 'lang_dir']) {
      expect(isFileSinkName(name), name).toBe(true);
    }
  });

  it('takes a stack frame\'s file fields as non-sinks: they name the source file the code ran from', () => {
    for (const name of ['exception.values[0].stacktrace.frames[3].filename', 'events[0].exceptions[0].stacktrace[0].file', '[2].exception.values[0].stacktrace.frames[0].abs_path', 'error.backtrace[4].file', 'traceback[0].filename']) {
      expect(isFileSinkName(name), name).toBe(false);
    }
    for (const name of ['data.file', 'template.path', 'stack.page', 'frame.file']) expect(isFileSinkName(name), name).toBe(true);
  });

  it('takes searches, prose, names, lists and settings that declare which file they hold as non-sinks', () => {
    for (const name of ['q', 's', 'search', 'message', 'comment', 'note', 'name', 'watch[0]', 'log_file', 'config_path', 'pid_file', 'errorLogPath', 'cert_file']) {
      expect(isFileSinkName(name), name).toBe(false);
    }
  });
});

describe('isMentionablePath', () => {
  it('accepts bare POSIX, home, Windows, UNC and relative paths and dot-file names', () => {
    for (const p of ['/var/log/nginx/access.log', '/etc/hosts', '~/.ssh/config', 'C:\\Windows\\System32\\drivers\\etc\\hosts', 'C:\\Program Files\\App\\app.log', '\\\\fs01\\share\\notes.txt', 'config/database.yml', '.htaccess', '.env.local']) {
      expect(isMentionablePath(p), p).toBe(true);
    }
  });

  it("takes a Windows path led by an environment variable (a backup tool's source folders: blind benign set 11)", () => {
    for (const p of ['%MY_DOCUMENTS%\\', '%USERPROFILE%\\Pictures\\', '%APPDATA%\\Mozilla\\Firefox\\Profiles', '%ProgramData%/Vendor/logs']) expect(isMentionablePath(p), p).toBe(true);
    for (const p of ['%WINDIR%\\win.ini', '%SystemRoot%\\System32\\config\\SAM', '%COMSPEC% /c calc', '%TEMP%\\..\\..\\x', '%a b%\\x', '%%\\x', '%TEMP%;calc', "%TEMP%\\x'"]) {
      expect(isMentionablePath(p), p).toBe(false);
    }
  });

  it('refuses a path with anything an inclusion adds: traversal, NUL, wrapper, query, shell or quote syntax', () => {
    for (const p of ['../../etc/hosts', '/var/www/../../etc/hosts', '/etc/hosts\u0000', '/etc/hosts%00', 'php://filter/resource=/etc/hosts', 'file:///etc/hosts', '/etc/hosts?x=1', '/tmp/x;id', "/etc/hosts'", '//evil.example/x', 'word']) {
      expect(isMentionablePath(p), p).toBe(false);
    }
  });

  it('takes an HTTP request line naming a bare absolute path as that path (a log search: blind benign set 4)', () => {
    for (const p of ['GET /wp-login.php', 'POST /api/login HTTP/1.1', 'HEAD /healthz', 'GET /var/log/app.log HTTP/2']) expect(isMentionablePath(p), p).toBe(true);
    for (const p of ['GET /etc/passwd', 'GET /../../etc/hosts', 'GET /index.php?page=../../etc/hosts', 'GET /x HTTP/1.1\r\nHost: a', 'GET  /x', 'get /x;id', 'GET relative/x', 'FETCH /x', 'GET /WEB-INF/web.xml HTTP/1.1']) {
      expect(isMentionablePath(p), p).toBe(false);
    }
  });

  it('refuses command lines and SQL that happen to hold a slash or start with a dot', () => {
    for (const p of ['/bin/ls -al', 'SELECT\\N/0.e3UNION SELECT 2', '.1UNION SELECT 2', '.1or-UTC_DATE--']) {
      expect(isMentionablePath(p), p).toBe(false);
    }
  });

  it('refuses files no benign field holds as its whole value', () => {
    for (const p of ['/etc/passwd', '/etc/shadow', '/home/u/.ssh/id_rsa', '/root/.ssh/authorized_keys', '/proc/self/environ', 'C:\\boot.ini', 'c:/windows/win.ini', 'C:\\Windows\\System32\\config\\SAM', '/WEB-INF/web.xml', '.htpasswd', 'C:/windows/panther/unattend.xml']) {
      expect(isMentionablePath(p), p).toBe(false);
    }
  });
});

describe('isMentionablePath: absolute globs', () => {
  it("takes a policy's or cache rule's absolute glob as the paths it names (blind benign set 8: /admin/* in an admin_paths list, 0.96)", () => {
    for (const p of ['/admin/*', '/debug/pprof/*', '/actuator/*', '/var/log/nginx/*.log', '/assets/**', '/api/v1/*/health', '/var/log/access*']) {
      expect(isMentionablePath(p), p).toBe(true);
    }
  });

  it('refuses a glob that hides SQL in comments, traverses, quotes, or names a never-mentioned file', () => {
    for (const p of ['/*/union/*/select/*/', '/x/*/or/*/', '/etc/passwd*', '/proc/self/*', '/../*', "/admin/*' or '1'='1", '/admin/* or 1=1', '1/*', '/*!50000union*/', 'admin/*', '/a/*/**/b;id']) {
      expect(isMentionablePath(p), p).toBe(false);
    }
  });

  it('keeps a glob in an inclusion parameter scored, and takes it in a list of a setting as a mention', () => {
    expect(isPathMention(target('admin_paths[0]', '/admin/*'), 4)).toBe(true);
    expect(isPathMention(target('page', '/admin/*'), 4)).toBe(false);
    expect(isPathMention(target('file', '/etc/*'), 4)).toBe(false);
  });
});

describe('isLspDocumentUri', () => {
  it("takes a language server message's file: document identifier as the workspace file it names (blind benign set 8)", () => {
    expect(isLspDocumentUri('params.textDocument.uri', 'file:///workspace/src/server.ts')).toBe(true);
    expect(isLspDocumentUri('params.textDocument.uri', 'file:///home/coder/project/app/db.py')).toBe(true);
    expect(isLspDocumentUri('params.textDocument.uri', 'file:///c%3A/src/app.ts')).toBe(true);
    expect(isLspDocumentUri('textDocument.uri', 'file:///home/coder/My%20Project/main.go')).toBe(true);
  });

  it('refuses another field, a host, a query, a traversal, an encoding trick, a scheme other than file: and never-mentioned files', () => {
    expect(isLspDocumentUri('uri', 'file:///workspace/src/server.ts')).toBe(false);
    expect(isLspDocumentUri('params.url', 'file:///workspace/src/server.ts')).toBe(false);
    for (const v of ['file:///etc/passwd', 'file:///proc/self/environ', 'file:///root/.ssh/id_rsa', 'file:///c%3A/windows/win.ini', 'file://169.254.169.254/latest/meta-data/', 'file:///workspace/../../etc/hosts', 'file:///%2e%2e/%2e%2e/etc/hosts', 'file:///%252e%252e/etc/hosts', 'file:///workspace/a.py?x=1', 'file:///workspace/a.py#x', 'file:///a%00.py', 'gopher://127.0.0.1:6379/_INFO', 'http://169.254.169.254/latest/', 'file:///tmp/x;id']) {
      expect(isLspDocumentUri('params.textDocument.uri', v), v).toBe(false);
    }
  });
});

describe('isPathMention', () => {
  it('takes a log-path setting, a search, a file-list name and a watch-list element as mentions', () => {
    expect(isPathMention(target('log_file', '/var/log/nginx/access.log'), 4)).toBe(true);
    expect(isPathMention(target('q', '%2Fvar%2Flog%2Fsyslog', ['/var/log/syslog']), 4)).toBe(true);
    expect(isPathMention(target('name', '.htaccess'), 4)).toBe(true);
    expect(isPathMention(target('watch[1]', 'C:\\Windows\\System32\\drivers\\etc\\hosts'), 4)).toBe(true);
  });

  it("takes a query's path parameter on a forge's repository page as a mention, but never a traversal or a secret's name", () => {
    const query = (name: string, raw: string, decoded: string[] = []): Target => ({ location: 'query', name, role: 'value', raw, decoded });
    expect(isPathMention(query('path', 'etc%2Fmysql%2Fmy.cnf', ['etc/mysql/my.cnf']), 4, true)).toBe(true);
    expect(isPathMention(query('path', 'etc%2Fmysql%2Fmy.cnf', ['etc/mysql/my.cnf']), 4, false)).toBe(false);
    expect(isPathMention(query('path', '..%2F..%2Fetc%2Fmy.cnf', ['../../etc/my.cnf']), 4, true)).toBe(false);
    expect(isPathMention(query('path', 'etc%2Fpasswd', ['etc/passwd']), 4, true)).toBe(false);
    // A body field named path stays a sink: only the page's query names repository files.
    expect(isPathMention(target('path', 'etc/mysql/my.cnf'), 4, true)).toBe(false);
  });

  it("takes a log search's request line as a mention, but not in an inclusion parameter", () => {
    expect(isPathMention(target('query.bool.filter[1].match_phrase.message', 'GET /wp-login.php'), 4)).toBe(true);
    expect(isPathMention(target('page', 'GET /wp-login.php'), 4)).toBe(false);
  });

  it('keeps the same values in an inclusion parameter, an upload filename or a key as evidence', () => {
    expect(isPathMention(target('p', '/var/log/nginx/access.log'), 4)).toBe(false);
    expect(isPathMention(target('page', '/etc/hosts'), 4)).toBe(false);
    expect(isPathMention(target('template', '.htaccess'), 4)).toBe(false);
    expect(isPathMention(target('file', '.htaccess', [], 'filename'), 4)).toBe(false);
    expect(isPathMention(target('/etc/hosts', '/etc/hosts', [], 'key'), 4)).toBe(false);
  });

  it('keeps an encoded or traversing path in a search as evidence', () => {
    expect(isPathMention(target('q', '%252Fetc%252Fhosts', ['%2Fetc%2Fhosts', '/etc/hosts']), 4)).toBe(false);
    expect(isPathMention(target('q', '0x2e0x2e%255cetc%255cissue', ['0x2e0x2e%5cetc%5cissue', '0x2e0x2e\\etc\\issue']), 4)).toBe(false);
    expect(isPathMention(target('q', '..%2Fvar%2Flog%2Fsyslog', ['../var/log/syslog']), 4)).toBe(false);
    expect(isPathMention(target('q', '/etc/passwd'), 4)).toBe(false);
  });

  it('is false for values that are not paths at all', () => {
    expect(isPathMention(target('q', 'red shoes'), 4)).toBe(false);
    expect(isPathMention(target('message', 'Where do I put the .env file?'), 4)).toBe(false);
  });

  it('answers the same when a field name comes again (names are remembered) and for a name too long to remember', () => {
    for (let round = 0; round < 3; round++) {
      expect(isPathMention(target('log_file', '/var/log/nginx/access.log'), 4)).toBe(true);
      expect(isPathMention(target('page', '/var/log/nginx/access.log'), 4)).toBe(false);
    }
    const longSetting = `${'x'.repeat(70)}_log_file`;
    const longSink = `${'x'.repeat(70)}_include_file`;
    expect(isPathMention(target(longSetting, '/var/log/nginx/access.log'), 4)).toBe(true);
    expect(isPathMention(target(longSink, '/var/log/nginx/access.log'), 4)).toBe(false);
  });
});

describe('isPathMention on a Windows path the JavaScript-escape decoder misreads (blind benign set 13, crash/9)', () => {
  const escaped = (name: string, raw: string, decoded: string): Target => ({ location: 'body', name, role: 'value', raw, decoded: [decoded], decodedVia: ['js-escapes'] });

  it('judges `System32\\ntdll.dll` as the path, not as the line break the decoder made of `\\n`', () => {
    expect(isPathMention(escaped('modules[0]', 'C:\\Windows\\System32\\ntdll.dll', 'C:\\Windows\\System32\ntdll.dll'), 4)).toBe(true);
    expect(isPathMention(escaped('backup_roots[1]', 'D:\\backup\\nightly\\reports', 'D:\\backup\nightly\reports'), 4)).toBe(true);
  });

  it('keeps the decoded forms of a path that spells a character with an escape, names a never-mentioned file, or sits in a sink', () => {
    expect(isPathMention(escaped('modules[0]', 'C:\\x2e\\x2e\\windows\\notes', 'C:..\\windows\\notes'), 4)).toBe(false);
    expect(isPathMention(escaped('modules[0]', 'C:\\Windows\\System32\\config\\sam', 'C:\\Windows\\System32\\config\\sam'), 4)).toBe(false);
    // A program's binary is named in any field (value-shapes-14.test.ts); a text file in a sink is not.
    expect(isPathMention(escaped('file', 'C:\\Windows\\temp\\notes.txt', 'C:\\Windows\temp\\notes.txt'), 4)).toBe(false);
  });
});
