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
  forEachParameter(header, (key, value) => {
    if (!parameters.has(key)) parameters.set(key, value);
  });
  return { essence, parameters };
}

/**
 * Calls `visit` with each `key=value` parameter after the header's first `;`, in order (keys lower
 * case, quoted values unquoted, repeats included): for callers that want a few parameters without a
 * Map per header (a multipart body has one Content-Disposition per part, ~10⁴ of them in 1 MiB).
 */
export function forEachParameter(header: string, visit: (key: string, value: string) => void): void {
  let i = header.indexOf(';');
  while (i >= 0 && i < header.length) {
    const eq = header.indexOf('=', i + 1);
    if (eq < 0) break;
    const key = header.slice(i + 1, eq).trim().toLowerCase();
    let j = eq + 1;
    while (header.charCodeAt(j) === 0x20) j++;
    let value: string;
    if (header.charCodeAt(j) === 0x22) {
      // quoted-string: backslash escapes the next char
      j++;
      const close = header.indexOf('"', j);
      const end = close < 0 ? header.length : close;
      const backslash = header.indexOf('\\', j);
      if (backslash < 0 || backslash >= end) {
        value = header.slice(j, end);
        j = end;
      } else {
        let v = '';
        while (j < header.length && header.charCodeAt(j) !== 0x22) {
          if (header.charCodeAt(j) === 0x5c && j + 1 < header.length) j++;
          v += header[j];
          j++;
        }
        value = v;
      }
      i = header.indexOf(';', j);
    } else {
      const next = header.indexOf(';', j);
      value = header.slice(j, next < 0 ? header.length : next).trim();
      i = next;
    }
    if (key.length > 0) visit(key, value);
  }
}
