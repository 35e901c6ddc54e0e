/**
 * Value shapes of blind benign set 15 and the read ones of sets 9 and 11 (session 32, bb32): a WHERE condition of
 * columns against literals (an elimination rule `entity IN ('UK01','DE02') AND … LIKE '1_5%'`, 0.96) is a filter a
 * setting holds; a raster image as a data URI (a driver's signature, 0.98) is bytes; a trimmed lone name (i18next's
 * `{{- html}}`, 0.84) is a template's own text; a query language's `$where` beside `$select` (SoQL, 0.83) names a
 * clause. Each is strict: the attacks these shapes would carry stay scored.
 */
import { describe, expect, it } from 'vitest';
import { isSqlCondition } from '../../src/model/sql-condition.js';
import { isSystemQueryOptionKey } from '../../src/model/query-options.js';
import { INJECTION_WORDS, isMacroPlaceholder, mayCarryAttack } from '../../src/model/screen.js';
import { isImageDataUri } from '../../src/model/value-shapes.js';
import { isPathMention, isWindowsDataFolder, isWindowsPathMisreadAsEscapes } from '../../src/model/path-mention.js';
import type { Target } from '../../src/inspect/types.js';

const condition = (t: string): boolean => isSqlCondition(t, INJECTION_WORDS);

describe('isSqlCondition', () => {
  it('takes conditions of columns against literals joined by AND and OR', () => {
    for (const t of [
      "entity IN ('UK01','DE02') AND counterparty IN ('UK01','DE02') AND account LIKE '1_5%'",
      "country IN ('DE','AT','CH') AND ts >= '2026-12-06'",
      "created_date between '2026-11-01T00:00:00' and '2026-11-30T23:59:59' AND complaint_type in('Noise - Residential','Noise - Street/Sidewalk')",
      "status = 'open' AND (priority >= 3 OR owner IS NULL)",
      "o.status <> 'draft' AND NOT o.archived = TRUE",
      "name NOT LIKE 'O''Brien%' OR region.code = 'EU-West'",
      "NOT (region = 'EU' AND archived = FALSE) OR owner IS NOT NULL",
      "uid = 1 AND a = 'ok' OR b = 'union select'",
    ]) expect(condition(t), t).toBe(true);
    // A column named like a command (`id`) is one of the screen's injection words: such a condition stays judged.
    expect(condition("id = 1 AND status = 'open'")).toBe(false);
  });

  it('leaves breakouts, tautologies, calls, sub-selects, comments, stacked statements and one predicate to be judged', () => {
    for (const t of [
      "' OR 'a'='a", "admin' AND password LIKE 'a%", "1 OR uid > 0", "1=1 AND a = 'b'", "a = b AND c = 'd'", "uid = 1 AND 'x' = 'x'",
      "uid = 1 AND SLEEP(5) = 0", "uid IN (SELECT uid FROM users) AND a = 1", "uid = 1 AND a = 'x' -- ", "uid = 1; DROP TABLE users",
      "uid = 1 /* c */ AND a = 2", "uid = 1 AND a = 2 #", "uid = 1 UNION SELECT password FROM users", "a = 'x\\' OR 1=1 -- ' AND b = 1",
      "status = 'open'", "uid = 1 AND substring(password,1,1) = 'a'", "uid = 1 AND a = 'ok' OR b = union",
      "uid = 1 AND a = 'x' ORDER BY 1", "uid = 1 AND a = 'x' HAVING 1=1", "user.uid = 5 AND exists = 1", "uid = 1 AND a = 'b' OR 2 > 1",
    ]) expect(condition(t), t).toBe(false);
  });
});

describe('isImageDataUri', () => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0x2c, 0, 0, 0, 0x64, 8, 6, 0, 0, 0, 0x8e, 0x11, 0x02]).toString('base64');
  it('takes a raster image of binary bytes', () => {
    for (const t of [`data:image/png;base64,${png}`, `data:image/jpeg;base64,${Buffer.alloc(3000, 0xd8).toString('base64')}`]) {
      expect(isImageDataUri(t), t.slice(0, 40)).toBe(true);
      expect(mayCarryAttack(t), t.slice(0, 40)).toBe(false);
    }
  });

  it('leaves SVG, text, markup and script under an image type, and the carriers of serialized objects, to be judged', () => {
    for (const t of [
      `data:image/svg+xml;base64,${Buffer.from('<svg onload=alert(1)>').toString('base64')}`,
      `data:text/html;base64,${Buffer.from('<script>alert(document.domain)</script>').toString('base64')}`,
      `data:image/png;base64,${Buffer.from('<?php system($_GET["c"]); ?>').toString('base64')}`,
      `data:image/png;base64,${Buffer.from('<script>alert(document.cookie)</script>').toString('base64')}`,
      'data:image/png;base64,rO0ABXNyABFqYXZhLnV0aWwuSGFzaE1hcAUH2sHDFmDRAwACRgAKbG9hZEZhY3Rvcg==',
      `data:image/png;base64,${png}' onerror='alert(1)`,
    ]) expect(isImageDataUri(t), t.slice(0, 60)).toBe(false);
  });
});

