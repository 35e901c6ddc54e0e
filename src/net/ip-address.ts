/**
 * IPv4/IPv6 text → fixed-width words, parsed here rather than with node:net so that CIDR matching,
 * IPv6 /64 keying and IPv4-mapped normalisation share one representation and one canonical form.
 */

/** An address as 16-bit words: 2 for IPv4, 8 for IPv6. IPv4-mapped IPv6 (`::ffff:a.b.c.d`) is stored as IPv4. */
export interface IpAddress {
  version: 4 | 6;
  words: Uint16Array;
}

function parseIpv4Words(text: string, out: Uint16Array, at: number): boolean {
  // Four decimal bytes, one character at a time: every request's peer (and forwarded client) address
  // comes through here several times, and split + a pattern per part allocated on each.
  const n = text.length;
  let part = 0;
  let value = 0;
  let digits = 0;
  let hi = 0;
  for (let i = 0; i <= n; i++) {
    const c = i === n ? 0x2e : text.charCodeAt(i);
    if (c === 0x2e) {
      if (digits === 0 || value > 255 || part === 4) return false;
      if ((part & 1) === 0) hi = value;
      else out[at + (part >> 1)] = (hi << 8) | value;
      part++;
      value = 0;
      digits = 0;
      continue;
    }
    if (c < 0x30 || c > 0x39) return false;
    // Leading zeros are refused: `010` means 8 to some parsers and 10 to others.
    if (digits === 1 && value === 0) return false;
    if (++digits > 3) return false;
    value = value * 10 + (c - 0x30);
  }
  return part === 4;
}

function parseIpv6(text: string): Uint16Array | null {
  const zone = text.indexOf('%');
  const addr = zone >= 0 ? text.slice(0, zone) : text;
  const halves = addr.split('::');
  if (halves.length > 2) return null;
  const head = halves[0] === '' ? [] : halves[0].split(':');
  const tail = halves.length === 2 ? (halves[1] === '' ? [] : halves[1].split(':')) : [];
  const words = new Uint16Array(8);
  const groups: string[] = halves.length === 2 ? [...head, ...tail] : head;
  // An IPv4 tail takes two words.
  const last = groups[groups.length - 1];
  const v4Tail = last !== undefined && last.includes('.');
  const wordCount = groups.length + (v4Tail ? 1 : 0);
  if (halves.length === 1 ? wordCount !== 8 : wordCount > 7) return null;
  const fill = (list: string[], start: number): boolean => {
    for (let i = 0; i < list.length; i++) {
      const g = list[i];
      if (i === list.length - 1 && g.includes('.')) {
        return parseIpv4Words(g, words, start + i);
      }
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return false;
      words[start + i] = parseInt(g, 16);
    }
    return true;
  };
  if (halves.length === 1) return fill(head, 0) ? words : null;
  if (head.some((g) => g.includes('.'))) return null;
  if (!fill(head, 0)) return null;
  const tailWords = tail.length + (v4Tail ? 1 : 0);
  return fill(tail, 8 - tailWords) ? words : null;
}

/** Parses an IPv4 or IPv6 literal (no port, no brackets); null when it is not one. */
export function parseIp(text: string): IpAddress | null {
  if (text.includes(':')) {
    const words = parseIpv6(text);
    if (words === null) return null;
    const mapped = words[0] === 0 && words[1] === 0 && words[2] === 0 && words[3] === 0 && words[4] === 0 && words[5] === 0xffff;
    return mapped ? { version: 4, words: words.slice(6) } : { version: 6, words };
  }
  const words = new Uint16Array(2);
  return parseIpv4Words(text, words, 0) ? { version: 4, words } : null;
}

/** Canonical text (RFC 5952 for IPv6: lower case, longest zero run compressed), so one host has one key. */
export function formatIp(ip: IpAddress): string {
  const w = ip.words;
  if (ip.version === 4) return `${w[0] >> 8}.${w[0] & 255}.${w[1] >> 8}.${w[1] & 255}`;
  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (w[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && w[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = (from: number, to: number): string => Array.from(w.subarray(from, to), (x) => x.toString(16)).join(':');
  if (bestStart < 0) return hex(0, 8);
  return `${hex(0, bestStart)}::${hex(bestStart + bestLen, 8)}`;
}

/** Keeps the first `bits` bits and zeroes the rest (the network of a prefix). */
export function maskIp(ip: IpAddress, bits: number): IpAddress {
  const words = ip.words.slice();
  for (let i = 0; i < words.length; i++) {
    const keep = Math.max(0, Math.min(16, bits - i * 16));
    words[i] = keep === 16 ? words[i] : keep === 0 ? 0 : words[i] & ((0xffff << (16 - keep)) & 0xffff);
  }
  return { version: ip.version, words };
}

/** Strips what proxies put around an address in X-Forwarded-For: `[v6]:port`, `v4:port`, quotes. */
export function stripPortAndBrackets(hop: string): string {
  let s = hop.trim();
  if (s.startsWith('"') && s.endsWith('"') && s.length >= 2) s = s.slice(1, -1);
  if (s.startsWith('[')) {
    const end = s.indexOf(']');
    return end > 0 ? s.slice(1, end) : s;
  }
  const colon = s.indexOf(':');
  // Exactly one colon: IPv4 with a port. More than one: a bare IPv6 address.
  if (colon > 0 && s.indexOf(':', colon + 1) < 0) return s.slice(0, colon);
  return s;
}
