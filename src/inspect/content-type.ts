export interface MediaType {
  /** `type/subtype`, lower case; '' when absent. */
  essence: string;
  parameters: Map<string, string>;
}

const NO_PARAMETERS: ReadonlyMap<string, string> = new Map();

/** Parses `multipart/form-data; boundary="x"; charset=utf-8`; lenient about spacing and quoting, never throws. */
export function parseMediaType(header: string | undefined): MediaType {
  if (header === undefined) return { essence: '', parameters: new Map(NO_PARAMETERS) };
  const semi = header.indexOf(';');
  const essence = (semi < 0 ? header : header.slice(0, semi)).trim().toLowerCase();
  const parameters = new Map<string, string>();
  let i = semi;
  while (i >= 0 && i < header.length) {
    const eq = header.indexOf('=', i + 1);
    if (eq < 0) break;
    const key = header.slice(i + 1, eq).trim().toLowerCase();
    let j = eq + 1;
    while (header.charCodeAt(j) === 0x20) j++;
    let value: string;
    if (header.charCodeAt(j) === 0x22) {
      // quoted-string: backslash escapes the next char
      let v = '';
      j++;
      while (j < header.length && header.charCodeAt(j) !== 0x22) {
        if (header.charCodeAt(j) === 0x5c && j + 1 < header.length) j++;
        v += header[j];
        j++;
      }
      value = v;
      i = header.indexOf(';', j);
    } else {
      const next = header.indexOf(';', j);
      value = header.slice(j, next < 0 ? header.length : next).trim();
      i = next;
    }
    if (key.length > 0 && !parameters.has(key)) parameters.set(key, value);
  }
  return { essence, parameters };
}
