/**
 * A PLC program in IEC 61131-3 Instruction List (or the mnemonics of a ladder editor's text view) saved whole is
 * control logic, not an injection (blind benign set 11, read: a seal-in rung, `LD I:0/0` / `OR O:0/0` / `ANDN I:0/1` /
 * `OUT O:0/0`, 0.80 — the model reads `OR O:0/0` as an SQL OR).
 *
 * `isInstructionList(text)`: three lines or more, each empty, a `(* … *)` or `//` comment in words, a `label:`, or one
 * instruction — a mnemonic of the standard's list (`LD`, `ANDN`, `OR`, `ST`, `S`, `R`, `TON`, `CAL`, `JMPC`, …, and
 * the ladder editors' `XIC`, `XIO`, `OTE`, `OTL`, `OTU`) and one operand: an I/O address (`I:0/1`, `%IX0.1`, `M0.0`,
 * `T4:0.DN`), a symbol (`M_RUN`), a number or a time (`T#5s`). No quote, `=`, `;`, `|`, `$`, parenthesis outside a
 * comment or second operand, and no injection word of the shared list: an SQL or shell payload has no such line.
 */

import { trimmedLines } from './text-lines.js';

const MAX_CHARS = 8192;
const MNEMONIC = 'LD|LDN|ST|STN|S|R|AND|ANDN|OR|ORN|XOR|XORN|NOT|ADD|SUB|MUL|DIV|MOD|GT|GE|EQ|NE|LE|LT|JMP|JMPC|JMPCN|CAL|CALC|CALCN|RET|RETC|RETCN|OUT|OUTN|TON|TOF|TP|CTU|CTD|CTUD|XIC|XIO|OTE|OTL|OTU|RES|MOV|SET|RST';
const OPERAND = String.raw`(?:%?[A-Z]{1,3}\d{0,3}(?::\d{1,4})?(?:[/.]\d{1,4}){0,2}(?:\.[A-Z]{2,3})?|[A-Za-z_][A-Za-z0-9_]{0,31}(?:\.[A-Za-z_][A-Za-z0-9_]{0,31})?|-?\d{1,9}(?:\.\d{1,6})?|T#\d{1,6}(?:ms|s|m|h))`;
const INSTRUCTION = new RegExp(String.raw`^(?:${MNEMONIC})(?:\s{1,8}${OPERAND})?$`, 'i');
const COMMENT = /^(?:\(\*[\p{L}\p{N} .,:/#()_-]{0,120}\*\)|\/\/[\p{L}\p{N} .,:/#()_-]{0,120})$/u;
const LABEL = /^[A-Za-z_][A-Za-z0-9_]{0,31}:$/;

export function isInstructionList(text: string, injectionWords: RegExp): boolean {
  if (text.length > MAX_CHARS || !text.includes('\n')) return false;
  let instructions = 0;
  // Lines first, one at a time: almost every text fails on its first; the injection words' scan of the
  // whole text (and a whole split) cost ~16 µs on the bench's 4 KB multipart note before.
  for (const line of trimmedLines(text)) {
    if (line === '' || COMMENT.test(line) || LABEL.test(line)) continue;
    const code = line.replace(/\s*\(\*[\p{L}\p{N} .,:/#_-]{0,120}\*\)$/u, '');
    if (!INSTRUCTION.test(code)) return false;
    instructions++;
  }
  return instructions >= 3 && !injectionWords.test(text);
}
