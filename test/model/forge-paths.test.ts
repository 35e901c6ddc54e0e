import { describe, expect, it } from 'vitest';
import { isForgePath } from '../../src/model/forge-paths.js';

describe('isForgePath', () => {
  it('takes a forge\'s views of repository files, its contents APIs and a named repository\'s Git endpoints', () => {
    for (const path of [
      '/acme/infra/blob/main/roles/web/files/etc/nginx/nginx.conf',
      '/acme/infra/-/raw/v1.2.0/.env.example',
      '/ops/deploy/src/branch/main/etc/mysql/my.cnf',
      '/jdoe/api/-/ide/project/jdoe/api/edit/main/-/etc/haproxy/haproxy.cfg',
      '/api/v3/repos/jdoe/dotfiles/contents/.gitlab-ci.yml',
      '/api/v4/projects/12/repository/files/config/database.yml/raw',
      '/acme/shop.git/info/refs',
      '/acme/shop.git/git-upload-pack',
    ]) expect(isForgePath(path), path).toBe(true);
  });

  it('refuses a traversal through a view route, an exposed checkout and ordinary paths', () => {
    for (const path of [
      '/acme/infra/blob/main/../../../etc/passwd',
      '/acme/infra/blob/main/%2e%2e/%2e%2e/etc/passwd',
      '/acme/infra/blob/main/..%5c..%5cwin.ini',
      '/.git/HEAD',
      '/.git/info/refs',
      '/static/etc/nginx/nginx.conf',
      '/download/etc/passwd',
    ]) expect(isForgePath(path), path).toBe(false);
  });
});
