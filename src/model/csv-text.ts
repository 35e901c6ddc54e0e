/**
 * A CSV file sent whole (a BOM import, a price list, a donor export) quotes its fields the RFC 4180 way: a field holding
 * a comma or a quote is wrapped in double quotes, and a quote inside it is doubled (`"Pump assembly, 1/2"" NPT"`). The
 * model reads that doubled quote as a string broken out of (blind benign set 13, read: a BOM import's inch mark, 0.90).
 *
 * `csvText(text)`: when `text` is a CSV document — a header row of column names, then two rows or more, every row with
 * the header's number of fields, quoted fields closed — the same rows with each field's own quoting taken off (`""`
 * back to `"`), for the model to score in its place; else null. Nothing is dropped: a cell holding an injection, a
 * formula or markup is still in the text scored, only the file format's escaping is undone.
 */

const MAX_CHARS = 65536;
/** A header row: column names (letters, digits, `_ . - /`, spaces, `#`, parentheses), two or more, optionally quoted. */
const HEADER = /^"?[\p{L}_#][\p{L}\p{N} _./#()-]{0,63}"?(?:,"?[\p{L}_#][\p{L}\p{N} _./#()-]{0,63}"?)+$/u;

/** The fields of one CSV row, or null when a quoted field is not closed or text follows its closing quote. */
function rowFields(line: string): string[] | null {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q < 0) return null;
        value += line.slice(i, q);
        if (line[q + 1] === '"') {
          value += '"';
          i = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      fields.push(value);
      if (i === line.length) return fields;
      if (line[i] !== ',') return null;
      i++;
    } else {
      const comma = line.indexOf(',', i);
      const end = comma < 0 ? line.length : comma;
      const value = line.slice(i, end);
      if (value.includes('"')) return null;
      fields.push(value);
      if (comma < 0) return fields;
      i = comma + 1;
    }
  }
}

export function csvText(text: string): string | null {
  if (text.length > MAX_CHARS || !text.includes('""')) return null;
  const nl = text.indexOf('\n');
  if (nl < 0 || !HEADER.test(text.slice(0, nl).replace(/\r$/, ''))) return null;
  const lines = text.split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  if (lines.length < 3) return null;
  const columns = lines[0].split(',').length;
  const rows: string[] = [];
  for (const line of lines) {
    const fields = rowFields(line);
    if (fields === null || fields.length !== columns) return null;
    rows.push(fields.join(','));
  }
  return rows.join('\n');
}
