/**
 * One step boundary statement of a SAS program as the whole value: `proc sql;`, `proc mixed data=work.bp method=reml;`,
 * `data work.bp;`, `run;`, `quit;` — a line of a program a SAS Viya compute session or SAS Studio receives as an array
 * of code lines, each line a target. Blind benign set 18's stats/0 (read): the line `proc sql;` scored 0.97 alone —
 * the model reads `sql;` as a stacked statement's end.
 *
 * `proc` or `data` and a name, then up to eight options (`name` or `name=value` of word characters and dots), then
 * `;`; or `run;`/`quit;` alone. No quote, bracket, operator or second statement: the statements a step holds (`select …
 * from …`, `model y = x;`) are judged by their own lines, which this shape does not take.
 */
const SAS_STEP_STATEMENT = /^\s{0,8}(?:(?:proc|data)\s{1,4}[A-Za-z_][\w.]{0,40}(?:\s{1,4}[A-Za-z_]\w{0,31}(?:=[\w.]{1,64})?){0,8}|run|quit)\s{0,4};\s{0,8}$/i;

export function isSasStepStatement(text: string): boolean {
  return text.length <= 400 && SAS_STEP_STATEMENT.test(text);
}
