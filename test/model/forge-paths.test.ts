import { describe, expect, it } from 'vitest';
import { isForgePath, isRepositoryPage } from '../../src/model/forge-paths.js';

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

describe('isRepositoryPage', () => {
  it("takes a repository's commit, history, comparison and view pages, whose path parameter names a repository file", () => {
    for (const path of [
      '/acme/infra/-/commit/5e8b0a9035034495fcb279980be2ba5af64f0478.diff',
      '/payments/api/commit/e3e5c2e.patch',
      '/jdoe/api/commit/413cf5193de226d0b7409df206f7946bfd17ba89',
      '/acme/infra/commits/main',
      '/acme/infra/blob/main/README.md',
    ]) expect(isRepositoryPage(path), path).toBe(true);
  });

  it('refuses a traversal, other depths and ordinary pages', () => {
    for (const path of [
      '/acme/infra/commit/../../../etc',
      // A comparison's range holds dots: refused like a traversal (its path parameter is scored).
      '/acme/infra/-/compare/v1.2...v1.3',
      '/acme/infra/-/commit/%2e%2e',
      '/commit/5e8b0a9035034495fcb279980be2ba5af64f0478',
      '/a/b/c/commit/5e8b0a9',
      '/api/download',
      '/view',
    ]) expect(isRepositoryPage(path), path).toBe(false);
  });
});
