import { describe, expect, it } from 'vitest';
import { stripSqlComments } from '../../../src/inspect/decoders/sql-comments.js';
import { freshContext } from './context.js';

const strip = (s: string): string => stripSqlComments(s, freshContext());

describe('stripSqlComments', () => {
  it('turns inline comments into spaces', () => {
    expect(strip('UNION/**/SELECT/*foo*/1')).toBe('UNION SELECT 1');
  });

  it('keeps the content of MySQL versioned comments', () => {
    expect(strip('1 /*!50000UNION*/ /*!SELECT*/ 2')).toBe('1  UNION   SELECT  2');
  });

  it('drops an unclosed comment to the end, as MySQL does', () => {
    expect(strip("admin'/* rest")).toBe("admin' ");
  });

  it('returns the same string without comments', () => {
    const s = '2024/01/02';
    expect(strip(s)).toBe(s);
  });

  it('reads a wildcard host after a scheme as no comment, and the comments around it as comments', () => {
    // Blind benign set 7's Kong CORS origin (read): read as an unclosed comment it left `https:/ `, scored 0.986.
    expect(strip('https://*.shop.example.com')).toBe('https://*.shop.example.com');
    expect(strip('https://*.example.com/*')).toBe('https://*.example.com ');
    expect(strip("x'://*/UNION/**/SELECT/*")).toBe("x'://*/UNION SELECT ");
    expect(strip("1'/*://*/UNION SELECT 1")).toBe("1' UNION SELECT 1");
  });

  it("reads an unclosed path glob as no comment (a logrotate file's `/var/log/shop/*.log {`), and a closed comment as one", () => {
    // The config-editor family (issue 14, session 33): the stripped form `/var/log/shop ` scored 0.91-0.98.
    expect(strip('/var/log/shop/*.log {\n    daily\n}')).toBe('/var/log/shop/*.log {\n    daily\n}');
    expect(strip('include /etc/nginx/conf.d/*.conf;\ninclude /etc/nginx/sites-enabled/*;')).toBe('include /etc/nginx/conf.d/*.conf;\ninclude /etc/nginx/sites-enabled/*;');
    expect(strip('/srv/backups/*')).toBe('/srv/backups/*');
    // Closed, or not after a path segment, or not ending the glob: a comment as before.
    expect(strip('1/x/*.log*/UNION SELECT 1')).toBe('1/x UNION SELECT 1');
    expect(strip('/var/log/shop/*.log {\n*/UNION SELECT')).toBe('/var/log/shop UNION SELECT');
    expect(strip("admin'/*.log")).toBe("admin' ");
    expect(strip('id=1/* rest')).toBe('id=1 ');
    expect(strip('/a/b/*x UNION SELECT')).toBe('/a/b ');
    expect(strip("1'/**/UNION/**/SELECT/* rest")).toBe("1' UNION SELECT ");
  });
});
