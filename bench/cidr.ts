/**
 * CIDR list lookups (src/net/cidr.ts) as the list grows from 100 to 100,000 networks, half IPv4,
 * half IPv6, against a linear scan over the same networks (what the list did before it kept sorted
 * ranges). Lookups are of pre-parsed addresses (the proxy parses the client address once per request),
 * a mix of hits and misses of both families.
 * Run: npx tsx bench/cidr.ts   (figures in µs per lookup; median and p99)
 */
import { Bench } from 'tinybench';
import { CidrList, parseNetwork, type Network } from '../src/net/cidr.js';
import { parseIp, type IpAddress } from '../src/net/ip-address.js';
import { microBenchOptions, printMicroResults } from './lib/micro-harness.js';

/** Deterministic pseudo-random networks (xorshift32), IPv4 /16../32 and IPv6 /32../64. */
function networks(count: number, seed: number): string[] {
  let s = seed;
  const next = (): number => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return s >>> 0;
  };
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const r = next();
    if (i % 2 === 0) out.push(`${r >>> 24}.${(r >>> 16) & 255}.${(r >>> 8) & 255}.${r & 255}/${16 + (next() % 17)}`);
    else out.push(`2001:${(r >>> 16).toString(16)}:${(r & 0xffff).toString(16)}:${(next() & 0xffff).toString(16)}::/${32 + (next() % 33)}`);
  }
  return out;
}

function linearContains(nets: readonly Network[], ip: IpAddress): boolean {
  for (const net of nets) {
    if (net.version !== ip.version) continue;
    let hit = true;
    for (let i = 0, bits = net.bits; bits > 0; i++, bits -= 16) {
      const mask = bits >= 16 ? 0xffff : (0xffff << (16 - bits)) & 0xffff;
      if ((ip.words[i] & mask) !== net.words[i]) {
        hit = false;
        break;
      }
    }
    if (hit) return true;
  }
  return false;
}

const probes: IpAddress[] = [];
for (const text of networks(512, 99)) probes.push(parseIp(text.slice(0, text.indexOf('/')))!);

const sizes = [100, 1_000, 10_000, 100_000];
const bench = new Bench(microBenchOptions({ time: 1000 }));
const buildMs: Record<string, number> = {};
for (const size of sizes) {
  const cidrs = networks(size, 7);
  // Half the probes hit: addresses inside listed networks.
  const hits = Array.from({ length: 256 }, (_, k) => cidrs[k % size]).map((c) => parseIp(c.slice(0, c.indexOf('/')))!);
  const mixed = probes.slice(0, 256).concat(hits);
  const started = performance.now();
  const list = new CidrList(cidrs);
  buildMs[size] = Math.round(performance.now() - started);
  const nets = cidrs.map((c) => parseNetwork(c) as Network);
  let i = 0;
  let found = 0;
  bench.add(`sorted ranges, ${size} networks`, () => {
    if (list.containsAddress(mixed[i++ & 511])) found++;
  });
  if (size <= 10_000) {
    let j = 0;
    bench.add(`linear scan, ${size} networks`, () => {
      if (linearContains(nets, mixed[j++ & 511])) found++;
    });
  }
  // Both answer alike (checked once here, so the bench cannot time a wrong matcher).
  for (const p of mixed) if (list.containsAddress(p) !== linearContains(nets, p)) throw new Error(`matchers disagree at ${size} networks`);
  void found;
}
await bench.run();
printMicroResults(bench);
console.log('list build (parse + sort + merge), ms:', buildMs);
