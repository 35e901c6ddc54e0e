/**
 * A CSV file is scored without its own quoting (blind benign set 13's erp/11, read: a BOM import's
 * `"Pump assembly, 1/2"" NPT"`, 0.90): the doubled quote is the format's escape, not a string broken out of.
 */
import { describe, expect, it } from 'vitest';
import { csvText } from '../../src/model/csv-text.js';

const BOM = 'level,part_no,description,qty,uom,ref_des\n0,ASM-100,"Pump assembly, 1/2"" NPT",1,EA,\n1,HSG-10,Housing (cast),1,EA,\n1,SCR-M4x10,"Screw M4x10, DIN 912",6,EA,\n';

describe('csvText', () => {
  it("takes a CSV document's quoting off and keeps every cell", () => {
    expect(csvText(BOM)).toBe('level,part_no,description,qty,uom,ref_des\n0,ASM-100,Pump assembly, 1/2" NPT,1,EA,\n1,HSG-10,Housing (cast),1,EA,\n1,SCR-M4x10,Screw M4x10, DIN 912,6,EA,');
    expect(csvText('name,note\r\n"O\'Brien, Sean","said ""hi"""\r\nAda,x\r\n')).toBe('name,note\nO\'Brien, Sean,said "hi"\nAda,x');
  });

  it('keeps an injection in a cell in the text it returns', () => {
    const t = csvText('name,comment\nx,"a"" OR ""1""=""1"\ny,=cmd|\' /C calc\'!A0\n');
    expect(t).toContain('a" OR "1"="1');
    expect(t).toContain("=cmd|' /C calc'!A0");
  });

  it('is null for what is no CSV document: no header, a ragged row, an open quote, text after a closing quote, no doubled quote', () => {
    for (const t of ['x" or ""="\n1,2\n3,4', 'a,b\n1,2,3\n"x"",y', 'a,b\n"1,2\n3,4""', 'a,b\n"x"y,""\n1,2', 'a,b\n1,2\n3,4', 'a,b\n1,""""\n']) expect(csvText(t), t).toBeNull();
  });
});
