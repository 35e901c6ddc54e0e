/**
 * Parsers written from RFC 5424 §6 and the CEF specification, independent of src/alerts, so the tests
 * check the lines against the formats rather than against the code that wrote them.
 */

export interface Rfc5424Message {
  pri: number;
  facility: number;
  severity: number;
  version: number;
  timestamp: string;
  hostname: string;
  appName: string;
  procId: string;
  msgId: string;
  /** SD-ID → list of [name, value] (names may repeat). */
  sd: Map<string, [string, string][]>;
  msg: string;
  /** MSG started with the UTF-8 BOM. */
  bom: boolean;
}

const HEADER = /^<(\d{1,3})>(\d{1,2}) (\S+) (\S+) (\S+) (\S+) (\S+) /;
const SD_NAME = /^[!#-<>-\\^-~]{1,32}/; // PRINTUSASCII except '=', ']', '"' and space

export function parseRfc5424(line: string): Rfc5424Message {
  const h = HEADER.exec(line);
  if (h === null) throw new Error(`not an RFC 5424 header: ${line.slice(0, 80)}`);
  const pri = Number(h[1]);
  let rest = line.slice(h[0].length);
  const sd = new Map<string, [string, string][]>();
  if (rest.startsWith('-')) rest = rest.slice(1);
  else {
    while (rest.startsWith('[')) {
      rest = rest.slice(1);
      const id = SD_NAME.exec(rest);
      if (id === null) throw new Error(`bad SD-ID at ${rest.slice(0, 40)}`);
      rest = rest.slice(id[0].length);
      const params: [string, string][] = [];
      while (rest.startsWith(' ')) {
        rest = rest.slice(1);
        const name = SD_NAME.exec(rest);
        if (name === null || rest[name[0].length] !== '=' || rest[name[0].length + 1] !== '"') throw new Error(`bad SD-PARAM at ${rest.slice(0, 40)}`);
        rest = rest.slice(name[0].length + 2);
        let value = '';
        let i = 0;
        for (; i < rest.length; i++) {
          const c = rest[i];
          if (c === '\\' && (rest[i + 1] === '"' || rest[i + 1] === '\\' || rest[i + 1] === ']')) {
            value += rest[++i];
          } else if (c === '"') break;
          else if (c === ']') throw new Error('unescaped ] in PARAM-VALUE');
          else value += c;
        }
        if (i === rest.length) throw new Error('unterminated PARAM-VALUE');
        rest = rest.slice(i + 1);
        params.push([name[0], value]);
      }
      if (!rest.startsWith(']')) throw new Error(`SD-ELEMENT not closed at ${rest.slice(0, 40)}`);
      rest = rest.slice(1);
      sd.set(id[0], params);
    }
  }
  let msg = '';
  if (rest.startsWith(' ')) msg = rest.slice(1);
  else if (rest !== '') throw new Error(`no SP before MSG: ${rest.slice(0, 40)}`);
  const bom = msg.startsWith('\ufeff');
  return {
    pri,
    facility: Math.floor(pri / 8),
    severity: pri % 8,
    version: Number(h[2]),
    timestamp: h[3],
    hostname: h[4],
    appName: h[5],
    procId: h[6],
    msgId: h[7],
    sd,
    msg: bom ? msg.slice(1) : msg,
    bom,
  };
}

export interface CefEvent {
  version: string;
  vendor: string;
  product: string;
  deviceVersion: string;
  signatureId: string;
  name: string;
  severity: string;
  extension: Record<string, string>;
}

/** Header: 7 fields split at unescaped `|` (`\|` and `\\` escaped); extension: `key=value` pairs, a value ending where ` key=` starts. */
export function parseCef(line: string): CefEvent {
  if (!line.startsWith('CEF:')) throw new Error(`not CEF: ${line.slice(0, 40)}`);
  const fields: string[] = [];
  let cur = '';
  let i = 0;
  for (; i < line.length && fields.length < 7; i++) {
    const c = line[i];
    if (c === '\\' && (line[i + 1] === '|' || line[i + 1] === '\\')) cur += line[++i];
    else if (c === '|') {
      fields.push(cur);
      cur = '';
    } else cur += c;
  }
  if (fields.length < 7) throw new Error('CEF header has fewer than 7 fields');
  const ext = line.slice(i);
  const extension: Record<string, string> = {};
  const keyAt = /(?:^| )([A-Za-z0-9_]+)=/g;
  const starts: { key: string; at: number; valueAt: number }[] = [];
  for (let m = keyAt.exec(ext); m !== null; m = keyAt.exec(ext)) {
    // A key's `=` is never escaped; an escaped `\=` inside a value is not a key boundary.
    let backslashes = 0;
    for (let j = m.index - 1; j >= 0 && ext[j] === '\\'; j--) backslashes++;
    if (m.index > 0 && backslashes % 2 === 1) continue;
    starts.push({ key: m[1], at: m.index, valueAt: m.index + m[0].length });
  }
  starts.forEach((s, k) => {
    const end = k + 1 < starts.length ? starts[k + 1].at : ext.length;
    const raw = ext.slice(s.valueAt, end);
    extension[s.key] = raw.replace(/\\(.)/g, (_m, c: string) => (c === 'n' ? '\n' : c === 'r' ? '\r' : c));
  });
  return {
    version: fields[0].slice(4),
    vendor: fields[1],
    product: fields[2],
    deviceVersion: fields[3],
    signatureId: fields[4],
    name: fields[5],
    severity: fields[6],
    extension,
  };
}
