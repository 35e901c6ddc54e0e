import { describe, expect, it } from 'vitest';
import { isApacheRoutingRules } from '../../src/model/apache-directives.js';

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

describe('isApacheRoutingRules', () => {
  it.each(FILES)('routing rules: %s', (text) => {
    expect(isApacheRoutingRules(text)).toBe(true);
  });
  it.each(NOT_FILES)('not plain routing rules: %s', (text) => {
    expect(isApacheRoutingRules(text)).toBe(false);
  });
});