describe('a trimmed lone name', () => {
  it("is i18next's or Jinja's own text", () => {
    for (const t of ['{{- html}}', '{{- name }}', '{{- count -}}']) {
      expect(isMacroPlaceholder(t), t).toBe(true);
      expect(mayCarryAttack(t), t).toBe(false);
    }
  });

  it("leaves the engine's objects, sink names, secrets and expressions to be judged", () => {
    for (const t of ['{{- config}}', '{{- self}}', '{{- request}}', '{{- secret_key}}', '{{- 7*7}}', '{{- lipsum}}', '{{- cycler}}', '{{- __class__}}', '{{config}}', '{{- a.__init__}}']) {
      expect(isMacroPlaceholder(t), t).toBe(false);
    }
  });
});

const key = (name: string): Target => ({ location: 'query', name, role: 'key', raw: name.replace('$', '%24'), decoded: [name] }) as unknown as Target;
const value = (name: string, v: string): Target => ({ location: 'query', name, role: 'value', raw: encodeURIComponent(v), decoded: [v] }) as unknown as Target;
const inert = (v: string): boolean => !mayCarryAttack(v) || isSqlCondition(v, INJECTION_WORDS);

describe('isSystemQueryOptionKey', () => {
  it('takes a `$` option beside another whose value is a condition or inert: SoQL and OData put their clauses in keys', () => {
    const targets = [key('$where'), value('$where', "status = 'open' AND borough IN ('BRONX','QUEENS')"), key('$select'), value('$select', 'borough'), key('$limit'), value('$limit', '50')];
    expect(isSystemQueryOptionKey(targets[0], targets, inert)).toBe(true);
    expect(isSystemQueryOptionKey(targets[2], targets, inert)).toBe(true);
  });

  it("leaves a lone `$` key, a bracketed operator, a repeated option and a key whose value is code to be judged", () => {
    const lone = [key('$where'), value('$where', "status = 'open' AND a = 'b'"), key('q'), value('q', 'x')];
    expect(isSystemQueryOptionKey(lone[0], lone, inert)).toBe(false);
    const code = [key('$where'), value('$where', "this.password.match(/^a.*/) || '1'=='1'"), key('$select'), value('$select', 'borough')];
    expect(isSystemQueryOptionKey(code[0], code, inert)).toBe(false);
    const sleep = [key('$where'), value('$where', 'function() { sleep(5000); return true; }'), key('$limit'), value('$limit', '1')];
    expect(isSystemQueryOptionKey(sleep[0], sleep, inert)).toBe(false);
    const bracket = [key('user[$where]'), value('user[$where]', 'x'), key('$select'), value('$select', 'a')];
    expect(isSystemQueryOptionKey(bracket[0], bracket, inert)).toBe(false);
    const repeated = [key('$where'), value('$where', "a = 'b' AND c = 'd'"), value('$where', "1' OR '1'='1"), key('$select'), value('$select', 'a')];
    expect(isSystemQueryOptionKey(repeated[0], repeated, inert)).toBe(false);
  });
});

const bodyValue = (name: string, v: string): Target => ({ location: 'body', name, role: 'value', raw: v, decoded: [] }) as unknown as Target;

describe('a numbered data folder on a Windows drive', () => {
  it("is a mention even in a field named like an inclusion parameter: a backup job's source folders hold no file to include", () => {
    for (const v of ['E:\\video\\raw\\24559', 'D:\\Finance\\2026', 'F:\\Backups\\Nightly Jobs\\sql-01\\20261207\\']) {
      expect(isWindowsDataFolder(v), v).toBe(true);
      expect(isPathMention(bodyValue('source_folders[0]', v), 4), v).toBe(true);
    }
  });

  it("stays a sink's for a folder named by words, the system's folders, a file, a traversal, a UNC path, a device name and a forward-slash spelling", () => {
    for (const v of [
      // Extensionless files and folders of LFI word lists (log poisoning, PHP sessions): named by words, not numbers.
      'C:\\xampp\\apache\\logs\\access_log', 'C:\\wamp\\logs\\error_log', 'C:\\php\\sessions\\', 'c:\\AppServ\\MySQL', 'E:\\video\\raw',
      'C:\\Windows\\System32\\drivers\\etc\\hosts', 'C:\\WINNT\\repair\\sam', 'C:\\inetpub\\wwwroot', 'E:\\video\\raw\\..\\..\\Windows',
      'E:\\video\\notes.txt', '\\\\10.0.0.5\\share\\raw', 'E:\\data\\con', 'c:/windows/system32/drivers/etc/hosts', 'E:\\raw\\x;calc',
    ]) {
      expect(isWindowsDataFolder(v), v).toBe(false);
      expect(isPathMention(bodyValue('source_folders[0]', v), 4), v).toBe(false);
    }
  });
});

describe('an octal escape opening a numbered folder', () => {
  it('spells one char before digits, which opens nothing', () => {
    for (const v of ['E:\\video\\raw\\24559', 'E:\\video\\raw\\5385', 'E:\\video\\raw\\42340\\clips']) expect(isWindowsPathMisreadAsEscapes(v), v).toBe(true);
  });

  it('keeps a short escape spelling a dot, a slash or a quote judged', () => {
    for (const v of ['C:\\x\\56\\56\\57etc', 'C:\\data\\47', 'C:\\data\\056\\x', 'C:\\data\\x2e\\x2e']) expect(isWindowsPathMisreadAsEscapes(v), v).toBe(false);
  });
});
