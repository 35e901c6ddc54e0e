import { maskIp, parseIp, type IpAddress } from './ip-address.js';
import { reputationConfigInvalid } from './errors.js';

interface Network {
  version: 4 | 6;
  bits: number;
  words: Uint16Array;
}

function parseNetwork(cidr: string, path: string): Network {
  const slash = cidr.indexOf('/');
  const addrText = slash < 0 ? cidr.trim() : cidr.slice(0, slash).trim();
  const ip = parseIp(addrText);
  if (ip === null) throw reputationConfigInvalid(path, `"${cidr}" is not an IPv4/IPv6 address or CIDR`);
  // A mapped address written as IPv6 (`::ffff:10.0.0.0/104`) counts its prefix in IPv6 bits.
  const width = ip.version === 4 ? 32 : 128;
  const mappedOffset = ip.version === 4 && addrText.includes(':') ? 96 : 0;
  let bits = width;
  if (slash >= 0) {
    const b = cidr.slice(slash + 1).trim();
    if (!/^[0-9]{1,3}$/.test(b)) throw reputationConfigInvalid(path, `"${cidr}" has a bad prefix length`);
    bits = Number(b) - mappedOffset;
    if (bits < 0 || bits > width) throw reputationConfigInvalid(path, `"${cidr}" prefix length out of range`);
  }
  return { version: ip.version, bits, words: maskIp(ip, bits).words };
}

function contains(net: Network, ip: IpAddress): boolean {
  if (net.version !== ip.version) return false;
  const w = ip.words;
  for (let i = 0, bits = net.bits; bits > 0; i++, bits -= 16) {
    const mask = bits >= 16 ? 0xffff : (0xffff << (16 - bits)) & 0xffff;
    if ((w[i] & mask) !== net.words[i]) return false;
  }
  return true;
}

/**
 * A list of IPv4/IPv6 networks parsed once. Lists here are short (proxies, trusted scanners), so a
 * linear scan over pre-masked words beats building a trie.
 */
export class CidrList {
  private readonly networks: Network[];

  /** `path` names the config key in error messages (e.g. `reputation.trustedProxies`). */
  constructor(cidrs: readonly string[], path = 'cidrs') {
    this.networks = cidrs.map((c, i) => parseNetwork(c, `${path}[${i}]`));
  }

  get size(): number {
    return this.networks.length;
  }

  containsAddress(ip: IpAddress): boolean {
    for (const net of this.networks) if (contains(net, ip)) return true;
    return false;
  }

  /** False for text that is not an address. */
  contains(text: string): boolean {
    if (this.networks.length === 0) return false;
    const ip = parseIp(text);
    return ip !== null && this.containsAddress(ip);
  }
}
