import { maskIp, parseIp, type IpAddress } from './ip-address.js';
import { cidrInvalid } from './errors.js';
import type { WardenError } from '../errors.js';

/** A network as its first address and prefix length, IPv4 in 32 bits, IPv6 in 128. */
export interface Network {
  version: 4 | 6;
  bits: number;
  /** The masked network address (2 words for IPv4, 8 for IPv6). */
  words: Uint16Array;
}

/** Parses `10.0.0.0/8`, `2001:db8::/32`, `::ffff:10.0.0.0/104` or a bare address; the problem text when it is none. */
export function parseNetwork(cidr: string): Network | string {
  const slash = cidr.indexOf('/');
  const addrText = slash < 0 ? cidr.trim() : cidr.slice(0, slash).trim();
  const ip = parseIp(addrText);
  if (ip === null) return `"${cidr}" is not an IPv4/IPv6 address or CIDR`;
  // A mapped address written as IPv6 (`::ffff:10.0.0.0/104`) counts its prefix in IPv6 bits.
  const width = ip.version === 4 ? 32 : 128;
  const mappedOffset = ip.version === 4 && addrText.includes(':') ? 96 : 0;
  let bits = width;
  if (slash >= 0) {
    const b = cidr.slice(slash + 1).trim();
    if (!/^[0-9]{1,3}$/.test(b)) return `"${cidr}" has a bad prefix length`;
    bits = Number(b) - mappedOffset;
    if (bits < 0 || bits > width) return `"${cidr}" prefix length out of range`;
  }
  return { version: ip.version, bits, words: maskIp(ip, bits).words };
}

/** 32-bit word `k` of an address held as 16-bit words. */
const word32 = (w: Uint16Array, k: number): number => ((w[2 * k] << 16) | w[2 * k + 1]) >>> 0;

/** All-ones in the low `32 - bits` bits of a 32-bit word whose prefix keeps `bits` bits (0..32). */
const hostMask = (bits: number): number => (bits <= 0 ? 0xffffffff : bits >= 32 ? 0 : 0xffffffff >>> bits);

/** Compares the 128-bit value at `arr[4i..4i+3]` with (a0..a3): <0, 0, >0. */
function compare128(arr: Uint32Array, i: number, a0: number, a1: number, a2: number, a3: number): number {
  const o = i * 4;
  if (arr[o] !== a0) return arr[o] < a0 ? -1 : 1;
  if (arr[o + 1] !== a1) return arr[o + 1] < a1 ? -1 : 1;
  if (arr[o + 2] !== a2) return arr[o + 2] < a2 ? -1 : 1;
  if (arr[o + 3] !== a3) return arr[o + 3] < a3 ? -1 : 1;
  return 0;
}

/** Disjoint, sorted IPv4 ranges [start, end] as unsigned 32-bit numbers. */
function buildRanges4(nets: Network[]): { starts: Uint32Array; ends: Uint32Array } {
  const pairs = nets.map((n) => {
    const start = word32(n.words, 0);
    return [start, (start | hostMask(n.bits)) >>> 0] as const;
  });
  pairs.sort((a, b) => a[0] - b[0]);
  const starts: number[] = [];
  const ends: number[] = [];
  for (const [s, e] of pairs) {
    const last = ends.length - 1;
    if (last >= 0 && s <= ends[last]) {
      if (e > ends[last]) ends[last] = e;
    } else {
      starts.push(s);
      ends.push(e);
    }
  }
  return { starts: Uint32Array.from(starts), ends: Uint32Array.from(ends) };
}

