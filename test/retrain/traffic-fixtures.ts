import type { TrafficLine } from '../../src/log/traffic-log.js';

let seq = 0;

/** A traffic log line as TrafficLog writes it, with the fields a test cares about overridable. */
export function trafficLine(over: Partial<TrafficLine> & { action?: TrafficLine['verdict']['action']; reasons?: string[]; confidence?: TrafficLine['verdict']['confidence'] } = {}): TrafficLine {
  const { action = 'allow', reasons = [], confidence = 'none', ...rest } = over;
  seq++;
  return {
    id: `t${String(seq).padStart(8, '0')}`,
    ts: new Date(Date.UTC(2025, 0, 1) + seq * 1000).toISOString(),
    source: 'traffic',
    label: action === 'allow' ? 'benign' : 'attack',
    category: 'live',
    ip: '198.51.100.1',
    method: 'GET',
    path: '/search',
    query: 'q=hello',
    headers: { host: 'app.test' },
    verdict: { action, confidence, score: action === 'allow' ? 0 : 0.9, reasons },
    ...rest,
  };
}

/** `n` clean requests from one source spread over `spanMs`. */
export function cleanHistory(ip: string, n: number, spanMs: number, over: Partial<TrafficLine> = {}): TrafficLine[] {
  const start = Date.UTC(2025, 0, 1);
  return Array.from({ length: n }, (_, i) => trafficLine({ ip, ts: new Date(start + Math.round((i * spanMs) / Math.max(1, n - 1))).toISOString(), ...over }));
}
