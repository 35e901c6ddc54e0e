import { describe, expect, it } from 'vitest';
import { routingQueries } from '../../src/model/apache-directives.js';

// .htaccess files as a hosting panel's file editor saves them.
const FILES = [
  'RewriteEngine On\nRewriteCond %{HTTPS} off\nRewriteRule ^(.*)$ https://%{HTTP_HOST}/$1 [R=301,L]\nRewriteCond %{REQUEST_FILENAME} !-f\nRewriteCond %{REQUEST_FILENAME} !-d\nRewriteRule ^ index.php [QSA,L]\n<FilesMatch "\\.(env|ini|log)$">\n  Require all denied\n</FilesMatch>\n',
  '# BEGIN WordPress\n<IfModule mod_rewrite.c>\nRewriteEngine On\nRewriteBase /\nRewriteRule ^index\\.php$ - [L]\nRewriteCond %{REQUEST_FILENAME} !-f\nRewriteRule . /index.php [L]\n</IfModule>\n# END WordPress\n',
  'Options -Indexes\nErrorDocument 404 /404.html\nExpiresActive On\nExpiresByType image/png A2592000\n',
];

// What an uploaded .htaccess exploit writes, and lines outside the routing grammar.
const NOT_FILES = [
  'AddType application/x-httpd-php .png\nRewriteEngine On\nRewriteRule ^ index.php [L]\n',
  '<Files "shell.jpg">\nSetHandler application/x-httpd-php\n</Files>\nRequire all granted\nRewriteEngine On\n',
  'php_value auto_prepend_file /tmp/x.png\nRewriteEngine On\nRewriteRule ^ index.php [L]\n',
  'Options +ExecCGI\nAddHandler cgi-script .txt\nRewriteEngine On\n',
  'RewriteEngine On\nRewriteRule ^(.*)$ http://169.254.169.254/$1 [P,L]\nRequire all granted\n',
  'RewriteEngine On\nRewriteRule ^ - [E=HTTP_AUTHORIZATION:%{HTTP:Authorization}]\nRequire all granted\n',
  'ErrorDocument 404 "<?php system($_GET[c]); ?>"\nRewriteEngine On\nRequire all granted\n',
  'SetEnv PHPRC /tmp\nRewriteEngine On\nRequire all granted\n',
  'RewriteEngine On\nRequire all granted',
];

describe('routingQueries', () => {
  it.each(FILES)('routing rules: %s', (text) => {
    expect(routingQueries(text)).not.toBeNull();
  });
  it.each(NOT_FILES)('not plain routing rules: %s', (text) => {
    expect(routingQueries(text)).toBeNull();
  });
  const head = 'RewriteEngine On\nRewriteCond %{HTTPS} off\n';
  it('gives the queries the rewrite and redirect targets pass on, nothing for targets without one', () => {
    expect(routingQueries(FILES[0])).toBe('');
    expect(routingQueries(`${head}RewriteRule ^p/(\\d+)$ /index.php?page=$1&lang=en [L,QSA]\nRedirectMatch 301 ^/old$ /new?from=old\n`)).toBe('page=$1&lang=en from=old');
    expect(routingQueries(`${head}RewriteRule ^x$ /index.php?id=1%20union%20select%20password%20from%20users [L]\n`)).toBe('id=1%20union%20select%20password%20from%20users');
  });
  it('is no routing file when a rewrite or redirect has more fields than Apache reads (an injection written into one)', () => {
    expect(routingQueries(`${head}RewriteRule ^x$ /index.php?id=1 union select password from users-- [L]\n`)).toBeNull();
    expect(routingQueries(`${head}RedirectPermanent /a /b c\n`)).toBeNull();
  });
});