/** Disjoint, sorted IPv6 ranges, each bound as four 32-bit words (most significant first). */
function buildRanges6(nets: Network[]): { starts: Uint32Array; ends: Uint32Array; count: number } {
  const n = nets.length;
  const rawStarts = new Uint32Array(n * 4);
  const rawEnds = new Uint32Array(n * 4);
  nets.forEach((net, i) => {
    for (let k = 0; k < 4; k++) {
      const start = word32(net.words, k);
      rawStarts[i * 4 + k] = start;
      rawEnds[i * 4 + k] = (start | hostMask(net.bits - 32 * k)) >>> 0;
    }
  });
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => compare128(rawStarts, a, rawStarts[b * 4], rawStarts[b * 4 + 1], rawStarts[b * 4 + 2], rawStarts[b * 4 + 3]));
  const starts = new Uint32Array(n * 4);
  const ends = new Uint32Array(n * 4);
  let count = 0;
  for (const i of order) {
    const o = i * 4;
    if (count > 0 && compare128(ends, count - 1, rawStarts[o], rawStarts[o + 1], rawStarts[o + 2], rawStarts[o + 3]) >= 0) {
      // Overlaps the previous range: extend it if this one reaches further.
      if (compare128(ends, count - 1, rawEnds[o], rawEnds[o + 1], rawEnds[o + 2], rawEnds[o + 3]) < 0) ends.set(rawEnds.subarray(o, o + 4), (count - 1) * 4);
      continue;
    }
    starts.set(rawStarts.subarray(o, o + 4), count * 4);
    ends.set(rawEnds.subarray(o, o + 4), count * 4);
    count++;
  }
  return { starts: starts.slice(0, count * 4), ends: ends.slice(0, count * 4), count };
}

/** Where a bad entry is reported: a config key (`access.ipDeny` → `access.ipDeny[3]`) or a per-entry name (`deny.txt:12`). */
export type EntryPath = string | ((index: number) => string);

/**
 * A set of IPv4/IPv6 networks parsed once into sorted, merged address ranges per family; a lookup is
 * a binary search (O(log n), no allocation), so a 100k-entry deny list costs what a short one does.
 * IPv4-mapped IPv6 addresses (`::ffff:a.b.c.d`) are IPv4 on both sides.
 */
export class CidrList {
  /** Entries as configured (before overlapping networks were merged). */
  readonly size: number;
  private readonly starts4: Uint32Array;
  private readonly ends4: Uint32Array;
  private readonly starts6: Uint32Array;
  private readonly ends6: Uint32Array;
  private readonly count6: number;

  /**
   * `path` names each entry in error messages; `invalid` builds the error (default WARDEN_NET_CIDR_INVALID),
   * so a room can report bad entries under its own config error code.
   */
  constructor(cidrs: readonly string[], path: EntryPath = 'cidrs', invalid: (path: string, problem: string) => WardenError = cidrInvalid) {
    const v4: Network[] = [];
    const v6: Network[] = [];
    cidrs.forEach((c, i) => {
      const net = parseNetwork(c);
      if (typeof net === 'string') throw invalid(typeof path === 'string' ? `${path}[${i}]` : path(i), net);
      (net.version === 4 ? v4 : v6).push(net);
    });
    this.size = cidrs.length;
    ({ starts: this.starts4, ends: this.ends4 } = buildRanges4(v4));
    ({ starts: this.starts6, ends: this.ends6, count: this.count6 } = buildRanges6(v6));
  }

  containsAddress(ip: IpAddress): boolean {
    const w = ip.words;
    if (ip.version === 4) {
      const starts = this.starts4;
      let lo = 0;
      let hi = starts.length - 1;
      if (hi < 0) return false;
      const x = ((w[0] << 16) | w[1]) >>> 0;
      // Last range starting at or before x.
      while (lo < hi) {
        const mid = (lo + hi + 1) >>> 1;
        if (starts[mid] <= x) lo = mid;
        else hi = mid - 1;
      }
      return starts[lo] <= x && x <= this.ends4[lo];
    }
    if (this.count6 === 0) return false;
    const a0 = word32(w, 0);
    const a1 = word32(w, 1);
    const a2 = word32(w, 2);
    const a3 = word32(w, 3);
    let lo = 0;
    let hi = this.count6 - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (compare128(this.starts6, mid, a0, a1, a2, a3) <= 0) lo = mid;
      else hi = mid - 1;
    }
    return compare128(this.starts6, lo, a0, a1, a2, a3) <= 0 && compare128(this.ends6, lo, a0, a1, a2, a3) >= 0;
  }

  /** False for text that is not an address. */
  contains(text: string): boolean {
    if (this.size === 0) return false;
    const ip = parseIp(text);
    return ip !== null && this.containsAddress(ip);
  }
}
