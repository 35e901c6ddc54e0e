/**
 * Value shapes and path mentions of blind benign set 14 (session 31, bb31, read): a position in degrees and minutes (a
 * noon report's `53°57.2'N 009°57.4'E`, 0.89) is notation, not a string's end; a type-word property of one record of a
 * named list (an inventory's `services[0].path` = `C:\Windows\System32\spoolsv.exe`, 0.98) names that item's file; a
 * Windows path naming a program's binary is named in any field (the `report-blobs` family's `faulting_module`); a
 * numbered folder's octal-looking escape (`E:\video\raw\11281`) spells a letter, which opens nothing.
 */
import { describe, expect, it } from 'vitest';
import { mayCarryAttack } from '../../src/model/screen.js';
import { isClusterServiceOrigin, isDmsPosition } from '../../src/model/value-shapes.js';
import { isFileSinkName, isPathMention, isWindowsPathMisreadAsEscapes } from '../../src/model/path-mention.js';
import type { Target } from '../../src/inspect/types.js';

describe('isDmsPosition', () => {
  it('takes positions in degrees, minutes and seconds with hemisphere letters', () => {
    for (const t of ["53°57.2'N 009°57.4'E", `40°26'46"N, 79°58'56"W`, "N 47° 36.5' W 122° 19.9'", '51°30′26″N 0°7′39″W', '12°N', "64°09'N/21°56'W"]) {
      expect(isDmsPosition(t), t).toBe(true);
      expect(mayCarryAttack(t), t).toBe(false);
    }
  });

  it('leaves a quote with a keyword, an operator or a second statement to be judged', () => {
    for (const t of ["1' or '1'='1", "53°57'N' or 1=1--", "53°57.2'N union select 1", `40°26'46"N; id`, "53°57'", "N'--", "53°57.2'N 009°57.4'E'"]) {
      expect(isDmsPosition(t), t).toBe(false);
    }
    expect(mayCarryAttack("53°57'N' or 1=1--")).toBe(true);
  });
});

const target = (name: string, value: string): Target => ({ location: 'body', name, role: 'value', raw: value, decoded: [value] }) as unknown as Target;

describe('a type-word property of one record of a named list', () => {
  it('is no file sink: an inventory, a listing or a manifest names each item\'s file', () => {
    for (const name of ['services[0].path', 'software[12].filename', 'report.modules[3].file', 'disks[1].folder']) expect(isFileSinkName(name), name).toBe(false);
    expect(isPathMention(target('services[0].path', 'C:\\Windows\\System32\\spoolsv.exe'), 1)).toBe(true);
  });

  it('stays a sink for a sink word, a top-level array, a parameter of its own, and never admits a traversal or a never-mentioned file', () => {
    for (const name of ['items[0].template', 'pages[1].include', '[0].path', 'path', 'data.file', 'file']) expect(isFileSinkName(name), name).toBe(true);
    for (const value of ['..\\..\\Windows\\win.ini', 'C:\\Windows\\win.ini', '/etc/passwd', '/proc/self/environ', 'php://filter/resource=/etc/hosts', '/var/www/../../etc/hosts']) {
      expect(isPathMention(target('services[0].path', value), 1), value).toBe(false);
    }
  });
});

describe("a Windows path naming a program's binary", () => {
  it('is a mention even in a field named like an inclusion parameter', () => {
    for (const v of ['C:\\Windows\\System32\\netapi32.dll', 'C:\\Windows\\SysWOW64\\tapi32.dll', 'D:\\apps\\shop\\shop.exe', 'c:/drivers/nvlddmkm.sys']) {
      expect(isPathMention(target('faulting_module', v), 1), v).toBe(true);
    }
  });

  it('stays evidence as a UNC path, with a traversal, a command line, or any other file in a sink', () => {
    for (const v of ['\\\\203.0.113.9\\x\\evil.dll', 'C:\\inetpub\\..\\..\\evil.dll', 'C:\\Windows\\System32\\cmd.exe /c whoami', 'C:\\Windows\\win.ini', 'C:\\inetpub\\wwwroot\\web.config', 'C:\\Windows\\System32\\drivers\\etc\\hosts']) {
      expect(isPathMention(target('module', v), 1), v).toBe(false);
    }
  });
});

describe('isWindowsPathMisreadAsEscapes', () => {
  it('takes separators read as escapes that spell whitespace, control characters, letters or digits', () => {
    for (const v of ['C:\\Windows\\System32\\ntdll.dll', 'E:\\video\\raw\\11281', 'D:\\xdata\\backup', 'C:\\Users\\r.okafor\\AppData\\Local\\Temp\\tmp59223.tmp']) {
      expect(isWindowsPathMisreadAsEscapes(v), v).toBe(true);
    }
  });

  it('refuses an escape spelling a dot, a slash or a symbol, a never-mentioned file, and what is no path', () => {
    // `\245` alone spells `¥`; opening a numbered folder of four digits or more (`\24559`) it does not (session 32, value-shapes-15).
    for (const v of ['C:\\x\\56\\56\\win', 'C:\\a\\x2e\\x2e\\b', 'C:\\a\\u002e\\b', 'E:\\video\\raw\\245', 'C:\\Windows\\win.ini', 'C:\\tmp\\x;calc', 'notes\\n']) {
      expect(isWindowsPathMisreadAsEscapes(v), v).toBe(false);
    }
  });
});

describe('isClusterServiceOrigin', () => {
  it("takes a Kubernetes service's origin as an upstream (blind benign set 7's Tyk and Kong routes)", () => {
    for (const t of ['http://orders.orders.svc:8080/', 'http://search.shop.svc:8080', 'https://api.payments.svc']) {
      expect(isClusterServiceOrigin(t), t).toBe(true);
      expect(mayCarryAttack(t), t).toBe(false);
    }
  });

  it("leaves the API server's name, a path, a query, credentials and other hosts to be judged", () => {
    for (const t of ['https://kubernetes.default.svc', 'http://kubernetes.default.svc/api/v1/secrets', 'http://orders.orders.svc:8080/admin', 'http://orders.orders.svc/?x=1', 'http://foo@orders.orders.svc/', 'http://api.default.svc.cluster.local/', 'http://169.254.169.254/', 'http://orders.svc/']) {
      expect(isClusterServiceOrigin(t), t).toBe(false);
    }
  });
});
