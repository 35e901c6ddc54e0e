import { remainderBlocked } from './errors.js';

/**
 * With `body.overLimit: inspect-prefix` the bytes past the inspection limit stream on to the upstream.
 * Unjudged, that rest is a free pass: pad the first MiB, put the attack after it. So the rest is held
 * back in windows, each window (with the tail of the previous one, so a payload split across a window
 * edge is still seen whole) is judged by the gates before its bytes are released, and a window that
 * blocks aborts the upstream request: the upstream never receives a complete request, the client gets
 * the block answer. Past `maxBytes` the rest streams unjudged and the request counts as partial.
 */
export interface RemainderScanOptions {
  /** Bytes judged at once. */
  windowBytes: number;
  /** Bytes of the previous window judged again with the next one. */
  overlapBytes: number;
  /** Bytes of the rest judged at most; beyond, they stream unjudged. */
  maxBytes: number;
}

export interface RemainderScanState {
  scannedBytes: number;
  unscannedBytes: number;
  /** Set by the judge when a window blocked. */
  blocked: boolean;
}

/** Judges one window of the rest; true when it blocks the request. */
export type JudgeWindow = (window: Buffer) => Promise<boolean>;

export const REMAINDER_SCAN_DEFAULTS: Readonly<RemainderScanOptions> = Object.freeze({
  windowBytes: 65_536,
  overlapBytes: 1_024,
  maxBytes: 8_388_608,
});

export function newRemainderScanState(): RemainderScanState {
  return { scannedBytes: 0, unscannedBytes: 0, blocked: false };
}

/**
 * The rest of the body, released window by window once judged. `prefixTail`: the last bytes of the
 * inspected prefix, judged again with the first window. Throws `remainderBlocked` (which aborts the
 * upstream request) when a window blocks.
 */
export async function* scanRemainder(
  rest: AsyncIterable<Buffer>,
  prefixTail: Buffer,
  judge: JudgeWindow,
  options: RemainderScanOptions,
  state: RemainderScanState,
): AsyncIterable<Buffer> {
  let tail = prefixTail.subarray(Math.max(0, prefixTail.length - options.overlapBytes));
  let pending: Buffer[] = [];
  let pendingBytes = 0;

  const release = async function* (): AsyncIterable<Buffer> {
    const window = Buffer.concat([tail, ...pending], tail.length + pendingBytes);
    if (await judge(window)) {
      state.blocked = true;
      throw remainderBlocked(state.scannedBytes);
    }
    state.scannedBytes += pendingBytes;
    tail = window.subarray(Math.max(0, window.length - options.overlapBytes));
    const out = pending;
    pending = [];
    pendingBytes = 0;
    yield* out;
  };

  for await (const chunk of rest) {
    if (state.scannedBytes + pendingBytes >= options.maxBytes) {
      if (pendingBytes > 0) yield* release();
      state.unscannedBytes += chunk.length;
      yield chunk;
      continue;
    }
    pending.push(chunk);
    pendingBytes += chunk.length;
    if (pendingBytes >= options.windowBytes) yield* release();
  }
  if (pendingBytes > 0) yield* release();
}
