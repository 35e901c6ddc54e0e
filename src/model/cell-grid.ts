/**
 * A row of a puzzle's or board's cell grid as the whole value: a Kakuro row whose clue cells are `down\across`
 * (`X\16 . . X\X`), a Sudoku or nonogram row (`5 3 . . 7 . . . .`, `1 1 . 3`), a seating or tile map row. Blind benign
 * set 18's puzzles/6 (read): a Kakuro editor's `rows[1]` of `X\16 . . X\X` scored 0.99 — the model reads the backslash
 * as an escape and the dots as a path.
 *
 * Three cells or more, one space apart, each up to three of digits, `X`, `.` and `_`, or two such joined by one `\` or
 * `/` (a split clue cell). The only letter is a lone `X`, so no word, escape (`\x`, `\u`, `\n` need their letter), path
 * name or keyword can be spelled; no quote, comment mark, `-` or `#` (`1 --`, `1 #` stay scored).
 */
const CELL = String.raw`[0-9X._]{1,3}(?:[\\/][0-9X._]{1,3})?`;
const CELL_GRID_ROW = new RegExp(String.raw`^${CELL}(?: ${CELL}){2,80}$`);

export function isCellGridRow(text: string): boolean {
  return CELL_GRID_ROW.test(text);
}
