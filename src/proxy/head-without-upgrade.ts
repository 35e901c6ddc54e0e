import type { IncomingMessage } from 'node:http';
import { rawHeadersWithout } from '../net/raw-headers.js';

/** Connection options that only mean something with an Upgrade (RFC 9113 §3.2: `HTTP2-Settings` rides with `h2c`). */
const UPGRADE_OPTIONS = new Set(['upgrade', 'http2-settings']);

/**
 * A request's head written again without its Upgrade: no `Upgrade` or `HTTP2-Settings` line, and those
 * names gone from `Connection` (the line dropped when nothing else is left). Everything else is written
 * as received, names and values byte for byte (Node reads header bytes as latin1), so parsing it again
 * gives the same request minus the upgrade.
 */
export function headWithoutUpgrade(req: IncomingMessage): Buffer {
  let head = `${req.method ?? 'GET'} ${req.url ?? '/'} HTTP/${req.httpVersion}\r\n`;
  const kept = rawHeadersWithout(req.rawHeaders, (name) => UPGRADE_OPTIONS.has(name));
  for (let i = 0; i < kept.length; i += 2) {
    if (kept[i].toLowerCase() !== 'connection') {
      head += `${kept[i]}: ${kept[i + 1]}\r\n`;
      continue;
    }
    const options = kept[i + 1]
      .split(',')
      .map((t) => t.trim())
      .filter((t) => t !== '' && !UPGRADE_OPTIONS.has(t.toLowerCase()));
    if (options.length > 0) head += `${kept[i]}: ${options.join(', ')}\r\n`;
  }
  return Buffer.from(`${head}\r\n`, 'latin1');
}
